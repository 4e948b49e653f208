// Ridge flow agreement under an alignment (flow_agreement.h): a flow agrees
// with itself, with a turned copy under the right turn, not under the wrong
// one, only over the area both prints share; malformed maps are refused.
#include <QtTest>

#include <array>
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

// A map with every block's direction and period drawn at random (a fixed
// seed), one block in five without flow and one in four without a period.
RidgeFlowMap randomFlow(int cols, int rows, unsigned seed) {
  RidgeFlowMap m = uniformFlow(cols, rows, 0);
  m.periods.resize(m.directions.size());
  unsigned state = seed;
  const auto next = [&state] { return state = state * 1664525u + 1013904223u, state >> 8; };
  for (size_t i = 0; i < m.directions.size(); ++i) {
    m.directions[i] = next() % 5 == 0 ? RidgeFlowMap::kNoFlow : std::uint8_t(next() % 180);
    m.periods[i] = std::uint16_t(next() % 4 == 0 ? 0 : 60 + next() % 80);  // tenths of a pixel
  }
  return m;
}

// compareFlow written out block by block, in double: where each probe block
// lands on the candidate's grid, and what the two share there.
FlowAgreement reference(const RidgeFlowMap& probe, const RidgeFlowMap& candidate, double turn, double tx, double ty) {
  double agreement = 0, mismatch = 0;
  int shared = 0, spaced = 0;
  for (int row = 0; row < probe.rows; ++row)
    for (int col = 0; col < probe.cols; ++col) {
      const size_t i = size_t(row * probe.cols + col);
      if (probe.directions[i] == RidgeFlowMap::kNoFlow) continue;
      const double x = (col + 0.5) * 16, y = -(row + 0.5) * 16;
      const double cx = std::cos(turn) * x - std::sin(turn) * y + tx, cy = std::sin(turn) * x + std::cos(turn) * y + ty;
      const int landedCol = int(std::floor(cx / 16)), landedRow = int(std::floor(-cy / 16));
      if (landedCol < 0 || landedRow < 0 || landedCol >= candidate.cols || landedRow >= candidate.rows) continue;
      const size_t j = size_t(landedRow * candidate.cols + landedCol);
      if (candidate.directions[j] == RidgeFlowMap::kNoFlow) continue;
      const double turned = probe.directions[i] * kPi / 180 + turn, other = candidate.directions[j] * kPi / 180;
      agreement += std::cos(2 * (turned - other));
      ++shared;
      if (probe.periods[i] > 0 && candidate.periods[j] > 0)
        mismatch += std::abs(std::log(double(probe.periods[i]) / candidate.periods[j])), ++spaced;
    }
  FlowAgreement out;
  out.agreement = shared ? agreement / shared : 0;
  out.sharedArea = shared * 256.0;
  out.periodMismatch = spaced ? mismatch / spaced : 0;
  out.periodArea = spaced * 256.0;
  return out;
}
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
    for (std::size_t k = 0; k < full.coarse.size(); ++k) {
      const FlowField::Sample sample = full.coarse[k];
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

  void everyBlockIsComparedWhereItLands() {
    // Random flow, so that a block compared with the wrong one of the
    // candidate's, or a probe block skipped or counted twice, shows. 23 x 19
    // blocks: the comparison takes eight at a time where it can, and the
    // rest one by one; both are checked.
    const RidgeFlowMap probeMap = randomFlow(23, 19, 1), candidateMap = randomFlow(21, 25, 2);
    const FlowField probe = field(probeMap), candidate = field(candidateMap);
    QVERIFY(probe.samples.size() % 8 != 0);
    // Each turn about the probe's centre (184, -152), onto the candidate's
    // centre (168, -200) moved by (dx, dy).
    for (const auto& [turn, dx, dy] : {std::array<double, 3>{0.3, 40, -25}, {-1.1, -70, 30}, {2.5, 10, 60}}) {
      const double tx = 168 + dx - (std::cos(turn) * 184 + std::sin(turn) * 152);
      const double ty = -200 + dy - (std::sin(turn) * 184 - std::cos(turn) * 152);
      const FlowAgreement got = compareFlow(probe, candidate, turn, tx, ty);
      const FlowAgreement want = reference(probeMap, candidateMap, turn, tx, ty);
      QVERIFY2(want.sharedArea > 40 * 256.0, "the maps overlap");
      // Block centres land well inside their blocks or on an edge alike in float and double here.
      QCOMPARE(got.sharedArea, want.sharedArea);
      QCOMPARE(got.periodArea, want.periodArea);
      QVERIFY2(std::abs(got.agreement - want.agreement) < 1e-5, qPrintable(QString::number(got.agreement - want.agreement)));
      QVERIFY2(std::abs(got.periodMismatch - want.periodMismatch) < 1e-5, qPrintable(QString("%1 %2").arg(got.periodMismatch).arg(want.periodMismatch)));
    }
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
