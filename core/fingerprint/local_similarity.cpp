#include "core/fingerprint/local_similarity.h"

#include <bit>
#include <cmath>

#include "core/fingerprint/angle_math.h"

namespace ridgeline::fingerprint {

using namespace mcc;

namespace {
// Matchable cells needed: minME of the cells inside the radius, all layers.
// pi/4 of the square grid lies inside the circle.
const int kMinMatchable = int(kMinMatchableCells * kBits * std::numbers::pi / 4);


struct BitCounts {
  int common = 0, na = 0, nb = 0, diff = 0;
};

// Population counts dominate a comparison. Where the compiler can, build a
// POPCNT-instruction clone next to the portable one; the loader picks the
// clone the CPU supports (GCC function multi-versioning), so the binary still
// runs on any x86-64.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("popcnt", "default")))
#endif
BitCounts countBits(const Cylinder& a, const Cylinder& b) {
  BitCounts c;
  for (int w = 0; w < kWords; ++w) {
    const std::uint64_t mask = a.valid[size_t(w)] & b.valid[size_t(w)];
    const std::uint64_t ca = a.bits[size_t(w)] & mask, cb = b.bits[size_t(w)] & mask;
    c.common += std::popcount(mask);
    c.na += std::popcount(ca);
    c.nb += std::popcount(cb);
    c.diff += std::popcount(ca ^ cb);
  }
  return c;
}
}  // namespace

double cylinderSimilarity(const Cylinder& a, const Cylinder& b) {
  // |direction difference| > 90 degrees exactly when the cosine of the difference is negative.
  static_assert(kMaxDirectionDifference == std::numbers::pi / 2);
  if (a.cosDirection * b.cosDirection + a.sinDirection * b.sinDirection < 0) return 0;
  const auto [common, na, nb, diff] = countBits(a, b);
  if (common < kMinMatchable) return 0;
  const double norms = std::sqrt(double(na)) + std::sqrt(double(nb));
  return norms > 0 ? 1.0 - std::sqrt(double(diff)) / norms : 0;
}

std::vector<float> similarityMatrix(const MccTemplate& probe, const MccTemplate& candidate) {
  std::vector<float> m(probe.size() * candidate.size());
  for (size_t i = 0; i < probe.size(); ++i)
    for (size_t j = 0; j < candidate.size(); ++j)
      m[i * candidate.size() + j] = float(cylinderSimilarity(probe.cylinders[i], candidate.cylinders[j]));
  return m;
}

}  // namespace ridgeline::fingerprint
