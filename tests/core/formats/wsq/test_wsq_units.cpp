// The WSQ building blocks on their own: filter bank, subband geometry,
// Huffman coding, decimal scaling, NISTCOM.
#include <QtTest>

#include <random>

#include "core/formats/wsq/bit_stream.h"
#include "core/formats/wsq/huffman.h"
#include "core/formats/wsq/markers.h"
#include "core/formats/wsq/nistcom.h"
#include "core/formats/wsq/subband_tree.h"
#include "core/formats/wsq/wavelet_filters.h"
#include "core/formats/wsq/wsq.h"
#include "core/util/errors.h"
#include "wsq_fixtures.h"

using namespace ridgeline;
using namespace ridgeline::wsq;

namespace {
std::vector<float> applyPlan(const LinePlan& p, const std::vector<float>& in) {
  std::vector<float> out(static_cast<size_t>(p.length));
  for (int m = 0; m < p.length; ++m) {
    double acc = 0;
    for (int e = p.rowStart[static_cast<size_t>(m)]; e < p.rowStart[static_cast<size_t>(m) + 1]; ++e)
      acc += p.weight[static_cast<size_t>(e)] * in[static_cast<size_t>(p.index[static_cast<size_t>(e)])];
    out[static_cast<size_t>(m)] = static_cast<float>(acc);
  }
  return out;
}

double reconstructionError(const FilterBank& bank, int n, bool inverted, std::mt19937& rng) {
  std::uniform_real_distribution<float> u(-128, 128);
  std::vector<float> x(static_cast<size_t>(n));
  for (auto& v : x) v = u(rng);
  const auto y = applyPlan(makeSynthesisPlan(bank, n, inverted), applyPlan(makeAnalysisPlan(bank, n, inverted), x));
  double err = 0;
  for (int i = 0; i < n; ++i) err = std::max(err, std::abs(double(y[size_t(i)]) - x[size_t(i)]));
  return err;
}
}  // namespace

class TestWsqUnits : public QObject {
  Q_OBJECT
 private slots:
  void standardFiltersReconstructPerfectly() {
    std::mt19937 rng(7);
    const FilterBank bank = makeFilterBank(standardTransformTable());
    for (int n = 2; n <= 40; ++n)
      for (bool inv : {false, true}) QVERIFY2(reconstructionError(bank, n, inv, rng) < 1e-3, qPrintable(QString::number(n)));
  }

  void evenLengthFiltersFromDttReconstructPerfectly() {
    // The non-standard reference file transmits 6/10-tap filters.
    const WsqHeader h = readWsqHeader(readBytes(wsqFixture("cmp00010-nonstandard-filters.wsq")));
    QCOMPARE(h.filters.lowpassLength % 2, 0);
    const FilterBank bank = makeFilterBank(h.filters);
    QVERIFY(bank.evenLength);
    std::mt19937 rng(8);
    for (int n = 2; n <= 40; ++n)
      for (bool inv : {false, true}) QVERIFY2(reconstructionError(bank, n, inv, rng) < 1e-3, qPrintable(QString::number(n)));
  }

  void tenTapDttSetIsAcceptedAsPerfectReconstruction() {
    // The DTT segment (after its marker) of the NIST non-standard file
    // cmp00013.wsq: 10-tap lowpass and 10-tap highpass filters.
    const std::vector<std::uint8_t> dtt = {
        0x00, 0x40, 0x0a, 0x0a, 0x00, 0x09, 0x35, 0x9d, 0x5f, 0xac, 0x00, 0x0a, 0x20, 0x3f, 0x11, 0xab,
        0x01, 0x0a, 0x8f, 0xb6, 0x70, 0x46, 0x01, 0x0b, 0xc0, 0x8b, 0x00, 0xd7, 0x00, 0x0b, 0xa0, 0x6a,
        0x9e, 0x71, 0x00, 0x09, 0x20, 0x41, 0x07, 0xcc, 0x01, 0x0a, 0x56, 0xc4, 0x55, 0x09, 0x01, 0x0b,
        0x8a, 0xa0, 0xa5, 0xea, 0x01, 0x0b, 0x8d, 0xf6, 0xc5, 0x8a, 0x00, 0x0b, 0x76, 0x46, 0xd8, 0xb1};
    ByteReader r(dtt);
    const TransformTable t = readTransformTable(r);
    QCOMPARE(t.lowpassLength, 10);
    QVERIFY(reconstructionError(makeFilterBank(t)) < 1e-3);
    QVERIFY(reconstructionError(makeFilterBank(standardTransformTable())) < 1e-5);
    TransformTable broken = standardTransformTable();
    broken.highpassHalf[1] *= 1.5;
    QVERIFY(reconstructionError(makeFilterBank(broken)) > 0.01);
  }

  void subbandsTileTheImage() {
    for (auto [w, h] : {std::pair{32, 32}, {33, 47}, {375, 526}, {800, 750}, {1508, 1008}, {511, 1023}}) {
      const SubbandLayout layout = buildSubbandLayout(w, h);
      QCOMPARE(layout.splits.size(), size_t(20));  // the spec's 20 two-dimensional splits
      cv::Mat cover(h, w, CV_8UC1, cv::Scalar(0));
      auto mark = [&](const Rect& r) {
        QVERIFY(r.width >= 1 && r.height >= 1);
        cover(cv::Rect(r.x, r.y, r.width, r.height)) += 1;
      };
      for (const Rect& r : layout.subbands) mark(r);
      mark(layout.discarded);
      double lo, hi;
      cv::minMaxLoc(cover, &lo, &hi);
      QCOMPARE(lo, 1.0);
      QCOMPARE(hi, 1.0);
    }
  }

  void subbandGeometryFollowsTheSpec() {
    const SubbandLayout l = buildSubbandLayout(800, 750);
    // Subbands 0-3 are the 1/32-size corner; 60-63 (discarded) the finest diagonal quadrant.
    QCOMPARE(l.subbands[0].x, 0);
    QCOMPARE(l.subbands[0].width + l.subbands[1].width, 50);  // 800 -> 400 -> 200 -> 100 -> 50
    QCOMPARE(l.discarded.x, 400);
    QCOMPARE(l.discarded.y, 375);
    // Odd length, inverted split: the highpass (smaller) half comes first.
    const SubbandLayout o = buildSubbandLayout(33, 33);
    QCOMPARE(o.subbands[52].width, 8);  // root TR quadrant is 16 wide: 8 + 8
    QVERIFY(o.splits[0].invertX == false && o.splits[0].invertY == false);
  }

  void huffmanRoundTripsAndLimitsLengths() {
    std::mt19937 rng(3);
    for (int trial = 0; trial < 3; ++trial) {
      std::array<std::uint32_t, 256> freq{};
      if (trial == 2) {  // Fibonacci frequencies force codes beyond 16 bits before limiting
        std::uint32_t a = 1, b = 1;
        for (int s = 0; s < 30; ++s) {
          freq[size_t(s)] = a;
          const std::uint32_t c = a + b;
          a = b;
          b = c;
        }
      } else {
        for (int s = 1; s < 255; ++s) freq[size_t(s)] = rng() % 1000;
      }
      const HuffmanTableSpec t = buildHuffmanTable(freq, 0);
      const auto codes = huffmanCodes(t);
      std::vector<int> symbols;
      for (int s = 0; s < 256; ++s) {
        if (!freq[size_t(s)]) continue;
        QVERIFY(codes[size_t(s)].length >= 1 && codes[size_t(s)].length <= 16);
        symbols.push_back(s);
      }
      std::shuffle(symbols.begin(), symbols.end(), rng);
      std::vector<std::uint8_t> bytes;
      BitWriter w(bytes);
      for (int s : symbols) w.put(codes[size_t(s)].code, codes[size_t(s)].length);
      w.flush();
      bytes.push_back(0xFF);
      bytes.push_back(0xA1);  // EOI ends the data
      BitReader r(bytes, 0);
      const HuffmanDecoder dec(t);
      for (int s : symbols) QCOMPARE(dec.decode(r), s);
      QCOMPARE(dec.decode(r), HuffmanDecoder::kMarker);
    }
  }

  void restartMarkersAreHonoured() {
    // A hand-built 32x32 file whose only coded subbands are 0-3 (one
    // coefficient each), once as one run of bits and once split by RST0.
    HuffmanTableSpec table;
    std::array<std::uint32_t, 256> freq{};
    const int symbols[4] = {181, 182, 183, 179};  // coefficients 1, 2, 3, -1
    for (int s : symbols) freq[size_t(s)] = 1;
    table = buildHuffmanTable(freq, 0);
    const auto codes = huffmanCodes(table);
    auto file = [&](bool restart) {
      std::vector<std::uint8_t> out;
      writeMarker(out, kSOI);
      writeTransformTable(out, standardTransformTable());
      QuantizationTable q;
      q.binCenter = 0.44;
      for (int k = 0; k < 4; ++k) {
        q.q[size_t(k)] = 10;
        q.z[size_t(k)] = 12;
      }
      writeQuantizationTable(out, q);
      FrameHeader f;
      f.width = f.height = 32;
      f.mShift = 128;
      f.rScale = 1;
      writeFrameHeader(out, f);
      writeHuffmanTable(out, table);
      writeBlockHeader(out, 0);
      BitWriter bits(out);
      for (int i = 0; i < 4; ++i) {
        if (restart && i == 2) {
          bits.flush();
          writeMarker(out, kRST0);
        }
        bits.put(codes[size_t(symbols[i])].code, codes[size_t(symbols[i])].length);
      }
      bits.flush();
      writeMarker(out, kEOI);
      return out;
    };
    const WsqDecoded plain = decodeWsq(file(false));
    const WsqDecoded restarted = decodeWsq(file(true));
    QCOMPARE(cv::norm(plain.pixels, restarted.pixels, cv::NORM_INF), 0.0);
    QVERIFY(cv::norm(plain.pixels, cv::Mat(32, 32, CV_8UC1, cv::Scalar(128)), cv::NORM_INF) > 0);  // not flat
  }

  void huffmanRejectsOverfullTable() {
    HuffmanTableSpec t;
    t.counts[0] = 3;  // three 1-bit codes cannot exist
    t.values = {1, 2, 3};
    QVERIFY_THROWS_EXCEPTION(InputError, HuffmanDecoder{t});
  }

  void decimalScalingRoundTrips() {
    for (double v : {0.44, 1.0, 127.5, 0.0123456, 12345.6, 65535.0})
      QVERIFY2(std::abs(roundTrip16(v) - v) <= v * 1e-4, qPrintable(QString::number(v)));
  }

  void nistcomParsesAndWrites() {
    const std::string c = makeNistcom(500, 600, 500, 0.75);
    QVERIFY(isNistcom(c));
    const auto f = parseNistcom(c);
    QCOMPARE(f.at("PIX_WIDTH"), std::string("500"));
    QCOMPARE(f.at("NIST_COM"), std::string("9"));
    QCOMPARE(ppiFromComments({"hello", c}), 500.0);
    QCOMPARE(ppiFromComments({makeNistcom(1, 1, 0, 0.75)}), 0.0);  // "PPI -1": not stated
  }
};

QTEST_GUILESS_MAIN(TestWsqUnits)
#include "test_wsq_units.moc"
