// `ridgeline-cli [--profile DIR] audit verify`: recomputes the audit trail's
// hash chain; exit 0 with the count when intact, 1 naming the first broken event.
#include <ostream>

#include "arguments.h"
#include "command_registry.h"
#include "profile_access.h"

namespace ridgeline::cli {
namespace {

int runAuditVerify(Context& ctx) {
  Arguments args(ctx.args, {}, {"--images"});
  args.expectPositional(0, 0, "no positional arguments");
  auto store = openExistingProfile(ctx);
  NoProgress progress;
  const store::AuditVerification result = store->verifyAudit(progress);
  if (!result.intact) {
    ctx.err << "audit trail BROKEN at event " << result.firstBrokenSeq << ": " << result.problem << "\n"
            << result.checked << " events before it verified\n";
    return 1;
  }
  ctx.out << "audit trail intact: " << result.checked << " events verified, head " << result.headHash << "\n";
  if (args.has("--images")) {
    const auto problems = store->checkImages();
    for (const auto& p : problems) ctx.err << p << "\n";
    if (!problems.empty()) return 1;
    ctx.out << "images intact: every referenced image file matches its SHA-256\n";
  }
  return 0;
}

const RegisterCommand reg{{"audit verify", "[--profile DIR] audit verify [--images]",
                           "Recompute the audit trail's hash chain and name the first broken event; "
                           "--images also re-hashes every image the profile references.",
                           runAuditVerify}};

}  // namespace
}  // namespace ridgeline::cli
