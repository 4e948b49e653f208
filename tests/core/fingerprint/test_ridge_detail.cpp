// Ridge detail around paired minutiae (ridge_detail.h): the extractor keeps
// its enhanced ridges at half resolution; a print's ridges agree with
// themselves and with a mate's under the alignment, not under a wrong turn,
// not with another finger's; flat or missing detail never counts, and a print
// without it is scored on the rest.
#include <QtTest>

#include <algorithm>
#include <limits>
#include <numbers>

#include <opencv2/imgproc.hpp>

#include "core/fingerprint/extractor.h"
#include "core/fingerprint/matcher.h"
#include "core/fingerprint/ridge_detail.h"
#include "core/fingerprint/scale_search.h"
#include "fixtures.h"

using namespace ridgeline;
using namespace ridgeline::fingerprint;

namespace {
// The first n minutiae paired with themselves.
std::vector<std::pair<int, int>> identityPairs(int n) {
  std::vector<std::pair<int, int>> pairs;
  for (int i = 0; i < n; ++i) pairs.emplace_back(i, i);
  return pairs;
}

cv::Mat turned(const cv::Mat& image, double degrees) {
  const cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(image.cols / 2.f, image.rows / 2.f), degrees, 1.0);
  cv::Mat out;
  cv::warpAffine(image, out, m, image.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  return out;
}
}  // namespace

class TestRidgeDetail : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    probe_ = extractFeatures(loadFixture("101_1.tif"), 500);
    mate_ = extractFeatures(loadFixture("101_2.tif"), 500);
    other_ = extractFeatures(loadFixture("102_1.tif"), 500);
    QVERIFY(probe_.ridgeDetail && mate_.ridgeDetail && other_.ridgeDetail);
  }

  void keptAtHalfTheWorkingResolution() {
    const RidgeDetailImage d = toRidgeDetailImage(cv::Mat(80, 100, CV_8U, cv::Scalar(128)), 0.5);
    QCOMPARE(d.cols, 50);
    QCOMPARE(d.rows, 40);
    QCOMPARE(d.pixels.size(), size_t(50 * 40));
    QCOMPARE(d.pixelsPerFeaturePixel, 0.25);  // a 1000 ppi source: working pixels are half its pixels
    const cv::Mat source = loadFixture("101_1.tif");
    QCOMPARE(probe_.ridgeDetail->cols, (source.cols + 1) / 2);
    QCOMPARE(probe_.ridgeDetail->pixelsPerFeaturePixel, 0.5);
  }

  void printAgreesWithItselfOnlyUnderTheRightTurn() {
    const MccTemplate t = prepareTemplate(probe_);
    const auto pairs = identityPairs(int(probe_.minutiae.size()));
    QCOMPARE(agreeingRidgeDetail(t.detail, t.detail, 0, pairs), kDetailPairsForFull);
    // Turned by 20 degrees against itself, the same ridges no longer meet.
    const int wrong = agreeingRidgeDetail(t.detail, t.detail, 20 * std::numbers::pi / 180, pairs);
    QVERIFY2(wrong <= 2, qPrintable(QString::number(wrong)));
  }

  void countingStopsWhenTheBarIsOutOfReach() {
    const MccTemplate t = prepareTemplate(probe_);
    const auto pairs = identityPairs(8);
    QCOMPARE(agreeingRidgeDetail(t.detail, t.detail, 0, pairs), 8);
    QCOMPARE(agreeingRidgeDetail(t.detail, t.detail, 0, pairs, 8), 8);  // reachable: counted in full
    // Nine needed of eight pairs: nothing is compared.
    QCOMPARE(agreeingRidgeDetail(t.detail, t.detail, 0, pairs, 9), 0);
    // Under a wrong turn the count gives up once the bar is out of reach, below it.
    const double wrong = 20 * std::numbers::pi / 180;
    const int all = agreeingRidgeDetail(t.detail, t.detail, wrong, pairs);
    QVERIFY(agreeingRidgeDetail(t.detail, t.detail, wrong, pairs, 7) < 7);
    QVERIFY(agreeingRidgeDetail(t.detail, t.detail, wrong, pairs, 7) <= all);
  }

  void candidateSideIsKeptOncePerPatch() {
    MccTemplate t = prepareTemplate(probe_);
    QCOMPARE(t.detail.placementSums.size(), probe_.minutiae.size() * 18);  // nine placements: sums and sums of squares
    // The span is the patch's centre square of 31 x 31, on rows of 32 bytes.
    QCOMPARE(t.detail.spans.size(), probe_.minutiae.size() * size_t(kDetailSpanBytes));
    for (size_t i = 0; i < probe_.minutiae.size(); ++i) {
      const std::uint8_t* patch = t.detail.patch(i) + (kDetailPatchRadius - 15) * (kDetailPatchStride + 1);
      const std::uint8_t* span = t.detail.span(i);
      for (int y = 0; y < 31; ++y)
        QVERIFY(std::equal(span + y * kDetailSpanStride, span + y * kDetailSpanStride + 31, patch + y * kDetailPatchStride));
    }
    // A detail whose parts do not all hold every minutia compares nothing,
    // as probe or as candidate, rather than reading past one of them.
    RidgeDetail noSums = t.detail, noSpans = t.detail, noPatch = t.detail;
    noSums.placementSums.pop_back();
    noSpans.spans.resize(noSpans.spans.size() - kDetailSpanBytes);
    noPatch.patches.resize(noPatch.patches.size() - kDetailPatchSide * kDetailPatchStride);
    for (const RidgeDetail* broken : {&noSums, &noSpans, &noPatch}) {
      QCOMPARE(agreeingRidgeDetail(t.detail, *broken, 0, identityPairs(8)), 0);
      QCOMPARE(agreeingRidgeDetail(*broken, t.detail, 0, identityPairs(8)), 0);
    }
    QCOMPARE(agreeingRidgeDetail(t.detail, t.detail, 0, identityPairs(8)), 8);
  }

  void mateAgreesAndAnotherFingerDoesNot() {
    const MatchResult mate = matchFeatures(probe_, mate_);
    QVERIFY2(mate.breakdown.ridgeDetailPairs >= 8, qPrintable(QString::number(mate.breakdown.ridgeDetailPairs)));
    const MatchResult other = matchFeatures(probe_, other_);
    QVERIFY2(other.breakdown.ridgeDetailPairs <= 1, qPrintable(QString::number(other.breakdown.ridgeDetailPairs)));
  }

  void turnedImpressionAgreesUnderTheFoundAlignment() {
    // The probe's image turned 25 degrees: the window sampling must undo the turn.
    const FeatureSet copy = extractFeatures(turned(loadFixture("101_1.tif"), 25), 500);
    const MatchResult r = matchFeatures(probe_, copy);
    QVERIFY2(r.breakdown.ridgeDetailPairs >= 8, qPrintable(QString::number(r.breakdown.ridgeDetailPairs)));
  }

  void markOfUnknownScaleAgreesAtTheScaleFound() {
    // The print enlarged by 18 % and declared 500 ppi: the windows follow the scale the search tries.
    cv::Mat enlarged;
    cv::resize(loadFixture("101_1.tif"), enlarged, cv::Size(), 1.18, 1.18, cv::INTER_CUBIC);
    const FeatureSet mark = extractFeatures(enlarged, 500);
    const MccTemplate source = prepareTemplate(probe_);
    const MatchResult plain = matchTemplates(prepareTemplate(mark), source);
    const MatchResult searched = matchAcrossScales(prepareAtScales(mark), source);
    qInfo("ridge detail pairs: nominal %d, scale search %d", plain.breakdown.ridgeDetailPairs,
          searched.breakdown.ridgeDetailPairs);
    QVERIFY(searched.breakdown.ridgeDetailPairs >= 8);
    QVERIFY(searched.breakdown.ridgeDetailPairs > plain.breakdown.ridgeDetailPairs);
  }

  void flatPatchesNeverAgree() {
    FeatureSet blank = probe_;
    std::fill(blank.ridgeDetail->pixels.begin(), blank.ridgeDetail->pixels.end(), std::uint8_t(128));
    const MccTemplate t = prepareTemplate(blank);
    const auto pairs = identityPairs(int(blank.minutiae.size()));
    QCOMPARE(agreeingRidgeDetail(t.detail, t.detail, 0, pairs), 0);
    QCOMPARE(agreeingRidgeDetail(prepareTemplate(probe_).detail, t.detail, 0, pairs), 0);
  }

  void minutiaOffTheImageHasABlankPatch() {
    // An edited minutia dragged far off the picture: a blank patch, not a crash.
    FeatureSet edited = probe_;
    edited.minutiae[0].x = 1e6;
    const RidgeDetail d = prepareRidgeDetail(edited.ridgeDetail, 500, edited.minutiae);
    const std::uint8_t* p = d.patch(0);
    QVERIFY(std::all_of(p, p + kDetailPatchSide * kDetailPatchStride, [](std::uint8_t v) { return v == 128; }));
    QVERIFY(!std::all_of(d.patch(1), d.patch(1) + kDetailPatchSide * kDetailPatchStride, [](std::uint8_t v) { return v == 128; }));
  }

  void unusableScaleRotationOrPairsCompareNothing() {
    const MccTemplate t = prepareTemplate(probe_);
    const auto pairs = identityPairs(int(probe_.minutiae.size()));
    QCOMPARE(agreeingRidgeDetail(t.detail, t.detail, std::numeric_limits<double>::quiet_NaN(), pairs), 0);
    QCOMPARE(agreeingRidgeDetail(t.detail, t.detail, 0, {{-1, 0}, {0, 100000}}), 0);
    RidgeDetailImage nan = *probe_.ridgeDetail;
    nan.pixelsPerFeaturePixel = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(prepareRidgeDetail(nan, 500, probe_.minutiae).empty());
    RidgeDetailImage far = *probe_.ridgeDetail;
    far.pixelsPerFeaturePixel = 1e9;
    QVERIFY(prepareRidgeDetail(far, 500, probe_.minutiae).empty());
  }

  void missingOrMalformedDetailLeavesTheTermOut() {
    FeatureSet none = mate_, malformed = mate_;
    none.ridgeDetail.reset();
    malformed.ridgeDetail->pixels.resize(10);  // fewer pixels than cols x rows
    const MatchResult without = matchFeatures(probe_, none);
    QCOMPARE(without.breakdown.ridgeDetailPairs, -1);
    QCOMPARE(matchFeatures(probe_, malformed).score, without.score);
    QCOMPARE(matchFeatures(none, probe_).breakdown.ridgeDetailPairs, -1);
    // A genuine pair with agreeing ridges scores higher with them than without.
    QVERIFY(matchFeatures(probe_, mate_).score > without.score);
  }

 private:
  FeatureSet probe_, mate_, other_;
};

QTEST_GUILESS_MAIN(TestRidgeDetail)
#include "test_ridge_detail.moc"
