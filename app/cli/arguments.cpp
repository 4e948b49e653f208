#include "arguments.h"

#include <charconv>

#include "core/util/errors.h"

namespace ridgeline::cli {

Arguments::Arguments(const std::vector<std::string>& args, std::set<std::string> valued,
                     std::set<std::string> flags) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() > 2 && a.rfind("--", 0) == 0) {
      std::string name = a, inlineValue;
      bool hasInline = false;
      if (auto eq = a.find('='); eq != std::string::npos) {
        name = a.substr(0, eq);
        inlineValue = a.substr(eq + 1);
        hasInline = true;
      }
      if (valued.count(name)) {
        if (!hasInline) {
          if (i + 1 >= args.size()) throw UsageError("option " + name + " needs a value");
          inlineValue = args[++i];
        }
        values_[name] = inlineValue;
        present_.insert(name);
      } else if (flags.count(name) && !hasInline) {
        present_.insert(name);
      } else {
        throw UsageError("unknown option " + name);
      }
    } else {
      positional_.push_back(a);
    }
  }
}

bool Arguments::has(const std::string& option) const { return present_.count(option) != 0; }

std::optional<std::string> Arguments::value(const std::string& option) const {
  auto it = values_.find(option);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Arguments::required(const std::string& option) const {
  auto v = value(option);
  if (!v) throw UsageError("option " + option + " is required");
  return *v;
}

std::optional<long> Arguments::integer(const std::string& option, long min, long max) const {
  auto v = value(option);
  if (!v) return std::nullopt;
  long n = 0;
  auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || ptr != v->data() + v->size() || n < min || n > max)
    throw UsageError("option " + option + " takes a whole number from " + std::to_string(min) +
                     " to " + std::to_string(max) + ", not '" + *v + "'");
  return n;
}

void Arguments::expectPositional(size_t min, size_t max, const std::string& what) const {
  if (positional_.size() < min || positional_.size() > max) throw UsageError("expected " + what);
}

}  // namespace ridgeline::cli
