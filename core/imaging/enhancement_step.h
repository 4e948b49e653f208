#pragma once
// One enhancement step an examiner applies to a working copy of an image
// (never to the original): its name and parameters, as logged in the store
// and replayed to reproduce exactly what was looked at.
#include <map>
#include <string>
#include <vector>

namespace ridgeline::imaging {

struct Enhancement {
  std::string name;                       // see stepNames()
  std::map<std::string, double> params;   // named numbers; see docs/enhancement in the header below
  bool operator==(const Enhancement&) const = default;
};

// The steps Ridgeline knows, with their parameters and ranges:
//   levels     black 0..254, white 1..255 (black < white)
//   gamma      gamma 0.1..10
//   invert     (none)
//   clahe      clip 0.5..40, tile_mm 1..20
//   bandpass   low_mm 0.1..5, high_mm 0.2..10 (ridge periods kept, low < high)
//   background sigma_mm 0.5..20 (subtracts a smooth background)
//   revert     (none) back to the original: the log is a history, so undoing
//              every step is itself a logged step and replay stays exact
const std::vector<std::string>& stepNames();

struct ParameterRange {
  std::string name;
  double min, max;
};
// A step's parameters and their allowed ranges (empty for unknown steps), so
// a user interface offers exactly what validate() accepts.
const std::vector<ParameterRange>& parameterRanges(const std::string& step);

// Canonical JSON object of the parameters ({"gamma":1.5}), for the store's log.
std::string parametersJson(const Enhancement& step);
// Parses and validates; throws InputError naming the step and parameter.
Enhancement parseStep(const std::string& name, const std::string& parametersJson);
// Throws InputError when a parameter is missing, unknown or out of range.
void validate(const Enhancement& step);

}  // namespace ridgeline::imaging
