// The face engine on real photos. Needs the models: without them every case
// FAILS (the test command runs the set-up script, which fetches them).
#include <QtTest>

#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/core/utility.hpp>

#include "core/face/face_engine.h"
#include "core/face/face_photo.h"
#include "core/face/head_pose.h"
#include "core/util/errors.h"
#include "face_fixtures.h"

using namespace ridgeline;
using namespace ridgeline::face;

class TestFaceEngine : public QObject {
  Q_OBJECT
  std::unique_ptr<FaceEngine> engine_;

  PreparedFace prepared(const char* name, std::optional<size_t> face = std::nullopt) {
    return engine_->prepare(loadFacePhoto(facePhoto(name)), name, face);
  }
  QString inputError(const std::string& path) {
    try {
      engine_->prepare(loadFacePhoto(path), path);
    } catch (const InputError& e) {
      return e.what();
    }
    return {};
  }

 private slots:
  void initTestCase() {
    try {
      engine_ = std::make_unique<FaceEngine>();
    } catch (const Error& e) {
      QFAIL(qPrintable(QString("face models unavailable, run installers/fetch-face-models.sh: ") + e.what()));
    }
  }

  void modelsAreTheVettedFiles() {
    const auto& m = engine_->models();
    QCOMPARE(m.detector.sha256, std::string("6c0256ccd3164f844736a401faf936ec2930764a87ae39442180887d0c5c8854"));
    QCOMPARE(m.landmarks.sha256, std::string("f10b0ba1d2a8a099adefede1ebf3733e44fe370715e7303dbeb7f59c02142258"));
    QCOMPARE(m.embedding.sha256, std::string("87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581"));
  }

  void oneFaceWithLandmarksInsideTheBox() {
    const cv::Mat photo = loadFacePhoto(facePhoto("img1.jpg"));
    const auto faces = engine_->detectFaces(photo);
    QCOMPARE(faces.size(), size_t(1));
    const DetectedFace& f = faces[0];
    QVERIFY(f.score > 0.9f);
    QVERIFY(f.box.width > 150 && f.box.width < 400);
    QCOMPARE(f.box.width, f.box.height);
    cv::Rect2f grown(f.box.x - 10, f.box.y - 10, f.box.width + 20, f.box.height + 20);
    for (const auto& p : f.landmarks) QVERIFY(grown.contains(p));
    // Anatomy, roughly: eyes above the nose tip above the mouth; left eye left.
    QVERIFY(leftEyeCentre(f.landmarks).x < rightEyeCentre(f.landmarks).x);
    QVERIFY(leftEyeCentre(f.landmarks).y < f.landmarks[30].y);
    QVERIFY(f.landmarks[30].y < f.landmarks[62].y);
    QVERIFY(f.interEyeDistance > 40 && f.interEyeDistance < 200);
    QVERIFY(f.pose && std::abs(f.pose->yaw) < 25 && std::abs(f.pose->roll) < 20);
  }

  void severalFacesComeLargestFirst() {
    const auto faces = engine_->detectFaces(loadFacePhoto(facePhoto("img54.jpg")));
    QVERIFY2(faces.size() >= 2, "img54 shows a second face in the background");
    for (size_t i = 1; i < faces.size(); ++i) QVERIFY(faces[i - 1].box.area() >= faces[i].box.area());
    const PreparedFace p = prepared("img54.jpg");
    QCOMPARE(p.faceIndex, size_t(0));
    QCOMPARE(p.faceCount, faces.size());
    QVERIFY(QString::fromStdString(p.choiceNote).contains("3 faces in img54.jpg; using face 1 (the largest)") ||
            QString::fromStdString(p.choiceNote).contains("using face 1 (the largest)"));
    QVERIFY(p.cautions.empty());  // a frontal face with 70 px between the eyes
  }

  void sameFaceScoresOne() {
    const auto a = prepared("img1.jpg"), b = prepared("img1.jpg");
    QVERIFY(advisorySimilarity(a, b) > 0.999);
  }
  void genuinePairsOutscoreImpostorPairs() {
    // id00: img1, img2, img5; id01: img3, img12; id12: img38, img41.
    const auto img1 = prepared("img1.jpg"), img2 = prepared("img2.jpg"), img5 = prepared("img5.jpg");
    const auto img3 = prepared("img3.jpg"), img12 = prepared("img12.jpg");
    const auto img38 = prepared("img38.jpg"), img41 = prepared("img41.jpg");
    const double genuine[] = {advisorySimilarity(img1, img2), advisorySimilarity(img1, img5),
                              advisorySimilarity(img3, img12), advisorySimilarity(img38, img41)};
    const double impostor[] = {advisorySimilarity(img1, img3), advisorySimilarity(img2, img38),
                               advisorySimilarity(img5, img12), advisorySimilarity(img41, img3)};
    const double lowestGenuine = *std::min_element(std::begin(genuine), std::end(genuine));
    const double highestImpostor = *std::max_element(std::begin(impostor), std::end(impostor));
    QVERIFY2(lowestGenuine > highestImpostor,
             qPrintable(QString("lowest genuine %1, highest impostor %2").arg(lowestGenuine).arg(highestImpostor)));
    QVERIFY(lowestGenuine > 0.4 && highestImpostor < 0.3);
  }
  // A score in a report must be reproducible: same photos, same score,
  // whatever the thread count.
  void scoresAreReproducible() {
    const int threads = cv::getNumThreads();
    const double first = advisorySimilarity(prepared("img1.jpg"), prepared("img2.jpg"));
    cv::setNumThreads(1);
    const double single = advisorySimilarity(prepared("img1.jpg"), prepared("img2.jpg"));
    cv::setNumThreads(threads);
    const double again = advisorySimilarity(prepared("img1.jpg"), prepared("img2.jpg"));
    QCOMPARE(again, first);
    QVERIFY2(std::abs(single - first) < 1e-5, qPrintable(QString("%1 vs %2").arg(single).arg(first)));
  }
  void backgroundFaceCanBeChosen() {
    const auto main = prepared("img54.jpg"), background = prepared("img54.jpg", 1);
    QCOMPARE(background.faceIndex, size_t(1));
    QVERIFY(background.choiceNote.empty());
    // The background face is small and turned: the caution says so.
    QVERIFY(!background.cautions.empty());
    QVERIFY(QString::fromStdString(background.cautions[0]).contains("img54.jpg, face 2"));
    QVERIFY(advisorySimilarity(main, background) < 0.5);
  }
  void faceIndexBeyondTheFacesIsAnInputError() {
    try {
      prepared("img1.jpg", 5);
      QFAIL("face 6 of a one-face photo must be refused");
    } catch (const InputError& e) {
      QVERIFY2(QString(e.what()).contains("has 1 face(s); there is no face 6"), e.what());
    }
  }

  void noFaceIsAnInputError() {
    QTemporaryDir dir;
    const QString m = inputError(noFacePhoto(dir));
    QVERIFY2(m.contains("no face found"), qPrintable(m));
  }
  void extremePhotoShapesAreHandled() {
    // 8000x16 squeezes to a single row of the detector's input: no crash, no face.
    for (const cv::Size size : {cv::Size(8000, 16), cv::Size(16, 8000), cv::Size(16, 16)}) {
      const cv::Mat photo(size, CV_8UC3, cv::Scalar(50, 90, 130));
      QVERIFY(engine_->detectFaces(photo).empty());
    }
  }
  void tinyFaceIsRefusedNotScored() {
    QTemporaryDir dir;
    const std::string path = tinyFacePhoto(dir);
    const auto faces = engine_->detectFaces(loadFacePhoto(path));
    QVERIFY2(!faces.empty(), "the detector should still see the shrunken face");
    QVERIFY(engine_->isTooSmall(faces[0]));
    const QString m = inputError(path);
    QVERIFY2(m.contains("too little detail") && m.contains("face 1"), qPrintable(m));
  }

  void searchRegionFindsASmallFaceInALargeScene() {
    QTemporaryDir dir;
    const cv::Mat scene = loadFacePhoto(smallFaceInScene(dir));
    QVERIFY2(engine_->detectFaces(scene).empty(), "a 56 px face in 1280 px is below the whole-photo search");
    const auto faces = engine_->detectFaces(scene, kSceneFaceRegion);
    QCOMPARE(faces.size(), size_t(1));
    QVERIFY((kSceneFaceRegion & cv::Rect(faces[0].box)).area() > 0.8 * faces[0].box.area());  // photo pixels
    const auto p = engine_->prepare(scene, "scene", std::nullopt, kSceneFaceRegion);
    QVERIFY(advisorySimilarity(p, prepared("img2.jpg")) > 0.3);
    try {
      engine_->detectFaces(scene, cv::Rect(2000, 2000, 50, 50));
      QFAIL("a region outside the photo must be refused");
    } catch (const InputError& e) {
      QVERIFY2(QString(e.what()).contains("search region"), e.what());
    }
  }

  void mirroredPhotoMirrorsThePose() {
    const cv::Mat photo = loadFacePhoto(facePhoto("img2.jpg"));
    cv::Mat mirrored;
    cv::flip(photo, mirrored, 1);
    const HeadPose p = engine_->detectFaces(photo).at(0).pose.value();
    const HeadPose m = engine_->detectFaces(mirrored).at(0).pose.value();
    const QString msg = QString("yaw %1 vs %2, roll %3 vs %4").arg(p.yaw).arg(m.yaw).arg(p.roll).arg(m.roll);
    QVERIFY2(std::abs(p.yaw + m.yaw) < 4 && std::abs(p.roll + m.roll) < 4 && std::abs(p.pitch - m.pitch) < 4,
             qPrintable(msg));
  }

  void alignedViewsShareTheInterEyeDistance() {
    const DisplayAlignment spec{{400, 480}, 120, 0.4};
    for (const char* name : {"img1.jpg", "img2.jpg"}) {
      const cv::Mat photo = loadFacePhoto(facePhoto(name));
      const auto face = engine_->detectFaces(photo).at(0);
      const AlignedFace a = alignForDisplay(photo, face.landmarks, spec);
      QCOMPARE(a.image.size(), spec.outputSize);
      const cv::Point2f le = leftEyeCentre(a.landmarks), re = rightEyeCentre(a.landmarks);
      QVERIFY(std::abs(cv::norm(re - le) - 120) < 0.05);
      QVERIFY(std::abs(le.y - 192) < 0.05 && std::abs(re.y - 192) < 0.05);
      QVERIFY(std::abs(a.scale - 120 / face.interEyeDistance) < 1e-3);
      // The crop shows the photo (not the black border) around the eyes.
      QVERIFY(cv::mean(a.image(cv::Rect(140, 150, 120, 80)))[1] > 20);
    }
  }
};

QTEST_GUILESS_MAIN(TestFaceEngine)
#include "test_face_engine.moc"
