#include <QtTest>

#include <cstdlib>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "core/util/errors.h"
#include "core/util/hex.h"
#include "core/util/library_versions.h"
#include "core/util/memory_policy.h"
#include "core/util/progress.h"
#include "core/util/sha256.h"

using namespace ridgeline;

class TestUtil : public QObject {
  Q_OBJECT
 private slots:
  void sha256KnownVectors() {
    // FIPS 180-2 test vectors.
    QCOMPARE(sha256Hex(std::string_view("")),
             std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(sha256Hex(std::string_view("abc")),
             std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  }
  void sha256IncrementalMatchesOneShot() {
    Sha256 engine;
    engine.update(std::string_view("ab")).update(std::string_view("c"));
    QCOMPARE(toHex(engine.finish()), sha256Hex(std::string_view("abc")));
    // finish() resets: the engine is reusable.
    engine.update(std::string_view(""));
    QCOMPARE(toHex(engine.finish()), sha256Hex(std::string_view("")));
  }
  void sha256OfMissingFileNamesThePath() {
    try {
      sha256FileHex("/nonexistent/ridgeline.bin");
      QFAIL("expected InputError");
    } catch (const InputError& e) {
      QVERIFY(std::string(e.what()).find("/nonexistent/ridgeline.bin") != std::string::npos);
    }
  }
  void hexRoundTripAndRejects() {
    std::vector<std::uint8_t> bytes{0x00, 0x7f, 0xff, 0x10};
    QCOMPARE(toHex(bytes), std::string("007fff10"));
    QCOMPARE(*fromHex("007FFF10"), bytes);
    QVERIFY(!fromHex("abc"));
    QVERIFY(!fromHex("zz"));
  }
  void exitCodesFollowDesign() {
    QCOMPARE(exitCodeFor(ErrorKind::Input), 1);
    QCOMPARE(exitCodeFor(ErrorKind::Usage), 2);
    QCOMPARE(exitCodeFor(ErrorKind::Remote), 3);
  }
  void progressCancellation() {
    CancellableProgress p;
    p.checkCancelled();
    p.cancel();
    QVERIFY_THROWS_EXCEPTION(CancelledError, p.checkCancelled());
  }
  void versionsListed() {
    auto v = coreLibraryVersions();
    QCOMPARE(v.size(), size_t(4));
    for (auto& [name, version] : v) QVERIFY2(!version.empty(), name.c_str());
  }

  void freedImageBuffersStayForReuse() {
#if defined(__GLIBC__)
    keepFreedMemoryForReuse();
    // An image-sized buffer comes from the heap, not a fresh mapping of its
    // own (glibc's default maps anything over 128 KB), and stays there once
    // freed instead of going back to the system.
    constexpr size_t kSize = 8 * 1024 * 1024;
    const size_t mappedBefore = mallinfo2().hblkhd;
    auto* buffer = static_cast<volatile char*>(std::malloc(kSize));
    QVERIFY(buffer);
    buffer[kSize - 1] = 1;
    QVERIFY(mallinfo2().hblkhd < mappedBefore + kSize);
    std::free(const_cast<char*>(buffer));
    QVERIFY(mallinfo2().fordblks >= kSize);
#else
    QSKIP("the policy applies to glibc's allocator only");
#endif
  }
};

QTEST_GUILESS_MAIN(TestUtil)
#include "test_util.moc"
