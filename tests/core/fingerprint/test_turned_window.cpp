// The probe's window of a ridge-detail comparison (turned_window.h): it reads
// the pixels the geometry says, at any turn and scale; the fast reading
// equals the plain one pixel for pixel, padding included; a window that would
// leave its patch is refused, not read.
#include <QtTest>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "core/fingerprint/turned_window.h"

using namespace ridgeline::fingerprint;

namespace {
constexpr int kCentre = kDetailPatchRadius;

// A patch whose every pixel says where it is: value = f(x, y), rows a stride apart.
template <class F>
std::vector<std::uint8_t> patchOf(F value) {
  std::vector<std::uint8_t> patch(size_t(kDetailPatchSide * kDetailPatchStride), 0);
  for (int y = 0; y < kDetailPatchSide; ++y)
    for (int x = 0; x < kDetailPatchSide; ++x) patch[size_t(y * kDetailPatchStride + x)] = std::uint8_t(value(x, y));
  return patch;
}

std::int16_t at(const TurnedWindow& w, int v, int u) { return w[size_t(v * kWindowRow + u)]; }
}  // namespace

class TestTurnedWindow : public QObject {
  Q_OBJECT
 private slots:
  void unturnedWindowReadsEveryOtherRowAroundTheNearestPixel() {
    const auto patch = patchOf([](int x, int y) { return (x * 7 + y * 13) % 256; });
    // The minutia's position within its pixel: the window centres on the nearest pixel.
    const struct {
      double dx, dy;
      int cx, cy;
    } centres[] = {{0, 0, kCentre, kCentre}, {0.4, -0.4, kCentre, kCentre}, {0.6, -0.6, kCentre + 1, kCentre - 1}};
    for (const auto& c : centres)
      for (const WindowReading reading : {WindowReading::Plain, WindowReading::Fastest}) {
        TurnedWindow w;
        QVERIFY(readTurnedWindow(patch.data(), kCentre + c.dx, kCentre + c.dy, 1, 0, 1, w, reading));
        for (int v = 0; v < kWindowRows; ++v)
          for (int u = 0; u < kWindowSide; ++u) {
            const int x = c.cx - kWindowRadius + u, y = c.cy - kWindowRadius + kWindowRowStep * v;
            QCOMPARE(at(w, v, u), std::int16_t((x * 7 + y * 13) % 256));
          }
      }
  }

  void quarterTurnReadsAcrossTheRows() {
    // Turned a quarter: a window row runs down the patch's columns, and the
    // window's rows step leftwards through them.
    const auto patch = patchOf([](int x, int) { return x; });
    for (const WindowReading reading : {WindowReading::Plain, WindowReading::Fastest}) {
      TurnedWindow w;
      QVERIFY(readTurnedWindow(patch.data(), kCentre, kCentre, 0, 1, 1, w, reading));
      for (int v = 0; v < kWindowRows; ++v)
        for (int u = 0; u < kWindowSide; ++u)
          QCOMPARE(at(w, v, u), std::int16_t(kCentre + kWindowRadius - kWindowRowStep * v));
    }
  }

  void fastReadingEqualsThePlainOneAtAnyTurnScaleAndCentre() {
    if (!fastWindowReadingAvailable()) QSKIP("this build or processor has no fast window reading");
    std::mt19937 random(7);
    std::uniform_int_distribution<int> byte(0, 255);
    std::vector<std::uint8_t> patch(size_t(kDetailPatchSide * kDetailPatchStride));
    for (auto& p : patch) p = std::uint8_t(byte(random));  // the spare bytes after each row too
    std::uniform_real_distribution<double> turn(-std::numbers::pi, std::numbers::pi), scale(0.8, 1.25),
        shift(-0.5, 0.5);
    int compared = 0;
    for (int trial = 0; trial < 5000; ++trial) {
      const double a = turn(random), step = scale(random);
      const double cx = kCentre + shift(random), cy = kCentre + shift(random);
      TurnedWindow plain, fast;
      plain.fill(-1), fast.fill(-2);
      const bool read =
          readTurnedWindow(patch.data(), cx, cy, std::cos(a), std::sin(a), step, plain, WindowReading::Plain);
      QCOMPARE(readTurnedWindow(patch.data(), cx, cy, std::cos(a), std::sin(a), step, fast, WindowReading::Fastest),
               read);
      if (!read) continue;
      ++compared;
      QVERIFY2(plain == fast, qPrintable(QString("turn %1 rad, scale %2").arg(a).arg(step)));
      for (int v = 0; v < kWindowRows; ++v)
        for (int u = kWindowSide; u < kWindowRow; ++u) QCOMPARE(at(fast, v, u), std::int16_t(0));  // the padding
    }
    QVERIFY(compared > 4000);  // most windows fit at these scales
  }

  void windowLeavingThePatchIsRefused() {
    const auto patch = patchOf([](int, int) { return 200; });
    TurnedWindow w;
    w.fill(7);
    QVERIFY(!readTurnedWindow(patch.data(), kWindowRadius - 1, kCentre, 1, 0, 1, w));
    QVERIFY(!readTurnedWindow(patch.data(), kCentre, kCentre, 1, 0, 2.5, w));
    QVERIFY(!readTurnedWindow(patch.data(), kCentre, kCentre, std::nan(""), 0, 1, w));
    QVERIFY(!readTurnedWindow(patch.data(), std::nan(""), kCentre, 1, 0, 1, w));
    QCOMPARE(w[0], std::int16_t(7));  // nothing written
  }
};

QTEST_APPLESS_MAIN(TestTurnedWindow)
#include "test_turned_window.moc"
