// Hostile input: truncated and corrupted versions of a real WSQ file must
// give an InputError or a valid image -- never a crash, a hang, or another
// kind of exception.
#include <QtTest>

#include <random>

#include "core/formats/image/image_codec.h"
#include "core/formats/wsq/wsq.h"
#include "core/util/errors.h"
#include "wsq_fixtures.h"

using namespace ridgeline;

namespace {
enum class Outcome { Image, InputErr };

// Any exception other than InputError fails the test with its message.
Outcome decodeOutcome(const std::vector<std::uint8_t>& bytes, std::string& message) {
  try {
    const GrayImage g = decodeImage(bytes, ImageFormat::Wsq);
    if (g.pixels.empty() || g.pixels.type() != CV_8UC1) throw std::runtime_error("empty image returned");
    return Outcome::Image;
  } catch (const InputError& e) {
    message = e.what();
    return Outcome::InputErr;
  }
}
}  // namespace

class TestWsqHostile : public QObject {
  Q_OBJECT
 private slots:
  void everyTruncationIsAnErrorOrImage() {
    const auto whole = readBytes(wsqFixture("nistcom-500ppi.wsq"));
    QVERIFY(whole.size() > 1000);
    int errors = 0;
    for (size_t n = 0; n < whole.size(); ++n) {
      std::vector<std::uint8_t> cut(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(n));
      std::string msg;
      if (decodeOutcome(cut, msg) == Outcome::InputErr) {
        ++errors;
        QVERIFY2(msg.find("WSQ") != std::string::npos, msg.c_str());
      }
    }
    // Only cutting the final EOI may still decode (with a warning).
    QVERIFY(errors >= static_cast<int>(whole.size()) - 2);
  }

  void truncationMessagesNameTheOffset() {
    const auto whole = readBytes(wsqFixture("cmp00010.wsq"));
    std::vector<std::uint8_t> cut(whole.begin(), whole.begin() + 1000);
    std::string msg;
    QVERIFY(decodeOutcome(cut, msg) == Outcome::InputErr);
    QVERIFY2(msg.find("offset") != std::string::npos, msg.c_str());
  }

  void randomByteFlipsNeverCrash() {
    const auto whole = readBytes(wsqFixture("nistcom-500ppi.wsq"));
    std::mt19937 rng(20261122);  // fixed seed: reproducible
    int images = 0, errors = 0;
    for (int trial = 0; trial < 1500; ++trial) {
      auto bytes = whole;
      const int flips = 1 + static_cast<int>(rng() % 4);
      for (int f = 0; f < flips; ++f) {
        // Bias half of the flips into the headers, where parsing decisions are made.
        const size_t at = (trial % 2) ? rng() % 900 : rng() % bytes.size();
        bytes[at] = static_cast<std::uint8_t>(rng());
      }
      std::string msg;
      (decodeOutcome(bytes, msg) == Outcome::Image ? images : errors)++;
    }
    qInfo("byte flips: %d decoded, %d rejected", images, errors);
    QCOMPARE(images + errors, 1500);
  }

  void forgedHugeFrameIsRefusedBeforeDecoding() {
    auto bytes = readBytes(wsqFixture("cmp00010.wsq"));
    // Find SOF (FF A2) and set height and width to 65535.
    for (size_t i = 0; i + 9 < bytes.size(); ++i)
      if (bytes[i] == 0xFF && bytes[i + 1] == 0xA2) {
        bytes[i + 6] = bytes[i + 7] = bytes[i + 8] = bytes[i + 9] = 0xFF;
        break;
      }
    std::string msg;
    QVERIFY(decodeOutcome(bytes, msg) == Outcome::InputErr);
    QVERIFY2(msg.find("limit") != std::string::npos, msg.c_str());
  }

  void filterTapsThatDoNotReconstructAreRejected() {
    // Found by fuzzing: absurd DTT taps overflowed to NaN pixels. Now refused up front.
    auto bytes = readBytes(wsqFixture("cmp00010.wsq"));
    QCOMPARE(int(bytes[2]), 0xFF);
    QCOMPARE(int(bytes[3]), 0xA4);  // DTT right after SOI; first tap at offset 8
    bytes[9] = 0;                   // scale 0
    bytes[10] = bytes[11] = bytes[12] = bytes[13] = 0xFF;
    std::string msg;
    QVERIFY(decodeOutcome(bytes, msg) == Outcome::InputErr);
    QVERIFY2(msg.find("perfect-reconstruction") != std::string::npos, msg.c_str());
  }

  void garbageAfterSoiIsRejected() {
    std::vector<std::uint8_t> bytes = {0xFF, 0xA0, 0xFF, 0xA8, 0x00, 0x01};
    std::string msg;
    QVERIFY(decodeOutcome(bytes, msg) == Outcome::InputErr);
    QVERIFY2(msg.find("COM") != std::string::npos, msg.c_str());
  }
};

QTEST_GUILESS_MAIN(TestWsqHostile)
#include "test_wsq_hostile.moc"
