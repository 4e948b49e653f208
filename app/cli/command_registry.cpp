#include "command_registry.h"

namespace ridgeline::cli {

CommandRegistry& CommandRegistry::instance() {
  static CommandRegistry registry;
  return registry;
}

void CommandRegistry::add(Command command) { commands_[command.name] = std::move(command); }

const Command* CommandRegistry::find(const std::vector<std::string>& words, size_t& consumed) const {
  std::string key;
  const Command* best = nullptr;
  for (size_t i = 0; i < words.size() && i < 3; ++i) {
    key += (i ? " " : "") + words[i];
    if (auto it = commands_.find(key); it != commands_.end()) {
      best = &it->second;
      consumed = i + 1;
    }
  }
  return best;
}

}  // namespace ridgeline::cli
