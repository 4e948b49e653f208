// Ridge flow agreement under an alignment (flow_agreement.h): a flow agrees
// with itself, with a turned copy under the right turn, not under the wrong
// one, only over the area both prints share; malformed maps are refused.
#include <QtTest>

#include <cmath>
#include <numbers>

#include "core/fingerprint/flow_agreement.h"
#include "core/util/errors.h"

using namespace ridgeline;
using namespace ridgeline::fingerprint;

namespace {
constexpr double kPi = std::numbers::pi;

// cols x rows blocks of 16 px at 500 ppi, all with the same flow.
RidgeFlowMap uniformFlow(int cols, int rows, std::uint8_t degrees) {
  return RidgeFlowMap{16, cols, rows, std::vector<std::uint8_t>(size_t(cols) * size_t(rows), degrees)};
}

FlowField field(const RidgeFlowMap& map, double ppi = 500) { return prepareFlowField(map, ppi); }
}  // namespace

class TestFlowAgreement : public QObject {
  Q_OBJECT
 private slots:
  void flowAgreesWithItselfOverItsWholeArea() {
    const FlowField f = field(uniformFlow(10, 8, 30));
    const FlowAgreement a = compareFlow(f, f, 0, 0, 0);
    QVERIFY(std::abs(a.agreement - 1.0) < 1e-6);
    QCOMPARE(a.sharedArea, 10 * 8 * 16.0 * 16.0);
  }

  void crossingFlowDisagrees() {
    const FlowAgreement a = compareFlow(field(uniformFlow(10, 10, 30)), field(uniformFlow(10, 10, 120)), 0, 0, 0);
    QVERIFY(std::abs(a.agreement + 1.0) < 1e-6);  // at right angles: cos 2(90 degrees) = -1
  }

  void turnedCopyAgreesUnderItsTurn() {
    // The candidate is the probe turned 60 degrees counter-clockwise about its
    // centre (80, -80) in the y-up frame: ridges at 30 degrees now run at 90.
    // (A turn of 90 would not tell the turn's sense: ridges have none.)
    const FlowField probe = field(uniformFlow(10, 10, 30)), candidate = field(uniformFlow(10, 10, 90));
    auto aboutCentre = [&](double turn) {
      const double c = std::cos(turn), s = std::sin(turn);
      return compareFlow(probe, candidate, turn, 80 - (c * 80 + s * 80), -80 - (s * 80 - c * 80));
    };
    const FlowAgreement right = aboutCentre(kPi / 3);
    QVERIFY2(std::abs(right.agreement - 1.0) < 1e-6, qPrintable(QString::number(right.agreement)));
    QVERIFY(right.sharedArea > 60 * 256.0 && right.sharedArea < 100 * 256.0);  // the corners fall off
    QVERIFY(aboutCentre(-kPi / 3).agreement < -0.49);  // the wrong sense: 150 against 90 degrees
    QVERIFY(compareFlow(probe, candidate, 0, 0, 0).agreement < -0.49);  // 60 degrees apart: cos 120 = -0.5
  }

  void theCoarseGridStandsForTheWhole() {
    // The blocks at every third row and column, their areas scaled to all the probe's flow.
    const FlowField full = field(uniformFlow(9, 9, 45));
    QCOMPARE(full.samples.size(), size_t(81));
    QCOMPARE(full.coarse.size(), size_t(9));
    for (const FlowField::Sample& sample : full.coarse) {
      QVERIFY(sample.block / 9 % 3 == 0 && sample.block % 9 % 3 == 0);
      QCOMPARE(sample.x, float((sample.block % 9 + 0.5) * 16));
      QCOMPARE(sample.y, float(-(sample.block / 9 + 0.5) * 16));
    }
    const FlowAgreement whole = compareFlow(full, full, 0, 0, 0, FlowSampling::Coarse);
    QCOMPARE(whole.sharedArea, 81 * 256.0);
    QCOMPARE(whole.agreement, 1.0);
    // Shifted right by 3 blocks: 6 of 9 columns still land, as for every block.
    QCOMPARE(compareFlow(full, full, 0, 3 * 16, 0, FlowSampling::Coarse).sharedArea, 54 * 256.0);
    QCOMPARE(compareFlow(full, full, 0, 3 * 16, 0).sharedArea, 54 * 256.0);
    // Crossing flow reads the same from the coarse grid as from the whole.
    const FlowField crossing = field(uniformFlow(9, 9, 135));
    QCOMPARE(compareFlow(full, crossing, 0, 0, 0, FlowSampling::Coarse).agreement,
             compareFlow(full, crossing, 0, 0, 0).agreement);
    // A probe whose flow misses the coarse grid is compared in full.
    RidgeFlowMap off = uniformFlow(4, 4, 45);
    for (int row = 0; row < 4; ++row)
      for (int col = 0; col < 4; ++col)
        if (row % 3 == 0 || col % 3 == 0) off.directions[size_t(row * 4 + col)] = RidgeFlowMap::kNoFlow;
    const FlowField offGrid = field(off);
    QVERIFY(offGrid.coarse.empty());
    QCOMPARE(compareFlow(offGrid, full, 0, 0, 0, FlowSampling::Coarse).sharedArea, 4 * 256.0);
  }

  void onlyTheSharedAreaCounts() {
    RidgeFlowMap half = uniformFlow(10, 10, 45);
    for (int row = 0; row < 10; ++row)
      for (int col = 5; col < 10; ++col) half.directions[size_t(row * 10 + col)] = RidgeFlowMap::kNoFlow;
    const FlowField full = field(uniformFlow(10, 10, 45));
    QCOMPARE(compareFlow(full, field(half), 0, 0, 0).sharedArea, 50 * 256.0);
    // Shifted right by 3 blocks: 7 columns of the probe still land on the candidate.
    QCOMPARE(compareFlow(full, full, 0, 3 * 16, 0).sharedArea, 70 * 256.0);
    // Shifted off the candidate entirely: nothing shared, no agreement claimed.
    const FlowAgreement apart = compareFlow(full, full, 0, 500, 0);
    QCOMPARE(apart.sharedArea, 0.0);
    QCOMPARE(apart.agreement, 0.0);
  }

  void blocksScaleWithResolution() {
    // 32 px blocks at 1000 ppi are 16 px at 500 ppi: the same map as 16 px at 500.
    RidgeFlowMap high = uniformFlow(4, 4, 10);
    high.blockSize = 32;
    const FlowField f = field(high, 1000);
    QCOMPARE(f.side, 16.0);
    QCOMPARE(compareFlow(f, field(uniformFlow(4, 4, 10)), 0, 0, 0).sharedArea, 16 * 256.0);
  }

  void noFlowMapGivesAnEmptyField() {
    QVERIFY(prepareFlowField(std::nullopt, 500).empty());
    QVERIFY(field(uniformFlow(3, 3, RidgeFlowMap::kNoFlow)).empty());
    const FlowField f = field(uniformFlow(3, 3, 0));
    QCOMPARE(compareFlow(f, FlowField{}, 0, 0, 0).sharedArea, 0.0);
  }

  void ridgeSpacingIsComparedInPixelsAt500Ppi() {
    RidgeFlowMap a = uniformFlow(6, 6, 20), b = uniformFlow(6, 6, 20);
    a.periods.assign(36, 90);  // 9 px
    b.periods.assign(36, 99);  // 9.9 px: 10 % wider
    const FlowAgreement same = compareFlow(field(a), field(a), 0, 0, 0);
    QCOMPARE(same.periodMismatch, 0.0);
    QCOMPARE(same.periodArea, 36 * 256.0);
    const FlowAgreement wider = compareFlow(field(a), field(b), 0, 0, 0);
    QVERIFY(std::abs(wider.periodMismatch - std::log(1.1)) < 1e-4);
    // The same print at 1000 ppi: twice the pixels a period, the same spacing.
    RidgeFlowMap high = a;
    high.blockSize = 32;
    high.periods.assign(36, 180);
    QVERIFY(compareFlow(field(high, 1000), field(a), 0, 0, 0).periodMismatch < 1e-6);
    // Unmeasured blocks (0) and maps without periods take no part.
    b.periods.assign(36, 0);
    QCOMPARE(compareFlow(field(a), field(b), 0, 0, 0).periodArea, 0.0);
    QCOMPARE(compareFlow(field(a), field(uniformFlow(6, 6, 20)), 0, 0, 0).periodArea, 0.0);
  }

  void malformedMapsAreInputErrors() {
    RidgeFlowMap shortMap = uniformFlow(4, 4, 10);
    shortMap.directions.pop_back();
    QVERIFY_THROWS_EXCEPTION(InputError, prepareFlowField(shortMap, 500));
    QVERIFY_THROWS_EXCEPTION(InputError, prepareFlowField(uniformFlow(2, 2, 180), 500));
    RidgeFlowMap noBlocks = uniformFlow(2, 2, 10);
    noBlocks.blockSize = 0;
    QVERIFY_THROWS_EXCEPTION(InputError, prepareFlowField(noBlocks, 500));
    RidgeFlowMap fewPeriods = uniformFlow(2, 2, 10);
    fewPeriods.periods = {90, 90, 90};
    QVERIFY_THROWS_EXCEPTION(InputError, prepareFlowField(fewPeriods, 500));
  }
};

QTEST_GUILESS_MAIN(TestFlowAgreement)
#include "test_flow_agreement.moc"
