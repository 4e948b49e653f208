#pragma once
// Angle arithmetic shared by the matcher's files.
#include <cmath>
#include <numbers>

namespace ridgeline::fingerprint {

// a - b wrapped to [-pi, pi). floor instead of fmod: this runs thousands of
// times per comparison.
inline double angleDifference(double a, double b) {
  constexpr double kTwoPi = 2 * std::numbers::pi;
  const double d = a - b;
  return d - kTwoPi * std::floor((d + std::numbers::pi) / kTwoPi);
}

}  // namespace ridgeline::fingerprint
