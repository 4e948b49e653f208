#include "core/fingerprint/window_product.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define RIDGELINE_PRODUCT_VNNI
#endif

// The plain product runs nine times a pair: built for AVX2 as well, picked at
// load time where the processor has it (as in greedy_pairing.cpp).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define RIDGELINE_PRODUCT_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define RIDGELINE_PRODUCT_CLONES
#endif

namespace ridgeline::fingerprint {
namespace {
constexpr int kRows = kWindowRows;
constexpr int kRow = kWindowRow;
constexpr int kRowStride = kWindowRowStep * kDetailSpanStride;  // between the rows of b a product reads

// In integers, which the compiler vectorises (a float sum it may not reorder).
RIDGELINE_PRODUCT_CLONES std::int32_t plainProduct(const std::int16_t* a, const std::uint8_t* b) {
  std::int32_t sum = 0;
  for (int v = 0; v < kRows; ++v, a += kRow, b += kRowStride)
    for (int u = 0; u < kRow; ++u) sum += std::int32_t(a[u]) * std::int32_t(b[u]);
  return sum;
}

#ifdef RIDGELINE_PRODUCT_VNNI
#define RIDGELINE_VNNI_TARGET __attribute__((target("avx2,avx512vl,avx512vnni")))
// a - 128 as signed bytes on the window's own columns, 0 on its padding:
// then sum a * b = sum (a - 128) * b + 128 * sum b over the window, exactly.
RIDGELINE_VNNI_TARGET void centre(const std::int16_t* a, std::int8_t* out) {
  const __m256i half = _mm256_set1_epi16(128);
  static_assert(kWindowSide == 29 && kRow == 32);
  const __m256i own = _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                       -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0);
  for (int v = 0; v < kRows; ++v, a += kRow, out += kRow) {
    const __m256i low = _mm256_sub_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(a)), half);
    const __m256i high = _mm256_sub_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(a + 16)), half);
    // packs works within 128-bit lanes: the quarters are put back in order.
    const __m256i bytes = _mm256_permute4x64_epi64(_mm256_packs_epi16(low, high), _MM_SHUFFLE(3, 1, 2, 0));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out), _mm256_and_si256(bytes, own));
  }
}

// sum (a - 128) * b: 32 byte products a row, summed in fours into 32 bits.
RIDGELINE_VNNI_TARGET std::int32_t centredProduct(const std::int8_t* a, const std::uint8_t* b) {
  __m256i sum = _mm256_setzero_si256();
  for (int v = 0; v < kRows; ++v, a += kRow, b += kRowStride)
    sum = _mm256_dpbusd_epi32(sum, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b)),
                              _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a)));
  const __m128i half = _mm_add_epi32(_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1));
  const __m128i quarter = _mm_add_epi32(half, _mm_shuffle_epi32(half, _MM_SHUFFLE(1, 0, 3, 2)));
  return _mm_cvtsi128_si32(_mm_add_epi32(quarter, _mm_shuffle_epi32(quarter, _MM_SHUFFLE(2, 3, 0, 1))));
}
#endif
}  // namespace

bool fastWindowProductsAvailable() {
#ifdef RIDGELINE_PRODUCT_VNNI
  static const bool available =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vnni");
  return available;
#else
  return false;
#endif
}

WindowProducts::WindowProducts(const TurnedWindow& a, ProductKernel kernel)
    : a_(a), bytes_(kernel == ProductKernel::Fastest && fastWindowProductsAvailable()) {
#ifdef RIDGELINE_PRODUCT_VNNI
  if (bytes_) centre(a.data(), centred_.data());
#endif
}

std::int32_t WindowProducts::with(const std::uint8_t* b, std::int32_t bSum) const {
#ifdef RIDGELINE_PRODUCT_VNNI
  if (bytes_) return centredProduct(centred_.data(), b) + 128 * bSum;
#endif
  return plainProduct(a_.data(), b);
}

}  // namespace ridgeline::fingerprint
