// `ridgeline-cli [--profile DIR] retention [--grace-hours N] [--purge-due]`:
// shows or sets the profile's purge grace period, and purges what is due.
#include <chrono>
#include <cstdlib>
#include <ostream>

#include "arguments.h"
#include "command_registry.h"
#include "profile_access.h"

namespace ridgeline::cli {
namespace {

std::string currentUser() {
  const char* user = std::getenv("USER");
  return user && *user ? user : "unknown";
}

int runRetention(Context& ctx) {
  Arguments args(ctx.args, {"--grace-hours"}, {"--purge-due"});
  args.expectPositional(0, 0, "no positional arguments");
  auto store = openExistingProfile(ctx);
  const Actor actor{currentUser(), "supervisor"};
  if (auto hours = args.integer("--grace-hours", 0, 24L * 365 * 10)) store->setPurgeGrace(std::chrono::hours(*hours), actor);
  const auto grace = std::chrono::duration_cast<std::chrono::minutes>(store->purgeGrace());
  ctx.out << "purge grace period: " << grace.count() / 60.0 << " hours after a non-identification is delivered\n";
  if (args.has("--purge-due")) ctx.out << "purged " << store->purgeDue(actor) << " cases\n";
  return 0;
}

const RegisterCommand reg{{"retention", "[--profile DIR] retention [--grace-hours N] [--purge-due]",
                           "Show or set how long data of delivered non-identifications is kept; purge what is due.",
                           runRetention}};

}  // namespace
}  // namespace ridgeline::cli
