#include "core/store/schema_migrations.h"

#include <string>

#include "core/store/sqlite_db.h"
#include "core/util/errors.h"

namespace ridgeline::store {
namespace {

constexpr std::string_view kCasesAndAudit = R"sql(
CREATE TABLE case_record (
  id             INTEGER PRIMARY KEY,
  hub_id         TEXT NOT NULL UNIQUE,
  modality       TEXT NOT NULL,
  priority       INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 9),
  hub_threshold  REAL NOT NULL,
  best_hub_score REAL NOT NULL,
  status         TEXT NOT NULL,
  received_at    TEXT NOT NULL,
  lease_holder   TEXT NOT NULL DEFAULT '',
  lease_expires  TEXT NOT NULL DEFAULT ''
);
CREATE TABLE impression (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES case_record(id),
  role            TEXT NOT NULL CHECK (role IN ('probe', 'candidate')),
  rank            INTEGER NOT NULL,
  subject_id      TEXT NOT NULL DEFAULT '',
  hub_score       REAL NOT NULL DEFAULT 0,
  image_sha256    TEXT NOT NULL,
  width           INTEGER NOT NULL,
  height          INTEGER NOT NULL,
  ppi             REAL NOT NULL,
  source_format   TEXT NOT NULL,
  finger_position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX impression_case ON impression(case_id);
CREATE INDEX impression_image ON impression(image_sha256);
CREATE TABLE audit_event (
  seq       INTEGER PRIMARY KEY,
  time      TEXT NOT NULL,
  actor     TEXT NOT NULL,
  role      TEXT NOT NULL,
  case_id   INTEGER,
  action    TEXT NOT NULL,
  details   TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE INDEX audit_event_case ON audit_event(case_id);
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: UPDATE refused'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: DELETE refused'); END;
)sql";

constexpr std::string_view kMarkup = R"sql(
CREATE TABLE feature_set (
  id              INTEGER PRIMARY KEY,
  impression_id   INTEGER NOT NULL REFERENCES impression(id),
  author          TEXT NOT NULL,
  version         INTEGER NOT NULL,
  document        TEXT NOT NULL,
  document_sha256 TEXT NOT NULL,
  saved_by        TEXT NOT NULL,
  saved_at        TEXT NOT NULL,
  locked_by       TEXT,
  locked_at       TEXT,
  UNIQUE (impression_id, author, version)
);
CREATE TRIGGER feature_set_locked_no_update BEFORE UPDATE ON feature_set
WHEN OLD.locked_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'feature set version is locked: save a new version instead'); END;
CREATE TABLE correspondence (
  candidate_id      INTEGER NOT NULL REFERENCES impression(id),
  label             INTEGER NOT NULL,
  probe_minutia     INTEGER NOT NULL,
  candidate_minutia INTEGER NOT NULL,
  type              TEXT NOT NULL,
  PRIMARY KEY (candidate_id, label)
);
CREATE TABLE annotation (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES case_record(id),
  impression_id INTEGER REFERENCES impression(id),
  text          TEXT NOT NULL,
  author        TEXT NOT NULL,
  time          TEXT NOT NULL
);
CREATE TABLE enhancement_step (
  id            INTEGER PRIMARY KEY,
  impression_id INTEGER NOT NULL REFERENCES impression(id),
  ordinal       INTEGER NOT NULL,
  name          TEXT NOT NULL,
  parameters    TEXT NOT NULL,
  applied_by    TEXT NOT NULL,
  time          TEXT NOT NULL,
  UNIQUE (impression_id, ordinal)
);
)sql";

constexpr std::string_view kConclusionsAndOutbox = R"sql(
CREATE TABLE conclusion (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES case_record(id),
  candidate_id INTEGER REFERENCES impression(id),
  decision     TEXT NOT NULL,
  rationale    TEXT NOT NULL,
  examiner     TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('examination', 'verification')),
  time         TEXT NOT NULL
);
CREATE INDEX conclusion_case ON conclusion(case_id);
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  case_id         INTEGER NOT NULL REFERENCES case_record(id),
  conclusion_id   INTEGER REFERENCES conclusion(id),
  kind            TEXT NOT NULL,
  payload         TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'acknowledged')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  last_attempt_at TEXT NOT NULL DEFAULT '',
  last_error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_state ON outbox(state);
)sql";

constexpr std::string_view kRetention = R"sql(
ALTER TABLE case_record ADD COLUMN delivered_decision TEXT NOT NULL DEFAULT '';
ALTER TABLE case_record ADD COLUMN delivered_at_ms INTEGER;
ALTER TABLE case_record ADD COLUMN purged_at TEXT NOT NULL DEFAULT '';
ALTER TABLE impression ADD COLUMN image_purged INTEGER NOT NULL DEFAULT 0;
CREATE TABLE pending_file_deletion (sha256 TEXT PRIMARY KEY);
CREATE TRIGGER feature_set_locked_no_delete BEFORE DELETE ON feature_set
WHEN OLD.locked_at IS NOT NULL AND
     (SELECT c.status FROM case_record c JOIN impression i ON i.case_id = c.id
      WHERE i.id = OLD.impression_id) <> 'purged'
BEGIN SELECT RAISE(ABORT, 'a locked feature set version is deleted only by the purge of its case'); END;
)sql";

}  // namespace

const std::vector<Migration>& schemaMigrations() {
  static const std::vector<Migration> steps{
      {1, "cases, impressions, append-only audit trail", kCasesAndAudit},
      {2, "feature set versions, correspondences, annotations, enhancement log", kMarkup},
      {3, "conclusions and the outbox to the hub", kConclusionsAndOutbox},
      {4, "retention: delivery, purge bookkeeping, locked feature sets", kRetention},
  };
  return steps;
}

int latestSchemaVersion() { return schemaMigrations().back().version; }

int schemaVersion(Database& db) {
  Statement q = db.prepare("PRAGMA user_version");
  return q.step() ? q.integer(0) : 0;
}

void migrate(Database& db, int target) {
  if (target > latestSchemaVersion()) throw UsageError("no schema version " + std::to_string(target));
  int current = schemaVersion(db);
  if (current > latestSchemaVersion())
    throw InputError("profile database '" + db.path() + "' has schema version " + std::to_string(current) +
                     ", newer than this Ridgeline understands (" + std::to_string(latestSchemaVersion()) +
                     "); open it with a newer Ridgeline");
  for (const Migration& step : schemaMigrations()) {
    if (step.version <= current || step.version > target) continue;
    WriteTransaction tx(db);
    // Another process may have migrated while we waited for the write lock.
    if (schemaVersion(db) >= step.version) continue;
    db.exec(std::string(step.sql));
    db.exec("PRAGMA user_version = " + std::to_string(step.version));
    tx.commit();
  }
}

}  // namespace ridgeline::store
