#include "core/hub/server/hub_database.h"

#include <Poco/JSON/Object.h>

#include "core/hub/protocol/json_reader.h"
#include "core/store/clock.h"
#include "core/store/idempotency_key.h"
#include "core/store/image_files.h"
#include "core/store/sqlite_db.h"
#include "core/util/errors.h"
#include "core/util/sha256.h"

namespace ridgeline::hub {
namespace {

using store::Statement;
using store::WriteTransaction;

constexpr const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS hub_case (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  hub_id TEXT NOT NULL UNIQUE,
  modality TEXT NOT NULL,
  priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 9),
  status TEXT NOT NULL CHECK (status IN ('queued', 'leased', 'decided')),
  threshold REAL NOT NULL,
  best_score REAL NOT NULL,
  received_at TEXT NOT NULL,
  lease_holder TEXT,
  lease_expires TEXT,
  probe_record INTEGER NOT NULL,
  score_source TEXT NOT NULL,
  payload_sha256 TEXT NOT NULL,
  payload_bytes INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS hub_case_by_priority ON hub_case (priority, seq);
CREATE TABLE IF NOT EXISTS hub_candidate (
  hub_id TEXT NOT NULL REFERENCES hub_case (hub_id),
  rank INTEGER NOT NULL,
  subject_id TEXT NOT NULL,
  score REAL NOT NULL,
  image_record INTEGER NOT NULL,
  PRIMARY KEY (hub_id, rank));
CREATE TABLE IF NOT EXISTS hub_decision (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  receipt_id TEXT NOT NULL UNIQUE,
  idempotency_key TEXT NOT NULL UNIQUE,
  hub_id TEXT NOT NULL,
  body_sha256 TEXT NOT NULL,
  body TEXT NOT NULL,
  examiner TEXT NOT NULL,
  examiner_role TEXT NOT NULL,
  decision TEXT NOT NULL,
  candidate_rank INTEGER NOT NULL,
  subject_id TEXT NOT NULL,
  token_role TEXT NOT NULL,
  remote_address TEXT NOT NULL,
  received_at TEXT NOT NULL);
)";

// An unexpired lease makes a case "leased"; an expired one is just queued again.
constexpr const char* kEffectiveStatus =
    "CASE WHEN status = 'leased' AND lease_expires <= ?1 THEN 'queued' ELSE status END";

std::string entryColumns() {
  return std::string("hub_id, modality, priority, ") + kEffectiveStatus +
         ", threshold, best_score, (SELECT count(*) FROM hub_candidate c WHERE c.hub_id = hub_case.hub_id),"
         " received_at, lease_holder, lease_expires, seq";
}

QueueEntry readEntry(const Statement& q) {
  QueueEntry e;
  e.hubId = q.text(0);
  e.modality = modalityFromCode(q.text(1)).value_or(Modality::Fingerprint);
  e.priority = q.integer(2);
  e.status = hubCaseStatusFromCode(q.text(3)).value_or(HubCaseStatus::Queued);
  e.threshold = q.real(4);
  e.bestScore = q.real(5);
  e.candidateCount = q.integer(6);
  e.receivedAt = q.text(7);
  if (e.status == HubCaseStatus::Leased) {
    e.leaseHolder = q.text(8);
    e.leaseExpires = q.text(9);
  }
  return e;
}

std::optional<std::int64_t> cursorSeq(const std::string& cursor) {
  if (cursor.empty()) return 0;
  if (cursor.size() < 2 || cursor.size() > 20 || cursor[0] != 's' ||
      cursor.find_first_not_of("0123456789", 1) != std::string::npos)
    return std::nullopt;
  return std::stoll(cursor.substr(1));
}

}  // namespace

std::string isoAfterSeconds(int seconds) { return store::toIso8601(store::Clock::now() + std::chrono::seconds(seconds)); }

HubDatabase::HubDatabase(const std::filesystem::path& stateDir)
    : db_(std::make_unique<store::Database>((stateDir / "hub.db").string(), true)),
      payloads_(std::make_unique<store::ImageFiles>(stateDir / "payloads")) {
  db_->exec("PRAGMA journal_mode = WAL");
  db_->exec("PRAGMA synchronous = NORMAL");
  db_->exec("PRAGMA foreign_keys = ON");
  sqlite3_busy_timeout(db_->handle(), 15000);
  db_->exec(kSchema);
}

HubDatabase::~HubDatabase() = default;

void HubDatabase::addCase(const CaseSummary& s, const std::vector<std::uint8_t>& payload) {
  std::lock_guard lock(mutex_);
  WriteTransaction tx(*db_);
  Statement exists = db_->prepare("SELECT 1 FROM hub_case WHERE hub_id = ?");
  exists.bind(1, s.entry.hubId);
  if (exists.step()) throw InputError("the hub already has a case " + s.entry.hubId);
  db_->prepare("INSERT INTO hub_case (hub_id, modality, priority, status, threshold, best_score, received_at,"
               " probe_record, score_source, payload_sha256, payload_bytes) VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, s.entry.hubId).bind(2, toCode(s.entry.modality)).bind(3, s.entry.priority).bind(4, s.entry.threshold)
      .bind(5, s.entry.bestScore).bind(6, s.entry.receivedAt).bind(7, s.probeRecord).bind(8, s.scoreSource)
      .bind(9, payloads_->put(payload)).bind(10, static_cast<std::int64_t>(payload.size())).run();
  for (const auto& c : s.candidates)
    db_->prepare("INSERT INTO hub_candidate (hub_id, rank, subject_id, score, image_record) VALUES (?, ?, ?, ?, ?)")
        .bind(1, s.entry.hubId).bind(2, c.rank).bind(3, c.subjectId).bind(4, c.score).bind(5, c.imageRecord).run();
  tx.commit();
}

int HubDatabase::caseCount() {
  std::lock_guard lock(mutex_);
  Statement q = db_->prepare("SELECT count(*) FROM hub_case");
  q.step();
  return q.integer(0);
}

QueuePage HubDatabase::listQueue(const QueueFilter& filter, const std::string& now) {
  const auto after = cursorSeq(filter.cursor);
  if (!after) throw InputError("the cursor '" + filter.cursor.substr(0, 40) + "' was not issued by this hub");
  std::lock_guard lock(mutex_);
  std::string query = "SELECT " + entryColumns() + " FROM hub_case WHERE seq > ?2";
  if (filter.modality) query += " AND modality = ?3";
  if (filter.priority) query += " AND priority = ?4";
  if (filter.status) query += std::string(" AND (") + kEffectiveStatus + ") = ?5";
  query += " ORDER BY seq LIMIT ?6";
  Statement q = db_->prepare(query);
  q.bind(1, now).bind(2, *after).bind(6, filter.limit + 1);
  if (filter.modality) q.bind(3, toCode(*filter.modality));
  if (filter.priority) q.bind(4, *filter.priority);
  if (filter.status) q.bind(5, toCode(*filter.status));
  QueuePage page;
  std::int64_t lastSeq = 0;
  while (q.step()) {
    if (static_cast<int>(page.items.size()) == filter.limit) {
      page.nextCursor = "s" + std::to_string(lastSeq);
      break;
    }
    page.items.push_back(readEntry(q));
    lastSeq = q.int64(10);
  }
  return page;
}

std::optional<QueueEntry> HubDatabase::entry(const std::string& hubId, const std::string& now) {
  Statement q = db_->prepare("SELECT " + entryColumns() + " FROM hub_case WHERE hub_id = ?2");
  q.bind(1, now).bind(2, hubId);
  if (!q.step()) return std::nullopt;
  return readEntry(q);
}

std::optional<CaseSummary> HubDatabase::summary(const std::string& hubId, const std::string& now) {
  std::lock_guard lock(mutex_);
  auto e = entry(hubId, now);
  if (!e) return std::nullopt;
  CaseSummary s;
  s.entry = *e;
  Statement q = db_->prepare("SELECT probe_record, score_source, payload_sha256, payload_bytes FROM hub_case WHERE hub_id = ?");
  q.bind(1, hubId);
  q.step();
  s.probeRecord = q.integer(0);
  s.scoreSource = q.text(1);
  s.payloadSha256 = q.text(2);
  s.payloadBytes = q.int64(3);
  Statement c = db_->prepare("SELECT rank, subject_id, score, image_record FROM hub_candidate WHERE hub_id = ? ORDER BY rank");
  c.bind(1, hubId);
  while (c.step()) s.candidates.push_back({c.integer(0), c.text(1), c.real(2), c.integer(3)});
  return s;
}

std::optional<std::vector<std::uint8_t>> HubDatabase::payload(const std::string& hubId) {
  std::lock_guard lock(mutex_);
  Statement q = db_->prepare("SELECT payload_sha256 FROM hub_case WHERE hub_id = ?");
  q.bind(1, hubId);
  if (!q.step()) return std::nullopt;
  return payloads_->get(q.text(0));  // checked against its hash on every read
}

LeaseOutcome HubDatabase::lease(const std::string& hubId, const std::string& examiner, int seconds, const std::string& now) {
  std::lock_guard lock(mutex_);
  WriteTransaction tx(*db_);
  auto e = entry(hubId, now);
  if (!e) return {LeaseOutcome::Kind::NotFound, {}};
  if (e->status == HubCaseStatus::Decided) return {LeaseOutcome::Kind::Decided, {}};
  if (e->status == HubCaseStatus::Leased && e->leaseHolder != examiner)
    return {LeaseOutcome::Kind::Conflict, {hubId, e->leaseHolder, e->leaseExpires}};
  const std::string expires = isoAfterSeconds(seconds);
  db_->prepare("UPDATE hub_case SET status = 'leased', lease_holder = ?, lease_expires = ? WHERE hub_id = ?")
      .bind(1, examiner).bind(2, expires).bind(3, hubId).run();
  tx.commit();
  return {LeaseOutcome::Kind::Granted, {hubId, examiner, expires}};
}

LeaseOutcome HubDatabase::release(const std::string& hubId, const std::string& examiner, const std::string& now) {
  std::lock_guard lock(mutex_);
  WriteTransaction tx(*db_);
  auto e = entry(hubId, now);
  if (!e) return {LeaseOutcome::Kind::NotFound, {}};
  if (e->status == HubCaseStatus::Leased && e->leaseHolder != examiner)
    return {LeaseOutcome::Kind::Conflict, {hubId, e->leaseHolder, e->leaseExpires}};
  if (e->status == HubCaseStatus::Leased)
    db_->prepare("UPDATE hub_case SET status = 'queued', lease_holder = NULL, lease_expires = NULL WHERE hub_id = ?")
        .bind(1, hubId).run();
  tx.commit();
  return {LeaseOutcome::Kind::Granted, {hubId, "", ""}};
}

DecisionOutcome HubDatabase::recordDecision(const DecisionSubmission& d, const std::string& body, const DecisionOrigin& origin,
                                            const std::string& now) {
  const std::string bodyHash = sha256Hex(body);
  std::lock_guard lock(mutex_);
  WriteTransaction tx(*db_);
  Statement prior = db_->prepare("SELECT receipt_id, hub_id, received_at, body_sha256 FROM hub_decision WHERE idempotency_key = ?");
  prior.bind(1, d.idempotencyKey);
  if (prior.step()) {
    if (prior.text(3) != bodyHash)
      return {DecisionOutcome::Kind::KeyReused, {}, "idempotency key " + d.idempotencyKey + " was already used for another decision"};
    return {DecisionOutcome::Kind::Duplicate, {prior.text(0), prior.text(1), prior.text(2), true}, ""};
  }
  auto e = entry(d.hubId, now);
  if (!e) return {DecisionOutcome::Kind::NotFound, {}, "the hub has no case " + d.hubId};
  if (e->status == HubCaseStatus::Leased && e->leaseHolder != d.examiner)
    return {DecisionOutcome::Kind::LeaseConflict, {}, "case " + d.hubId + " is leased by " + e->leaseHolder + " until " + e->leaseExpires};
  DecisionReceipt receipt{"r-" + store::newIdempotencyKey(), d.hubId, now, false};
  db_->prepare("INSERT INTO hub_decision (receipt_id, idempotency_key, hub_id, body_sha256, body, examiner, examiner_role,"
               " decision, candidate_rank, subject_id, token_role, remote_address, received_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, receipt.receiptId).bind(2, d.idempotencyKey).bind(3, d.hubId).bind(4, bodyHash).bind(5, body)
      .bind(6, d.examiner).bind(7, d.role).bind(8, d.decision).bind(9, d.candidateRank).bind(10, d.subjectId)
      .bind(11, origin.tokenRole).bind(12, origin.remoteAddress).bind(13, now).run();
  db_->prepare("UPDATE hub_case SET status = 'decided', lease_holder = NULL, lease_expires = NULL WHERE hub_id = ?")
      .bind(1, d.hubId).run();
  tx.commit();
  return {DecisionOutcome::Kind::Recorded, receipt, ""};
}

std::vector<std::string> HubDatabase::decisionsAsJsonLines() {
  std::lock_guard lock(mutex_);
  Statement q = db_->prepare(
      "SELECT receipt_id, received_at, idempotency_key, hub_id, examiner, examiner_role, token_role, remote_address,"
      " decision, candidate_rank, subject_id, body FROM hub_decision ORDER BY id");
  std::vector<std::string> lines;
  while (q.step()) {
    Poco::JSON::Object::Ptr o = orderedObject();
    o->set("receiptId", q.text(0));
    o->set("receivedAt", q.text(1));
    o->set("idempotencyKey", q.text(2));
    o->set("hubId", q.text(3));
    o->set("examiner", q.text(4));
    o->set("role", q.text(5));
    o->set("tokenRole", q.text(6));
    o->set("remoteAddress", q.text(7));
    o->set("decision", q.text(8));
    o->set("candidateRank", q.integer(9));
    o->set("subjectId", q.text(10));
    o->set("submission", q.text(11));
    lines.push_back(toJsonText(*o));
  }
  return lines;
}

}  // namespace ridgeline::hub
