// The extractor's stages and its behaviour on real and on empty input.
#include <QtTest>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "core/fingerprint/clarity_map.h"
#include "core/fingerprint/extractor.h"
#include "core/fingerprint/normalization.h"
#include "core/fingerprint/orientation_field.h"
#include "core/fingerprint/ridge_response.h"
#include "core/fingerprint/segmentation.h"
#include "core/fingerprint/stage_picture.h"
#include "core/util/errors.h"
#include "fixtures.h"

using namespace ridgeline;
using namespace ridgeline::fingerprint;

namespace {
// Straight ridges 9 px apart running at `degrees` counter-clockwise as seen,
// on a disc of `radius` px in the middle of white paper.
cv::Mat straightRidges(int size, double degrees, int radius) {
  cv::Mat image(size, size, CV_8U, cv::Scalar(255));
  const double a = degrees * std::numbers::pi / 180;
  const double nx = std::sin(a), ny = std::cos(a);  // across the ridges, image axes (y down)
  for (int y = 0; y < size; ++y)
    for (int x = 0; x < size; ++x)
      if (std::hypot(x - size / 2.0, y - size / 2.0) < radius)
        image.at<std::uint8_t>(y, x) = cv::saturate_cast<std::uint8_t>(128 + 100 * std::cos(2 * std::numbers::pi * (nx * x + ny * y) / 9));
  return image;
}

// The ridges of straightRidges broken into dots along their length, as a
// latent's or a dry print's ridges often are: dark only on stretches of
// 3-5 px with gaps of 3-5 px between them, at random.
cv::Mat dottedRidges(int size, double degrees, int radius) {
  cv::Mat image = straightRidges(size, degrees, radius);
  const double a = degrees * std::numbers::pi / 180;
  const double ax = std::cos(a), ay = -std::sin(a);  // along the ridges, image axes (y down)
  cv::RNG random(11);
  std::vector<int> dark(size_t(4 * size));  // per position along the ridges: 1 = dot, 0 = gap
  for (size_t k = 0; k < dark.size();) {
    const int dot = random.uniform(3, 6), gap = random.uniform(3, 6);
    for (int i = 0; i < dot && k < dark.size(); ++i) dark[k++] = 1;
    for (int i = 0; i < gap && k < dark.size(); ++i) dark[k++] = 0;
  }
  for (int y = 0; y < size; ++y)
    for (int x = 0; x < size; ++x) {
      // Each ridge gets its own run of dots: the position along it is offset by the ridge's index.
      const double across = (std::sin(a) * x + std::cos(a) * y) / 9;
      const int along = int(ax * x + ay * y + 2 * size + 37 * std::floor(across + 0.5)) % int(dark.size());
      std::uint8_t& p = image.at<std::uint8_t>(y, x);
      if (p < 128 && !dark[size_t(along)]) p = 228;
    }
  return image;
}

// Share of the region's grid cells within `radius` px of the image centre.
double regionCover(const cv::Mat& region, int imageSize, int radius) {
  int inside = 0, covered = 0;
  for (int r = 0; r < region.rows; ++r)
    for (int c = 0; c < region.cols; ++c) {
      const double x = (c + 0.5) * kCellSize, y = (r + 0.5) * kCellSize;
      if (std::hypot(x - imageSize / 2.0, y - imageSize / 2.0) > radius) continue;
      ++inside;
      covered += region.at<std::uint8_t>(r, c) != 0;
    }
  return double(covered) / std::max(1, inside);
}

// Mean difference in degrees between two orientation grids (radians, a ridge
// has no sense) over the cells within `radius` cells of the centre.
double meanGapDegrees(const cv::Mat& a, const cv::Mat& b, double radius) {
  double sum = 0;
  int n = 0;
  for (int r = 0; r < a.rows; ++r)
    for (int c = 0; c < a.cols; ++c) {
      if (std::hypot(c + 0.5 - a.cols / 2.0, r + 0.5 - a.rows / 2.0) > radius) continue;
      const double d = std::fmod(std::abs(double(a.at<float>(r, c)) - b.at<float>(r, c)), std::numbers::pi);
      sum += std::min(d, std::numbers::pi - d) * 180 / std::numbers::pi;
      ++n;
    }
  return sum / std::max(1, n);
}

// Smallest difference of two ridge directions in degrees (a ridge has no sense: 0 == 180).
int flowGap(int a, int b) {
  const int d = std::abs(a - b) % 180;
  return std::min(d, 180 - d);
}
}  // namespace

class TestExtraction : public QObject {
  Q_OBJECT

 private slots:
  void realPrintHasMinutiaeInsideTheImage() {
    const cv::Mat image = loadFixture("101_1.tif");
    const FeatureSet fs = extractFeatures(image, 500);
    QVERIFY2(fs.minutiae.size() >= 15, qPrintable(QString::number(fs.minutiae.size())));
    QCOMPARE(fs.author, FeatureAuthor::LocalMatcher);
    for (const auto& m : fs.minutiae) {
      QVERIFY(m.x >= 0 && m.x < image.cols && m.y >= 0 && m.y < image.rows);
      QVERIFY(m.direction >= 0 && m.direction < 2 * M_PI);
      QVERIFY(m.type == MinutiaType::Ending || m.type == MinutiaType::Bifurcation);
      QVERIFY(m.quality >= 0 && m.quality <= 100);
    }
    QVERIFY(fs.quality > 50);
    QVERIFY(fs.clarity.has_value());
    QVERIFY(fs.regionOfInterest.size() >= 3);
  }

  void sameInputGivesSameOutput() {
    const cv::Mat image = loadFixture("101_2.tif");
    QCOMPARE(extractFeatures(image, 500), extractFeatures(image.clone(), 500));
  }

  void everyStageIsRecorded() {
    const cv::Mat image = loadFixture("101_1.tif");
    ExtractionTrace trace;
    extractFeatures(image, 500, &trace);
    for (const char* stage : {kStageWorking, kStageNormalized, kStageSegmentation, kStageOrientation, kStageCoherence,
                              kStageFrequency, kStageEnhanced, kStageResponse, kStageBinary, kStageSkeleton, kStageClarity}) {
      QVERIFY2(!trace.find(stage).empty(), stage);
    }
    QCOMPARE(trace.find(kStageSkeleton).size(), image.size());
    // The skeleton is a subset of the binary ridges, and both lie in the region of interest.
    const cv::Mat outside = trace.find(kStageSkeleton) & ~trace.find(kStageBinary);
    QCOMPARE(cv::countNonZero(outside), 0);
    QCOMPARE(cv::countNonZero(trace.find(kStageBinary) & ~trace.find(kStageSegmentation)), 0);
  }

  void everyStageHasAPictureAtTheSourceSize() {
    // A 1000 ppi copy: pictures come back at the source size, not the 500 ppi working size.
    cv::Mat image;
    cv::resize(loadFixture("101_1.tif"), image, cv::Size(), 2, 2, cv::INTER_CUBIC);
    ExtractionTrace trace;
    extractFeatures(image, 1000, &trace);
    for (const std::string& stage : pictureStages()) {
      const cv::Mat picture = stagePicture(trace, stage, image.size());
      QVERIFY2(!picture.empty(), stage.c_str());
      QCOMPARE(picture.size(), image.size());
      QVERIFY2(picture.depth() == CV_8U, stage.c_str());
    }
    QVERIFY(stagePicture(trace, "no such stage", image.size()).empty());
    QVERIFY(stagePicture(ExtractionTrace{}, kStageSkeleton, image.size()).empty());
  }

  void ridgeFlowIsDrawnOnlyInsideTheRegion() {
    const cv::Mat image = loadFixture("101_1.tif");
    ExtractionTrace trace;
    extractFeatures(image, 500, &trace);
    const cv::Mat flow = stagePicture(trace, kStageOrientation, image.size());
    QCOMPARE(flow.type(), CV_8UC3);
    // Strokes are blue (B well above R); away from the region there are none.
    cv::Mat channels[3];
    cv::split(flow, channels);
    const cv::Mat strokes = (channels[0] - channels[2]) > 40;
    cv::Mat region;
    cv::dilate(trace.find(kStageSegmentation), region, cv::Mat(), cv::Point(-1, -1), 12);
    QVERIFY(cv::countNonZero(strokes) > 500);
    QCOMPARE(cv::countNonZero(strokes & ~region), 0);
  }

  void ridgeFlowMapFollowsTheRidges() {
    for (double degrees : {0.0, 30.0, 120.0}) {
      const FeatureSet fs = extractFeatures(straightRidges(320, degrees, 120), 500);
      QVERIFY(fs.ridgeFlow.has_value());
      const RidgeFlowMap& map = *fs.ridgeFlow;
      QCOMPARE(map.blockSize, 16);
      QCOMPARE(map.cols, 20);
      QCOMPARE(map.rows, 20);
      int inside = 0, along = 0;
      for (int row = 0; row < map.rows; ++row)
        for (int col = 0; col < map.cols; ++col) {
          const double cx = (col + 0.5) * map.blockSize, cy = (row + 0.5) * map.blockSize;
          const double fromCentre = std::hypot(cx - 160, cy - 160);
          if (fromCentre > 136) QCOMPARE(int(map.at(col, row)), int(RidgeFlowMap::kNoFlow));  // paper: no flow
          if (fromCentre > 90 || map.at(col, row) == RidgeFlowMap::kNoFlow) continue;
          ++inside;
          along += flowGap(map.at(col, row), int(degrees)) <= 3;
        }
      QVERIFY2(inside >= 80, qPrintable(QString::number(inside)));
      QVERIFY2(along == inside, qPrintable(QString("%1 of %2 blocks at %3 degrees").arg(along).arg(inside).arg(degrees)));
      // The ridges are 9 px apart: every measured block says so, in tenths of a pixel.
      QCOMPARE(map.periods.size(), map.directions.size());
      const std::uint16_t centre = map.periods[size_t(10 * map.cols + 10)];
      QVERIFY2(centre >= 85 && centre <= 95, qPrintable(QString::number(centre)));
    }
  }

  void orientationIsRefinedOnTheEnhancedRidges() {
    // Straight ridges crossed by creases and under noise: the orientation
    // re-estimated on the enhanced ridges (what the minutiae and the flow map
    // read, shown as the orientation stage) follows the true ridges more
    // closely than the first estimate from the damaged image.
    const cv::Mat clean = straightRidges(320, 30, 120);
    cv::Mat noisy = clean.clone();
    cv::RNG random(7);
    for (int k = 0; k < 14; ++k) {  // white creases across the ridges, 4 px wide
      const cv::Point from(random.uniform(40, 280), random.uniform(40, 280));
      const double a = (100 + random.uniform(-15, 15)) * std::numbers::pi / 180;
      const cv::Point to(from.x + int(90 * std::cos(a)), from.y - int(90 * std::sin(a)));
      cv::line(noisy, from, to, cv::Scalar(255), 4);
    }
    cv::Mat noise(clean.size(), CV_16S);
    random.fill(noise, cv::RNG::NORMAL, 0, 60);
    cv::add(noisy, noise, noisy, cv::noArray(), CV_8U);
    const cv::Mat truth = computeOrientationField(normalizeContrast(clean)).orientation;
    const cv::Mat first = computeOrientationField(normalizeContrast(noisy)).orientation;
    ExtractionTrace trace;
    extractFeatures(noisy, 500, &trace);
    const cv::Mat refined = trace.find(kStageOrientation);
    QCOMPARE(refined.size(), truth.size());
    const double before = meanGapDegrees(first, truth, 22), after = meanGapDegrees(refined, truth, 22);
    qInfo("orientation off the true ridges: %.2f degrees first, %.2f refined", before, after);
    QVERIFY2(after < 0.6 * before, qPrintable(QString("%1 -> %2 degrees").arg(before).arg(after)));
  }

  void dottedRidgesStayInTheRegion() {
    // Ridges broken into dots have little gradient coherence at the 8 px
    // scale (the dots' own edges point every way), though their flow is plain
    // to see. They must stay in the region, as the latents' blotched ridges
    // must; the fine grain of an empty sensor must stay out.
    const cv::Mat dotted = dottedRidges(400, 30, 150);
    const OrientationField field = computeOrientationField(normalizeContrast(dotted));
    std::vector<float> inner;
    for (int r = 0; r < field.coherence.rows; ++r)
      for (int c = 0; c < field.coherence.cols; ++c)
        if (std::hypot((c + 0.5) * kCellSize - 200, (r + 0.5) * kCellSize - 200) < 120)
          inner.push_back(field.coherence.at<float>(r, c));
    std::nth_element(inner.begin(), inner.begin() + long(inner.size() / 2), inner.end());
    const float median = inner[inner.size() / 2];
    qInfo("dotted ridges: median coherence %.3f", median);
    QVERIFY2(median > 0.12f && median < 0.25f, qPrintable(QString::number(median)));  // the case in point
    const double cover = regionCover(segmentFingerprint(dotted, field.coherence), 400, 130);
    QVERIFY2(cover > 0.95, qPrintable(QString::number(cover)));
    // And the extractor follows their flow across the disc (30 degrees; the
    // dots bend the enhanced ridges a little, up to 15).
    const RidgeFlowMap flow = *extractFeatures(dotted, 500).ridgeFlow;
    int blocks = 0, following = 0;
    for (int r = 0; r < flow.rows; ++r)
      for (int c = 0; c < flow.cols; ++c) {
        const double x = (c + 0.5) * flow.blockSize, y = (r + 0.5) * flow.blockSize;
        if (std::hypot(x - 200, y - 200) > 110) continue;
        ++blocks;
        following += flow.at(c, r) != RidgeFlowMap::kNoFlow && flowGap(flow.at(c, r), 30) <= 15;
      }
    QVERIFY2(following > 0.9 * blocks, qPrintable(QString("%1 of %2").arg(following).arg(blocks)));

    cv::Mat grain(400, 400, CV_8U);
    cv::RNG random(5);
    random.fill(grain, cv::RNG::NORMAL, 200, 25);
    cv::GaussianBlur(grain, grain, cv::Size(), 1.0);
    const cv::Mat empty = segmentFingerprint(grain, computeOrientationField(normalizeContrast(grain)).coherence);
    QVERIFY2(regionCover(empty, 400, 200) < 0.05, qPrintable(QString::number(regionCover(empty, 400, 200))));
  }

  void ridgeResponseIsRelativeToThePrintsMedian() {
    // Filtered ridges of full strength on two thirds of the region, a third
    // as strong on the rest: the strong part is the print's median (1), the
    // weak part reads about 0.3; outside the region it is still measured.
    cv::Mat enhanced(240, 240, CV_32F);
    for (int y = 0; y < enhanced.rows; ++y)
      for (int x = 0; x < enhanced.cols; ++x)
        enhanced.at<float>(y, x) = float((x < 160 ? 1.0 : 0.3) * std::cos(2 * std::numbers::pi * x / 9));
    const cv::Mat region(60, 60, CV_8U, cv::Scalar(255));
    const cv::Mat response = relativeRidgeResponse(enhanced, region);
    QCOMPARE(response.size(), region.size());
    QVERIFY(std::abs(response.at<float>(30, 15) - 1.0f) < 0.05f);
    QVERIFY(std::abs(response.at<float>(30, 55) - 0.3f) < 0.05f);
    QCOMPARE(cv::countNonZero(relativeRidgeResponse(enhanced, cv::Mat::zeros(60, 60, CV_8U))), 0);
  }

  void weakResponseIsNoDefinitiveMinutiae() {
    // Clear flow everywhere; the filter's response full on the left half and
    // half the median on the right: the right half keeps definitive flow
    // (level 2) but no longer claims definitive minutiae (level 3).
    FieldGrid fields;
    fields.foreground = cv::Mat(16, 16, CV_8U, cv::Scalar(255));
    fields.coherence = cv::Mat(16, 16, CV_32F, cv::Scalar(0.8f));
    fields.response = cv::Mat(16, 16, CV_32F, cv::Scalar(1.0f));
    fields.response(cv::Rect(8, 0, 8, 16)).setTo(0.5f);
    const cv::Mat levels = clarityLevels(fields);
    QCOMPARE(int(levels.at<uchar>(1, 0)), 3);
    QCOMPARE(int(levels.at<uchar>(1, 3)), 2);
    fields.response.release();  // no enhancement ran: coherence alone decides
    QCOMPARE(int(clarityLevels(fields).at<uchar>(1, 3)), 3);
  }

  void noMinutiaeWhereTheFilterFoundNoRidges() {
    // A wet blotch on a real print: inside it the skin shows no ridges, only
    // mottled grey, which contrast normalisation turns into texture the
    // filter makes ridges of. Minutiae there are not on the finger.
    cv::Mat image = loadFixture("101_1.tif").clone();
    const cv::Point centre(image.cols / 2, image.rows / 2);
    const int radius = 55;
    cv::Mat mottle(image.size(), CV_32F);
    cv::randn(mottle, 0, 1);
    cv::GaussianBlur(mottle, mottle, {0, 0}, 3);
    cv::normalize(mottle, mottle, 60, 110, cv::NORM_MINMAX);
    for (int y = 0; y < image.rows; ++y)
      for (int x = 0; x < image.cols; ++x)
        if (std::hypot(x - centre.x, y - centre.y) < radius) image.at<std::uint8_t>(y, x) = cv::saturate_cast<std::uint8_t>(mottle.at<float>(y, x));
    const FeatureSet f = extractFeatures(image, 500);
    int inside = 0;
    for (const auto& m : f.minutiae) inside += std::hypot(m.x - centre.x, m.y - centre.y) < radius - 8;
    QCOMPARE(inside, 0);
    QVERIFY(f.minutiae.size() >= 10);  // the rest of the print keeps its minutiae
  }

  void ridgeEvidenceAloneEqualsTheFullExtractions() {
    // What the workstation reads from an image for features made elsewhere
    // must be what the extractor would have kept: the same flow, the same ridges.
    const cv::Mat image = loadFixture("101_1.tif");
    const RidgeEvidence evidence = extractRidgeEvidence(image, 500);
    const FeatureSet full = extractFeatures(image, 500);
    QVERIFY(evidence.flow == *full.ridgeFlow);
    QVERIFY(evidence.detail == *full.ridgeDetail);
    QVERIFY_THROWS_EXCEPTION(InputError, extractRidgeEvidence(cv::Mat(3, 3, CV_8U, cv::Scalar(0)), 500));
  }

  void ridgeFlowBlocksAreInSourcePixels() {
    cv::Mat doubled;
    cv::resize(straightRidges(320, 30, 120), doubled, cv::Size(), 2.0, 2.0, cv::INTER_CUBIC);
    const FeatureSet fs = extractFeatures(doubled, 1000);
    QVERIFY(fs.ridgeFlow.has_value());
    QCOMPARE(fs.ridgeFlow->blockSize, 32);
    QVERIFY(flowGap(fs.ridgeFlow->at(10, 10), 30) <= 3);  // centre block
    const std::uint16_t period = fs.ridgeFlow->periods[size_t(10 * fs.ridgeFlow->cols + 10)];
    QVERIFY2(period >= 170 && period <= 190, qPrintable(QString::number(period)));  // 18 px at 1000 ppi
  }

  void blankImageGivesNothingAndLowQuality() {
    for (int grey : {0, 128, 255}) {
      const FeatureSet fs = extractFeatures(cv::Mat(400, 400, CV_8U, cv::Scalar(grey)), 500);
      QVERIFY(fs.minutiae.empty());
      QCOMPARE(fs.quality, 0);
      QVERIFY(fs.ridgeFlow.has_value());
      for (std::uint8_t d : fs.ridgeFlow->directions) QCOMPARE(int(d), int(RidgeFlowMap::kNoFlow));
    }
  }

  void noiseWithoutRidgesGivesNoMinutiae() {
    cv::Mat noise(400, 400, CV_8U);
    cv::RNG rng(42);
    rng.fill(noise, cv::RNG::UNIFORM, 0, 256);
    const FeatureSet fs = extractFeatures(noise, 500);
    QVERIFY2(fs.minutiae.size() <= 2, qPrintable(QString::number(fs.minutiae.size())));
    QVERIFY(fs.quality < 20);
  }

  void tinyOrWrongImagesAreInputErrors() {
    QVERIFY_THROWS_EXCEPTION(InputError, extractFeatures(cv::Mat(), 500));
    QVERIFY_THROWS_EXCEPTION(InputError, extractFeatures(cv::Mat(3, 3, CV_8U, cv::Scalar(0)), 500));
    QVERIFY_THROWS_EXCEPTION(InputError, extractFeatures(cv::Mat(100, 100, CV_32F, cv::Scalar(0)), 500));
  }

  void otherResolutionsComeBackInSourcePixels() {
    // The same print scanned at 1000 ppi: twice the pixels, the same minutiae at twice the coordinates.
    const cv::Mat image = loadFixture("101_1.tif");
    cv::Mat doubled;
    cv::resize(image, doubled, cv::Size(), 2.0, 2.0, cv::INTER_CUBIC);
    const FeatureSet base = extractFeatures(image, 500);
    const FeatureSet high = extractFeatures(doubled, 1000);
    QCOMPARE(high.ppi, 1000.0);
    int close = 0;
    for (const auto& m : base.minutiae)
      for (const auto& h : high.minutiae)
        if (std::hypot(h.x / 2 - m.x, h.y / 2 - m.y) < 5) {
          ++close;
          break;
        }
    QVERIFY2(close >= int(base.minutiae.size()) / 2, qPrintable(QString("%1 of %2").arg(close).arg(base.minutiae.size())));
  }

  void cancellationStopsTheWork() {
    CancellableProgress progress;
    progress.cancel();
    QVERIFY_THROWS_EXCEPTION(CancelledError, extractFeatures(loadFixture("101_1.tif"), 500, nullptr, &progress));
  }
};

QTEST_GUILESS_MAIN(TestExtraction)
#include "test_extraction.moc"
