#include "core/imaging/enhancement_step.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cmath>
#include <sstream>
#include <tuple>

#include "core/util/errors.h"

namespace ridgeline::imaging {
namespace {

using Range = ParameterRange;

const std::map<std::string, std::vector<Range>>& specs() {
  static const std::map<std::string, std::vector<Range>> s{
      {"levels", {{"black", 0, 254}, {"white", 1, 255}}},
      {"gamma", {{"gamma", 0.1, 10}}},
      {"invert", {}},
      {"clahe", {{"clip", 0.5, 40}, {"tile_mm", 1, 20}}},
      {"bandpass", {{"low_mm", 0.1, 5}, {"high_mm", 0.2, 10}}},
      {"background", {{"sigma_mm", 0.5, 20}}},
      {"revert", {}},
  };
  return s;
}

}  // namespace

const std::vector<std::string>& stepNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const auto& [name, ranges] : specs()) n.push_back(name);
    return n;
  }();
  return names;
}

const std::vector<ParameterRange>& parameterRanges(const std::string& step) {
  static const std::vector<ParameterRange> none;
  const auto spec = specs().find(step);
  return spec == specs().end() ? none : spec->second;
}

void validate(const Enhancement& step) {
  const auto spec = specs().find(step.name);
  if (spec == specs().end()) throw InputError("unknown enhancement step '" + step.name + "'");
  for (const auto& entry : step.params) {
    // Named, not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    const std::string& param = entry.first;
    const double value = entry.second;
    const auto& ranges = spec->second;
    auto r = std::find_if(ranges.begin(), ranges.end(), [&](const Range& x) { return param == x.name; });
    if (r == ranges.end()) throw InputError("enhancement '" + step.name + "' has no parameter '" + param + "'");
    if (!std::isfinite(value) || value < r->min || value > r->max) {
      std::ostringstream m;
      m << "enhancement '" << step.name << "': " << param << " = " << value << " is outside " << r->min << ".."
        << r->max;
      throw InputError(m.str());
    }
  }
  for (const Range& r : spec->second)
    if (!step.params.count(r.name))
      throw InputError("enhancement '" + step.name + "' needs parameter '" + r.name + "'");
  auto p = [&](const char* k) { return step.params.at(k); };
  if (step.name == "levels" && p("black") >= p("white"))
    throw InputError("enhancement 'levels': black must be below white");
  if (step.name == "bandpass" && p("low_mm") >= p("high_mm"))
    throw InputError("enhancement 'bandpass': low_mm must be below high_mm");
}

std::string parametersJson(const Enhancement& step) {
  // std::map orders keys, so the text is canonical (stable hashes in the log).
  std::ostringstream out;
  out.precision(17);
  out << '{';
  bool first = true;
  for (const auto& [k, v] : step.params) {
    out << (first ? "" : ",") << '"' << k << "\":" << v;
    first = false;
  }
  out << '}';
  return out.str();
}

Enhancement parseStep(const std::string& name, const std::string& json) {
  Enhancement step{name, {}};
  Poco::JSON::Object::Ptr object;
  try {
    object = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    throw InputError("enhancement '" + name + "': parameters are not a JSON object (" + e.displayText() + ")");
  } catch (const std::exception&) {
    throw InputError("enhancement '" + name + "': parameters are not a JSON object");
  }
  if (!object) throw InputError("enhancement '" + name + "': parameters are not a JSON object");
  for (const auto& key : object->getNames()) {
    const auto value = object->get(key);
    if (!value.isNumeric()) throw InputError("enhancement '" + name + "': parameter '" + key + "' is not a number");
    step.params[key] = value.convert<double>();
  }
  validate(step);
  return step;
}

}  // namespace ridgeline::imaging
