// The ridge-detail comparison's inner product (window_product.h): both
// kernels give the sum of window times pixels, written out here, on random
// windows and spans at every placement the comparison reads.
#include <QtTest>

#include <cstdint>
#include <random>
#include <vector>

#include "core/fingerprint/window_product.h"

using namespace ridgeline::fingerprint;

namespace {
constexpr int kRowStride = kWindowRowStep * kDetailSpanStride;

// Pixels 0..255 on the window's own columns, 0 on its padding, as readTurnedWindow leaves them.
TurnedWindow randomWindow(std::mt19937& random) {
  TurnedWindow a{};
  std::uniform_int_distribution<int> pixel(0, 255);
  for (int v = 0; v < kWindowRows; ++v)
    for (int u = 0; u < kWindowSide; ++u) a[size_t(v * kWindowRow + u)] = std::int16_t(pixel(random));
  return a;
}

// The product and b's own sum, written out: b read on the window's pixels only.
std::int64_t written(const TurnedWindow& a, const std::uint8_t* b, std::int32_t& bSum) {
  std::int64_t sum = 0;
  bSum = 0;
  for (int v = 0; v < kWindowRows; ++v)
    for (int u = 0; u < kWindowSide; ++u) {
      sum += std::int64_t(a[size_t(v * kWindowRow + u)]) * b[v * kRowStride + u];
      bSum += b[v * kRowStride + u];
    }
  return sum;
}
}  // namespace

class TestWindowProduct : public QObject {
  Q_OBJECT
 private slots:
  void bothKernelsGiveTheWrittenOutSum() {
    if (!fastWindowProductsAvailable()) qInfo("this processor has no AVX-512 VNNI: both kernels are the plain one");
    std::mt19937 random(7);
    std::uniform_int_distribution<int> pixel(0, 255);
    for (int trial = 0; trial < 50; ++trial) {
      const TurnedWindow a = randomWindow(random);
      std::vector<std::uint8_t> span(kDetailSpanBytes + kDetailSpanStride);
      for (auto& p : span) p = std::uint8_t(trial == 0 ? 255 : pixel(random));  // the first: all at the extreme
      const WindowProducts fast(a), plain(a, ProductKernel::Plain);
      for (int sy = 0; sy < 3; ++sy)
        for (int sx = 0; sx < 3; ++sx) {
          const std::uint8_t* b = span.data() + sy * kDetailSpanStride + sx;
          std::int32_t bSum = 0;
          const std::int64_t want = written(a, b, bSum);
          QCOMPARE(std::int64_t(plain.with(b, bSum)), want);
          QCOMPARE(std::int64_t(fast.with(b, bSum)), want);
        }
    }
  }
};

QTEST_GUILESS_MAIN(TestWindowProduct)
#include "test_window_product.moc"
