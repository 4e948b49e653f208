#include "core/model/feature_set.h"

#include <cmath>
#include <numbers>

namespace ridgeline {

double normalizeAngle(double radians) {
  constexpr double twoPi = 2 * std::numbers::pi;
  double a = std::fmod(radians, twoPi);
  if (a < 0) a += twoPi;
  return a >= twoPi ? 0 : a;
}

}  // namespace ridgeline
