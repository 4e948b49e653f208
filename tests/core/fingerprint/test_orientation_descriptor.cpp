// The ridge flow around a minutia (orientation_descriptor.h) and how it
// weighs on the local similarity: a descriptor turns with its print, tells
// agreeing flow from crossing flow, says nothing where the print has no flow;
// the similarity matrix scales the cylinder similarity by the agreement,
// from all of it (the same flow) to half (crossing flow).
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>
#include <random>

#include "core/fingerprint/local_similarity.h"
#include "core/fingerprint/matcher.h"
#include "core/fingerprint/mcc_template.h"
#include "core/fingerprint/orientation_descriptor.h"

using namespace ridgeline;
using namespace ridgeline::fingerprint;

namespace {
constexpr double kPi = std::numbers::pi;

// A 40 x 40 block map (640 px at 500 ppi) whose ridge direction at each block
// centre is radiansAt(x, y), in the y-up frame of the templates.
RidgeFlowMap flowOf(const std::function<double(double, double)>& radiansAt) {
  RidgeFlowMap map{16, 40, 40, {}};
  for (int row = 0; row < map.rows; ++row)
    for (int col = 0; col < map.cols; ++col) {
      const double a = radiansAt((col + 0.5) * 16, -(row + 0.5) * 16);
      const double degrees = std::fmod(std::fmod(a * 180 / kPi, 180) + 180, 180);
      map.directions.push_back(std::uint8_t(std::lround(degrees) % 180));
    }
  return map;
}

// Ridges circling the point (320, -320), as around a whorl's core.
double circling(double x, double y) { return std::atan2(y + 320, x - 320) + kPi / 2; }

OrientationDescriptor describe(const RidgeFlowMap& map, double x, double y, double direction) {
  return describeOrientation(prepareFlowField(map, 500), x, y, direction);
}
}  // namespace

class TestOrientationDescriptor : public QObject {
  Q_OBJECT
 private slots:
  void descriptorTurnsWithThePrint() {
    // The same whorl turned 40 degrees about its core: a minutia and its
    // turned copy see the same flow around them.
    const double turn = 40 * kPi / 180, c = std::cos(turn), s = std::sin(turn);
    const RidgeFlowMap original = flowOf(circling);
    const RidgeFlowMap turned = flowOf([&](double x, double y) {
      const double ux = x - 320, uy = y + 320;  // back to the original: turn by -turn about the core
      return circling(c * ux + s * uy + 320, -s * ux + c * uy - 320) + turn;
    });
    const double mx = 420, my = -300, md = 1.0;
    const double tx = c * (mx - 320) - s * (my + 320) + 320, ty = s * (mx - 320) + c * (my + 320) - 320;
    const OrientationAgreement same = compareOrientation(describe(original, mx, my, md), describe(turned, tx, ty, md + turn));
    QCOMPARE(same.shared, kDescriptorSamples);
    QVERIFY2(same.agreement > 0.85, qPrintable(QString::number(same.agreement)));
    // Without turning the minutia's direction along, the flow no longer agrees.
    const OrientationAgreement unturned = compareOrientation(describe(original, mx, my, md), describe(turned, tx, ty, md));
    QVERIFY2(unturned.agreement < same.agreement - 0.3, qPrintable(QString::number(unturned.agreement)));
  }

  void crossingFlowDisagreesAndUnrelatedFlowIsNeutral() {
    const auto at = [](double degrees) { return flowOf([=](double, double) { return degrees * kPi / 180; }); };
    const OrientationDescriptor d = describe(at(30), 320, -320, 0.3);
    QVERIFY(std::abs(compareOrientation(d, d).agreement - 1.0f) < 1e-6f);
    QVERIFY(std::abs(compareOrientation(d, describe(at(120), 320, -320, 0.3)).agreement + 1.0f) < 1e-6f);
    // 45 degrees apart sits halfway between; the code is linear in the angle.
    QVERIFY(std::abs(compareOrientation(d, describe(at(75), 320, -320, 0.3)).agreement) < 0.15f);
  }

  void onlySamplesOnTheFlowCount() {
    RidgeFlowMap half = flowOf([](double, double) { return 0.5; });
    for (int row = 0; row < half.rows; ++row)
      for (int col = 20; col < half.cols; ++col) half.directions[size_t(row * half.cols + col)] = RidgeFlowMap::kNoFlow;
    // A minutia on the edge of the flow sees it on one side only.
    const OrientationDescriptor edge = describe(half, 320, -320, 0);
    const int shared = compareOrientation(edge, edge).shared;
    QVERIFY2(shared > 20 && shared < 36, qPrintable(QString::number(shared)));
    QCOMPARE(compareOrientation(describe(half, 600, -320, 0), edge).shared, 0);  // one far out: nothing
    QCOMPARE(describeOrientation(FlowField{}, 320, -320, 0).sampled, std::uint64_t(0));
  }

  void absurdResolutionSamplesNothingAndScoresNothingOdd() {
    // A damaged feature document can state any finite resolution: the rings
    // (81 px at 500 ppi) then lie billions of blocks away, off the map.
    FeatureSet f;
    f.ppi = 1e12;
    f.ridgeFlow = flowOf([](double, double) { return 0.3; });
    for (int i = 0; i < 20; ++i) f.minutiae.push_back(Minutia{100.0 + 13 * i, 200.0 + 7 * (i % 5), 0.1 * i});
    const MccTemplate t = prepareTemplate(f);
    for (const auto& c : t.cylinders) QCOMPARE(c.orientation.sampled, std::uint64_t(0));
    const double score = matchTemplates(t, t).score;
    QVERIFY(std::isfinite(score) && score >= 0 && score <= 1);
  }

  void flowWeighsOnTheSimilarityMatrix() {
    std::mt19937 random(4);
    std::uniform_real_distribution<double> position(170, 470), direction(0, 2 * kPi);
    FeatureSet print;
    print.ppi = 500;
    for (int i = 0; i < 40; ++i) print.minutiae.push_back(Minutia{position(random), position(random), direction(random)});
    FeatureSet agreeing = print, crossing = print;
    agreeing.ridgeFlow = flowOf([](double, double) { return 0.2; });
    crossing.ridgeFlow = flowOf([](double, double) { return 0.2 + kPi / 2; });
    const MccTemplate bare = prepareTemplate(print), a = prepareTemplate(agreeing), b = prepareTemplate(crossing);
    for (const auto& c : bare.cylinders) QCOMPARE(c.orientation.sampled, std::uint64_t(0));
    const std::vector<float> cylinders = similarityMatrix(bare, bare);
    const size_t n = bare.size();
    QVERIFY(n > 30);
    int scaled = 0;
    // Every instruction set this processor runs counts the same.
    for (const SimilarityKernels kernels : availableSimilarityKernels()) {
      const std::vector<float> same = similarityMatrix(a, a, kernels), crossed = similarityMatrix(a, b, kernels);
      // Each minutia against itself: the same flow keeps its similarity of 1, crossing flow halves it.
      for (size_t i = 0; i < n; ++i) {
        QCOMPARE(same[i * n + i], 1.0f);
        QCOMPARE(crossed[i * n + i], 0.5f);
      }
      // Every pair: the cylinder similarity, scaled by half plus half the flow's agreement (none below 0).
      scaled = 0;
      for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j) {
          const OrientationAgreement o = compareOrientation(a.cylinders[i].orientation, b.cylinders[j].orientation);
          QCOMPARE(o.shared, kDescriptorSamples);
          const float expected = cylinders[i * n + j] * (0.5f + 0.5f * std::clamp(o.agreement, 0.0f, 1.0f));
          QVERIFY(std::abs(crossed[i * n + j] - expected) < 1e-6f);
          scaled += cylinders[i * n + j] > 0 && o.agreement > 0 && o.agreement < 1;
        }
    }
    QVERIFY(scaled > 20);
  }
};

QTEST_GUILESS_MAIN(TestOrientationDescriptor)
#include "test_orientation_descriptor.moc"
