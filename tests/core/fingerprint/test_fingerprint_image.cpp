// Loading prints for the extractor: the file's resolution is used when it is
// one a scanner makes, ignored when it is an office default.
#include <QtTest>

#include "core/fingerprint/fingerprint_image.h"
#include "core/formats/image/image_codec.h"
#include "core/util/errors.h"

using namespace ridgeline;

class TestFingerprintImage : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;

  std::string writePng(const char* name, double ppi) {
    GrayImage image;
    image.pixels = cv::Mat(64, 48, CV_8UC1, cv::Scalar(128));
    image.ppi = ppi;
    const std::string path = dir_.filePath(name).toStdString();
    writeImageFile(path, image);
    return path;
  }

 private slots:
  void scannerResolutionIsKept() {
    const auto image = fingerprint::loadFingerprintImage(writePng("scan.png", 1000));
    QCOMPARE(image.gray.cols, 48);
    QVERIFY(std::abs(image.ppi - 1000) < 1);
  }

  void officeDefaultsAreNotResolutions() {
    QCOMPARE(fingerprint::loadFingerprintImage(writePng("office96.png", 96)).ppi, 0.0);
    QCOMPARE(fingerprint::loadFingerprintImage(writePng("office72.png", 72)).ppi, 0.0);
    QCOMPARE(fingerprint::loadFingerprintImage(writePng("none.png", 0)).ppi, 0.0);
  }

  void unreadableFilesNameTheFile() {
    const std::string path = dir_.filePath("broken.png").toStdString();
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("\x89PNG not really");
    f.close();
    try {
      fingerprint::loadFingerprintImage(path);
      QFAIL("expected an error");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("broken.png") != std::string::npos, e.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestFingerprintImage)
#include "test_fingerprint_image.moc"
