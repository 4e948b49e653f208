// Schema migrations: a profile written at every earlier schema version opens
// in this build with its data and audit chain intact; a newer one is refused
// without a byte written.
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include "app/cli_runner.h"
#include "core/store/audit_trail.h"
#include "core/store/schema_migrations.h"
#include "core/util/errors.h"
#include "store_fixtures.h"

using namespace ridgeline;
using namespace fixtures;
using namespace ridgeline::store;

namespace {

std::string fileSha(const std::string& path) { return sha256FileHex(path); }

// Writes what a build at `version` could have written.
void populateAt(Database& db, int version) {
  if (version < 1) return;
  WriteTransaction tx(db);
  db.exec("INSERT INTO case_record (hub_id, modality, priority, hub_threshold, best_hub_score, status, received_at)"
          " VALUES ('OLD-1', 'fingerprint', 2, 40, 30, 'comparison', '2026-01-01T00:00:00.000Z')");
  db.exec("INSERT INTO impression (case_id, role, rank, image_sha256, width, height, ppi, source_format)"
          " VALUES (1, 'probe', 0, '" + std::string(64, 'a') + "', 10, 10, 500, 'PNG')");
  AuditTrail trail(db);
  trail.append(kSync, 1, AuditAction::CasePulled, R"({"hubId":"OLD-1"})");
  if (version >= 2) {
    db.exec("INSERT INTO feature_set (impression_id, author, version, document, document_sha256, saved_by, saved_at,"
            " locked_by, locked_at) VALUES (1, 'examiner', 1, 'doc', 'h', 'alice', 't', 'alice', 't')");
    trail.append(kExaminer, 1, AuditAction::AnalysisLocked, R"({"version":1})");
  }
  if (version >= 3) {
    db.exec("INSERT INTO conclusion (case_id, decision, rationale, examiner, role, time)"
            " VALUES (1, 'exclusion', 'why', 'alice', 'examination', 't')");
    db.exec("INSERT INTO outbox (idempotency_key, case_id, conclusion_id, kind, payload, created_at)"
            " VALUES ('k-1', 1, 1, 'decision', '{}', 't')");
    trail.append(kExaminer, 1, AuditAction::Conclusion, R"({"decision":"exclusion"})");
  }
  tx.commit();
}

}  // namespace

class TestStoreMigrations : public QObject {
  Q_OBJECT
 private slots:
  void stepsAreNumberedConsecutively() {
    int expected = 1;
    for (const Migration& m : schemaMigrations()) {
      QCOMPARE(m.version, expected++);
      QVERIFY(!m.sql.empty());
    }
    QCOMPARE(latestSchemaVersion(), expected - 1);
  }

  void everyEarlierVersionMigratesToTheNewest_data() {
    QTest::addColumn<int>("from");
    for (int v = 0; v < latestSchemaVersion(); ++v) QTest::newRow(("v" + std::to_string(v)).c_str()) << v;
  }
  void everyEarlierVersionMigratesToTheNewest() {
    QFETCH(int, from);
    QTemporaryDir dir;
    const std::string dbPath = (dir.path() + "/ridgeline.db").toStdString();
    {
      Database db(dbPath, true);
      db.exec("PRAGMA journal_mode = WAL");
      migrate(db, from);
      QCOMPARE(schemaVersion(db), from);
      populateAt(db, from);
    }
    CaseStore store(dir.path().toStdString());
    QCOMPARE(schemaVersion(store.database()), latestSchemaVersion());
    NoProgress progress;
    QVERIFY(store.verifyAudit(progress).intact);
    if (from >= 1) {
      QCOMPARE(store.getCase(1).hubId, std::string("OLD-1"));
      QCOMPARE(store.impressions(1).size(), size_t(1));
    }
    if (from >= 3) QCOMPARE(store.outbox(OutboxState::Pending).size(), size_t(1));
    // The migrated profile takes new work, audited on the same chain.
    const auto s = stageForComparison(store, "NEW-1");
    store.recordConclusion(s.caseId, makeConclusion(s.candidateId, "exclusion"), kExaminer);
    QVERIFY(store.verifyAudit(progress).intact);
    QCOMPARE(store.verifyAudit(progress).checked, static_cast<std::int64_t>(store.auditLog().size()));
  }

  void newerSchemaIsRefusedUntouched() {
    QTemporaryDir dir;
    const std::string dbPath = (dir.path() + "/ridgeline.db").toStdString();
    { CaseStore store(dir.path().toStdString()); store.addCase(makeCase("H-1"), kSync); }
    {
      Database db(dbPath, false);
      db.exec("PRAGMA user_version = " + std::to_string(latestSchemaVersion() + 1));
    }
    const std::string before = fileSha(dbPath);
    try {
      CaseStore store(dir.path().toStdString());
      QFAIL("a newer schema must be refused");
    } catch (const InputError& e) {
      const std::string message = e.what();
      QVERIFY2(message.find("newer") != std::string::npos, e.what());
      QVERIFY2(message.find(std::to_string(latestSchemaVersion() + 1)) != std::string::npos, e.what());
    }
    QCOMPARE(fileSha(dbPath), before);
    const auto cli = runCli({"--profile", dir.path(), "audit", "log"});
    QCOMPARE(cli.exitCode, 1);
    QVERIFY2(cli.err.contains("newer than this Ridgeline"), qPrintable(cli.err));
    QCOMPARE(fileSha(dbPath), before);
    Database db(dbPath, false);
    QVERIFY_THROWS_EXCEPTION(InputError, migrate(db, latestSchemaVersion()));
  }
};

QTEST_GUILESS_MAIN(TestStoreMigrations)
#include "test_store_migrations.moc"
