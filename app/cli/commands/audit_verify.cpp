// `ridgeline-cli [--profile DIR] audit verify`: recomputes the audit trail's
// hash chain; exit 0 with the count when intact, 1 naming the first broken event.
#include <ostream>

#include "arguments.h"
#include "command_registry.h"
#include "profile_access.h"

namespace ridgeline::cli {
namespace {

int runAuditVerify(Context& ctx) {
  Arguments args(ctx.args, {});
  args.expectPositional(0, 0, "no arguments");
  auto store = openExistingProfile(ctx);
  NoProgress progress;
  const store::AuditVerification result = store->verifyAudit(progress);
  if (!result.intact) {
    ctx.err << "audit trail BROKEN at event " << result.firstBrokenSeq << ": " << result.problem << "\n"
            << result.checked << " events before it verified\n";
    return 1;
  }
  ctx.out << "audit trail intact: " << result.checked << " events verified, head " << result.headHash << "\n";
  return 0;
}

const RegisterCommand reg{{"audit verify", "[--profile DIR] audit verify",
                           "Recompute the audit trail's hash chain; name the first broken event.", runAuditVerify}};

}  // namespace
}  // namespace ridgeline::cli
