#include "core/fingerprint/relaxation.h"

#include <algorithm>
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
  static constexpr float kPerPixel = float(1 / kDistanceStep), kPerRadian = float(1 / kAngleStep);
  static size_t index(float v, float perUnit) { return size_t(std::min(float(kSize - 1), v * perUnit)); }
  float rho(float d1, float d2, float d3) const {
    return distance[index(d1, kPerPixel)] * direction[index(d2, kPerRadian)] * radial[index(d3, kPerRadian)];
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
      const PairGeometry& a = probe.geometry[size_t(pairs[t].probe) * na + size_t(pairs[k].probe)];
      const PairGeometry& b = candidate.geometry[size_t(pairs[t].candidate) * nb + size_t(pairs[k].candidate)];
      const float d1 = std::abs(a.distance - b.distance);
      const float d2 = angleGapWrapped(a.directionDiff, b.directionDiff);
      const float d3 = angleGapWrapped(a.radialAngle, b.radialAngle);
      rho[t * n + k] = rho[k * n + t] = tables.rho(d1, d2, d3);
    }
  std::vector<float> lambda(n), next(n);
  for (size_t t = 0; t < n; ++t) lambda[t] = float(pairs[t].initial);
  const float share = float((1 - kRelaxationWeight) / double(n - 1));
  // rho is symmetric, so each pair's support can be gathered a row at a time
  // (rho[k][t] * lambda[k] added over k): the inner loop then has no running
  // sum and the compiler vectorises it.
  for (int iteration = 0; iteration < kRelaxationIterations; ++iteration) {
    std::fill(next.begin(), next.end(), 0.0f);
    for (size_t k = 0; k < n; ++k) {
      const float weight = share * lambda[k];
      const float* row = &rho[k * n];
      for (size_t t = 0; t < n; ++t) next[t] += row[t] * weight;
    }
    for (size_t t = 0; t < n; ++t) next[t] += float(kRelaxationWeight) * lambda[t];
    lambda.swap(next);
  }
  for (size_t t = 0; t < n; ++t) pairs[t].relaxed = lambda[t];
  return pairs;
}

}  // namespace ridgeline::fingerprint
