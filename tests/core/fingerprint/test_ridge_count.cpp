// Ridge counts between neighbouring minutiae (core/fingerprint/ridge_count.h):
// counted on a drawn image with a known number of ridges, taken to the
// nearest neighbours within reach, and compared only where both prints read
// the same neighbour; then in the matcher, where miscounted ridges lower the
// score of an otherwise unchanged pair.
#include <QtTest>

#include <cmath>
#include <limits>

#include "core/fingerprint/extractor.h"
#include "core/fingerprint/matcher.h"
#include "core/fingerprint/ridge_count.h"
#include "fixtures.h"

using namespace ridgeline;
using namespace ridgeline::fingerprint;

namespace {
// Straight vertical ridges, dark (as the detail image draws them) at x = 0,
// period, 2 period, ...; the grey 128 means "no ridge" between.
RidgeDetailImage stripes(int cols, int rows, double period) {
  RidgeDetailImage image;
  image.cols = cols, image.rows = rows;
  image.pixelsPerFeaturePixel = 0.5;
  for (int y = 0; y < rows; ++y)
    for (int x = 0; x < cols; ++x)
      image.pixels.push_back(std::uint8_t(std::lround(128 - 100 * std::cos(2 * M_PI * x / period))));
  return image;
}

Minutia at(double x, double y) {
  Minutia m;
  m.x = x, m.y = y;
  return m;
}

// One minutia's table row: the given neighbours and counts, the rest empty.
void setRow(NeighbourRidgeCounts& t, size_t minutia, std::vector<RidgeCountNeighbour> row) {
  if (t.table.size() < (minutia + 1) * kRidgeCountNeighbours) t.table.resize((minutia + 1) * kRidgeCountNeighbours);
  for (size_t q = 0; q < row.size(); ++q) t.table[minutia * kRidgeCountNeighbours + q] = row[q];
}
}  // namespace

class TestRidgeCount : public QObject {
  Q_OBJECT

 private slots:
  void countsTheRidgesALineCrosses() {
    const RidgeDetailImage image = stripes(64, 64, 5);
    // From valley to valley across ridges at 5, 10, 15, 20 and 25.
    QCOMPARE(ridgesCrossed(image, 2.5, 30, 27.5, 30), 5);
    QCOMPARE(ridgesCrossed(image, 27.5, 30, 2.5, 30), 5);  // either way round
    // From ridge to ridge: the two the minutiae stand on are not counted.
    QCOMPARE(ridgesCrossed(image, 5, 30, 30, 30), 4);
    // Slanting across the same span of x crosses the same ridges.
    QCOMPARE(ridgesCrossed(image, 2.5, 5, 27.5, 40), 5);
    // Along a ridge or a valley, none.
    QCOMPARE(ridgesCrossed(image, 10, 5, 10, 50), 0);
    QCOMPARE(ridgesCrossed(image, 12.5, 5, 12.5, 50), 0);
  }

  void faintRidgesAreNotCounted() {
    // Grey within the hysteresis of "no ridge" everywhere: nothing crossed.
    RidgeDetailImage flat = stripes(64, 8, 5);
    for (auto& p : flat.pixels) p = std::uint8_t(128 + (p - 128) / 20);
    QCOMPARE(ridgesCrossed(flat, 2.5, 4, 27.5, 4), 0);
  }

  void offTheImageOrTooShortIsUnknown() {
    const RidgeDetailImage image = stripes(64, 64, 5);
    QCOMPARE(ridgesCrossed(image, -1, 30, 20, 30), -1);
    QCOMPARE(ridgesCrossed(image, 2, 30, 64, 30), -1);
    QCOMPARE(ridgesCrossed(image, 2, 30, 2, 1e9), -1);
    QCOMPARE(ridgesCrossed(image, std::numeric_limits<double>::quiet_NaN(), 30, 20, 30), -1);
    QCOMPARE(ridgesCrossed(image, 20, 30, 20.4, 30), -1);
    // A malformed image (fewer pixels than its size says) is never read.
    RidgeDetailImage cut = image;
    cut.pixels.resize(cut.pixels.size() / 2);
    QCOMPARE(ridgesCrossed(cut, 2.5, 60, 27.5, 60), -1);
    QVERIFY(ridgesCrossed(image, 2.5, 60, 27.5, 60) > 0);
  }

  void eachMinutiaKeepsItsNearestNeighboursWithinReach() {
    // Image 128 x 128 detail pixels = 256 x 256 feature pixels at 500 ppi.
    const std::optional<RidgeDetailImage> image = stripes(128, 128, 5);
    std::vector<Minutia> m{at(100, 100)};
    for (double d : {8.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 125.0}) m.push_back(at(100 + d, 100));
    const NeighbourRidgeCounts t = countNeighbourRidges(image, 500, m);
    QCOMPARE(t.minutiae(), m.size());
    const RidgeCountNeighbour* first = t.of(0);
    // Not the one 8 px off (the same ridge or the next), not the one 125 px off;
    // the six nearest of the rest, nearest first.
    for (int q = 0; q < kRidgeCountNeighbours; ++q) QCOMPARE(first[q].minutia, q + 2);
    // 20 feature px are 10 detail px, from x = 50 to 60: standing on ridges 50 and 60, one between.
    QCOMPARE(first[0].ridges, ridgesCrossed(*image, 50, 50, 60, 50));
    QVERIFY(first[0].ridges >= 1);
    // At 1000 ppi the same feature pixels are half as far: the 20 px neighbour
    // (10 px at 500 ppi) is now too near, and the 125 px one within reach.
    const NeighbourRidgeCounts fine = countNeighbourRidges(image, 1000, m);
    QCOMPARE(fine.of(0)[0].minutia, 3);
  }

  void noUsableImageMeansNoCounts() {
    const std::vector<Minutia> m{at(10, 10), at(40, 10)};
    QVERIFY(countNeighbourRidges(std::nullopt, 500, m).empty());
    RidgeDetailImage shortRows = stripes(32, 32, 5);
    shortRows.pixels.pop_back();
    QVERIFY(countNeighbourRidges(shortRows, 500, m).empty());
    RidgeDetailImage noScale = stripes(32, 32, 5);
    noScale.pixelsPerFeaturePixel = 0;
    QVERIFY(countNeighbourRidges(noScale, 500, m).empty());
    QVERIFY(countNeighbourRidges(stripes(32, 32, 5), 500, {}).empty());
    // Minutiae off the image: their counts are unknown, not made up.
    const NeighbourRidgeCounts off = countNeighbourRidges(stripes(32, 32, 5), 500, {at(-500, 10), at(-470, 10)});
    QCOMPARE(off.of(0)[0].minutia, 1);
    QCOMPARE(off.of(0)[0].ridges, -1);
  }

  void onlyNeighboursPairedOnBothPrintsAreCompared() {
    NeighbourRidgeCounts probe, candidate;
    // Probe minutia 0 has neighbours 1 (3 ridges), 2 (5), 3 (7), 4 (2).
    setRow(probe, 0, {{1, 3}, {2, 5}, {3, 7}, {4, 2}});
    setRow(probe, 4, {});
    // Candidate minutia 10 (paired with 0) has neighbours 11 (3), 12 (6), 13 (1), 14 (-1: off its image).
    setRow(candidate, 10, {{11, 3}, {12, 6}, {13, 1}, {14, -1}});
    setRow(candidate, 15, {});
    // 1-11 agree exactly, 2-12 within one, 3-13 by six ridges apart; 4-14 is
    // unknown on the candidate; probe 5 is not paired at all.
    const std::vector<std::pair<int, int>> pairs{{0, 10}, {1, 11}, {2, 12}, {3, 13}, {4, 14}};
    const RidgeCountAgreement a = compareRidgeCounts(probe, candidate, pairs);
    QCOMPARE(a.compared, 3);
    QCOMPARE(a.exact, 1);
    QCOMPARE(a.withinOne, 2);
    // A neighbour paired with a minutia the candidate's row does not hold is not compared.
    const RidgeCountAgreement moved = compareRidgeCounts(probe, candidate, {{0, 10}, {1, 15}});
    QCOMPARE(moved.compared, 0);
    // Indices beyond either table, negative ones, and empty tables are ignored.
    QCOMPARE(compareRidgeCounts(probe, candidate, {{0, 99}, {-1, 10}, {99, 11}}).compared, 0);
    QCOMPARE(compareRidgeCounts({}, candidate, pairs).compared, 0);
  }

  void correspondencesAreCheckedAgainstTheirNeighbours() {
    // Four minutiae in a row across straight ridges, on ridges 30, 60 and 90 px apart.
    const std::optional<RidgeDetailImage> image = stripes(128, 128, 5);
    const std::vector<Minutia> probe{at(40, 100), at(70, 100), at(100, 100), at(130, 100)};
    const std::vector<std::pair<int, int>> marked{{0, 0}, {1, 1}, {2, 2}, {3, 3}};
    // The same layout on the candidate: every count agrees, with the three nearest each.
    for (const RidgeCountAgreement& r : ridgeCountsAtCorrespondences(image, probe, 500, image, probe, marked)) {
      QCOMPARE(r.compared, kCorrespondenceNeighbours);
      QCOMPARE(r.exact, r.compared);
    }
    // The candidate's fourth minutia two ridges further out: its counts to the others are two off.
    std::vector<Minutia> moved = probe;
    moved[3].x += 20;
    const auto r = ridgeCountsAtCorrespondences(image, probe, 500, image, moved, marked);
    QCOMPARE(r[0].compared, 3);
    QCOMPARE(r[0].withinOne, 2);  // 0-1 and 0-2 agree, 0-3 does not
    QCOMPARE(r[3].withinOne, 0);
    // A correspondence without a minutia on one side, or no image, counts nothing.
    const auto partial = ridgeCountsAtCorrespondences(image, probe, 500, image, probe, {{0, 0}, {1, -1}, {2, 2}});
    QCOMPARE(partial[1].compared, 0);
    QCOMPARE(partial[0].compared, 1);  // only 2 is a neighbour now
    QCOMPARE(ridgeCountsAtCorrespondences(std::nullopt, probe, 500, image, probe, marked)[0].compared, 0);
    QCOMPARE(ridgeCountsAtCorrespondences(image, probe, 500, image, probe, {{0, 0}, {9, 9}})[0].compared, 0);
  }

  void miscountedRidgesLowerTheScore() {
    const MccTemplate probe = prepareTemplate(extractFeatures(loadFixture("101_1.tif"), 500));
    const MccTemplate mate = prepareTemplate(extractFeatures(loadFixture("101_2.tif"), 500));
    QVERIFY(!probe.ridgeCounts.empty() && !mate.ridgeCounts.empty());
    const MatchResult r = matchTemplates(probe, mate);
    const auto& b = r.breakdown;
    qInfo("ridge counts: %d compared, %d the same, %d within one", b.ridgeCountsCompared, b.ridgeCountsSame,
          b.ridgeCountsWithinOne);
    QVERIFY(b.ridgeCountsCompared >= 20);
    QVERIFY(b.ridgeCountsWithinOne >= 0.85 * b.ridgeCountsCompared);
    QVERIFY(b.ridgeCountsSame >= 0.5 * b.ridgeCountsCompared);
    // The same pair with every candidate count three ridges off: same
    // minutiae, flow and detail, so only the counts can lower it.
    MccTemplate miscounted = mate;
    for (auto& n : miscounted.ridgeCounts.table)
      if (n.ridges >= 0) n.ridges += 3;
    const MatchResult off = matchTemplates(probe, miscounted);
    QCOMPARE(off.breakdown.ridgeCountsCompared, b.ridgeCountsCompared);
    QCOMPARE(off.breakdown.ridgeCountsWithinOne, 0);
    QVERIFY2(off.score < 0.75 * r.score, qPrintable(QString("%1 vs %2").arg(off.score).arg(r.score)));
    // One ridge off is forgiven by the penalty (a count off by one is often
    // the extractor's): only the exact agreement is lost.
    MccTemplate offByOne = mate;
    for (auto& n : offByOne.ridgeCounts.table)
      if (n.ridges >= 0) n.ridges += 1;
    const MatchResult one = matchTemplates(probe, offByOne);
    // Only counts that were one apart the other way can agree now; those that agreed are one apart.
    QVERIFY(one.breakdown.ridgeCountsSame <= b.ridgeCountsCompared - b.ridgeCountsSame);
    QVERIFY(one.breakdown.ridgeCountsWithinOne >= b.ridgeCountsSame);
    QVERIFY2(one.score < r.score && one.score > 0.9 * r.score,
             qPrintable(QString("%1 vs %2").arg(one.score).arg(r.score)));
    // Without counts on one side the term is left out, as for a template.
    MccTemplate uncounted = mate;
    uncounted.ridgeCounts = {};
    const MatchResult none = matchTemplates(probe, uncounted);
    QCOMPARE(none.breakdown.ridgeCountsCompared, -1);
    QVERIFY(none.score > off.score && none.score < r.score + 0.05);
  }
};

QTEST_APPLESS_MAIN(TestRidgeCount)
#include "test_ridge_count.moc"
