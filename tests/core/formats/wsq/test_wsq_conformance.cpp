// Conformance against the NIST WSQ reference set: our decoder reaches the
// reference decoder's PSNR on committed fixtures, and our encoder lands near
// the reference encoder's size and quality at 0.75 bpp.
#include <QtTest>

#include "core/formats/image/image_codec.h"
#include "core/formats/wsq/wsq.h"
#include "wsq_fixtures.h"

using namespace ridgeline;

class TestWsqConformance : public QObject {
  Q_OBJECT
 private:
  static cv::Mat rawImage(const WsqFixture& f, std::vector<std::uint8_t>& storage) {
    storage = readBytes(wsqFixture(f.raw));
    return decodeRawImage(storage, f.width, f.height).pixels;
  }

 private slots:
  void fixturesArePresent() { QCOMPARE(wsqFixtures().size(), size_t(3)); }

  void decoderMatchesNistReferencePsnr() {
    for (const WsqFixture& f : wsqFixtures()) {
      std::vector<std::uint8_t> raw;
      const cv::Mat original = rawImage(f, raw);
      const GrayImage decoded = decodeImage(readBytes(wsqFixture(f.wsq)));
      QCOMPARE(decoded.sourceFormat, ImageFormat::Wsq);
      QCOMPARE(decoded.pixels.cols, f.width);
      QCOMPARE(decoded.pixels.rows, f.height);
      const double p = psnr(original, decoded.pixels);
      qInfo("%s: PSNR %.3f dB, NIST reference decoder %.3f dB", f.wsq.c_str(), p, f.referencePsnr);
      QVERIFY2(std::abs(p - f.referencePsnr) <= 0.1, f.wsq.c_str());
    }
  }

  void encoderMatchesNistReferenceSizeAndQuality() {
    for (const WsqFixture& f : wsqFixtures()) {
      if (f.wsq.find("nonstandard") != std::string::npos) continue;  // made with other filters
      std::vector<std::uint8_t> raw;
      const cv::Mat original = rawImage(f, raw);
      const std::vector<std::uint8_t> ours = wsq::encodeWsq(original, {0.75, 500, ""});
      const double p = psnr(original, wsq::decodeWsq(ours).pixels);
      const double sizeRatio = static_cast<double>(ours.size()) / static_cast<double>(f.referenceBytes);
      qInfo("%s: %zu bytes (reference %ld, ratio %.3f), PSNR %.3f dB (reference %.3f)", f.wsq.c_str(), ours.size(),
            f.referenceBytes, sizeRatio, p, f.referencePsnr);
      QVERIFY(sizeRatio >= 0.9 && sizeRatio <= 1.1);
      QVERIFY(p >= f.referencePsnr - 0.3);
    }
  }

  void bitrateControlsSize() {
    const WsqFixture f = wsqFixtures().front();
    std::vector<std::uint8_t> raw;
    const cv::Mat original = rawImage(f, raw);
    const auto low = wsq::encodeWsq(original, {0.5, 0, ""});
    const auto high = wsq::encodeWsq(original, {2.25, 0, ""});
    QVERIFY(low.size() < high.size());
    QVERIFY(psnr(original, wsq::decodeWsq(high).pixels) > psnr(original, wsq::decodeWsq(low).pixels));
    // 2.25 bpp is about 5:1; allow for headers and the rate model's slack.
    const double bpp = 8.0 * static_cast<double>(high.size()) / static_cast<double>(original.total());
    QVERIFY2(bpp > 1.5 && bpp < 3.0, qPrintable(QString::number(bpp)));
  }

  void nistcomStatesResolution() {
    const GrayImage g = decodeImage(readBytes(wsqFixture("nistcom-500ppi.wsq")));
    QCOMPARE(g.ppi, 500.0);
    QCOMPARE(g.pixels.cols, 256);
    // The reference files carry no comment: resolution not stated.
    QCOMPARE(decodeImage(readBytes(wsqFixture("cmp00010.wsq"))).ppi, 0.0);
  }

  void encoderWritesNistcomThatRoundTrips() {
    cv::Mat img(100, 120, CV_8UC1);
    cv::randu(img, 0, 255);
    const auto bytes = wsq::encodeWsq(img, {0.75, 1000, "case 42"});
    const wsq::WsqHeader h = wsq::readWsqHeader(bytes);
    QCOMPARE(h.ppi, 1000.0);
    QCOMPARE(int(h.frame.width), 120);
    QCOMPARE(int(h.frame.height), 100);
    QCOMPARE(h.comments.size(), size_t(2));
    QCOMPARE(h.comments[1], std::string("case 42"));
    QCOMPARE(h.filters.lowpassLength, 9);
  }

  void fewActiveSubbandsStayWithinSixteenBitIndices() {
    // Found by fuzz_wsq: an image whose energy sits in two subbands made the
    // rate model ask for bin widths near 1e-26 (indices overflowing 16 bits).
    const cv::Mat img = decodeImage(readBytes(wsqFixture("fuzz-few-active-subbands.wsq"))).pixels;
    const auto bytes = wsq::encodeWsq(img);
    const cv::Mat back = wsq::decodeWsq(bytes).pixels;
    QVERIFY(psnr(img, back) > 40);  // with 16-bit indices the two subbands are near lossless
  }

  void flatAndTinyImages() {
    const cv::Mat flat(64, 64, CV_8UC1, cv::Scalar(77));
    const cv::Mat back = wsq::decodeWsq(wsq::encodeWsq(flat)).pixels;
    QCOMPARE(cv::norm(flat, back, cv::NORM_INF), 0.0);
    const cv::Mat odd(33, 47, CV_8UC1, cv::Scalar(10));
    QCOMPARE(wsq::decodeWsq(wsq::encodeWsq(odd)).pixels.cols, 47);
    QVERIFY_THROWS_EXCEPTION(InputError, wsq::encodeWsq(cv::Mat(31, 64, CV_8UC1, cv::Scalar(0))));
  }
};

QTEST_GUILESS_MAIN(TestWsqConformance)
#include "test_wsq_conformance.moc"
