#include "core/fingerprint/relaxation.h"

#include <array>
#include <cmath>
#include <numbers>

#include "core/fingerprint/angle_math.h"

namespace ridgeline::fingerprint {

using namespace mcc;

namespace {
double sigmoid(double v, double mu, double tau) { return 1.0 / (1.0 + std::exp(-tau * (v - mu))); }

// The three compatibility sigmoids as tables: the relaxation evaluates them
// n^2 times per comparison, and table steps (1/16 px, pi/1024) are far below
// what minutiae positions resolve.
struct CompatibilityTables {
  static constexpr int kSize = 1024;
  static constexpr double kDistanceStep = 1.0 / 16, kAngleStep = std::numbers::pi / kSize;
  std::array<float, kSize> distance{}, direction{}, radial{};
  CompatibilityTables() {
    for (int i = 0; i < kSize; ++i) {
      distance[size_t(i)] = float(sigmoid(i * kDistanceStep, kMu1, kTau1));
      direction[size_t(i)] = float(sigmoid(i * kAngleStep, kMu2, kTau2));
      radial[size_t(i)] = float(sigmoid(i * kAngleStep, kMu3, kTau3));
    }
  }
  static int index(double v, double step) { return std::min(kSize - 1, int(v / step)); }
  float rho(double d1, double d2, double d3) const {
    return distance[size_t(index(d1, kDistanceStep))] * direction[size_t(index(d2, kAngleStep))] *
           radial[size_t(index(d3, kAngleStep))];
  }
};
}  // namespace

std::vector<RelaxedPair> relax(const MccTemplate& probe, const MccTemplate& candidate, std::vector<RelaxedPair> pairs) {
  static const CompatibilityTables tables;
  const size_t n = pairs.size();
  for (auto& p : pairs) p.relaxed = p.initial;
  if (n < 2) return pairs;
  const size_t na = probe.size(), nb = candidate.size();
  std::vector<float> rho(n * n, 0);
  for (size_t t = 0; t < n; ++t)
    for (size_t k = t + 1; k < n; ++k) {
      const size_t at = size_t(pairs[t].probe), ak = size_t(pairs[k].probe);
      const size_t bt = size_t(pairs[t].candidate), bk = size_t(pairs[k].candidate);
      const double d1 = std::abs(probe.distance[at * na + ak] - candidate.distance[bt * nb + bk]);
      const double d2 = std::abs(angleDifference(probe.directionDiff[at * na + ak], candidate.directionDiff[bt * nb + bk]));
      const double d3 = std::abs(angleDifference(probe.radialAngle[at * na + ak], candidate.radialAngle[bt * nb + bk]));
      rho[t * n + k] = rho[k * n + t] = tables.rho(d1, d2, d3);
    }
  std::vector<double> lambda(n), next(n);
  for (size_t t = 0; t < n; ++t) lambda[t] = pairs[t].initial;
  for (int iteration = 0; iteration < kRelaxationIterations; ++iteration) {
    for (size_t t = 0; t < n; ++t) {
      double support = 0;
      for (size_t k = 0; k < n; ++k) support += rho[t * n + k] * lambda[k];
      next[t] = kRelaxationWeight * lambda[t] + (1 - kRelaxationWeight) * support / double(n - 1);
    }
    lambda.swap(next);
  }
  for (size_t t = 0; t < n; ++t) pairs[t].relaxed = lambda[t];
  return pairs;
}

}  // namespace ridgeline::fingerprint
