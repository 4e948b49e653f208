// Image import/export through the shared interface: format sniffing,
// round trips with resolution, conversions that warn, size caps, errors.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "core/formats/image/image_codec.h"
#include "core/formats/image/image_header.h"
#include "core/util/errors.h"

using namespace ridgeline;

namespace {
cv::Mat ridges(int w, int h) {
  cv::Mat m(h, w, CV_8UC1);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) m.at<std::uint8_t>(y, x) = static_cast<std::uint8_t>(128 + 100 * std::sin((x + y) * 0.4));
  return m;
}
std::vector<std::uint8_t> encodeCv(const char* ext, const cv::Mat& m) {
  std::vector<std::uint8_t> out;
  cv::imencode(ext, m, out);
  return out;
}
bool contains(const std::vector<std::string>& v, const std::string& needle) {
  for (const auto& s : v)
    if (s.find(needle) != std::string::npos) return true;
  return false;
}
}  // namespace

class TestImageCodec : public QObject {
  Q_OBJECT
 private slots:
  void sniffsByMagicBytes() {
    const cv::Mat m = ridges(40, 40);
    QCOMPARE(sniffImageFormat(encodeCv(".png", m)), ImageFormat::Png);
    QCOMPARE(sniffImageFormat(encodeCv(".jpg", m)), ImageFormat::Jpeg);
    QCOMPARE(sniffImageFormat(encodeCv(".tif", m)), ImageFormat::Tiff);
    QCOMPARE(sniffImageFormat(encodeCv(".bmp", m)), ImageFormat::Bmp);
    QCOMPARE(sniffImageFormat(encodeCv(".pgm", m)), ImageFormat::Pgm);
    QCOMPARE(sniffImageFormat(encodeCv(".jp2", m)), ImageFormat::Jpeg2000);
    QCOMPARE(sniffImageFormat(encodeImage({m, 500}, ImageFormat::Wsq)), ImageFormat::Wsq);
    const std::vector<std::uint8_t> junk = {'h', 'e', 'l', 'l', 'o'};
    QCOMPARE(sniffImageFormat(junk), ImageFormat::Unknown);
    QCOMPARE(sniffImageFormat({}), ImageFormat::Unknown);
    QVERIFY_THROWS_EXCEPTION(InputError, decodeImage(junk));
  }

  void roundTripsKeepPixelsAndResolution() {
    const cv::Mat m = ridges(120, 90);
    struct Case {
      ImageFormat f;
      bool lossless;
      double ppi;  // what the format can carry back
    };
    for (const Case c : {Case{ImageFormat::Png, true, 500}, Case{ImageFormat::Tiff, true, 500},
                         Case{ImageFormat::Bmp, true, 500}, Case{ImageFormat::Pgm, true, 0},
                         Case{ImageFormat::Jpeg, false, 500}, Case{ImageFormat::Jpeg2000, true, 500},
                         Case{ImageFormat::Wsq, false, 500}}) {
      GrayImage in{m, 500};
      const auto bytes = encodeImage(in, c.f);
      const GrayImage out = decodeImage(bytes);
      QCOMPARE(out.sourceFormat, c.f);
      QCOMPARE(out.pixels.size(), m.size());
      QCOMPARE(out.pixels.type(), CV_8UC1);
      QVERIFY2(out.warnings.empty(), formatName(c.f).c_str());
      QCOMPARE(out.ppi, c.ppi);
      const double err = cv::norm(m, out.pixels, cv::NORM_INF);
      if (c.lossless) QCOMPARE(err, 0.0);
      else QVERIFY2(cv::norm(m, out.pixels, cv::NORM_L2) / std::sqrt(double(m.total())) < 12, formatName(c.f).c_str());
    }
  }

  void colourAnd16BitAreConvertedWithWarnings() {
    cv::Mat colour(30, 40, CV_8UC3, cv::Scalar(10, 200, 30));
    GrayImage g = decodeImage(encodeCv(".png", colour));
    QVERIFY(contains(g.warnings, "colour"));
    QCOMPARE(g.pixels.channels(), 1);

    cv::Mat deep(30, 40, CV_16UC1, cv::Scalar(65535));
    deep(cv::Rect(0, 0, 10, 10)).setTo(0);
    g = decodeImage(encodeCv(".png", deep));
    QVERIFY(contains(g.warnings, "16-bit"));
    QCOMPARE(int(g.pixels.at<std::uint8_t>(20, 20)), 255);
    QCOMPARE(int(g.pixels.at<std::uint8_t>(0, 0)), 0);
  }

  void greyStoredAsColourSaysNothingWasLost() {
    cv::Mat grey3;
    cv::Mat channels[] = {ridges(20, 20), ridges(20, 20), ridges(20, 20)};
    cv::merge(channels, 3, grey3);
    const GrayImage g = decodeImage(encodeCv(".png", grey3));
    QVERIFY(contains(g.warnings, "identical"));
    QCOMPARE(cv::norm(g.pixels, channels[0], cv::NORM_INF), 0.0);
  }

  void headerSizeCapStopsBombsBeforeDecoding() {
    auto png = encodeCv(".png", ridges(64, 64));
    // IHDR width at byte 16: claim 100000 x 100000 (CRC is not checked before the cap).
    png[16] = 0x00; png[17] = 0x01; png[18] = 0x86; png[19] = 0xA0;
    png[20] = 0x00; png[21] = 0x01; png[22] = 0x86; png[23] = 0xA0;
    try {
      decodeImage(png);
      QFAIL("no error");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("limit") != std::string::npos, e.what());
    }
    DecodeLimits small;
    small.maxPixels = 1000;
    QVERIFY_THROWS_EXCEPTION(InputError, decodeImage(encodeCv(".bmp", ridges(64, 64)), ImageFormat::Unknown, small));
    QVERIFY_THROWS_EXCEPTION(InputError, decodeRawImage(std::vector<std::uint8_t>(20000, 0), 20000, 1, small));
  }

  void truncatedFilesGiveInputErrors() {
    const cv::Mat m = ridges(64, 64);
    for (const char* ext : {".png", ".jpg", ".tif", ".bmp", ".pgm", ".jp2"}) {
      const auto whole = encodeCv(ext, m);
      for (size_t n : {size_t(0), size_t(3), size_t(10), whole.size() / 3, whole.size() / 2}) {
        std::vector<std::uint8_t> cut(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(n));
        try {
          const GrayImage g = decodeImage(cut, sniffImageFormat(whole));
          QVERIFY(!g.pixels.empty());  // some decoders pad a short image: acceptable, never a crash
        } catch (const InputError&) {
        }
      }
    }
  }

  void rawNeedsExactSize() {
    std::vector<std::uint8_t> bytes(100 * 50, 7);
    QCOMPARE(decodeRawImage(bytes, 100, 50).pixels.at<std::uint8_t>(49, 99), std::uint8_t(7));
    try {
      decodeRawImage(bytes, 100, 51);
      QFAIL("no error");
    } catch (const InputError& e) {
      QVERIFY(std::string(e.what()).find("5100") != std::string::npos);
    }
  }

  void filesAreReadAndWrittenSafely() {
    QTemporaryDir dir;
    const std::string base = dir.path().toStdString();
    const GrayImage in{ridges(50, 40), 1000};
    writeImageFile(base + "/a.png", in);
    writeImageFile(base + "/a.wsq", in, ImageWriteOptions{1.5, 95});
    QCOMPARE(readImageFile(base + "/a.png").ppi, 1000.0);
    QCOMPARE(readImageFile(base + "/a.wsq").ppi, 1000.0);
    QCOMPARE(imageFormatFromExtension("X.TIFF"), ImageFormat::Tiff);
    try {
      readImageFile(base + "/missing.png");
      QFAIL("no error");
    } catch (const InputError& e) {
      QVERIFY(std::string(e.what()).find("missing.png") != std::string::npos);
    }
    QVERIFY_THROWS_EXCEPTION(InputError, writeImageFile(base + "/no/such/dir/a.png", in));
    QVERIFY_THROWS_EXCEPTION(InputError, writeImageFile(base + "/a.gif", in));
    // No temporary files left behind.
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(base)) {
      QVERIFY2(e.path().string().find(".tmp-") == std::string::npos, e.path().c_str());
      ++files;
    }
    QCOMPARE(files, 2);
  }

  void resolutionFromRealHeaders() {
    // JFIF in dots per cm, BMP pixels per metre: both come back as ppi.
    auto jpg = encodeCv(".jpg", ridges(32, 32));
    QVERIFY(jpg.size() > 18 && jpg[6] == 'J');
    jpg[13] = 2;  // dots per cm
    jpg[14] = 0; jpg[15] = 197; jpg[16] = 0; jpg[17] = 197;
    QCOMPARE(probeImageHeader(jpg, ImageFormat::Jpeg).ppi, 500.38);
  }

  void losslessJpegIsNamedNotMisreported() {
    // Turn the baseline frame marker (SOF0) into SOF3: the error must say what the file is.
    auto jpg = encodeCv(".jpg", ridges(32, 32));
    for (size_t i = 2; i + 1 < jpg.size(); ++i)
      if (jpg[i] == 0xFF && jpg[i + 1] == 0xC0) {
        jpg[i + 1] = 0xC3;
        break;
      }
    try {
      decodeImage(jpg);
      QFAIL("no error");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("lossless JPEG (SOF3)") != std::string::npos, e.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestImageCodec)
#include "test_image_codec.moc"
