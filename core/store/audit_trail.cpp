#include "core/store/audit_trail.h"

#include "core/store/clock.h"
#include "core/util/errors.h"

namespace ridgeline::store {
namespace {

constexpr std::string_view kColumns = "seq, time, actor, role, case_id, action, details, prev_hash, hash";

AuditEvent readEvent(const Statement& q) {
  AuditEvent e;
  e.seq = q.int64(0);
  e.time = q.text(1);
  e.actor = q.text(2);
  e.role = q.text(3);
  e.caseId = q.optionalInt64(4);
  e.action = q.text(5);
  e.details = q.text(6);
  e.prevHash = q.text(7);
  e.hash = q.text(8);
  return e;
}

}  // namespace

AuditTrail::AuditTrail(Database& db)
    : db_(db),
      tail_(db.prepare("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")),
      insert_(db.prepare("INSERT INTO audit_event (seq, time, actor, role, case_id, action, details, prev_hash, hash)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {}

AuditEvent AuditTrail::append(const Actor& actor, std::optional<std::int64_t> caseId, AuditAction action,
                              std::string details) {
  if (actor.user.empty() || actor.role.empty())
    throw InputError("an audit event needs the user and the role of whoever acted");
  AuditEvent e;
  // The tail is read inside the caller's BEGIN IMMEDIATE transaction, so no
  // other process can append between this read and our insert.
  auto [lastSeq, lastHash] = head();
  e.seq = lastSeq + 1;
  e.prevHash = std::move(lastHash);
  e.time = nowIso8601();
  e.actor = actor.user;
  e.role = actor.role;
  e.caseId = caseId;
  e.action = std::string(toCode(action));
  e.details = std::move(details);
  e.hash = hasher_.hash(e);

  insert_.reset();
  insert_.bind(1, e.seq).bind(2, e.time).bind(3, e.actor).bind(4, e.role).bind(5, e.caseId);
  insert_.bind(6, e.action).bind(7, e.details).bind(8, e.prevHash).bind(9, e.hash);
  insert_.run();
  insert_.reset();
  return e;
}

AuditVerification AuditTrail::verify(Progress& progress) const {
  AuditVerification result;
  result.headHash = std::string(kGenesisHash);
  const std::int64_t total = count();
  Statement q = db_.prepare("SELECT " + std::string(kColumns) + " FROM audit_event ORDER BY seq");
  AuditHasher hasher;
  std::int64_t expectedSeq = 1;
  while (q.step()) {
    AuditEvent e = readEvent(q);
    auto broken = [&](std::string problem) {
      result.intact = false;
      result.firstBrokenSeq = e.seq;
      result.problem = std::move(problem);
    };
    if (e.seq != expectedSeq)
      broken("event " + std::to_string(expectedSeq) + " is missing (the next event is " + std::to_string(e.seq) + ")");
    else if (e.prevHash != result.headHash)
      broken("its previous-hash field does not match the event before it");
    else if (hasher.hash(e) != e.hash)
      broken("its content does not match its hash (the event was altered)");
    if (!result.intact) return result;
    result.headHash = e.hash;
    ++result.checked;
    ++expectedSeq;
    if (result.checked % 16384 == 0) {
      progress.checkCancelled();
      progress.report(total ? double(result.checked) / double(total) : 1.0, "verifying the audit trail");
    }
  }
  progress.report(1.0, "verifying the audit trail");
  return result;
}

std::vector<AuditEvent> AuditTrail::events(std::optional<std::int64_t> caseId) const {
  std::string sql = "SELECT " + std::string(kColumns) + " FROM audit_event";
  if (caseId) sql += " WHERE case_id = ?";
  sql += " ORDER BY seq";
  Statement q = db_.prepare(sql);
  if (caseId) q.bind(1, *caseId);
  std::vector<AuditEvent> out;
  while (q.step()) out.push_back(readEvent(q));
  return out;
}

std::pair<std::int64_t, std::string> AuditTrail::head() {
  tail_.reset();
  std::pair<std::int64_t, std::string> result{0, std::string(kGenesisHash)};
  if (tail_.step()) result = {tail_.int64(0), tail_.text(1)};
  tail_.reset();
  return result;
}

std::int64_t AuditTrail::count() const {
  Statement q = db_.prepare("SELECT count(*) FROM audit_event");
  q.step();
  return q.int64(0);
}

}  // namespace ridgeline::store
