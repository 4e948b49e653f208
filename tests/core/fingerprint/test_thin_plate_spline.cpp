// The thin-plate spline the elastic pairing bends alignments with
// (thin_plate_spline.h): it passes through its points when not smoothed,
// reproduces an affine mapping exactly, turns directions with the skin, and
// refuses point sets it cannot fit instead of returning nonsense.
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>
#include <vector>

#include "core/fingerprint/thin_plate_spline.h"

using namespace ridgeline::fingerprint;

namespace {
constexpr double kUnit = 100;
// Directions come from a fast arctangent, good to about 0.3 degrees.
constexpr double kAngleAccuracy = 0.3 * std::numbers::pi / 180;

// Points scattered over a print-sized area, reproducibly.
std::vector<SplinePoint> scattered(int count, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> where(0, 400);
  std::vector<SplinePoint> points;
  for (int k = 0; k < count; ++k) points.push_back({where(random), where(random)});
  return points;
}

// A smooth, uneven stretch: nothing affine could follow it.
SplinePoint bent(const SplinePoint& p) {
  return {p.x + 30 * std::sin(p.y / 150) + 0.0002 * p.x * p.x, p.y + 20 * std::cos(p.x / 120)};
}

// Where f takes each point.
template <class F>
std::vector<SplinePoint> imagesOf(const std::vector<SplinePoint>& points, F f) {
  std::vector<SplinePoint> images;
  for (const auto& p : points) images.push_back(f(p));
  return images;
}

double wrapped(double a) { return std::remainder(a, 2 * std::numbers::pi); }
}  // namespace

class TestThinPlateSpline : public QObject {
  Q_OBJECT
 private slots:
  void unsmoothedSplinePassesThroughItsPoints() {
    const auto from = scattered(16, 1);
    const auto to = imagesOf(from, bent);
    ThinPlateSpline spline;
    QVERIFY(spline.fit(from, to, kUnit, 0));
    for (size_t k = 0; k < from.size(); ++k) {
      const SplineImage image = spline.map(from[k].x, from[k].y, 0);
      QVERIFY2(std::hypot(image.x - to[k].x, image.y - to[k].y) < 1e-3, qPrintable(QString::number(k)));
    }
  }

  void affineMappingIsReproducedEverywhereAtAnySmoothing() {
    // Turned 20 degrees, stretched 5 %, shifted: the spline has no bending
    // to do, so points between and beyond its own go where the mapping says.
    const double turn = 20 * std::numbers::pi / 180, c = 1.05 * std::cos(turn), s = 1.05 * std::sin(turn);
    const auto affine = [&](const SplinePoint& p) {
      return SplinePoint{c * p.x - s * p.y + 40, s * p.x + c * p.y - 25};
    };
    const auto from = scattered(10, 2);
    const auto to = imagesOf(from, affine);
    for (const double smoothing : {0.0, 0.3, 10.0}) {
      ThinPlateSpline spline;
      QVERIFY(spline.fit(from, to, kUnit, smoothing));
      for (const auto& p : scattered(50, 3)) {
        const SplineImage image = spline.map(p.x, p.y, 1.0);
        const SplinePoint expected = affine(p);
        QVERIFY(std::hypot(image.x - expected.x, image.y - expected.y) < 1e-3);  // single precision
        QVERIFY(std::abs(wrapped(image.direction - (1.0 + turn))) < kAngleAccuracy);
      }
    }
  }

  void directionsTurnWithTheSkinsShear() {
    // x' = x + 0.5 y: a direction along x stays, one along y leans over.
    const auto from = scattered(8, 4);
    const auto to = imagesOf(from, [](const SplinePoint& p) { return SplinePoint{p.x + 0.5 * p.y, p.y}; });
    ThinPlateSpline spline;
    QVERIFY(spline.fit(from, to, kUnit, 0.3));
    QVERIFY(std::abs(wrapped(spline.map(200, 200, 0).direction)) < kAngleAccuracy);
    const double up = spline.map(200, 200, std::numbers::pi / 2).direction;
    QVERIFY(std::abs(wrapped(up - std::atan2(1.0, 0.5))) < kAngleAccuracy);
  }

  void smoothingTradesFitForLessBending() {
    // Stiffer splines stay nearer their points' best affine fit: the farther
    // from interpolating, the larger the residual at the points.
    const auto from = scattered(16, 5);
    const auto to = imagesOf(from, bent);
    double previous = -1;
    for (const double smoothing : {0.0, 0.1, 1.0, 10.0}) {
      ThinPlateSpline spline;
      QVERIFY(spline.fit(from, to, kUnit, smoothing));
      double residual = 0;
      for (size_t k = 0; k < from.size(); ++k) {
        const SplineImage image = spline.map(from[k].x, from[k].y, 0);
        residual += std::hypot(image.x - to[k].x, image.y - to[k].y);
      }
      QVERIFY2(residual > previous, qPrintable(QString("smoothing %1: residual %2").arg(smoothing).arg(residual)));
      previous = residual;
    }
    QVERIFY(previous > 1);  // the stiffest no longer reaches its points
  }

  void manyPointsAtOnceMapAsOneByOne() {
    // The matcher maps all of a print's minutiae in one call; each must go
    // where it goes alone (37: the vector loops' remainders too).
    const auto from = scattered(16, 6);
    const auto to = imagesOf(from, bent);
    ThinPlateSpline spline;
    QVERIFY(spline.fit(from, to, kUnit, 0.3));
    std::vector<float> x, y, direction;
    for (const auto& p : scattered(37, 7)) x.push_back(float(p.x)), y.push_back(float(p.y));
    for (size_t i = 0; i < x.size(); ++i) direction.push_back(float(0.17 * double(i)));
    std::vector<SplineImage> all(x.size());
    spline.mapAll(x.data(), y.data(), direction.data(), x.size(), all.data());
    for (size_t i = 0; i < x.size(); ++i) {
      const SplineImage one = spline.map(x[i], y[i], direction[i]);
      QCOMPARE(all[i].x, one.x);
      QCOMPARE(all[i].y, one.y);
      QCOMPARE(all[i].direction, one.direction);
      QCOMPARE(all[i].reach, one.reach);
      double nearest = 1e9;
      for (const auto& p : from) nearest = std::min(nearest, std::hypot(p.x - x[i], p.y - y[i]));
      QVERIFY(std::abs(all[i].reach - nearest) < 1e-2);
    }
    spline.mapAll(nullptr, nullptr, nullptr, 0, nullptr);  // nothing to map: nothing read or written
  }

  void pointSetsWithoutAnAffineFitAreRefused() {
    ThinPlateSpline spline;
    const std::vector<SplinePoint> two{{0, 0}, {100, 50}}, three{{0, 0}, {100, 50}, {30, 200}};
    QVERIFY(!spline.fit(two, two, kUnit, 0.3));    // fewer than three points
    QVERIFY(!spline.fit(three, two, kUnit, 0.3));  // counts differ
    QVERIFY(!spline.fit(three, three, 0, 0.3));    // no unit
    const std::vector<SplinePoint> line{{0, 0}, {50, 25}, {100, 50}, {200, 100}};
    QVERIFY(!spline.fit(line, line, kUnit, 0.3));  // all in a line
    QVERIFY(!spline.fitted());
    const std::vector<SplinePoint> twice{{0, 0}, {0, 0}, {0, 0}, {10, 10}};
    QVERIFY(!spline.fit(twice, twice, kUnit, 0));  // one point three times, unsmoothed
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<SplinePoint> broken{{0, 0}, {100, 0}, {0, nan}, {100, 100}};
    QVERIFY(!spline.fit(broken, broken, kUnit, 0.3));  // not a number
    QVERIFY(spline.fit(three, three, kUnit, 0.3));     // and a good set fits after a refusal
    QVERIFY(spline.fitted());
  }
};

QTEST_APPLESS_MAIN(TestThinPlateSpline)
#include "test_thin_plate_spline.moc"
