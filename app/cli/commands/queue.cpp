// `ridgeline-cli --profile DIR queue [--json]`: the cases in the profile, most
// urgent first, with their local status and what waits in the outbox.
#include <Poco/JSON/Array.h>

#include <algorithm>
#include <cstdio>
#include <ostream>

#include "command_registry.h"
#include "commands/desk_user.h"
#include "core/hub/protocol/json_reader.h"

namespace ridgeline::cli {
namespace {

int runQueue(Context& ctx) {
  const Arguments args(ctx.args, {}, {"--json"});
  args.expectPositional(0, 0, "queue takes no arguments");
  store::CaseStore store(profileOf(ctx.profileDir));
  std::vector<Case> cases = store.listCases();
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) {
    return a.priority != b.priority ? a.priority < b.priority : a.receivedAt < b.receivedAt;
  });
  std::map<std::int64_t, int> waiting;
  for (const auto& item : store.outbox())
    if (item.state != OutboxState::Acknowledged) ++waiting[item.caseId];

  if (args.has("--json")) {
    Poco::JSON::Array list;
    for (const Case& c : cases) {
      auto o = hub::orderedObject();
      o->set("id", c.id);
      o->set("hubId", c.hubId);
      o->set("modality", std::string(toCode(c.modality)));
      o->set("priority", c.priority);
      o->set("status", std::string(toCode(c.status)));
      o->set("bestHubScore", c.bestHubScore);
      o->set("hubThreshold", c.hubThreshold);
      o->set("receivedAt", c.receivedAt);
      o->set("leaseHolder", c.leaseHolder);
      o->set("leaseExpires", c.leaseExpires);
      o->set("impressions", static_cast<int>(store.impressions(c.id).size()));
      o->set("decisionsWaiting", waiting[c.id]);
      list.add(o);
    }
    list.stringify(ctx.out);
    ctx.out << "\n";
    return 0;
  }
  if (cases.empty()) {
    ctx.out << "no cases in this profile (run sync)\n";
    return 0;
  }
  char line[256];
  std::snprintf(line, sizeof line, "%-20s %-11s %3s %-10s %10s %10s %-12s %s\n", "CASE", "MODALITY", "PRI", "STATUS", "BEST",
                "THRESHOLD", "LEASED BY", "IMAGES");
  ctx.out << line;
  for (const Case& c : cases) {
    std::snprintf(line, sizeof line, "%-20s %-11s %3d %-10s %10.4g %10.4g %-12s %zu%s\n", c.hubId.c_str(),
                  std::string(toCode(c.modality)).c_str(), c.priority, std::string(toCode(c.status)).c_str(), c.bestHubScore,
                  c.hubThreshold, c.leaseHolder.empty() ? "-" : c.leaseHolder.c_str(), store.impressions(c.id).size(),
                  waiting[c.id] ? "  (decision waiting for sync)" : "");
    ctx.out << line;
  }
  return 0;
}

const RegisterCommand reg{{"queue", "[--profile DIR] queue [--json]",
                           "List the cases in the profile, most urgent first, with status and waiting decisions.", runQueue}};

}  // namespace
}  // namespace ridgeline::cli
