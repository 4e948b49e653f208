// Face engine parts that need no models: photo decoding of hostile input,
// similarity transforms and display alignment, head pose, cosine
// similarity, the FISWG component map and the model locator's messages.
#include <QtTest>

#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include <opencv2/calib3d.hpp>

#include "core/face/alignment.h"
#include "core/face/face_models.h"
#include "core/face/face_photo.h"
#include "core/face/fiswg_components.h"
#include "core/face/head_pose.h"
#include "core/face/landmarks.h"
#include "core/face/similarity.h"
#include "core/util/errors.h"
#include "face_fixtures.h"

using namespace ridgeline;
using namespace ridgeline::face;

namespace {

// Landmarks of the generic 3D face seen by the assumed camera at `pose`;
// the indices the pose model does not use stay at the nose tip.
Landmarks68 projectedFace(const HeadPose& pose, cv::Size photo) {
  std::vector<cv::Point3d> object;
  for (const auto& p : genericFaceModel()) object.emplace_back(p.position);
  cv::Mat rvec;
  cv::Rodrigues(cv::Mat(rotationFor(pose)), rvec);
  const cv::Mat tvec = (cv::Mat_<double>(3, 1) << 30, -20, 3000);
  std::vector<cv::Point2d> image;
  cv::projectPoints(object, rvec, tvec, cv::Mat(assumedCamera(photo)), cv::noArray(), image);
  Landmarks68 l;
  l.fill(cv::Point2f(image[0]));
  for (size_t i = 0; i < image.size(); ++i) l[genericFaceModel()[i].landmark] = cv::Point2f(image[i]);
  return l;
}

// A face-like layout: eyes as small hexagons around given centres.
Landmarks68 eyesAt(cv::Point2f left, cv::Point2f right) {
  Landmarks68 l;
  l.fill((left + right) * 0.5f + cv::Point2f(0, 40));
  for (int i = 0; i < 6; ++i) {
    const float a = float(i * CV_PI / 3);
    l[36 + i] = left + cv::Point2f(8 * std::cos(a), 4 * std::sin(a));
    l[42 + i] = right + cv::Point2f(8 * std::cos(a), 4 * std::sin(a));
  }
  return l;
}

template <typename F>
QString inputErrorOf(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

}  // namespace

class TestFaceGeometry : public QObject {
  Q_OBJECT
 private slots:
  void realPhotoDecodesAsColour() {
    const cv::Mat m = loadFacePhoto(facePhoto("img1.jpg"));
    QCOMPARE(m.type(), CV_8UC3);
    QCOMPARE(m.cols, 473);
    QCOMPARE(m.rows, 640);
  }
  void hostilePhotosGetClearMessages() {
    QTemporaryDir dir;
    const struct {
      std::string path;
      const char* expected;
    } cases[] = {
        {truncatedJpeg(dir), "truncated"},
        {corruptJpeg(dir), "corrupt"},
        {textFile(dir), "not a photo format"},
        {writeBytes(dir, "empty.jpg", {}), "empty file"},
        {dir.filePath("absent.jpg").toStdString(), "no such file"},
        {dir.path().toStdString(), "folder"},
    };
    for (const auto& c : cases) {
      const QString message = inputErrorOf([&] { loadFacePhoto(c.path); });
      QVERIFY2(message.contains(c.expected), qPrintable(message + " (expected '" + c.expected + "')"));
      QVERIFY2(message.contains(QString::fromStdString(c.path)), qPrintable(message));
    }
  }
  void headerSizeIsCheckedBeforeDecoding() {
    // A valid PNG signature and IHDR declaring 60000x60000 pixels, then nothing:
    // refused on the header, without the decoder allocating 10 GB.
    std::vector<char> bomb{'\x89', 'P', 'N', 'G', '\r', '\n', '\x1a', '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                           0, 0, '\xea', '\x60', 0, 0, '\xea', '\x60', 8, 2, 0, 0, 0};
    QTemporaryDir dir;
    const QString m = inputErrorOf([&] { loadFacePhoto(writeBytes(dir, "bomb.png", bomb)); });
    QVERIFY2(m.contains("60000x60000") && m.contains("limit"), qPrintable(m));
    bomb.resize(18);
    QVERIFY(inputErrorOf([&] { loadFacePhoto(writeBytes(dir, "short.png", bomb)); }).contains("cut short"));
    const std::string gif = "GIF89a\x10\x00\x10\x00";
    QVERIFY(inputErrorOf([&] { loadFacePhoto(writeBytes(dir, "x.gif", {gif.begin(), gif.end()})); })
                .contains("JPEG, PNG, BMP or PNM"));
  }
  void otherAcceptedFormatsDecode() {
    QTemporaryDir dir;
    const cv::Mat original = loadFacePhoto(facePhoto("img1.jpg"));
    for (const char* name : {"a.png", "a.bmp", "a.ppm", "a.pgm"}) {
      const std::string path = dir.filePath(name).toStdString();
      cv::Mat toWrite = original;
      if (QByteArray(name).endsWith(".pgm")) cv::cvtColor(original, toWrite, cv::COLOR_BGR2GRAY);
      QVERIFY2(cv::imwrite(path, toWrite), name);
      const cv::Mat m = loadFacePhoto(path);
      QCOMPARE(m.size(), original.size());
      QCOMPARE(m.type(), CV_8UC3);
    }
  }
  // A small deterministic fuzz run in every test pass (the libFuzzer target
  // goes further): damaged real photos decode or give an InputError.
  void mutatedPhotosNeverCrash() {
    QTemporaryDir dir;
    const std::string png = dir.filePath("a.png").toStdString();
    cv::Mat small;
    cv::resize(loadFacePhoto(facePhoto("img1.jpg")), small, cv::Size(), 0.25, 0.25, cv::INTER_AREA);
    cv::imwrite(png, small);
    cv::RNG rng(20261122);
    int decoded = 0, refused = 0;
    for (const std::string& path : {facePhoto("img5.jpg"), png}) {
      const auto original = fileBytes(path);
      for (int round = 0; round < 150; ++round) {
        std::vector<std::uint8_t> bytes(original.begin(), original.end());
        const int flips = 1 + rng.uniform(0, 8);
        // Mostly in the first kilobyte, where the headers are.
        for (int k = 0; k < flips; ++k) {
          const int limit = rng.uniform(0, 4) == 0 ? int(bytes.size()) : std::min<int>(1024, int(bytes.size()));
          bytes[rng.uniform(0, limit)] = static_cast<std::uint8_t>(rng.uniform(0, 256));
        }
        if (rng.uniform(0, 5) == 0) bytes.resize(rng.uniform(1, int(bytes.size())));
        try {
          const cv::Mat m = decodeFacePhoto(bytes, "mutant");
          QCOMPARE(m.type(), CV_8UC3);
          ++decoded;
        } catch (const InputError&) {
          ++refused;
        }
      }
    }
    QCOMPARE(decoded + refused, 300);
  }
  void photoTooSmallToHoldAFace() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("dot.png").toStdString();
    cv::imwrite(path, cv::Mat(8, 8, CV_8UC3, cv::Scalar(1, 2, 3)));
    QVERIFY(inputErrorOf([&] { loadFacePhoto(path); }).contains("too small"));
  }

  void similarityRecoversAKnownTransform() {
    const double angle = 0.3, scale = 1.7;
    const cv::Matx23d truth(scale * std::cos(angle), -scale * std::sin(angle), 12, scale * std::sin(angle),
                            scale * std::cos(angle), -7);
    std::vector<cv::Point2f> from{{10, 20}, {50, 22}, {30, 45}, {15, 70}, {48, 69}}, to;
    for (const auto& p : from) to.push_back(apply(truth, p));
    const cv::Matx23d m = estimateSimilarity(from, to);
    for (int i = 0; i < 6; ++i) QVERIFY(std::abs(m.val[i] - truth.val[i]) < 1e-4);  // float points
  }
  void degeneratePointsAreRejected() {
    QVERIFY(!inputErrorOf([] { estimateSimilarity({{5, 5}, {5, 5}}, {{1, 1}, {9, 9}}); }).isEmpty());
  }
  void embeddingCropPutsFivePointsOnTheTemplate() {
    const auto ref = arcFaceTemplate112();
    // Five points of a face twice the template's size, shifted and turned 90 degrees.
    FivePoints f;
    cv::Point2f* dst[] = {&f.leftEye, &f.rightEye, &f.noseTip, &f.mouthLeft, &f.mouthRight};
    for (int i = 0; i < 5; ++i) *dst[i] = {300 - 2 * ref[i].y, 100 + 2 * ref[i].x};
    const cv::Mat photo(600, 600, CV_8UC3, cv::Scalar(10, 20, 30));
    const cv::Mat crop = alignForEmbedding(photo, f);
    QCOMPARE(crop.size(), cv::Size(112, 112));
    QCOMPARE(crop.type(), CV_8UC3);
  }
  void displayAlignmentLevelsEyesAtTheRequestedDistance() {
    const cv::Mat photo(400, 300, CV_8UC3, cv::Scalar(90, 90, 90));
    const Landmarks68 l = eyesAt({100, 150}, {160, 170});  // tilted, 63 px apart
    const DisplayAlignment spec{{300, 400}, 100, 0.35};
    const AlignedFace a = alignForDisplay(photo, l, spec);
    QCOMPARE(a.image.size(), cv::Size(300, 400));
    const cv::Point2f le = leftEyeCentre(a.landmarks), re = rightEyeCentre(a.landmarks);
    QVERIFY(std::abs(le.x - 100) < 0.01 && std::abs(re.x - 200) < 0.01);
    QVERIFY(std::abs(le.y - 140) < 0.01 && std::abs(re.y - 140) < 0.01);
    QVERIFY(std::abs(a.scale - 100 / std::hypot(60.0, 20.0)) < 1e-6);
    QVERIFY(std::abs(a.rotationDegrees + std::atan2(20.0, 60.0) * 180 / CV_PI) < 1e-6);
    // The inverse maps crop points back onto the photo's landmarks.
    const cv::Point2f back = apply(a.cropToPhoto, a.landmarks[40]);
    QVERIFY(cv::norm(back - l[40]) < 1e-3);
    // Same spec, same inter-eye distance: two faces line up.
    const AlignedFace b = alignForDisplay(photo, eyesAt({50, 100}, {250, 100}), spec);
    QVERIFY(cv::norm(leftEyeCentre(b.landmarks) - le) < 0.01);
  }
  void displayAlignmentShrinksWithoutShiftingLandmarks() {
    // A large, sharp photo shrunk to a small view: pixels are averaged and a
    // bright dot at the left eye centre must land under the mapped landmark.
    cv::Mat photo(2000, 2000, CV_8UC3, cv::Scalar(0, 0, 0));
    cv::circle(photo, cv::Point(700, 900), 12, cv::Scalar(255, 255, 255), -1);
    const Landmarks68 l = eyesAt({700, 900}, {1300, 900});
    const AlignedFace a = alignForDisplay(photo, l, {{200, 200}, 60, 0.4});
    QVERIFY(a.scale < 0.11);
    const cv::Point2f eye = leftEyeCentre(a.landmarks);
    const cv::Vec3b centre = a.image.at<cv::Vec3b>(cvRound(eye.y), cvRound(eye.x));
    QVERIFY2(centre[0] > 100, "the eye dot is not under the mapped landmark");
  }
  void nonsenseDisplaySpecIsAUsageError() {
    const cv::Mat photo(100, 100, CV_8UC3);
    const Landmarks68 l = eyesAt({30, 50}, {70, 50});
    QVERIFY_THROWS_EXCEPTION(UsageError, alignForDisplay(photo, l, {{0, 100}, 50, 0.4}));
    QVERIFY_THROWS_EXCEPTION(UsageError, alignForDisplay(photo, l, {{100, 100}, -1, 0.4}));
    QVERIFY_THROWS_EXCEPTION(UsageError, alignForDisplay(photo, l, {{100, 100}, 50, 1.5}));
  }

  void headPoseRoundTrip() {
    const cv::Size photo(640, 480);
    for (const HeadPose truth : {HeadPose{0, 0, 0}, HeadPose{25, 0, 0}, HeadPose{-20, 10, 5}, HeadPose{10, -15, -12}}) {
      const HeadPose p = estimateHeadPose(projectedFace(truth, photo), photo);
      const QString msg = QString("truth %1/%2/%3 got %4/%5/%6")
                              .arg(truth.yaw).arg(truth.pitch).arg(truth.roll).arg(p.yaw).arg(p.pitch).arg(p.roll);
      QVERIFY2(std::abs(p.yaw - truth.yaw) < 0.5 && std::abs(p.pitch - truth.pitch) < 0.5 &&
                   std::abs(p.roll - truth.roll) < 0.5,
               qPrintable(msg));
    }
  }
  void headPoseSignsFollowTheImage() {
    // Turning toward the image's right moves the nose tip right of the eye midpoint.
    const cv::Size photo(640, 480);
    const Landmarks68 l = projectedFace({20, 0, 0}, photo);
    QVERIFY(l[30].x > (l[36].x + l[45].x) / 2);
    // Tilting up brings the protruding nose tip closer to the eye line.
    const Landmarks68 level = projectedFace({0, 0, 0}, photo), up = projectedFace({0, 15, 0}, photo);
    QVERIFY(up[30].y - (up[36].y + up[45].y) / 2 < level[30].y - (level[36].y + level[45].y) / 2);
    // Clockwise roll lowers the eye on the image's right.
    const Landmarks68 r = projectedFace({0, 0, 15}, photo);
    QVERIFY(r[45].y > r[36].y);
  }
  void degenerateLandmarksGiveNoPose() {
    Landmarks68 l;
    l.fill({100, 100});
    QVERIFY(!inputErrorOf([&] { estimateHeadPose(l, {640, 480}); }).isEmpty());
  }

  void cosineSimilarityBasics() {
    QCOMPARE(cosineSimilarity({1, 0, 0}, {2, 0, 0}), 1.0);
    QCOMPARE(cosineSimilarity({1, 0}, {0, 3}), 0.0);
    QCOMPARE(cosineSimilarity({1, 1}, {-1, -1}), -1.0);
    QVERIFY_THROWS_EXCEPTION(UsageError, cosineSimilarity({1, 2}, {1, 2, 3}));
    QVERIFY_THROWS_EXCEPTION(UsageError, cosineSimilarity({}, {}));
    QVERIFY_THROWS_EXCEPTION(UsageError, cosineSimilarity({0, 0}, {1, 1}));
    QVERIFY(QString(kAdvisoryNotice).contains("advisory"));
  }

  void fiswgMapCoversAllNineteenComponentsInOrder() {
    const auto& regions = fiswgRegions();
    QCOMPARE(regions.size(), size_t(19));
    for (size_t i = 0; i < regions.size(); ++i) {
      const auto& r = regions[i];
      QCOMPARE(static_cast<size_t>(r.component), i);
      QVERIFY(!r.name.empty());
      QVERIFY(std::is_sorted(r.landmarks.begin(), r.landmarks.end()));
      QCOMPARE(std::set<int>(r.landmarks.begin(), r.landmarks.end()).size(), r.landmarks.size());
      for (int idx : r.landmarks) QVERIFY(idx >= 0 && idx < kLandmarkCount);
      QCOMPARE(r.coverage == LandmarkCoverage::None, r.landmarks.empty());
      if (r.coverage == LandmarkCoverage::Partial || r.coverage == LandmarkCoverage::None) QVERIFY(!r.note.empty());
    }
    QCOMPARE(fiswgName(FiswgComponent::ChinJawline), std::string_view("Chin/Jawline"));
    QCOMPARE(fiswgName(FiswgComponent::FaceHeadOutline), std::string_view("Face/Head Outline"));
    const auto& eyes = fiswgRegion(FiswgComponent::Eyes);
    QCOMPARE(eyes.landmarks.front(), 36);
    QCOMPARE(eyes.landmarks.back(), 47);
    QCOMPARE(eyes.paths.size(), size_t(2));
    QVERIFY(eyes.paths[0].closed);
    QCOMPARE(fiswgRegion(FiswgComponent::Ears).coverage, LandmarkCoverage::None);
    QCOMPARE(fiswgRegion(FiswgComponent::Mouth).landmarks.size(), size_t(20));
  }

  void fiswgOutlinesFollowTheLandmarks() {
    Landmarks68 l;
    for (int i = 0; i < kLandmarkCount; ++i) l[i] = {float(i), float(2 * i)};
    const auto eyes = fiswgOutline(FiswgComponent::Eyes, l);
    QCOMPARE(eyes.size(), size_t(2));
    QCOMPARE(eyes[0].points.size(), size_t(6));
    QCOMPARE(eyes[0].points[0], cv::Point2f(36, 72));
    QVERIFY(eyes[1].closed);
    QVERIFY(fiswgOutline(FiswgComponent::Neck, l).empty());
    Landmarks68 round;
    for (int i = 0; i < kLandmarkCount; ++i)
      round[i] = {float(100 + 50 * std::cos(i * 2 * CV_PI / 68)), float(100 + 60 * std::sin(i * 2 * CV_PI / 68))};
    const auto skin = fiswgOutline(FiswgComponent::Skin, round);
    QCOMPARE(skin.size(), size_t(1));
    QVERIFY(skin[0].closed && skin[0].points.size() == size_t(kLandmarkCount));
  }

  // The one model test that runs without models: the message must name the
  // missing file and the command that fetches it.
  void missingModelsSayWhatAndHow() {
    QTemporaryDir empty;
    try {
      locateFaceModels(empty.path().toStdString());
      QFAIL("an empty folder must not pass as a model folder");
    } catch (const FaceModelsMissing& e) {
      const QString m = e.what();
      QVERIFY2(m.contains("fr_detect.onnx") && m.contains("fetch-face-models.sh") && m.contains(empty.path()),
               qPrintable(m));
      QCOMPARE(e.kind(), ErrorKind::Remote);  // environment failure: CLI exit 3
    }
  }
  void compiledHashesMatchTheFetchScriptsSums() {
    // tests/data is two levels below the source root, beside resources/.
    std::ifstream in(std::string(RIDGELINE_TEST_DATA) + "/../../resources/models/SHA256SUMS");
    QVERIFY2(in, "resources/models/SHA256SUMS is missing");
    std::map<std::string, std::string> sums;
    for (std::string hash, name; in >> hash >> name;) sums[name] = hash;
    QCOMPARE(sums, vettedModelHashes());
  }
  void alteredModelIsRefused() {
    QTemporaryDir dir;
    for (const char* name : {kDetectorModel, kLandmarkModel, kEmbeddingModel})
      writeBytes(dir, name, {'n', 'o', 't', ' ', 'a', ' ', 'm', 'o', 'd', 'e', 'l'});
    try {
      locateFaceModels(dir.path().toStdString());
      QFAIL("a model whose hash differs from SHA256SUMS must be refused");
    } catch (const FaceModelsMissing& e) {
      QVERIFY2(QString(e.what()).contains("not the vetted file"), e.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestFaceGeometry)
#include "test_face_geometry.moc"
