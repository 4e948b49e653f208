// `ridgeline-cli [--profile DIR] audit log [--case ID]`: the trail, one event
// per line, oldest first. ID is the hub's case id or the local number.
#include <charconv>
#include <iomanip>
#include <map>
#include <ostream>

#include "arguments.h"
#include "command_registry.h"
#include "profile_access.h"

namespace ridgeline::cli {
namespace {

std::int64_t resolveCase(store::CaseStore& store, const std::string& id) {
  if (auto c = store.findCaseByHubId(id)) return c->id;
  std::int64_t local = 0;
  auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), local);
  if (ec == std::errc() && end == id.data() + id.size()) return store.getCase(local).id;
  throw InputError("no case '" + id + "' in this profile");
}

int runAuditLog(Context& ctx) {
  Arguments args(ctx.args, {"--case"});
  args.expectPositional(0, 0, "no positional arguments (use --case ID)");
  auto store = openExistingProfile(ctx);
  std::optional<std::int64_t> caseId;
  if (auto id = args.value("--case")) caseId = resolveCase(*store, *id);
  const auto events = store->auditLog(caseId);
  // Examiners know cases by the hub's id; the local number is the store's.
  std::map<std::int64_t, std::string> hubIds;
  for (const Case& c : store->listCases()) hubIds[c.id] = c.hubId;
  for (const AuditEvent& e : events) {
    ctx.out << std::setw(6) << e.seq << "  " << e.time << "  " << e.actor << " (" << e.role << ")  ";
    ctx.out << (e.caseId ? "case " + hubIds[*e.caseId] : std::string("-")) << "  " << e.action << "  " << e.details
            << "\n";
  }
  ctx.out << events.size() << " events\n";
  return 0;
}

const RegisterCommand reg{{"audit log", "[--profile DIR] audit log [--case ID]",
                           "Print the audit trail (of one case: hub id or local number).", runAuditLog}};

}  // namespace
}  // namespace ridgeline::cli
