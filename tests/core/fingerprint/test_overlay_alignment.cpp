// Overlay alignment from marked pairs: recovers a known placement across
// resolutions, reports the residual of distorted pairs, refuses too few.
#include <QtTest>

#include <cmath>

#include "core/fingerprint/overlay_alignment.h"

using namespace ridgeline::fingerprint;

namespace {
// Places candidate points on a probe of another resolution: turn by `degrees`, shift by (sx, sy) probe pixels.
MarkedPair place(double cx, double cy, double degrees, double sx, double sy, double scale) {
  const double a = degrees * M_PI / 180, c = std::cos(a), s = std::sin(a);
  return {scale * (c * cx - s * cy) + sx, scale * (s * cx + c * cy) + sy, cx, cy};
}
}  // namespace

class TestOverlayAlignment : public QObject {
  Q_OBJECT
 private slots:
  void recoversTurnShiftAndResolution() {
    // Candidate at 1000 ppi, probe at 500 ppi: one candidate pixel is half a probe pixel.
    std::vector<MarkedPair> pairs;
    for (auto [x, y] : {std::pair{100.0, 80.0}, {400.0, 120.0}, {250.0, 500.0}, {600.0, 650.0}})
      pairs.push_back(place(x, y, 12, 40, -15, 0.5));
    const OverlayAlignment a = alignForOverlay(pairs, 500, 1000);
    QVERIFY(a.valid);
    QCOMPARE(a.pairs, 4);
    QVERIFY(std::abs(a.rotationDegrees - 12) < 1e-9);
    QVERIFY(a.rmsResidualMm < 1e-9);
    for (const MarkedPair& m : pairs) {
      QVERIFY(std::abs(a.m11 * m.candidateX + a.m12 * m.candidateY + a.dx - m.probeX) < 1e-6);
      QVERIFY(std::abs(a.m21 * m.candidateX + a.m22 * m.candidateY + a.dy - m.probeY) < 1e-6);
    }
  }

  void residualMeasuresDistortionInMillimetres() {
    std::vector<MarkedPair> pairs{place(0, 0, 0, 0, 0, 1), place(500, 0, 0, 0, 0, 1)};
    pairs[1].probeX += 10;  // 10 px at 500 ppi = 0.508 mm of stretch shared by two points
    const OverlayAlignment a = alignForOverlay(pairs, 500, 500);
    QVERIFY(a.valid);
    QVERIFY2(std::abs(a.rmsResidualMm - 0.254) < 1e-6, qPrintable(QString::number(a.rmsResidualMm)));
  }

  void needsTwoDistinctPairs() {
    QVERIFY(!alignForOverlay({}, 500, 500).valid);
    QVERIFY(!alignForOverlay({place(10, 10, 0, 0, 0, 1)}, 500, 500).valid);
    QVERIFY(!alignForOverlay({place(10, 10, 0, 0, 0, 1), place(10, 10, 0, 0, 0, 1)}, 500, 500).valid);
    QVERIFY(!alignForOverlay({place(0, 0, 0, 0, 0, 1), place(9, 9, 0, 0, 0, 1)}, 0, 500).valid);
  }
};

QTEST_GUILESS_MAIN(TestOverlayAlignment)
#include "test_overlay_alignment.moc"
