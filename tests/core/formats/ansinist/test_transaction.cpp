// ANSI/NIST-ITL traditional encoding: structure of real NIST/NBIS
// transactions, byte-identical read-write-read, errors that name the record,
// field and offset, and hostile variants (truncations, byte flips).
#include <QtTest>

#include <random>

#include "ansinist_fixtures.h"
#include "core/formats/ansinist/transaction.h"
#include "core/util/errors.h"

using namespace ridgeline;
using namespace ridgeline::ansinist;

namespace {

std::string errorOf(const std::vector<std::uint8_t>& bytes) {
  try {
    readTransaction(bytes);
  } catch (const InputError& e) {
    return e.what();
  }
  return {};
}

std::vector<std::uint8_t> bytesOf(const std::string& s) { return {s.begin(), s.end()}; }

// A tagged record "T.001:LEN<GS>rest<FS>" with LEN filled in.
std::string taggedRecord(int type, const std::string& rest) {
  const std::string prefix = std::to_string(type) + ".001:";
  for (size_t digits = 1;; ++digits) {
    const size_t total = prefix.size() + digits + 1 + rest.size() + 1;
    if (std::to_string(total).size() == digits) return prefix + std::to_string(total) + kGS + rest + kFS;
  }
}

}  // namespace

class TestTransaction : public QObject {
  Q_OBJECT
 private slots:
  void readsStructureOfType9AndType14() {
    const Transaction t = readTransaction(readAnsiNistFixture("type-9-14-std.an2"));
    QCOMPARE(t.records.size(), size_t(4));
    QCOMPARE(t.records[0].type, 1);
    QCOMPARE(t.records[1].type, 2);
    QCOMPARE(t.records[2].type, 9);
    QCOMPARE(t.records[3].type, 14);
    QCOMPARE(t.records[0].find(2)->value(), std::string("0400"));
    const Field* cnt = t.records[0].find(3);
    QCOMPARE(cnt->subfields.size(), size_t(4));
    QCOMPARE(*cnt->item(3, 0), std::string("14"));
    const Field* mrc = t.records[2].find(12);  // 9.012 legacy minutiae: one subfield per minutia
    QCOMPARE(mrc->subfields.size(), size_t(48));
    QCOMPARE(*mrc->item(0, 1), std::string("21952030101"));
    const Field* dat = t.records[3].find(999);
    QVERIFY(dat->binary);
    QCOMPARE(dat->value().size(), size_t(800 * 768));  // uncompressed 8-bit image
    QVERIFY(t.warnings.empty());
  }

  void readsBinaryRecords() {
    const Transaction t = readTransaction(readAnsiNistFixture("type-4-slaps.an2"));
    QCOMPARE(t.records.size(), size_t(6));
    for (size_t i = 2; i < 6; ++i) {
      QCOMPARE(t.records[i].type, 4);
      QCOMPARE(t.records[i].encoding, RecordEncoding::Binary);
      QCOMPARE(t.records[i].idc(), int(i - 1));
    }
  }

  void keepsNonCanonicalTags() {
    const auto bytes = readAnsiNistFixture("valid1.15.an2");  // "1.01:" style tags
    const Transaction t = readTransaction(bytes);
    QCOMPARE(t.records[0].fields[0].tag(), std::string("1.01"));
    QCOMPARE(t.records[0].fields[0].number, 1);
    QVERIFY(writeTransaction(t) == bytes);
  }

  void roundTripsEveryFixtureByteForByte() {
    for (const auto& name : ansiNistFixtureNames()) {
      const auto bytes = readAnsiNistFixture(name);
      QVERIFY2(!bytes.empty(), name.c_str());
      const Transaction t = readTransaction(bytes);
      const auto written = writeTransaction(t);
      QVERIFY2(written == bytes, name.c_str());
      QVERIFY2(readTransaction(written).records == t.records, name.c_str());
    }
  }

  // Found by fuzz_ansinist: a LEN written with leading zeros ("1.001:00127")
  // is right and must be kept as written.
  void keepsLengthWrittenWithLeadingZeros() {
    auto bytes = readAnsiNistFixture("sign_vec.an2");
    const std::string original(bytes.begin(), bytes.end());
    QVERIFY(original.rfind("1.001:127", 0) == 0);
    std::string padded = "1.001:00127" + original.substr(9);  // two more digits here ...
    padded.erase(padded.find("sig11"), 2);                      // ... two fewer in "sig11": still 127
    const std::vector<std::uint8_t> in(padded.begin(), padded.end());
    QVERIFY(std::string(in.begin(), in.end()).find(kFS) == 126);
    const Transaction t = readTransaction(in);
    QCOMPARE(t.records[0].find(1)->value(), std::string("00127"));
    QVERIFY(writeTransaction(t) == in);
  }

  void recomputesLengthsOfEditedRecords() {
    Transaction t = readTransaction(readAnsiNistFixture("type-9-14-std.an2"));
    t.records[1].set(3, "a longer domain-defined text than before");
    const auto written = writeTransaction(t);
    const Transaction back = readTransaction(written);
    QCOMPARE(back.records[1].find(3)->value(), std::string("a longer domain-defined text than before"));
    QCOMPARE(std::stoul(back.records[1].find(1)->value()),
             static_cast<unsigned long>(back.records[2].sourceOffset - back.records[1].sourceOffset));
  }

  void refusesSeparatorsInsideItems() {
    Transaction t = readTransaction(readAnsiNistFixture("type-9-14-std.an2"));
    t.records[1].set(3, std::string("bad") + kGS + "value");
    QVERIFY_THROWS_EXCEPTION(UsageError, writeTransaction(t));
  }

  void namesRecordFieldAndOffsetInErrors() {
    auto bytes = readAnsiNistFixture("type-9-14-std.an2");
    // LEN of the Type-2 record (offset 186) changed from 57 to 58.
    QCOMPARE(bytes[186 + 6], std::uint8_t('5'));
    bytes[186 + 7] = '8';
    const std::string e = errorOf(bytes);
    QVERIFY2(e.find("record 2") != std::string::npos && e.find("2.001 LEN") != std::string::npos &&
                 e.find("byte offset") != std::string::npos,
             e.c_str());

    const std::string notAn2 = errorOf(bytesOf("hello"));
    QVERIFY2(notAn2.find("1.001") != std::string::npos, notAn2.c_str());

    auto cut = readAnsiNistFixture("type-9-14-std.an2");
    cut.resize(cut.size() - 1000);
    const std::string trunc = errorOf(cut);
    QVERIFY2(trunc.find("record 4") != std::string::npos && trunc.find("14.001 LEN") != std::string::npos,
             trunc.c_str());
  }

  void reportsCountMismatchAsWarning() {
    const std::string type1 =
        taggedRecord(1, std::string("1.002:0502") + kGS + "1.003:1" + kUS + "2" + kRS + "2" + kUS + "00");
    const std::string type2 = taggedRecord(2, std::string("2.002:00") + kGS + "2.003:x");
    const Transaction t = readTransaction(bytesOf(type1 + type2));
    QCOMPARE(t.warnings.size(), size_t(1));
    QVERIFY2(t.warnings[0].find("1.003 CNT") != std::string::npos, t.warnings[0].c_str());
    // A record not listed in CNT is an error naming 1.003.
    const std::string e = errorOf(bytesOf(type1 + type2 + type2));
    QVERIFY2(e.find("1.003 CNT") != std::string::npos, e.c_str());
  }

  void checksUtf8UnderDcs() {
    // type-14-amp-nqm-utf8 declares DCS 003 UTF-8 and holds valid UTF-8.
    const Transaction t = readTransaction(readAnsiNistFixture("type-14-amp-nqm-utf8.an2"));
    QCOMPARE(t.records[0].find(15)->value(), std::string("003"));
    QVERIFY(t.warnings.empty());
  }

  void rebuildsContentsField() {
    Transaction t = readTransaction(readAnsiNistFixture("type-9-14-std.an2"));
    const Field before = *t.records[0].find(3);
    rebuildContentsField(t);
    QVERIFY(*t.records[0].find(3) == before);
  }

  // Every truncation point of small fixtures and a strided set of large
  // ones, then seeded byte flips: a clean InputError or a transaction that
  // writes back identically; never a crash or hang.
  void survivesTruncationsAndByteFlips() {
    std::mt19937 rng(2011);
    int rejected = 0, accepted = 0;
    for (const auto& name : ansiNistFixtureNames()) {
      const auto bytes = readAnsiNistFixture(name);
      const size_t stride = bytes.size() < 30000 ? 1 : bytes.size() / 500;
      for (size_t n = 0; n < bytes.size(); n += stride) {
        std::vector<std::uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<long>(n));
        QVERIFY_THROWS_EXCEPTION(InputError, readTransaction(cut));
        ++rejected;
      }
      const size_t headerSpan = std::min<size_t>(bytes.size(), 4000);
      for (int round = 0; round < 300; ++round) {
        auto mutated = bytes;
        for (int k = 0, flips = 1 + static_cast<int>(rng() % 3); k < flips; ++k) {
          // Mostly the text part, where the structure lives; sometimes anywhere.
          const size_t at = (rng() % 4 == 0) ? rng() % mutated.size() : rng() % headerSpan;
          mutated[at] = (rng() % 2) ? static_cast<std::uint8_t>(rng()) : static_cast<std::uint8_t>(0x1C + rng() % 4);
        }
        try {
          const Transaction t = readTransaction(mutated);
          QVERIFY2(writeTransaction(t) == mutated, name.c_str());
          ++accepted;
        } catch (const InputError&) {
          ++rejected;
        }
      }
    }
    qInfo("hostile ANSI/NIST inputs: %d rejected cleanly, %d accepted and round-tripped", rejected, accepted);
  }
};

QTEST_GUILESS_MAIN(TestTransaction)
#include "test_transaction.moc"
