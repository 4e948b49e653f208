// The audit trail: documented canonical encoding, append-only triggers, and
// that verification names the first event an attacker touched.
#include <sqlite3.h>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include "app/cli_runner.h"
#include "core/store/audit_chain.h"
#include "core/util/errors.h"
#include "store_fixtures.h"

using namespace ridgeline;
using namespace fixtures;
using store::CaseStore;

namespace {

// Tampering as an attacker with the sqlite3 shell would: triggers dropped first.
void tamper(const std::string& dbPath, const std::string& sql) {
  sqlite3* db = nullptr;
  QCOMPARE(sqlite3_open(dbPath.c_str(), &db), SQLITE_OK);
  const std::string all = "DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete; " + sql;
  char* error = nullptr;
  const int rc = sqlite3_exec(db, all.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  QVERIFY2(rc == SQLITE_OK, message.c_str());
}

std::string fillTrail(const QString& dir, int events) {
  CaseStore store(dir.toStdString());
  const auto caseId = store.addCase(makeCase("H-7"), kSync);
  for (int i = 1; i < events; ++i)
    store.recordEvent(caseId, AuditAction::Export, R"({"bundle":"b)" + std::to_string(i) + R"(.zip"})", kExaminer);
  return store.databasePath().string();
}

}  // namespace

class TestStoreAudit : public QObject {
  Q_OBJECT
 private slots:
  void canonicalEncodingIsAsDocumented() {
    AuditEvent e;
    e.seq = 1;
    e.prevHash = std::string(store::kGenesisHash);
    e.time = "2026-11-22T02:36:16.123Z";
    e.actor = "alice";
    e.role = "examiner";
    e.caseId = 42;
    e.action = "case.opened";
    e.details = R"({"a":1})";
    const std::string expected =
        "ridgeline-audit-v1\n64:" + std::string(store::kGenesisHash) +
        ",1:1,24:2026-11-22T02:36:16.123Z,5:alice,8:examiner,2:42,11:case.opened,7:{\"a\":1},";
    store::AuditHasher hasher;
    QCOMPARE(hasher.encode(e), expected);
    QCOMPARE(hasher.hash(e), sha256Hex(std::string_view(expected)));
    e.caseId.reset();  // profile-wide events encode the case as empty
    QVERIFY(hasher.encode(e).find(",0:,11:case.opened") != std::string::npos);
  }

  void chainVerifiesAndLinks() {
    QTemporaryDir dir;
    fillTrail(dir.path(), 50);
    CaseStore store(dir.path().toStdString());
    NoProgress progress;
    const auto result = store.verifyAudit(progress);
    QVERIFY(result.intact);
    QCOMPARE(result.checked, std::int64_t(50));
    const auto events = store.auditLog();
    QCOMPARE(events.front().prevHash, std::string(store::kGenesisHash));
    for (size_t i = 1; i < events.size(); ++i) QCOMPARE(events[i].prevHash, events[i - 1].hash);
    QCOMPARE(result.headHash, events.back().hash);
  }

  void triggersRefuseUpdateAndDelete() {
    QTemporaryDir dir;
    fillTrail(dir.path(), 5);
    CaseStore store(dir.path().toStdString());
    QVERIFY_THROWS_EXCEPTION(InputError, store.database().exec("UPDATE audit_event SET actor = 'mallory' WHERE seq = 2"));
    QVERIFY_THROWS_EXCEPTION(InputError, store.database().exec("DELETE FROM audit_event WHERE seq = 5"));
    QCOMPARE(store.auditLog().size(), size_t(5));
    QCOMPARE(store.auditLog()[1].actor, std::string("alice"));
  }

  void badEventsAreRefusedWithoutWriting() {
    QTemporaryDir dir;
    fillTrail(dir.path(), 3);
    CaseStore store(dir.path().toStdString());
    QVERIFY_THROWS_EXCEPTION(InputError, store.recordEvent(std::nullopt, AuditAction::Export, "[1,2]", kExaminer));
    QVERIFY_THROWS_EXCEPTION(InputError, store.recordEvent(std::nullopt, AuditAction::Export, "{bad", kExaminer));
    QVERIFY_THROWS_EXCEPTION(InputError, store.recordEvent(999, AuditAction::Export, "{}", kExaminer));
    QVERIFY_THROWS_EXCEPTION(InputError, store.recordEvent(std::nullopt, AuditAction::Export, "{}", Actor{"", "examiner"}));
    QCOMPARE(store.auditLog().size(), size_t(3));
  }

  void alteredEventIsNamed() {
    QTemporaryDir dir;
    const auto db = fillTrail(dir.path(), 20);
    tamper(db, "UPDATE audit_event SET details = '{\"bundle\":\"forged.zip\"}' WHERE seq = 5;");
    CaseStore store(dir.path().toStdString());
    NoProgress progress;
    const auto result = store.verifyAudit(progress);
    QVERIFY(!result.intact);
    QCOMPARE(result.firstBrokenSeq, std::int64_t(5));
    QCOMPARE(result.checked, std::int64_t(4));
    QVERIFY(result.problem.find("altered") != std::string::npos);
  }

  void rehashedForgeryBreaksTheNextLink() {
    QTemporaryDir dir;
    const auto db = fillTrail(dir.path(), 20);
    std::string forgedHash;
    {
      CaseStore store(dir.path().toStdString());
      AuditEvent e = store.auditLog()[6];  // seq 7
      e.details = R"({"bundle":"forged.zip"})";
      forgedHash = store::AuditHasher().hash(e);
    }
    tamper(db, "UPDATE audit_event SET details = '{\"bundle\":\"forged.zip\"}', hash = '" + forgedHash + "' WHERE seq = 7;");
    CaseStore store(dir.path().toStdString());
    NoProgress progress;
    const auto result = store.verifyAudit(progress);
    QCOMPARE(result.firstBrokenSeq, std::int64_t(8));
    QVERIFY(result.problem.find("previous-hash") != std::string::npos);
  }

  void deletedEventIsNamed() {
    QTemporaryDir dir;
    const auto db = fillTrail(dir.path(), 20);
    tamper(db, "DELETE FROM audit_event WHERE seq = 3;");
    CaseStore store(dir.path().toStdString());
    NoProgress progress;
    const auto result = store.verifyAudit(progress);
    QCOMPARE(result.firstBrokenSeq, std::int64_t(4));
    QVERIFY(result.problem.find("event 3 is missing") != std::string::npos);
  }

  void bytesChangedInTheFileAreCaught() {
    // No SQL at all: an editor flips characters inside the database file. The
    // page structure stays valid (quick_check passes); the chain does not.
    QTemporaryDir dir;
    const auto db = fillTrail(dir.path(), 30);
    std::string content;
    {
      std::ifstream in(db, std::ios::binary);
      content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const auto at = content.find("b17.zip");
    QVERIFY(at != std::string::npos);
    {
      std::fstream out(db, std::ios::binary | std::ios::in | std::ios::out);
      out.seekp(static_cast<std::streamoff>(at));
      out.write("b71", 3);
    }
    auto broken = runCli({"--profile", dir.path(), "audit", "verify"});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains("event 18"), qPrintable(broken.err));
  }

  void cliVerifyAndLog() {
    QTemporaryDir dir;
    const auto db = fillTrail(dir.path(), 12);
    auto ok = runCli({"--profile", dir.path(), "audit", "verify"});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY2(ok.out.contains("12 events verified"), qPrintable(ok.out));

    auto log = runCli({"--profile", dir.path(), "audit", "log", "--case", "H-7"});
    QCOMPARE(log.exitCode, 0);
    QVERIFY(log.out.contains("case.pulled"));
    QVERIFY(log.out.contains("case H-7"));
    auto withImages = runCli({"--profile", dir.path(), "audit", "verify", "--images"});
    QCOMPARE(withImages.exitCode, 0);
    QVERIFY(withImages.out.contains("images intact"));
    QVERIFY(log.out.contains("b11.zip"));
    QVERIFY(log.out.contains("12 events"));
    QCOMPARE(runCli({"--profile", dir.path(), "audit", "log", "--case", "NOPE"}).exitCode, 1);
    QCOMPARE(runCli({"--profile", dir.path(), "audit", "log", "--bogus"}).exitCode, 2);
    QCOMPARE(runCli({"--profile", dir.path() + "/absent", "audit", "verify"}).exitCode, 1);
    QVERIFY(!QFile::exists(dir.path() + "/absent"));

    tamper(db, "UPDATE audit_event SET actor = 'mallory' WHERE seq = 9;");
    auto broken = runCli({"--profile", dir.path(), "audit", "verify"});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains("event 9"), qPrintable(broken.err));
    QVERIFY(!broken.crashed);
  }
};

QTEST_GUILESS_MAIN(TestStoreAudit)
#include "test_store_audit.moc"
