#include "core/fingerprint/turned_window.h"

#include <cmath>

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#include <immintrin.h>
#define RIDGELINE_WINDOW_GATHER
#endif

namespace ridgeline::fingerprint {
namespace {
constexpr int kPatchSide = kDetailPatchSide;
constexpr int kStride = kDetailPatchStride;

// Where the window's rows start and how its positions step, in 16.16 fixed
// point: the same numbers for both readings, so they read the same pixels.
struct Steps {
  std::int32_t ux, uy;      // one pixel along a row
  std::int32_t rowX, rowY;  // the first row's first pixel
  std::int32_t vx, vy;      // one window row down (kWindowRowStep pixels)
};

Steps stepsFor(double cx, double cy, double cosA, double sinA, double step) {
  constexpr double kOne = 65536;
  const auto fixed = [](double v) { return std::int32_t(std::floor(v * kOne)); };
  Steps s{};
  s.ux = fixed(step * cosA), s.uy = fixed(step * sinA);
  s.vx = kWindowRowStep * fixed(-step * sinA), s.vy = kWindowRowStep * fixed(step * cosA);
  // + half a pixel, so that truncation rounds to the nearest.
  s.rowX = fixed(cx + 0.5 - kWindowRadius * (step * cosA - step * sinA));
  s.rowY = fixed(cy + 0.5 - kWindowRadius * (step * sinA + step * cosA));
  return s;
}

void readPlain(const std::uint8_t* patch, Steps s, TurnedWindow& out) {
  out.fill(0);
  for (int v = 0; v < kWindowRows; ++v, s.rowX += s.vx, s.rowY += s.vy) {
    std::int32_t x = s.rowX, y = s.rowY;
    for (int u = 0; u < kWindowSide; ++u, x += s.ux, y += s.uy)
      out[size_t(v * kWindowRow + u)] = patch[(y >> 16) * kStride + (x >> 16)];
  }
}

#ifdef RIDGELINE_WINDOW_GATHER
// Eight pixels a gather; each lane reads the 4 bytes at its pixel and keeps
// the first (a patch row has bytes to spare after its last pixel). Lanes past
// the window's side are not read and stay 0, the padding the products rely on.
__attribute__((target("avx2"))) void readGathered(const std::uint8_t* patch, Steps s, TurnedWindow& out) {
  static_assert(kWindowRow == 32 && kWindowSide > 24 && kWindowSide <= 32, "four gathers of eight cover a row");
  static_assert(kStride == 64 && kPatchSide + 3 <= kStride, "rows 64 bytes apart (a shift by 6), 3 bytes to spare");
  const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  const __m256i laneX = _mm256_mullo_epi32(lane, _mm256_set1_epi32(s.ux));
  const __m256i laneY = _mm256_mullo_epi32(lane, _mm256_set1_epi32(s.uy));
  const __m256i blockX = _mm256_set1_epi32(8 * s.ux), blockY = _mm256_set1_epi32(8 * s.uy);
  const __m256i inWindow = _mm256_cmpgt_epi32(_mm256_set1_epi32(kWindowSide - 24), lane);  // last block: u < side
  const __m256i all = _mm256_set1_epi32(-1), firstByte = _mm256_set1_epi32(0xFF);
  const int* base = reinterpret_cast<const int*>(patch);
  std::int16_t* row = out.data();
  for (int v = 0; v < kWindowRows; ++v, s.rowX += s.vx, s.rowY += s.vy, row += kWindowRow) {
    __m256i x = _mm256_add_epi32(_mm256_set1_epi32(s.rowX), laneX);
    __m256i y = _mm256_add_epi32(_mm256_set1_epi32(s.rowY), laneY);
    __m256i pixels[4];
    for (int b = 0; b < 4; ++b, x = _mm256_add_epi32(x, blockX), y = _mm256_add_epi32(y, blockY)) {
      const __m256i at = _mm256_add_epi32(_mm256_slli_epi32(_mm256_srai_epi32(y, 16), 6), _mm256_srai_epi32(x, 16));
      const __m256i read = _mm256_mask_i32gather_epi32(_mm256_setzero_si256(), base, at, b == 3 ? inWindow : all, 1);
      pixels[b] = _mm256_and_si256(read, firstByte);
    }
    // packus interleaves the 128-bit halves of its two inputs; the permute puts the pixels back in order.
    const __m256i low = _mm256_permute4x64_epi64(_mm256_packus_epi32(pixels[0], pixels[1]), 0xD8);
    const __m256i high = _mm256_permute4x64_epi64(_mm256_packus_epi32(pixels[2], pixels[3]), 0xD8);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(row), low);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(row + 16), high);
  }
}
#endif
}  // namespace

bool fastWindowReadingAvailable() {
#ifdef RIDGELINE_WINDOW_GATHER
  return __builtin_cpu_supports("avx2");
#else
  return false;
#endif
}

bool readTurnedWindow(const std::uint8_t* patch, double cx, double cy, double cosA, double sinA, double step,
                      TurnedWindow& out, [[maybe_unused]] WindowReading reading) {
  const double reach = kWindowRadius * step * (std::abs(cosA) + std::abs(sinA)) + 1;
  if (!(cx - reach >= 0 && cy - reach >= 0 && cx + reach < kPatchSide && cy + reach < kPatchSide)) return false;
  const Steps s = stepsFor(cx, cy, cosA, sinA, step);
#ifdef RIDGELINE_WINDOW_GATHER
  static const bool fast = fastWindowReadingAvailable();
  if (fast && reading == WindowReading::Fastest) {
    readGathered(patch, s, out);
    return true;
  }
#endif
  readPlain(patch, s, out);
  return true;
}

}  // namespace ridgeline::fingerprint
