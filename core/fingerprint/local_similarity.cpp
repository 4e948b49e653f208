#include "core/fingerprint/local_similarity.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "core/fingerprint/angle_math.h"

namespace ridgeline::fingerprint {

using namespace mcc;

namespace {
// Matchable cells needed: minME of the cells inside the radius, all layers.
// pi/4 of the square grid lies inside the circle.
const int kMinMatchable = int(kMinMatchableCells * kBits * std::numbers::pi / 4);

using LayerMask = std::array<std::uint64_t, kLayerWords>;

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
// runs on any x86-64. The counting helpers below are forced inline into the
// two cloned entry points (fillMatrix, clonedSimilarity): a helper compiled on
// its own would get the portable counts.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define RIDGELINE_POPCNT_CLONES __attribute__((target_clones("popcnt", "default")))
#define RIDGELINE_IN_CLONES __attribute__((always_inline)) inline
#define RIDGELINE_AVX2_KERNELS
#else
#define RIDGELINE_POPCNT_CLONES
#define RIDGELINE_IN_CLONES inline
#endif

// The cells valid in both, and how many.
RIDGELINE_IN_CLONES LayerMask commonCells(const Cylinder& a, const Cylinder& b, int& count) {
  LayerMask mask{};
  count = 0;
#pragma GCC unroll 4
  for (int w = 0; w < kLayerWords; ++w) {
    mask[size_t(w)] = a.valid[size_t(w)] & b.valid[size_t(w)];
    count += std::popcount(mask[size_t(w)]);
  }
  return mask;
}

// The values of c set in the cells of mask, all sections: from the
// bit-sliced per-cell counts, three layer-wide passes instead of six.
RIDGELINE_IN_CLONES int onesWithin(const Cylinder& c, const LayerMask& mask) {
  int n = 0;
#pragma GCC unroll 4
  for (int p = 0; p < kSectionCountBits; ++p)
#pragma GCC unroll 4
    for (int w = 0; w < kLayerWords; ++w)
      n += std::popcount(c.sectionCount[size_t(p)][size_t(w)] & mask[size_t(w)]) << p;
  return n;
}

// The values set in both a and b in the cells of mask. |a xor b| over the
// mask is then |a| + |b| - 2 |a and b|, with |a|, |b| counted as above.
RIDGELINE_IN_CLONES int sharedWithin(const Cylinder& a, const Cylinder& b, const LayerMask& mask) {
  int n = 0;
#pragma GCC unroll 8
  for (int k = 0; k < kDirectionCells; ++k)
#pragma GCC unroll 4
    for (int w = 0; w < kLayerWords; ++w) {
      const size_t i = size_t(k * kLayerWords + w);
      n += std::popcount(a.bits[i] & b.bits[i] & mask[size_t(w)]);
    }
  return n;
}

// Both cylinders lie wholly inside their prints (the common case away from
// the edge): every cell inside the radius is comparable, bits outside it are
// never set, so only the differing bits need counting.
RIDGELINE_IN_CLONES float completeSimilarity(const Cylinder& a, const Cylinder& b) {
  int diff = 0;
#pragma GCC unroll 24
  for (int w = 0; w < kWords; ++w) diff += std::popcount(a.bits[size_t(w)] ^ b.bits[size_t(w)]);
  return similarityOfCounts(a.ones, b.ones, diff);
}

// Otherwise only the cells valid in both count; validity is the same in every
// direction section, so the common mask is one layer wide. When one cylinder
// is complete, the common cells are simply the other's valid cells, whose
// values that one has already counted.
template <bool kAComplete, bool kBComplete>
RIDGELINE_IN_CLONES float maskedSimilarity(const Cylinder& a, const Cylinder& b) {
  int common = 0;
  LayerMask mask{};
  if constexpr (kAComplete) {
    mask = b.valid, common = b.validCells;
  } else if constexpr (kBComplete) {
    mask = a.valid, common = a.validCells;
  } else {
    mask = commonCells(a, b, common);
  }
  if (common * kDirectionCells < kMinMatchable) return 0;
  const int na = kBComplete ? a.ones : onesWithin(a, mask);
  const int nb = kAComplete ? b.ones : onesWithin(b, mask);
  return similarityOfCounts(na, nb, na + nb - 2 * sharedWithin(a, b, mask));
}

// |direction difference| > 90 degrees exactly when the cosine of the difference is negative.
static_assert(kMaxDirectionDifference == std::numbers::pi / 2);
RIDGELINE_IN_CLONES bool facing(const Cylinder& a, const Cylinder& b) {
  return !(a.cosDirection * b.cosDirection + a.sinDirection * b.sinDirection < 0);
}

RIDGELINE_IN_CLONES float similarity(const Cylinder& a, const Cylinder& b) {
  if (!facing(a, b)) return 0;
  if (a.complete) return b.complete ? completeSimilarity(a, b) : maskedSimilarity<true, false>(a, b);
  return b.complete ? maskedSimilarity<false, true>(a, b) : maskedSimilarity<false, false>(a, b);
}

// How much the ridge flow around two minutiae (orientation_descriptor.h)
// weighs on their similarity: flow that agrees everywhere keeps the cylinder
// similarity, unrelated or crossing flow halves it. Below kMinSharedSamples
// shared samples (of 56) the flow says too little and the cylinders decide alone.
constexpr float kOrientationWeight = 0.5f;
constexpr int kMinSharedSamples = 12;

// disagreementPerBit (orientation_descriptor.h) by the count of shared
// samples, and 0 below kMinSharedSamples, so that the flow leaves those pairs
// alone. A table read instead of a division and a branch per pair (which
// pairs share enough flow is random).
constexpr std::array<float, kDescriptorSamples + 1> kDisagreementPerBit = [] {
  std::array<float, kDescriptorSamples + 1> t{};
  for (int s = kMinSharedSamples; s <= kDescriptorSamples; ++s) t[size_t(s)] = disagreementPerBit(s);
  return t;
}();

// The factor on a pair's similarity from the counts of its descriptors:
// 1 - w x (1 - max(0, agreement)), agreement being 1 - disagreement.
RIDGELINE_IN_CLONES float orientationFactor(OrientationCounts c) {
  const float disagreement = float(c.differing) * kDisagreementPerBit[size_t(c.shared)];
  return 1.0f - kOrientationWeight * std::min(1.0f, disagreement);
}

// Scalar scoring of row a against the listed columns (all of one
// completeness): the cylinders' similarity scaled by their flow's agreement.
template <bool kAComplete, bool kBComplete>
RIDGELINE_IN_CLONES void scoreColumns(const Cylinder& a, const MccTemplate& candidate, const int* columns, size_t n,
                                      float* row) {
  for (size_t k = 0; k < n; ++k) {
    const Cylinder& b = candidate.cylinders[size_t(columns[k])];
    const float flow = orientationFactor(countOrientation(a.orientation, b.orientation));
    if constexpr (kAComplete && kBComplete)
      row[columns[k]] = completeSimilarity(a, b) * flow;
    else
      row[columns[k]] = maskedSimilarity<kAComplete, kBComplete>(a, b) * flow;
  }
}

#ifdef RIDGELINE_AVX2_KERNELS
// The same counts on 256-bit registers, a layer of 256 cells to a register,
// in two copies chosen at run time (local_similarity_kernels.inc): with
// AVX-512 BITALG a byte's bits are counted in one instruction; with AVX2 alone
// by a nibble table, 32 bytes per instruction, half the time of the scalar
// counts. Every function there is compiled for its instruction set and called
// only when the processor has it.
#define RIDGELINE_KERNEL_NAMESPACE avx2
#define RIDGELINE_KERNEL_TARGET "avx2,popcnt"
#define RIDGELINE_BYTE_POPCOUNT 0
#include "core/fingerprint/local_similarity_kernels.inc"
#undef RIDGELINE_KERNEL_NAMESPACE
#undef RIDGELINE_KERNEL_TARGET
#undef RIDGELINE_BYTE_POPCOUNT

#define RIDGELINE_KERNEL_NAMESPACE bitalg
#define RIDGELINE_KERNEL_TARGET "avx2,popcnt,avx512vl,avx512bw,avx512bitalg"
#define RIDGELINE_BYTE_POPCOUNT 1
#include "core/fingerprint/local_similarity_kernels.inc"
#undef RIDGELINE_KERNEL_NAMESPACE
#undef RIDGELINE_KERNEL_TARGET
#undef RIDGELINE_BYTE_POPCOUNT
#endif

using Kernels = SimilarityKernels;

// Row `a` of the matrix over the candidate cylinders listed in columns, all
// complete or all not: the columns whose direction is close enough are
// gathered first by a mask, then scored by one kernel. Which columns pass the
// direction test, and which are complete, is random, so testing each one in
// turn would mispredict a branch for about every other pair.
template <bool kAComplete, bool kBComplete>
RIDGELINE_IN_CLONES void fillRow(const Cylinder& a, const MccTemplate& candidate, const std::vector<int>& columns,
                                 std::vector<int>& scratch, float* row, [[maybe_unused]] Kernels kernels) {
  size_t n = 0;
  for (int j : columns) {
    scratch[n] = j;
    n += facing(a, candidate.cylinders[size_t(j)]);
  }
#ifdef RIDGELINE_AVX2_KERNELS
  if (kernels == Kernels::kBitalg) return bitalg::scoreColumns<kAComplete, kBComplete>(a, candidate, scratch.data(), n, row);
  if (kernels == Kernels::kAvx2) return avx2::scoreColumns<kAComplete, kBComplete>(a, candidate, scratch.data(), n, row);
#endif
  scoreColumns<kAComplete, kBComplete>(a, candidate, scratch.data(), n, row);
}

RIDGELINE_POPCNT_CLONES
double clonedSimilarity(const Cylinder& a, const Cylinder& b) { return similarity(a, b); }

RIDGELINE_POPCNT_CLONES
void fillMatrix(const MccTemplate& probe, const MccTemplate& candidate, std::vector<float>& m, Kernels kernels) {
  std::vector<int> complete, partial, scratch(candidate.size());
  for (size_t j = 0; j < candidate.size(); ++j) (candidate.cylinders[j].complete ? complete : partial).push_back(int(j));
  for (size_t i = 0; i < probe.size(); ++i) {
    const Cylinder& a = probe.cylinders[i];
    float* row = &m[i * candidate.size()];
    if (a.complete) {
      fillRow<true, true>(a, candidate, complete, scratch, row, kernels);
      fillRow<true, false>(a, candidate, partial, scratch, row, kernels);
    } else {
      fillRow<false, true>(a, candidate, complete, scratch, row, kernels);
      fillRow<false, false>(a, candidate, partial, scratch, row, kernels);
    }
  }
}
}  // namespace

double cylinderSimilarity(const Cylinder& a, const Cylinder& b) { return clonedSimilarity(a, b); }

std::vector<SimilarityKernels> availableSimilarityKernels() {
  std::vector<SimilarityKernels> kernels{SimilarityKernels::kScalar};
#ifdef RIDGELINE_AVX2_KERNELS
  if (__builtin_cpu_supports("avx2")) kernels.push_back(SimilarityKernels::kAvx2);
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512bitalg"))
    kernels.push_back(SimilarityKernels::kBitalg);
#endif
  return kernels;
}

std::vector<float> similarityMatrix(const MccTemplate& probe, const MccTemplate& candidate, SimilarityKernels kernels) {
  std::vector<float> m(probe.size() * candidate.size(), 0.0f);
  fillMatrix(probe, candidate, m, kernels);
  return m;
}

std::vector<float> similarityMatrix(const MccTemplate& probe, const MccTemplate& candidate) {
  static const SimilarityKernels widest = availableSimilarityKernels().back();
  return similarityMatrix(probe, candidate, widest);
}

}  // namespace ridgeline::fingerprint
