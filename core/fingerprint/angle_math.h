#pragma once
// Angle arithmetic shared by the matcher's files.
#include <algorithm>
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

// |a - b| as an angle in [0, pi], for a and b already wrapped to [-pi, pi):
// one minimum instead of a floor, for the relaxation's n^2 pairs. Written as
// a minimum, not a test, so it compiles without a branch (the gaps are random,
// a branch would be mispredicted half the time). The same value as
// "d > pi ? 2 pi - d : d": 2 pi - d rounds to at most pi when d > pi, and to at
// least d otherwise.
inline float angleGapWrapped(float a, float b) {
  constexpr float kPi = std::numbers::pi_v<float>;
  const float d = std::abs(a - b);
  return std::min(d, 2 * kPi - d);
}

}  // namespace ridgeline::fingerprint
