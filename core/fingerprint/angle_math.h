#pragma once
// Angle arithmetic shared by the matcher's files.
#include <cmath>
#include <numbers>

namespace ridgeline::fingerprint {

// a - b wrapped to [-pi, pi).
inline double angleDifference(double a, double b) {
  double d = std::fmod(a - b + std::numbers::pi, 2 * std::numbers::pi);
  if (d < 0) d += 2 * std::numbers::pi;
  return d - std::numbers::pi;
}

}  // namespace ridgeline::fingerprint
