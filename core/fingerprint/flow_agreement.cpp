#include "core/fingerprint/flow_agreement.h"

#include <cmath>
#include <numbers>
#include <string>

#include "core/util/errors.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace ridgeline::fingerprint {

FlowField prepareFlowField(const std::optional<RidgeFlowMap>& map, double ppi) {
  FlowField f;
  if (!map) return f;
  if (map->directions.size() != size_t(map->cols) * size_t(map->rows) || map->cols < 0 || map->rows < 0)
    throw InputError("ridge flow map: " + std::to_string(map->directions.size()) + " directions for " +
                     std::to_string(map->cols) + " x " + std::to_string(map->rows) + " blocks");
  if (map->blockSize < 1) throw InputError("ridge flow map: block size must be at least one pixel");
  if (!map->periods.empty() && map->periods.size() != map->directions.size())
    throw InputError("ridge flow map: " + std::to_string(map->periods.size()) + " ridge periods for " +
                     std::to_string(map->directions.size()) + " blocks");
  f.hasPeriods = !map->periods.empty();
  const double toWorkingPixels = (ppi > 0 ? 500.0 / ppi : 1.0) / 10;  // tenths of a source pixel to 500 ppi px
  f.side = map->blockSize * (ppi > 0 ? 500.0 / ppi : 1.0);
  f.cols = map->cols, f.rows = map->rows;
  f.blocks.resize(map->directions.size());
  for (int row = 0; row < f.rows; ++row)
    for (int col = 0; col < f.cols; ++col) {
      const size_t i = size_t(row * f.cols + col);
      const std::uint8_t degrees = map->directions[i];
      if (degrees > 179 && degrees != RidgeFlowMap::kNoFlow)
        throw InputError("ridge flow map: direction " + std::to_string(degrees) + " is outside 0-179 degrees");
      if (degrees == RidgeFlowMap::kNoFlow) continue;
      FlowField::Block& b = f.blocks[i];
      const double doubled = 2.0 * degrees * std::numbers::pi / 180;
      b.cos2 = float(std::cos(doubled)), b.sin2 = float(std::sin(doubled));
      if (f.hasPeriods && map->periods[i] > 0) b.logPeriod = float(std::log(map->periods[i] * toWorkingPixels));
      b.hasFlow = 1;
      const FlowField::Sample sample{float((col + 0.5) * f.side), float(-(row + 0.5) * f.side), b.cos2, b.sin2,
                                     b.logPeriod, std::uint32_t(i)};
      f.samples.push_back(sample);
      if (row % 3 == 0 && col % 3 == 0) f.coarse.push_back(sample);
    }
  return f;
}

void FlowField::Samples::push_back(const Sample& s) {
  x.push_back(s.x), y.push_back(s.y), cos2.push_back(s.cos2), sin2.push_back(s.sin2);
  logPeriod.push_back(s.logPeriod), block.push_back(s.block);
}

namespace {
struct Sums {
  double agreement = 0, mismatch = 0;
  int shared = 0, spaced = 0;
};

// The rigid map of probe onto candidate as the comparison applies it. Float
// is ample for block positions (px) and cosines.
struct BlockMap {
  float c, s;    // the rotation
  float c2, s2;  // turning a direction by r turns its doubled angle by 2r
  float tx, ty, inverseSide, cols, rows;
  BlockMap(double rotation, double x, double y, const FlowField& candidate)
      : c(float(std::cos(rotation))), s(float(std::sin(rotation))), c2(float(std::cos(2 * rotation))),
        s2(float(std::sin(2 * rotation))), tx(float(x)), ty(float(y)), inverseSide(float(1.0 / candidate.side)),
        cols(float(candidate.cols)), rows(float(candidate.rows)) {}
};

// Probe sample k compared with the candidate's block under the map, added to
// the sums. Kept by masks, not branches: which blocks land on the candidate's
// flow is random along the overlap's edge, and a branch there was
// mispredicted. A block left out adds +0, which changes no sum.
void addSample(const BlockMap& m, const FlowField::Samples& p, std::size_t k, const FlowField& candidate, Sums& sums) {
  // Candidate blocks lie at x >= 0 and y <= 0 (y up from the image's top edge).
  const float col = (m.c * p.x[k] - m.s * p.y[k] + m.tx) * m.inverseSide;
  const float row = -(m.s * p.x[k] + m.c * p.y[k] + m.ty) * m.inverseSide;
  const bool inside = (col >= 0) & (row >= 0) & (col < m.cols) & (row < m.rows);
  // Converted only once known to lie in the grid (else block 0, masked out).
  const float inCol = inside ? col : 0, inRow = inside ? row : 0;
  const std::size_t j = std::size_t(inRow) * std::size_t(candidate.cols) + std::size_t(inCol);
  const FlowField::Block& q = candidate.blocks[j];
  const bool onFlow = inside & (q.hasFlow != 0);
  const float pc = m.c2 * p.cos2[k] - m.s2 * p.sin2[k], ps = m.s2 * p.cos2[k] + m.c2 * p.sin2[k];
  sums.agreement += onFlow ? pc * q.cos2 + ps * q.sin2 : 0.0f;
  sums.shared += int(onFlow);
  // A period of 1 px at 500 ppi is not a ridge: its log (0) marks "not measured".
  const bool bothSpaced = onFlow & (p.logPeriod[k] != 0) & (q.logPeriod != 0);
  sums.mismatch += bothSpaced ? std::abs(p.logPeriod[k] - q.logPeriod) : 0.0f;
  sums.spaced += int(bothSpaced);
}

#if defined(__x86_64__) && defined(__GNUC__)
#define RIDGELINE_FLOW_AVX2
// Two blocks in one register, the one at float `low` in the lower half.
__attribute__((target("avx2"))) inline __m256 twoBlocks(const float* blocks, std::int32_t low, std::int32_t high) {
  return _mm256_insertf128_ps(_mm256_castps128_ps256(_mm_load_ps(blocks + low)), _mm_load_ps(blocks + high), 1);
}

// addSample on eight probe samples at a time, for the first multiple of eight
// of them; returns how many it compared. Every term is the float addSample
// computes, by the same operations in the same order (AVX2 without FMA:
// nothing is fused). The terms are summed in double eight lanes apart, not
// one after another: a sum in sample order is a chain of dependent
// additions that took as long as the rest of the work, and on it the
// kernel saved half as much. Only the sums' rounding can differ, in the
// 16th digit; every benchmark score is the same as written (docs/matcher.md).
__attribute__((target("avx2"))) std::size_t addEightAtATime(const BlockMap& m, const FlowField::Samples& p,
                                                             const FlowField& candidate, Sums& sums) {
  const std::size_t n = p.size() / 8 * 8;
  const __m256 c = _mm256_set1_ps(m.c), s = _mm256_set1_ps(m.s), c2 = _mm256_set1_ps(m.c2), s2 = _mm256_set1_ps(m.s2);
  const __m256 tx = _mm256_set1_ps(m.tx), ty = _mm256_set1_ps(m.ty), inverseSide = _mm256_set1_ps(m.inverseSide);
  const __m256 cols = _mm256_set1_ps(m.cols), rows = _mm256_set1_ps(m.rows), zero = _mm256_setzero_ps();
  const __m256 sign = _mm256_set1_ps(-0.0f);
  const __m256i gridCols = _mm256_set1_epi32(candidate.cols);
  // A block is four floats' worth (its last field an integer), 16-byte aligned.
  const float* blocks = reinterpret_cast<const float*>(candidate.blocks.data());
  static_assert(sizeof(FlowField::Block) == 4 * sizeof(float) && alignof(FlowField::Block) == 16);
  // The terms summed in double, lane by lane (two registers of four each for
  // agreement and mismatch), the lanes added at the end.
  __m256d a0 = _mm256_setzero_pd(), a1 = a0, m0 = a0, m1 = a0;
  for (std::size_t k = 0; k < n; k += 8) {
    const __m256 x = _mm256_loadu_ps(&p.x[k]), y = _mm256_loadu_ps(&p.y[k]);
    const __m256 col =
        _mm256_mul_ps(_mm256_add_ps(_mm256_sub_ps(_mm256_mul_ps(c, x), _mm256_mul_ps(s, y)), tx), inverseSide);
    const __m256 row = _mm256_mul_ps(
        _mm256_xor_ps(_mm256_add_ps(_mm256_add_ps(_mm256_mul_ps(s, x), _mm256_mul_ps(c, y)), ty), sign), inverseSide);
    const __m256 inside =
        _mm256_and_ps(_mm256_and_ps(_mm256_cmp_ps(col, zero, _CMP_GE_OQ), _mm256_cmp_ps(row, zero, _CMP_GE_OQ)),
                      _mm256_and_ps(_mm256_cmp_ps(col, cols, _CMP_LT_OQ), _mm256_cmp_ps(row, rows, _CMP_LT_OQ)));
    const __m256i inCol = _mm256_cvttps_epi32(_mm256_and_ps(inside, col));
    const __m256i inRow = _mm256_cvttps_epi32(_mm256_and_ps(inside, row));
    const __m256i at = _mm256_slli_epi32(_mm256_add_epi32(_mm256_mullo_epi32(inRow, gridCols), inCol), 2);
    // The eight blocks read whole (16 bytes each) and turned into one
    // register per field: cheaper than gathering each field, which cost as
    // much as all the rest of the kernel.
    alignas(32) std::int32_t first[8];  // each block's first float in blocks
    _mm256_store_si256(reinterpret_cast<__m256i*>(first), at);
    const __m256 b04 = twoBlocks(blocks, first[0], first[4]), b15 = twoBlocks(blocks, first[1], first[5]);
    const __m256 b26 = twoBlocks(blocks, first[2], first[6]), b37 = twoBlocks(blocks, first[3], first[7]);
    const __m256 t0 = _mm256_unpacklo_ps(b04, b15), t1 = _mm256_unpackhi_ps(b04, b15);
    const __m256 t2 = _mm256_unpacklo_ps(b26, b37), t3 = _mm256_unpackhi_ps(b26, b37);
    const __m256 qCos2 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(1, 0, 1, 0));
    const __m256 qSin2 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(3, 2, 3, 2));
    const __m256 qLogPeriod = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(1, 0, 1, 0));
    const __m256i qHasFlow = _mm256_castps_si256(_mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(3, 2, 3, 2)));
    const __m256 onFlow =
        _mm256_andnot_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(qHasFlow, _mm256_setzero_si256())), inside);
    const __m256 pCos2 = _mm256_loadu_ps(&p.cos2[k]), pSin2 = _mm256_loadu_ps(&p.sin2[k]);
    const __m256 pc = _mm256_sub_ps(_mm256_mul_ps(c2, pCos2), _mm256_mul_ps(s2, pSin2));
    const __m256 ps = _mm256_add_ps(_mm256_mul_ps(s2, pCos2), _mm256_mul_ps(c2, pSin2));
    const __m256 agreement = _mm256_and_ps(onFlow, _mm256_add_ps(_mm256_mul_ps(pc, qCos2), _mm256_mul_ps(ps, qSin2)));
    const __m256 pLogPeriod = _mm256_loadu_ps(&p.logPeriod[k]);
    const __m256 bothSpaced =
        _mm256_and_ps(onFlow, _mm256_and_ps(_mm256_cmp_ps(pLogPeriod, zero, _CMP_NEQ_UQ),
                                            _mm256_cmp_ps(qLogPeriod, zero, _CMP_NEQ_UQ)));
    const __m256 mismatch = _mm256_and_ps(bothSpaced, _mm256_andnot_ps(sign, _mm256_sub_ps(pLogPeriod, qLogPeriod)));
    a0 = _mm256_add_pd(a0, _mm256_cvtps_pd(_mm256_castps256_ps128(agreement)));
    a1 = _mm256_add_pd(a1, _mm256_cvtps_pd(_mm256_extractf128_ps(agreement, 1)));
    m0 = _mm256_add_pd(m0, _mm256_cvtps_pd(_mm256_castps256_ps128(mismatch)));
    m1 = _mm256_add_pd(m1, _mm256_cvtps_pd(_mm256_extractf128_ps(mismatch, 1)));
    sums.shared += __builtin_popcount(unsigned(_mm256_movemask_ps(onFlow)));
    sums.spaced += __builtin_popcount(unsigned(_mm256_movemask_ps(bothSpaced)));
  }
  alignas(32) double lanes[4];
  _mm256_store_pd(lanes, _mm256_add_pd(a0, a1));
  sums.agreement += (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
  _mm256_store_pd(lanes, _mm256_add_pd(m0, m1));
  sums.mismatch += (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
  return n;
}
#endif

// The probe's samples compared with the candidate's blocks under the rigid map.
Sums compareSamples(const FlowField::Samples& probe, const FlowField& candidate, double rotation, double tx,
                    double ty) {
  const BlockMap m(rotation, tx, ty, candidate);
  Sums sums;
  std::size_t k = 0;
#ifdef RIDGELINE_FLOW_AVX2
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) k = addEightAtATime(m, probe, candidate, sums);
#endif
  for (; k < probe.size(); ++k) addSample(m, probe, k, candidate, sums);
  return sums;
}
}  // namespace

FlowAgreement compareFlow(const FlowField& probe, const FlowField& candidate, double rotation, double tx, double ty,
                          FlowSampling sampling) {
  FlowAgreement out;
  if (probe.empty() || candidate.empty()) return out;
  const bool coarse = sampling == FlowSampling::Coarse && !probe.coarse.empty();
  const Sums sums = compareSamples(coarse ? probe.coarse : probe.samples, candidate, rotation, tx, ty);
  if (sums.shared == 0) return out;
  // Each block sampled stands for this much of the probe's flow.
  const double blockArea = probe.side * probe.side *
                           (coarse ? double(probe.samples.size()) / double(probe.coarse.size()) : 1.0);
  out.agreement = sums.agreement / sums.shared;
  out.sharedArea = sums.shared * blockArea;
  if (sums.spaced == 0) return out;
  out.periodMismatch = sums.mismatch / sums.spaced;
  out.periodArea = sums.spaced * blockArea;
  return out;
}

}  // namespace ridgeline::fingerprint
