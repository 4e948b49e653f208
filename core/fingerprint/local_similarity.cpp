#include "core/fingerprint/local_similarity.h"

#include <array>
#include <bit>
#include <cmath>

#include "core/fingerprint/angle_math.h"

namespace ridgeline::fingerprint {

using namespace mcc;

namespace {
// Matchable cells needed: minME of the cells inside the radius, all layers.
// pi/4 of the square grid lies inside the circle.
const int kMinMatchable = int(kMinMatchableCells * kBits * std::numbers::pi / 4);

// Square roots of the bit counts a similarity can meet (0..kBits): the
// similarity takes three per cylinder pair, a table read is cheaper.
const std::array<float, kBits + 1>& roots() {
  static const auto table = [] {
    std::array<float, kBits + 1> t{};
    for (int i = 0; i <= kBits; ++i) t[size_t(i)] = float(std::sqrt(double(i)));
    return t;
  }();
  return table;
}

float similarityOfCounts(int na, int nb, int diff) {
  const auto& root = roots();
  const float norms = root[size_t(na)] + root[size_t(nb)];
  return norms > 0 ? 1.0f - root[size_t(diff)] / norms : 0.0f;
}

// Population counts dominate a comparison. Where the compiler can, build a
// POPCNT-instruction clone next to the portable one; the loader picks the
// clone the CPU supports (GCC function multi-versioning), so the binary still
// runs on any x86-64.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define RIDGELINE_POPCNT_CLONES __attribute__((target_clones("popcnt", "default")))
#else
#define RIDGELINE_POPCNT_CLONES
#endif

// Both cylinders lie wholly inside their prints (the common case away from
// the edge): every cell inside the radius is comparable, bits outside it are
// never set, so only the differing bits need counting.
RIDGELINE_POPCNT_CLONES
float completeSimilarity(const Cylinder& a, const Cylinder& b) {
  int diff = 0;
  for (int w = 0; w < kWords; ++w) diff += std::popcount(a.bits[size_t(w)] ^ b.bits[size_t(w)]);
  return similarityOfCounts(a.ones, b.ones, diff);
}

// Otherwise only the cells valid in both count; validity is the same in every
// direction section, so the common mask is one layer wide.
RIDGELINE_POPCNT_CLONES
float maskedSimilarity(const Cylinder& a, const Cylinder& b) {
  std::array<std::uint64_t, kLayerWords> mask{};
  int common = 0;
  for (int w = 0; w < kLayerWords; ++w) {
    mask[size_t(w)] = a.valid[size_t(w)] & b.valid[size_t(w)];
    common += std::popcount(mask[size_t(w)]);
  }
  if (common * kDirectionCells < kMinMatchable) return 0;
  int na = 0, nb = 0, diff = 0;
  for (int k = 0; k < kDirectionCells; ++k)
    for (int w = 0; w < kLayerWords; ++w) {
      const size_t i = size_t(k * kLayerWords + w);
      const std::uint64_t ca = a.bits[i] & mask[size_t(w)], cb = b.bits[i] & mask[size_t(w)];
      na += std::popcount(ca);
      nb += std::popcount(cb);
      diff += std::popcount(ca ^ cb);
    }
  return similarityOfCounts(na, nb, diff);
}
}  // namespace

double cylinderSimilarity(const Cylinder& a, const Cylinder& b) {
  // |direction difference| > 90 degrees exactly when the cosine of the difference is negative.
  static_assert(kMaxDirectionDifference == std::numbers::pi / 2);
  if (a.cosDirection * b.cosDirection + a.sinDirection * b.sinDirection < 0) return 0;
  return a.complete && b.complete ? completeSimilarity(a, b) : maskedSimilarity(a, b);
}

std::vector<float> similarityMatrix(const MccTemplate& probe, const MccTemplate& candidate) {
  std::vector<float> m(probe.size() * candidate.size());
  for (size_t i = 0; i < probe.size(); ++i)
    for (size_t j = 0; j < candidate.size(); ++j)
      m[i * candidate.size() + j] = float(cylinderSimilarity(probe.cylinders[i], candidate.cylinders[j]));
  return m;
}

}  // namespace ridgeline::fingerprint
