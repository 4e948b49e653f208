#pragma once
// A small, strict option parser: unknown options are usage errors (exit 2)
// that name the option, so a typo never silently changes what a lab script does.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ridgeline::cli {

class Arguments {
 public:
  // valued: options that take a value ("--out"); flags: options that do not.
  Arguments(const std::vector<std::string>& args, std::set<std::string> valued,
            std::set<std::string> flags = {});

  const std::vector<std::string>& positional() const { return positional_; }
  bool has(const std::string& option) const;
  std::optional<std::string> value(const std::string& option) const;
  std::string required(const std::string& option) const;
  // Integer option with bounds; usage error naming the option when malformed.
  std::optional<long> integer(const std::string& option, long min, long max) const;
  void expectPositional(size_t min, size_t max, const std::string& what) const;

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string> values_;
  std::set<std::string> present_;
};

}  // namespace ridgeline::cli
