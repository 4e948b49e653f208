// ISO/IEC 19794-2:2005: real templates (SecuGen via OpenAFIS, FingerJetFX)
// read, map to FeatureSet and round-trip byte for byte; hostile variants fail
// with InputError and never crash.
#include <QtTest>

#include <cmath>
#include <fstream>
#include <iterator>
#include <numbers>
#include <random>

#include "core/formats/iso/iso19794_2.h"
#include "core/util/errors.h"

using namespace ridgeline;
using namespace ridgeline::iso19794_2;

namespace {

std::vector<std::uint8_t> readFixture(const char* name) {
  std::ifstream in(std::string(RIDGELINE_TEST_DATA) + "/formats/iso/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

const char* const kFixtures[] = {"fvc2002_db1_101_1.iso", "fvc2004_db2_105_3.iso", "fingerjet_a001_03p.ist"};

}  // namespace

class TestIso19794_2 : public QObject {
  Q_OBJECT
 private slots:
  void readsHeaderAndFirstMinutia() {
    const auto bytes = readFixture("fvc2002_db1_101_1.iso");
    QVERIFY(looksLikeIso19794_2(bytes));
    const IsoTemplate t = readIso19794_2(bytes);
    QCOMPARE(t.width, 300);
    QCOMPARE(t.height, 400);
    QCOMPARE(t.xResolution, 197);
    QCOMPARE(t.views.size(), size_t(1));
    QCOMPARE(t.views[0].minutiae.size(), size_t(25));
    const IsoMinutia& m = t.views[0].minutiae[0];  // bytes 80a5 0030 6b 00
    QCOMPARE(m.type, kTypeBifurcation);
    QCOMPARE(m.x, 165);
    QCOMPARE(m.y, 48);
    QCOMPARE(m.angle, 107);
  }

  void mapsToFeatureSet() {
    const IsoTemplate t = readIso19794_2(readFixture("fvc2002_db1_101_1.iso"));
    const FeatureSet fs = toFeatureSet(t);
    QCOMPARE(fs.ppi, 500.0);
    QCOMPARE(fs.minutiae.size(), size_t(25));
    QCOMPARE(fs.minutiae[0].type, MinutiaType::Bifurcation);
    QCOMPARE(fs.minutiae[0].x, 165.0);
    QVERIFY(std::abs(fs.minutiae[0].direction - 107 * 1.40625 * std::numbers::pi / 180) < 1e-9);
    QCOMPARE(fs.minutiae[0].quality, -1);  // 0 = not reported
    QVERIFY_THROWS_EXCEPTION(InputError, toFeatureSet(t, 1));
  }

  void roundTripsEveryFixtureByteForByte() {
    for (const char* name : kFixtures) {
      const auto bytes = readFixture(name);
      QVERIFY2(!bytes.empty(), name);
      QVERIFY2(writeIso19794_2(readIso19794_2(bytes)) == bytes, name);
    }
  }

  void writesFromFeatureSetAndReadsBack() {
    FeatureSet fs;
    fs.ppi = 500;
    fs.quality = 60;
    fs.minutiae.push_back({10, 20, std::numbers::pi / 2, MinutiaType::Ending, 0, 0, 80});
    fs.minutiae.push_back({300, 7, 2 * std::numbers::pi - 0.001, MinutiaType::Bifurcation, 0, 0, -1});
    fs.minutiae.push_back({5, 5, 1.0, MinutiaType::Unknown, 0, 0, 100});
    fs.cores.push_back({120, 130, 1.0, 0});
    fs.deltas.push_back({50, 300, {0.5, 2.5, 4.5}, 0});
    const auto bytes = writeIso19794_2(fromFeatureSet(fs, 400, 500, 2));
    const IsoTemplate t = readIso19794_2(bytes);
    QCOMPARE(t.views[0].fingerPosition, 2);
    QCOMPARE(t.views[0].minutiae[0].angle, 64);
    QCOMPARE(t.views[0].minutiae[1].angle, 0);  // 359.94 degrees rounds to 0, not 256
    const FeatureSet back = toFeatureSet(t);
    QCOMPARE(back.ppi, 500.0);
    QCOMPARE(back.quality, 60);
    QCOMPARE(back.minutiae.size(), size_t(3));
    QCOMPARE(back.minutiae[0].type, MinutiaType::Ending);
    QCOMPARE(back.minutiae[0].quality, 80);
    QCOMPARE(back.minutiae[1].quality, -1);
    QCOMPARE(back.minutiae[2].type, MinutiaType::Unknown);
    QVERIFY(std::abs(back.minutiae[0].direction - std::numbers::pi / 2) < 1e-9);
    QCOMPARE(back.cores.size(), size_t(1));
    QCOMPARE(back.cores[0].x, 120.0);
    QVERIFY(std::abs(*back.cores[0].direction - 1.0) < 0.013);
    QCOMPARE(back.deltas.size(), size_t(1));
    QCOMPARE(back.deltas[0].directions.size(), size_t(3));
    QVERIFY(std::abs(back.deltas[0].directions[2] - 4.5) < 0.013);
  }

  void refusesValuesThatDoNotFit() {
    FeatureSet fs;
    fs.minutiae.push_back({-1, 5, 0, MinutiaType::Ending, 0, 0, -1});
    QVERIFY_THROWS_EXCEPTION(UsageError, fromFeatureSet(fs, 100, 100));
    fs.minutiae[0].x = 20000;
    QVERIFY_THROWS_EXCEPTION(UsageError, fromFeatureSet(fs, 100, 100));
  }

  void rejectsWrongMagicVersionAndLength() {
    auto bytes = readFixture("fvc2002_db1_101_1.iso");
    auto bad = bytes;
    bad[0] = 'X';
    QVERIFY_THROWS_EXCEPTION(InputError, readIso19794_2(bad));
    bad = bytes;
    bad[5] = '3';  // " 30": 2011 version
    QVERIFY_THROWS_EXCEPTION(InputError, readIso19794_2(bad));
    bad = bytes;
    bad.push_back(0);  // trailing byte: length field no longer matches
    try {
      readIso19794_2(bad);
      QFAIL("accepted a record whose length field is wrong");
    } catch (const InputError& e) {
      QVERIFY2(QString(e.what()).contains("record length"), e.what());
    }
  }

  // Every truncation and many random byte flips of real templates: either a
  // clean InputError or a valid record that writes back identically.
  void survivesTruncationsAndByteFlips() {
    std::mt19937 rng(19794);
    int rejected = 0, accepted = 0;
    for (const char* name : kFixtures) {
      const auto bytes = readFixture(name);
      for (size_t n = 0; n < bytes.size(); ++n) {
        std::vector<std::uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<long>(n));
        QVERIFY_THROWS_EXCEPTION(InputError, readIso19794_2(cut));
        ++rejected;
      }
      for (int round = 0; round < 2000; ++round) {
        auto mutated = bytes;
        for (int k = 0, flips = 1 + static_cast<int>(rng() % 4); k < flips; ++k)
          mutated[rng() % mutated.size()] = static_cast<std::uint8_t>(rng());
        try {
          const IsoTemplate t = readIso19794_2(mutated);
          QVERIFY(writeIso19794_2(t) == mutated);
          for (size_t v = 0; v < t.views.size(); ++v) (void)toFeatureSet(t, v);
          ++accepted;
        } catch (const InputError&) {
          ++rejected;
        }
      }
    }
    qInfo("hostile ISO inputs: %d rejected cleanly, %d accepted and round-tripped", rejected, accepted);
  }
};

QTEST_GUILESS_MAIN(TestIso19794_2)
#include "test_iso19794_2.moc"
