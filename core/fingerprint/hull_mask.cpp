#include "core/fingerprint/hull_mask.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#include <immintrin.h>
#define RIDGELINE_HULL_GATHER
#endif

namespace ridgeline::fingerprint {

namespace {
bool insideWidenedHull(const std::vector<std::array<float, 4>>& edges, double x, double y) {
  for (const auto& e : edges)
    if ((x - e[0]) * e[2] + (y - e[1]) * e[3] < -HullMask::kMargin) return false;
  return true;
}
}  // namespace

HullMask::HullMask(const std::vector<std::array<float, 4>>& edges, const RidgePresence& ridges) {
  if (edges.empty()) return;
  double minX = edges[0][0], maxX = minX, minY = edges[0][1], maxY = minY;
  for (const auto& e : edges) {
    minX = std::min(minX, double(e[0])), maxX = std::max(maxX, double(e[0]));
    minY = std::min(minY, double(e[1])), maxY = std::max(maxY, double(e[1]));
  }
  x0_ = minX - kMargin - kCell, y0_ = minY - kMargin - kCell;
  cols_ = int(std::ceil((maxX + kMargin + kCell - x0_) / kCell)) + 1;
  rows_ = int(std::ceil((maxY + kMargin + kCell - y0_) / kCell)) + 1;
  spans_.assign(size_t(rows_), Span{});
  int cells = 0;  // inside, so far
  // Each cell answers for its centre. Each widened edge keeps the centres on
  // one side of a line, and along a row its test is monotone in x even as
  // rounded, so the centres inside form one run.
  for (int r = 0; r < rows_; ++r) {
    const double y = y0_ + (r + 0.5) * kCell;
    int c = 0;
    while (c < cols_ && !insideWidenedHull(edges, x0_ + (c + 0.5) * kCell, y)) ++c;
    Span& span = spans_[size_t(r)];
    span.first = span.end = c;
    while (span.end < cols_ && insideWidenedHull(edges, x0_ + (span.end + 0.5) * kCell, y)) ++span.end;
    span.bits = cells;
    for (int col = span.first; col < span.end; ++col, ++cells) {
      if (size_t(cells) / 64 >= ridgeBits_.size()) ridgeBits_.push_back(0);
      const bool shows = ridges.showsRidges(x0_ + (col + 0.5) * kCell, y);
      ridgeBits_[size_t(cells) / 64] |= std::uint64_t(shows) << (cells % 64);
    }
  }
  // One word more: a row whose run is empty (or the last cell's row) points
  // just past the cells, and a point outside reads its row's first bit.
  ridgeBits_.push_back(0);
}

int HullMask::countShown(const double* xs, const double* ys, const char* shown, std::size_t n) const {
  std::size_t k = 0;
  int count = 0;
#ifdef RIDGELINE_HULL_GATHER
  static const bool fast = __builtin_cpu_supports("avx2");
  if (fast && !spans_.empty() && !ridgeBits_.empty()) {
    k = n - n % 4;
    count = countShownFast(xs, ys, shown, k);
  }
#endif
  for (; k < n; ++k) {
    const Place place = at(xs[k], ys[k]);
    count += place.inside & (shown[k] | place.ridges);
  }
  return count;
}

#ifdef RIDGELINE_HULL_GATHER
// at() on four points per step: the same tests and the same table reads, by
// compares, masks and gathers (n a multiple of four; spans and bits not empty).
__attribute__((target("avx2"))) int HullMask::countShownFast(const double* xs, const double* ys, const char* shown,
                                                             std::size_t n) const {
  const __m256d x0 = _mm256_set1_pd(x0_), y0 = _mm256_set1_pd(y0_), perCell = _mm256_set1_pd(1 / kCell);
  const __m256d cols = _mm256_set1_pd(cols_), rows = _mm256_set1_pd(rows_), zero = _mm256_setzero_pd();
  const int* spanInts = reinterpret_cast<const int*>(spans_.data());
  const long long* words = reinterpret_cast<const long long*>(ridgeBits_.data());
  const __m256i lowDwords = _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6);
  __m256i count = _mm256_setzero_si256();
  for (std::size_t k = 0; k < n; k += 4) {
    // kCell is a power of two: multiplying by its inverse is the division, exactly.
    const __m256d fx = _mm256_mul_pd(_mm256_sub_pd(_mm256_loadu_pd(xs + k), x0), perCell);
    const __m256d fy = _mm256_mul_pd(_mm256_sub_pd(_mm256_loadu_pd(ys + k), y0), perCell);
    // Ordered compares: false for NaN, as in at().
    const __m256d onRaster =
        _mm256_and_pd(_mm256_and_pd(_mm256_cmp_pd(fx, zero, _CMP_GE_OQ), _mm256_cmp_pd(fy, zero, _CMP_GE_OQ)),
                      _mm256_and_pd(_mm256_cmp_pd(fx, cols, _CMP_LT_OQ), _mm256_cmp_pd(fy, rows, _CMP_LT_OQ)));
    // Off the raster, row 0 and column 0 are read, as in at().
    const __m128i row = _mm256_cvttpd_epi32(_mm256_and_pd(fy, onRaster));
    const __m128i column = _mm256_cvttpd_epi32(_mm256_and_pd(fx, onRaster));
    const __m128i at = _mm_add_epi32(_mm_add_epi32(row, row), row);  // three ints a span
    const __m128i first = _mm_i32gather_epi32(spanInts, at, 4);
    const __m128i end = _mm_i32gather_epi32(spanInts + 1, at, 4);
    const __m128i bits = _mm_i32gather_epi32(spanInts + 2, at, 4);
    const __m128i raster =
        _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(_mm256_castpd_si256(onRaster), lowDwords));
    const __m128i inside =
        _mm_andnot_si128(_mm_cmpgt_epi32(first, column), _mm_and_si128(raster, _mm_cmpgt_epi32(end, column)));
    const __m128i bit = _mm_add_epi32(bits, _mm_and_si128(inside, _mm_sub_epi32(column, first)));
    const __m256i word = _mm256_i64gather_epi64(words, _mm256_cvtepi32_epi64(_mm_srli_epi32(bit, 6)), 8);
    const __m256i shift = _mm256_cvtepi32_epi64(_mm_and_si128(bit, _mm_set1_epi32(63)));
    const __m256i ridges = _mm256_and_si256(_mm256_srlv_epi64(word, shift), _mm256_set1_epi64x(1));
    std::int32_t marks;
    std::memcpy(&marks, shown + k, sizeof marks);
    const __m256i paired = _mm256_cvtepu8_epi64(_mm_cvtsi32_si128(marks));
    const __m256i counted = _mm256_and_si256(_mm256_cvtepi32_epi64(inside), _mm256_or_si256(paired, ridges));
    count = _mm256_add_epi64(count, counted);
  }
  const __m128i half = _mm_add_epi64(_mm256_castsi256_si128(count), _mm256_extracti128_si256(count, 1));
  return int(_mm_cvtsi128_si64(half) + _mm_extract_epi64(half, 1));
}
#endif

}  // namespace ridgeline::fingerprint
