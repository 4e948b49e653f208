#include "core/fingerprint/relaxation.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
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
  // The entry for v >= +0, the last one for anything beyond the table. The
  // limit is taken on the bit patterns (non-negative floats order like them),
  // which compiles to a conditional move: a float minimum feeding the
  // conversion becomes a branch, and half the distance differences of an
  // impostor pair fall beyond the table, so it would be mispredicted often.
  static size_t index(float v, float perUnit) {
    constexpr std::uint32_t kLast = std::bit_cast<std::uint32_t>(float(kSize - 1));
    const std::uint32_t clamped = std::min(std::bit_cast<std::uint32_t>(v * perUnit), kLast);
    return size_t(int(std::bit_cast<float>(clamped)));
  }
  // The product of the three factors; 0 instead when their exponents show
  // it below 2^-98 (every product below 2^-100 is among those). Far apart
  // pairs give factors so small that their product is subnormal (the
  // distance table itself ends in subnormals), and the processor works on
  // subnormals in microcode: they took a third of the relaxation's time.
  // A dropped term is over 20 orders of magnitude below the least value it
  // is added to (each support sum ends with half the pair's own weight,
  // above 10^-4): it can change a sum's rounding only if that sum lies that
  // close to a rounding boundary. The benchmark scores (FVC and latent sets)
  // are unchanged to the last digit.
  float rho(float d1, float d2, float d3) const {
    const float a = distance[index(d1, kPerPixel)], b = direction[index(d2, kPerRadian)];
    const float c = radial[index(d3, kPerRadian)];
    // Each factor lies in [2^(e-127), 2^(e-126)) for its biased exponent e
    // (below for a subnormal, e = 0), and none exceeds 1: when the exponents
    // sum to at least 3 * 127 - 100 the product and a * b are 2^-100 or more.
    // The factor is masked, not tested: which pairs are far apart is random.
    const bool kept = biasedExponent(a) + biasedExponent(b) + biasedExponent(c) >= 3 * 127 - 100;
    return std::bit_cast<float>(std::bit_cast<std::uint32_t>(a) & (0u - std::uint32_t(kept))) * b * c;
  }
  static int biasedExponent(float v) { return int(std::bit_cast<std::uint32_t>(v) >> 23 & 0xFF); }
};

// out[t] += in[t] * weight for t < count, count a multiple of kBlock. Written
// block by block on unaliased pointers so that an -O2 build vectorises it
// (GCC's cheapest vectoriser model wants whole vectors and no overlap checks);
// each element is still one multiply and one add, as in the scalar loop.
constexpr size_t kBlock = 8;
void addScaled(float* __restrict out, const float* __restrict in, float weight, size_t count) {
  for (size_t t = 0; t < count; t += kBlock)
    for (size_t u = 0; u < kBlock; ++u) out[t + u] += in[t + u] * weight;
}

// A template's pair geometry as the compatibilities read it: from its table,
// or computed pair by pair for a template too large to keep one
// (kGeometryKeptCylinders). The same numbers either way.
struct KeptGeometry {
  const MccTemplate& t;
  const PairGeometry& operator()(int i, int j) const { return t.geometry[size_t(i) * t.size() + size_t(j)]; }
};
struct ComputedGeometry {
  const MccTemplate& t;
  PairGeometry operator()(int i, int j) const { return pairGeometry(t.cylinders[size_t(i)], t.cylinders[size_t(j)]); }
};

// rho[t][k] = rho[k][t]: how compatible pairs t and k are (rows `stride` apart).
template <class ProbeGeometry, class CandidateGeometry>
void fillCompatibilities(const std::vector<RelaxedPair>& pairs, const ProbeGeometry& probe,
                         const CandidateGeometry& candidate, const CompatibilityTables& tables, size_t stride,
                         std::vector<float>& rho) {
  const size_t n = pairs.size();
  for (size_t t = 0; t < n; ++t)
    for (size_t k = t + 1; k < n; ++k) {
      const PairGeometry& a = probe(pairs[t].probe, pairs[k].probe);
      const PairGeometry& b = candidate(pairs[t].candidate, pairs[k].candidate);
      const float d1 = std::abs(a.distance - b.distance);
      const float d2 = angleGapWrapped(a.directionDiff, b.directionDiff);
      const float d3 = angleGapWrapped(a.radialAngle, b.radialAngle);
      rho[t * stride + k] = rho[k * stride + t] = tables.rho(d1, d2, d3);
    }
}
}  // namespace

std::vector<RelaxedPair> relax(const MccTemplate& probe, const MccTemplate& candidate, std::vector<RelaxedPair> pairs) {
  static const CompatibilityTables tables;
  const size_t n = pairs.size();
  for (auto& p : pairs) p.relaxed = p.initial;
  if (n < 2) return pairs;
  // Rows padded with zeros to whole blocks (see addScaled).
  const size_t stride = (n + kBlock - 1) / kBlock * kBlock;
  // Buffers kept per thread: allocating them took a few percent of a
  // comparison. Not those of a palm-sized comparison (thousands of pairs, up
  // to 64 MB): they are given back at the end.
  thread_local std::vector<float> rho, lambda, next;
  rho.assign(n * stride, 0);
  // A table is read only when it is whole; otherwise (a palm-sized template) the pairs are computed.
  const auto kept = [](const MccTemplate& t) { return t.geometry.size() == t.size() * t.size(); };
  const bool probeKept = kept(probe), candidateKept = kept(candidate);
  if (probeKept && candidateKept)
    fillCompatibilities(pairs, KeptGeometry{probe}, KeptGeometry{candidate}, tables, stride, rho);
  else if (probeKept)
    fillCompatibilities(pairs, KeptGeometry{probe}, ComputedGeometry{candidate}, tables, stride, rho);
  else if (candidateKept)
    fillCompatibilities(pairs, ComputedGeometry{probe}, KeptGeometry{candidate}, tables, stride, rho);
  else
    fillCompatibilities(pairs, ComputedGeometry{probe}, ComputedGeometry{candidate}, tables, stride, rho);
  lambda.assign(stride, 0), next.resize(stride);
  for (size_t t = 0; t < n; ++t) lambda[t] = float(pairs[t].initial);
  const float share = float((1 - kRelaxationWeight) / double(n - 1));
  // rho is symmetric, so each pair's support can be gathered a row at a time
  // (rho[k][t] * lambda[k] added over k): the inner loop then has no running
  // sum and vectorises.
  for (int iteration = 0; iteration < kRelaxationIterations; ++iteration) {
    std::fill(next.begin(), next.end(), 0.0f);
    for (size_t k = 0; k < n; ++k) addScaled(next.data(), &rho[k * stride], share * lambda[k], stride);
    for (size_t t = 0; t < n; ++t) next[t] += float(kRelaxationWeight) * lambda[t];
    lambda.swap(next);
  }
  for (size_t t = 0; t < n; ++t) pairs[t].relaxed = lambda[t];
  constexpr size_t kKept = size_t(1) << 20;  // floats: 4 MB, a 1,000-pair comparison
  if (rho.capacity() > kKept) std::vector<float>().swap(rho);
  return pairs;
}

}  // namespace ridgeline::fingerprint
