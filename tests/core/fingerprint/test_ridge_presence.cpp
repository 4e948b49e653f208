// Where a print shows ridges (its clarity map at level 2 or more), as the
// global consolidation reads it to decide which minutiae count as shared.
#include <QtTest>

#include <limits>

#include "core/fingerprint/ridge_presence.h"
#include "core/util/errors.h"

using namespace ridgeline;
using namespace ridgeline::fingerprint;

namespace {
// cols x rows blocks of 16 px, every block at `level`.
ClarityMap uniform(int cols, int rows, std::uint8_t level) {
  ClarityMap m;
  m.cols = cols, m.rows = rows;
  m.levels.assign(size_t(cols * rows), level);
  return m;
}
}  // namespace

class TestRidgePresence : public QObject {
  Q_OBJECT

 private slots:
  void withoutAClarityMapEverywhereCounts() {
    const RidgePresence none;
    QVERIFY(!none.known());
    QVERIFY(none.showsRidges(0, 0) && none.showsRidges(1e6, -1e6) && none.showsRidges(-5, 5));
    QVERIFY(RidgePresence(std::nullopt, 500).showsRidges(100, -100));
  }

  void definitiveFlowShowsRidgesAndDebatableDoesNot() {
    // Level per block, row 0 at the image's top: 3 2 / 1 0.
    ClarityMap m = uniform(2, 2, 0);
    m.levels = {3, 2, 1, 0};
    const RidgePresence p(m, 500);
    QVERIFY(p.known());
    // Template frame: x right, y up from the top edge, so row r lies at y in (-16 (r + 1), -16 r].
    QVERIFY(p.showsRidges(8, -8));    // level 3
    QVERIFY(p.showsRidges(24, -8));   // level 2
    QVERIFY(!p.showsRidges(8, -24));  // level 1: flow an examiner could not follow
    QVERIFY(!p.showsRidges(24, -24)); // level 0: background
  }

  void outsideTheImageNothingShows() {
    const RidgePresence p(uniform(4, 3, 3), 500);
    QVERIFY(p.showsRidges(0.5, -0.5) && p.showsRidges(63.5, -47.5));
    QVERIFY(!p.showsRidges(-1, -8));   // left of the image
    QVERIFY(!p.showsRidges(8, 1));     // above it (y up)
    QVERIFY(!p.showsRidges(64.5, -8)); // right of it
    QVERIFY(!p.showsRidges(8, -48.5)); // below it
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(!p.showsRidges(nan, -8) && !p.showsRidges(8, nan));
    QVERIFY(!p.showsRidges(1e300, -1e300));
  }

  void blocksAreScaledToTheTemplatesResolution() {
    // 16 px blocks at 1000 ppi are 8 px at the templates' 500 ppi.
    ClarityMap m = uniform(2, 1, 0);
    m.levels = {2, 0};
    const RidgePresence p(m, 1000);
    QVERIFY(p.showsRidges(7.5, -1));
    QVERIFY(!p.showsRidges(8.5, -1));
    QVERIFY(!p.showsRidges(20, -1));  // beyond both blocks, 16 px at 500 ppi
  }

  void aMalformedMapIsAnInputError() {
    ClarityMap shortMap = uniform(3, 3, 2);
    shortMap.levels.pop_back();
    QVERIFY_THROWS_EXCEPTION(InputError, RidgePresence(shortMap, 500));
    ClarityMap noBlock = uniform(2, 2, 2);
    noBlock.blockSize = 0;
    QVERIFY_THROWS_EXCEPTION(InputError, RidgePresence(noBlock, 500));
    ClarityMap negative = uniform(0, 0, 2);
    negative.cols = -2, negative.rows = -3;
    negative.levels.assign(6, 2);
    QVERIFY_THROWS_EXCEPTION(InputError, RidgePresence(negative, 500));
  }
};

QTEST_APPLESS_MAIN(TestRidgePresence)
#include "test_ridge_presence.moc"
