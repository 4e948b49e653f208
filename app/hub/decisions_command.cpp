// `ridgeline-hub decisions --state DIR`: every decision the hub received, as
// JSON lines, oldest first (who, when, what, and the submission as sent).
#include <filesystem>
#include <iostream>

#include "core/hub/server/hub_database.h"
#include "core/util/errors.h"
#include "hub_commands.h"

namespace ridgeline::hubapp {

int decisions(const std::vector<std::string>& args) {
  const Options o = parseOptions(args, false);
  if (!std::filesystem::exists(std::filesystem::path(o.state) / "hub.db"))
    throw InputError(o.state + " is not a hub state folder (no hub.db)");
  hub::HubDatabase database(o.state);
  for (const auto& line : database.decisionsAsJsonLines()) std::cout << line << "\n";
  return 0;
}

}  // namespace ridgeline::hubapp
