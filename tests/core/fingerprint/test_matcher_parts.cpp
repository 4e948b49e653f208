// The matcher's fast paths against their plain definitions: the rasterised
// hull answers like the hull itself, a cylinder's valid cells are those
// within the offset of the minutiae's convex hull, and the similarity of two cylinders that
// lie wholly inside their prints (counted without a mask) equals the masked
// count of the published formula, whichever of the two is taken as partial.
#include <QtTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <random>

#include <opencv2/imgproc.hpp>

#include "core/fingerprint/greedy_pairing.h"
#include "core/fingerprint/hull_mask.h"
#include "core/fingerprint/ridge_presence.h"
#include "core/fingerprint/local_similarity.h"
#include "core/fingerprint/matcher.h"
#include "core/fingerprint/mcc_template.h"
#include "core/util/errors.h"

using namespace ridgeline;
using namespace ridgeline::fingerprint;

namespace {
// Square hull (0,0)-(100,100), normals pointing inside.
std::vector<std::array<float, 4>> squareEdges() {
  return {{0, 0, 0, 1}, {100, 0, -1, 0}, {100, 100, 0, -1}, {0, 100, 1, 0}};
}

// A cylinder wholly inside its print: every cell inside the radius valid,
// random values there, nothing outside.
Cylinder completeCylinder(std::mt19937& random, double direction) {
  using namespace mcc;
  Cylinder c;
  c.direction = direction;
  c.cosDirection = float(std::cos(direction)), c.sinDirection = float(std::sin(direction));
  for (int a = 0; a < kSpatialCells; ++a)
    for (int b = 0; b < kSpatialCells; ++b) {
      const double ox = a + 0.5 - kSpatialCells / 2.0, oy = b + 0.5 - kSpatialCells / 2.0;
      if (std::hypot(ox, oy) > kSpatialCells / 2.0) continue;
      const int cell = a * kSpatialCells + b;
      c.valid[size_t(cell / 64)] |= 1ull << (cell % 64);
      for (int k = 0; k < kDirectionCells; ++k)
        if (random() % 3 == 0) {
          const int bit = k * kCellsPerLayer + cell;
          c.bits[size_t(bit / 64)] |= 1ull << (bit % 64);
        }
    }
  countCylinderCells(c);
  c.complete = true;
  return c;
}
// A copy of c whose region keeps only the cells of `keep` in each word, with
// the values outside it flipped.
Cylinder cutCylinder(const Cylinder& c, std::uint64_t keep) {
  Cylinder cut = c;
  cut.complete = false;
  for (auto& w : cut.valid) w &= keep;
  for (auto& w : cut.bits) w ^= ~keep;
  countCylinderCells(cut);
  return cut;
}
// A print of 6 x 6 blocks (96 px, y up from its top edge), its left three
// columns clear (level 3), its right three debatable (level 1).
RidgePresence halfClearPrint() {
  ClarityMap clarity;
  clarity.cols = clarity.rows = 6;
  for (int row = 0; row < 6; ++row)
    for (int col = 0; col < 6; ++col) clarity.levels.push_back(col < 3 ? 3 : 1);
  return RidgePresence(clarity, 500);
}

// Hull edges (x, y, inward normal): that print's whole image, and a
// triangle with slanted edges.
const std::vector<std::array<float, 4>> kWholePrint = {{0, -96, 0, 1}, {96, -96, -1, 0}, {96, 0, 0, -1}, {0, 0, 1, 0}};
const float kSlant = float(1 / std::sqrt(2.0));
const std::vector<std::array<float, 4>> kTriangle = {{0, 0, 0, 1}, {200, 0, -kSlant, -kSlant}, {0, 200, 1, 0}};
}  // namespace

class TestMatcherParts : public QObject {
  Q_OBJECT
 private slots:
  void hullMaskAnswersLikeTheWidenedHull() {
    const HullMask mask(squareEdges());
    QVERIFY(mask.contains(50, 50));
    QVERIFY(mask.contains(1, 99));
    QVERIFY(mask.contains(105, 50));   // 5 px outside: inside the 12 px margin
    QVERIFY(mask.contains(50, -6));
    QVERIFY(!mask.contains(120, 50));  // 20 px outside
    QVERIFY(!mask.contains(-30, -30));
    QVERIFY(!mask.contains(1e9, 50));
    QVERIFY(!mask.contains(std::numeric_limits<double>::quiet_NaN(), 50));
  }

  void slantedHullMaskAnswersAwayFromItsEdge() {
    // A triangle with slanted edges: each raster row holds one run of cells.
    // Every point further than a cell's diagonal from the widened edge must
    // get the answer of the exact widened hull.
    const std::vector<std::array<float, 4>>& edges = kTriangle;
    const HullMask mask(edges);
    const double diagonal = HullMask::kCell * std::sqrt(2.0);
    int inside = 0, outside = 0;
    for (double y = -60; y < 260; y += 1.3)
      for (double x = -60; x < 260; x += 1.3) {
        double depth = 1e9;  // signed distance inside the hull (negative outside its edges)
        for (const auto& e : edges) depth = std::min(depth, (x - e[0]) * e[2] + (y - e[1]) * e[3]);
        if (std::abs(depth + HullMask::kMargin) <= diagonal) continue;
        const bool expected = depth > -HullMask::kMargin;
        QCOMPARE(mask.contains(x, y), expected);
        (expected ? inside : outside)++;
      }
    QVERIFY(inside > 1000 && outside > 1000);
  }

  void greedyPairsFollowTheSortedEntries() {
    // The pairs must be those of one pass over every positive entry sorted by
    // similarity (ties: lower row, then lower column), skipping used rows and
    // columns. Few levels make ties common; zeros, a negative and a NaN never pair.
    std::mt19937 random(11);
    for (int trial = 0; trial < 200; ++trial) {
      const size_t na = 1 + random() % 40, nb = 1 + random() % 40;
      std::vector<float> sim(na * nb);
      for (auto& v : sim) v = float(random() % 6) / 5.0f;
      sim[random() % sim.size()] = std::numeric_limits<float>::quiet_NaN();
      sim[random() % sim.size()] = -0.5f;
      std::vector<size_t> order;
      for (size_t k = 0; k < sim.size(); ++k)
        if (sim[k] > 0) order.push_back(k);
      std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return sim[x] > sim[y]; });
      std::vector<char> usedA(na, 0), usedB(nb, 0);
      std::vector<std::pair<int, int>> expected;
      for (size_t k : order) {
        const size_t a = k / nb, b = k % nb;
        if (usedA[a] || usedB[b]) continue;
        usedA[a] = usedB[b] = 1;
        expected.emplace_back(int(a), int(b));
      }
      const std::vector<RelaxedPair> pairs = bestOneToOnePairs(sim, na, nb);
      QCOMPARE(pairs.size(), expected.size());
      for (size_t k = 0; k < pairs.size(); ++k) {
        QCOMPARE(std::make_pair(pairs[k].probe, pairs[k].candidate), expected[k]);
        QCOMPARE(pairs[k].initial, double(sim[size_t(pairs[k].probe) * nb + size_t(pairs[k].candidate)]));
      }
    }
  }

  void cylinderCellsAreValidWithinTheHullOffset() {
    // The template settles most cells by the hull's edge lines; every cell
    // must still agree with OpenCV's exact distance to the hull.
    using namespace mcc;
    std::mt19937 random(5);
    std::uniform_real_distribution<double> position(0, 320), direction(0, 2 * 3.14159);
    int valid = 0, invalid = 0;
    for (int print = 0; print < 8; ++print) {
      FeatureSet f;
      f.ppi = 500;
      for (int i = 0; i < 40; ++i) f.minutiae.push_back(Minutia{position(random), position(random), direction(random)});
      const MccTemplate t = prepareTemplate(f);
      std::vector<cv::Point2f> cloud, hull;
      for (const auto& m : f.minutiae) cloud.emplace_back(float(m.x), float(-m.y));  // the template's y-up frame
      cv::convexHull(cloud, hull);
      const double side = 2 * kRadius / kSpatialCells;
      for (const Cylinder& c : t.cylinders)
        for (int a = 0; a < kSpatialCells; ++a)
          for (int b = 0; b < kSpatialCells; ++b) {
            const double ox = (a + 0.5 - kSpatialCells / 2.0) * side, oy = (b + 0.5 - kSpatialCells / 2.0) * side;
            if (std::hypot(ox, oy) > kRadius) continue;
            const double px = c.x + std::cos(c.direction) * ox - std::sin(c.direction) * oy;
            const double py = c.y + std::sin(c.direction) * ox + std::cos(c.direction) * oy;
            const bool expected = cv::pointPolygonTest(hull, cv::Point2f(float(px), float(py)), true) >= -kHullOffset;
            const int cell = a * kSpatialCells + b;
            QCOMPARE((c.valid[size_t(cell / 64)] >> (cell % 64) & 1) != 0, expected);
            (expected ? valid : invalid)++;
          }
    }
    QVERIFY(valid > 0 && invalid > 0);
  }

  void hullMaskKnowsWhereThePrintShowsRidges() {
    // The half-clear print, the hull its whole image.
    const RidgePresence ridges = halfClearPrint();
    const std::vector<std::array<float, 4>>& edges = kWholePrint;
    const HullMask mask(edges, ridges);
    QVERIFY(mask.at(8, -50).inside && mask.at(8, -50).ridges);
    QVERIFY(mask.at(88, -50).inside && !mask.at(88, -50).ridges);
    QVERIFY(mask.at(-6, -50).inside && !mask.at(-6, -50).ridges);  // in the margin, off the image
    QVERIFY(!mask.at(200, -50).inside && !mask.at(200, -50).ridges);
    QVERIFY(!mask.at(std::numeric_limits<double>::quiet_NaN(), -50).ridges);
    // Without a clarity map the whole hull counts as showing ridges, as the hull alone did.
    const HullMask unknown(edges);
    QVERIFY(unknown.at(88, -50).ridges && unknown.at(-6, -50).ridges && !unknown.at(200, -50).ridges);
    // Away from block edges (further than a cell's diagonal), the raster answers as the presence itself.
    const double diagonal = HullMask::kCell * std::sqrt(2.0);
    int shown = 0, hidden = 0;
    for (double y = -130; y < 30; y += 1.7)
      for (double x = -30; x < 130; x += 1.7) {
        const double fromEdgeX = std::abs(x - 16 * std::round(x / 16));
        const double fromEdgeY = std::abs(y - 16 * std::round(y / 16));
        if (std::min(fromEdgeX, fromEdgeY) <= diagonal) continue;
        const HullMask::Place place = mask.at(x, y);
        QCOMPARE(place.ridges, place.inside && ridges.showsRidges(x, y));
        (place.ridges ? shown : hidden)++;
      }
    QVERIFY(shown > 50 && hidden > 50);
  }

  void overlapCountIsThePointByPointCount() {
    // countShown (four points at a time where the processor can) against at()
    // point by point: points inside, outside, in the margin, on cell edges,
    // far off the raster and not numbers; paired or not; counts of every
    // remainder by four. Masks: a square print, half of it unclear; a
    // slanted triangle without a clarity map; none.
    const HullMask masks[] = {HullMask(kWholePrint, halfClearPrint()), HullMask(kTriangle), HullMask()};
    std::mt19937 random(5);
    std::uniform_real_distribution<double> placeX(-120, 260), placeY(-150, 230);
    const double odd[] = {std::numeric_limits<double>::quiet_NaN(), 1e300, -1e300,
                          std::numeric_limits<double>::infinity(), 0, -HullMask::kMargin - HullMask::kCell};
    int counted = 0, notCounted = 0;
    for (const HullMask& mask : masks)
      for (int trial = 0; trial < 300; ++trial) {
        const size_t n = size_t(trial % 41);
        std::vector<double> xs(n), ys(n);
        std::vector<char> paired(n);
        for (size_t k = 0; k < n; ++k) {
          xs[k] = placeX(random), ys[k] = placeY(random);
          if (random() % 4 == 0) xs[k] = HullMask::kCell * std::round(xs[k] / HullMask::kCell);  // on a cell edge
          if (random() % 16 == 0) (random() % 2 ? xs[k] : ys[k]) = odd[random() % 6];
          paired[k] = char(random() % 3 == 0);
        }
        int expected = 0;
        for (size_t k = 0; k < n; ++k) {
          const HullMask::Place p = mask.at(xs[k], ys[k]);
          expected += p.inside & (paired[k] | p.ridges);
        }
        QCOMPARE(mask.countShown(xs.data(), ys.data(), paired.data(), n), expected);
        counted += expected, notCounted += int(n) - expected;
      }
    QVERIFY(counted > 1000 && notCounted > 1000);
  }

  void palmSizedTemplateComputesItsGeometryAndScoresTheSame() {
    // A palm-sized set (random minutiae over 40 x 50 mm) keeps no geometry
    // table; its relaxation computes the pairs it reads. The scores must be
    // those of the same template with the whole table kept, against a mark
    // cut from it (either way round) and against itself.
    std::mt19937 random(3);
    std::uniform_real_distribution<double> x(0, 800), y(0, 1000), turn(-3, 3);
    FeatureSet palm;
    for (size_t i = 0; i < kGeometryKeptCylinders + 100; ++i) {
      Minutia m;
      m.x = x(random), m.y = y(random), m.direction = turn(random), m.quality = 60;
      palm.minutiae.push_back(m);
    }
    FeatureSet mark;  // the 40 minutiae nearest one point, moved
    std::vector<Minutia> near = palm.minutiae;
    std::sort(near.begin(), near.end(), [](const Minutia& a, const Minutia& b) {
      return std::hypot(a.x - 400, a.y - 500) < std::hypot(b.x - 400, b.y - 500);
    });
    for (size_t i = 0; i < 40; ++i) mark.minutiae.push_back(near[i]), mark.minutiae.back().x -= 300;
    const MccTemplate computed = prepareTemplate(palm), probe = prepareTemplate(mark);
    QVERIFY(computed.size() > kGeometryKeptCylinders);
    QVERIFY(computed.geometry.empty());
    QCOMPARE(probe.geometry.size(), probe.size() * probe.size());
    MccTemplate kept = computed;
    keepPairwiseGeometry(kept);
    QCOMPARE(kept.geometry.size(), kept.size() * kept.size());
    const double found = scoreTemplates(probe, computed);
    QVERIFY2(found > 0.5, qPrintable(QString::number(found)));  // the mark is found in the palm
    QCOMPARE(found, scoreTemplates(probe, kept));
    QCOMPARE(scoreTemplates(computed, probe), scoreTemplates(kept, probe));
    QCOMPARE(scoreTemplates(computed, computed), scoreTemplates(kept, kept));
  }

  void emptyHullContainsNothing() {
    const HullMask none;
    QVERIFY(!none.contains(0, 0));
    const HullMask fromNoEdges(std::vector<std::array<float, 4>>{});
    QVERIFY(!fromNoEdges.contains(0, 0));
  }

  void completeCylindersScoreAsTheMaskedFormula() {
    std::mt19937 random(7);
    for (int trial = 0; trial < 50; ++trial) {
      Cylinder a = completeCylinder(random, 0.3), b = completeCylinder(random, 0.9);
      const double fast = cylinderSimilarity(a, b);
      a.complete = false;  // forces the masked count over the same cells
      const double masked = cylinderSimilarity(a, b);
      const double maskedOther = cylinderSimilarity(b, a);
      b.complete = false;  // and the count with both masked
      const double bothMasked = cylinderSimilarity(a, b);
      QVERIFY(fast > 0 && fast < 1);
      QCOMPARE(fast, masked);
      QCOMPARE(fast, maskedOther);
      QCOMPARE(fast, bothMasked);
    }
  }

  void cylinderCountsAreBitSliced() {
    std::mt19937 random(5);
    const Cylinder c = completeCylinder(random, 0.4);
    int ones = 0, valid = 0;
    for (auto w : c.bits) ones += std::popcount(w);
    for (auto w : c.valid) valid += std::popcount(w);
    int fromSlices = 0;
    for (int p = 0; p < mcc::kSectionCountBits; ++p)
      for (auto w : c.sectionCount[size_t(p)]) fromSlices += std::popcount(w) << p;
    QCOMPARE(c.ones, ones);
    QCOMPARE(c.validCells, valid);
    QCOMPARE(fromSlices, ones);
  }

  void matrixHoldsEachPairsSimilarity() {
    // Two random prints: cylinders near their edge are partial, inner ones
    // complete, so every kernel of the matrix is exercised; and the matrix
    // is counted with every instruction set this processor runs, each held
    // against the single pair's portable counts.
    std::mt19937 random(9);
    std::uniform_real_distribution<double> position(0, 300), direction(0, 2 * 3.14159);
    auto print = [&] {
      FeatureSet f;
      f.ppi = 500;
      for (int i = 0; i < 45; ++i) f.minutiae.push_back(Minutia{position(random), position(random), direction(random)});
      return prepareTemplate(f);
    };
    const MccTemplate a = print(), b = print();
    int complete = 0, partial = 0;
    for (const auto& c : a.cylinders) (c.complete ? complete : partial)++;
    QVERIFY(complete > 0 && partial > 0);
    QCOMPARE(similarityMatrix(a, b), similarityMatrix(a, b, availableSimilarityKernels().back()));
    for (const SimilarityKernels kernels : availableSimilarityKernels()) {
      const std::vector<float> m = similarityMatrix(a, b, kernels);
      QCOMPARE(m.size(), a.size() * b.size());
      int nonZero = 0;
      for (size_t i = 0; i < a.size(); ++i)
        for (size_t j = 0; j < b.size(); ++j) {
          QCOMPARE(m[i * b.size() + j], float(cylinderSimilarity(a.cylinders[i], b.cylinders[j])));
          nonZero += m[i * b.size() + j] > 0;
        }
      QVERIFY(nonZero > 0);
    }
    qInfo("similarity kernels checked: %zu", availableSimilarityKernels().size());
  }

  void identicalCylindersScoreOneAndOpposedOnesZero() {
    std::mt19937 random(11);
    const Cylinder a = completeCylinder(random, 0.5);
    QCOMPARE(cylinderSimilarity(a, a), 1.0);
    Cylinder opposed = a;
    opposed.cosDirection = -a.cosDirection, opposed.sinDirection = -a.sinDirection;
    QCOMPARE(cylinderSimilarity(a, opposed), 0.0);
  }

  void moreMinutiaeThanAnyPrintHoldsIsAnInputError() {
    FeatureSet huge;
    huge.ppi = 500;
    for (size_t i = 0; i <= kMaxMatchableMinutiae; ++i)
      huge.minutiae.push_back(Minutia{double(i % 500), double(i / 500), 0.1});
    QVERIFY_THROWS_EXCEPTION(InputError, prepareTemplate(huge));
  }

  void maskedCylindersCountOnlyCommonCells() {
    std::mt19937 random(3);
    const Cylinder a = completeCylinder(random, 0.2);
    // b's print ends in each word's top quarter of cells: invalid there, and
    // holding other values, which must not count.
    Cylinder b = cutCylinder(a, 0x0000FFFFFFFFFFFFull);
    QCOMPARE(cylinderSimilarity(a, b), 1.0);
    // With half the cells gone too few are comparable (minME): no similarity.
    b = cutCylinder(a, 0x00000000FFFFFFFFull);
    QCOMPARE(cylinderSimilarity(a, b), 0.0);
  }
};

QTEST_GUILESS_MAIN(TestMatcherParts)
#include "test_matcher_parts.moc"
