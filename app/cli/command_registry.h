#pragma once
// Each CLI command lives in commands/<name>.cpp and registers itself with a
// static RegisterCommand, so the dispatcher never needs editing.
#include <functional>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace ridgeline::cli {

struct Context {
  std::vector<std::string> args;  // after the command word(s)
  std::string profileDir;         // --profile DIR, empty when not given
  std::ostream& out;
  std::ostream& err;
};

struct Command {
  std::string name;     // "match", "face compare", "audit verify"
  std::string synopsis; // one usage line, without "ridgeline-cli"
  std::string summary;  // what it does, one sentence
  std::function<int(Context&)> run;
};

class CommandRegistry {
 public:
  static CommandRegistry& instance();
  void add(Command command);
  // Longest match of the leading words of argv ("face compare" before "face").
  const Command* find(const std::vector<std::string>& words, size_t& consumed) const;
  const std::map<std::string, Command>& all() const { return commands_; }

 private:
  std::map<std::string, Command> commands_;
};

struct RegisterCommand {
  explicit RegisterCommand(Command command) { CommandRegistry::instance().add(std::move(command)); }
};

}  // namespace ridgeline::cli
