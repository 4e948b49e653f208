// Bad input: damaged or foreign database files, missing and altered images.
// Each gives an InputError naming the problem, writes nothing, and leaves the
// caller free to carry on.
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include "app/cli_runner.h"
#include "core/util/errors.h"
#include "store_fixtures.h"

using namespace ridgeline;
using namespace fixtures;
using store::CaseStore;

namespace {

void writeBytes(const std::string& path, const std::string& bytes, std::streamoff at = 0, bool truncate = false) {
  std::fstream f(path, std::ios::binary | std::ios::in | std::ios::out | (truncate ? std::ios::trunc : std::ios::openmode{}));
  if (!f) f.open(path, std::ios::binary | std::ios::out);
  f.seekp(at);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string expectInputError(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("WRONG EXCEPTION TYPE: ") + e.what();
  }
  return "NO EXCEPTION";
}

}  // namespace

class TestStoreBadInput : public QObject {
  Q_OBJECT
 private slots:
  void foreignFileIsNotADatabase() {
    QTemporaryDir dir;
    const std::string dbPath = (dir.path() + "/ridgeline.db").toStdString();
    writeBytes(dbPath, std::string(8192, 'Z'));
    const std::string before = sha256FileHex(dbPath);
    const std::string message = expectInputError([&] { CaseStore store(dir.path().toStdString()); });
    QVERIFY2(message.find("not a Ridgeline profile database or is damaged") != std::string::npos, message.c_str());
    QVERIFY2(message.find(dbPath) != std::string::npos, message.c_str());
    QCOMPARE(sha256FileHex(dbPath), before);
    // The CLI says the same and exits 1, not with a signal.
    const auto cli = runCli({"--profile", dir.path(), "audit", "verify"});
    QCOMPARE(cli.exitCode, 1);
    QVERIFY2(cli.err.contains("not a Ridgeline profile database"), qPrintable(cli.err));
    QCOMPARE(sha256FileHex(dbPath), before);
    // The caller keeps running: another profile opens fine.
    QTemporaryDir other;
    CaseStore store(other.path().toStdString());
    QVERIFY(store.addCase(makeCase("H-1"), kSync) > 0);
  }

  void damagedPagesAreReported() {
    QTemporaryDir dir;
    const std::string dbPath = (dir.path() + "/ridgeline.db").toStdString();
    {
      CaseStore store(dir.path().toStdString());
      const auto caseId = store.addCase(makeCase("H-1"), kSync);
      for (int i = 0; i < 400; ++i) store.recordEvent(caseId, AuditAction::Export, R"({"n":)" + std::to_string(i) + "}", kExaminer);
    }
    QVERIFY(std::filesystem::file_size(dbPath) > 8 * 4096);
    writeBytes(dbPath, std::string(3000, '\x5a'), 4096 * 5);  // scribble over a b-tree page header
    const std::string before = sha256FileHex(dbPath);
    const std::string message = expectInputError([&] { CaseStore store(dir.path().toStdString()); });
    QVERIFY2(message.find("damaged") != std::string::npos || message.find("malformed") != std::string::npos, message.c_str());
    QCOMPARE(sha256FileHex(dbPath), before);
  }

  void profilePathThatIsAFile() {
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/afile").toStdString();
    writeBytes(path, "x");
    const std::string message = expectInputError([&] { CaseStore store(path); });
    QVERIFY2(message.find("is not a folder") != std::string::npos, message.c_str());
  }

  void missingImageIsNamed() {
    QTemporaryDir dir;
    CaseStore store(dir.path().toStdString());
    const auto caseId = store.addCase(makeCase("H-1"), kSync);
    const auto id = store.addImpression(caseId, probeImpression(), makeImage("P"), kSync);
    const std::string sha = store.getImpression(id).imageSha256;
    std::filesystem::remove(store.profileDir() / "images" / sha.substr(0, 2) / sha);
    const auto eventsBefore = store.auditLog().size();
    const std::string message = expectInputError([&] { store.viewImage(id, kExaminer); });
    QVERIFY2(message.find("missing") != std::string::npos && message.find(sha) != std::string::npos, message.c_str());
    QCOMPARE(store.auditLog().size(), eventsBefore);  // a view that failed is not recorded as a view
    QCOMPARE(store.checkImages().size(), size_t(1));
    const auto cli = runCli({"--profile", QString::fromStdString(store.profileDir().string()), "audit", "verify", "--images"});
    QCOMPARE(cli.exitCode, 1);
    QVERIFY2(cli.err.contains(QString::fromStdString(sha)) && cli.err.contains("missing"), qPrintable(cli.err));
    // The store stays usable.
    QVERIFY(store.addCase(makeCase("H-2"), kSync) > 0);
  }

  void alteredImageIsNamed() {
    QTemporaryDir dir;
    CaseStore store(dir.path().toStdString());
    const auto caseId = store.addCase(makeCase("H-1"), kSync);
    const auto id = store.addImpression(caseId, probeImpression(), makeImage("P"), kSync);
    const std::string sha = store.getImpression(id).imageSha256;
    const auto path = (store.profileDir() / "images" / sha.substr(0, 2) / sha).string();
    writeBytes(path, "\x01", 500);
    const auto eventsBefore = store.auditLog().size();
    const std::string message = expectInputError([&] { store.viewImage(id, kExaminer); });
    QVERIFY2(message.find("altered or damaged") != std::string::npos && message.find(path) != std::string::npos,
             message.c_str());
    QCOMPARE(store.auditLog().size(), eventsBefore);
    const auto problems = store.checkImages();
    QCOMPARE(problems.size(), size_t(1));
    // Re-importing the true bytes repairs the file in place.
    store.addImpression(caseId, candidateImpression(1, "S"), makeImage("P"), kSync);
    QVERIFY(store.checkImages().empty());
  }

  void malformedRequestsWriteNothing() {
    QTemporaryDir dir;
    CaseStore store(dir.path().toStdString());
    const auto caseId = store.addCase(makeCase("H-1"), kSync);
    const auto events = store.auditLog().size();
    Impression badPpi = probeImpression();
    badPpi.ppi = -3;
    QVERIFY_THROWS_EXCEPTION(InputError, store.addImpression(caseId, badPpi, makeImage("P"), kSync));
    QVERIFY_THROWS_EXCEPTION(InputError, store.addImpression(caseId, probeImpression(), {}, kSync));
    QVERIFY_THROWS_EXCEPTION(InputError, store.addImpression(77, probeImpression(), makeImage("P"), kSync));
    FeatureSet f = makeFeatures(2);
    f.minutiae[0].x = std::numeric_limits<double>::quiet_NaN();
    QVERIFY_THROWS_EXCEPTION(InputError, store.saveFeatures(1, f, kExaminer));
    f = makeFeatures(2);
    f.quality = 250;  // would not read back: refused on save
    QVERIFY_THROWS_EXCEPTION(InputError, store.saveFeatures(1, f, kExaminer));
    QCOMPARE(store.auditLog().size(), events);
    QVERIFY(store.impressions(caseId).empty());
  }
};

QTEST_GUILESS_MAIN(TestStoreBadInput)
#include "test_store_bad_input.moc"
