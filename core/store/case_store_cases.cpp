// Cases: arrival from the hub, lease, opening.
#include <cmath>

#include "core/store/case_store.h"
#include "core/store/json_text.h"
#include "core/util/errors.h"

namespace ridgeline::store {
namespace {

constexpr std::string_view kCaseColumns =
    "id, hub_id, modality, priority, hub_threshold, best_hub_score, status, received_at, lease_holder, lease_expires";

Case readCase(const Statement& q) {
  Case c;
  c.id = q.int64(0);
  c.hubId = q.text(1);
  c.modality = modalityFromCode(q.textView(2)).value_or(Modality::Fingerprint);
  c.priority = q.integer(3);
  c.hubThreshold = q.real(4);
  c.bestHubScore = q.real(5);
  auto status = caseStatusFromCode(q.textView(6));
  if (!status) throw InputError("case " + c.hubId + " has an unknown status '" + q.text(6) + "'");
  c.status = *status;
  c.receivedAt = q.text(7);
  c.leaseHolder = q.text(8);
  c.leaseExpires = q.text(9);
  return c;
}

void validateNewCase(const Case& c) {
  if (c.hubId.empty()) throw InputError("a case needs the hub's search id");
  if (c.priority < 1 || c.priority > 9)
    throw InputError("case " + c.hubId + ": priority " + std::to_string(c.priority) + " is outside 1-9");
  if (!std::isfinite(c.hubThreshold) || !std::isfinite(c.bestHubScore))
    throw InputError("case " + c.hubId + ": hub threshold and score must be numbers");
  if (c.status != CaseStatus::Queued && c.status != CaseStatus::Leased)
    throw InputError("case " + c.hubId + ": a case arrives queued or leased, not " + std::string(toLabel(c.status)));
}

}  // namespace

std::int64_t CaseStore::addCase(const Case& c, const Actor& actor) {
  validateNewCase(c);
  WriteTransaction tx(*db_);
  if (findCaseByHubId(c.hubId)) throw InputError("case " + c.hubId + " is already in this profile");
  Statement insert = db_->prepare(
      "INSERT INTO case_record (hub_id, modality, priority, hub_threshold, best_hub_score, status, received_at,"
      " lease_holder, lease_expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, c.hubId).bind(2, toCode(c.modality)).bind(3, c.priority).bind(4, c.hubThreshold);
  insert.bind(5, c.bestHubScore).bind(6, toCode(c.status));
  insert.bind(7, c.receivedAt.empty() ? nowIso8601() : c.receivedAt).bind(8, c.leaseHolder).bind(9, c.leaseExpires);
  insert.run();
  const std::int64_t id = db_->lastInsertId();
  JsonWriter details;
  details.beginObject().key("hubId").value(c.hubId).key("modality").value(toCode(c.modality));
  details.key("priority").value(c.priority).key("hubThreshold").value(c.hubThreshold);
  details.key("bestHubScore").value(c.bestHubScore).endObject();
  audit_->append(actor, id, AuditAction::CasePulled, details.str());
  tx.commit();
  return id;
}

Case CaseStore::getCase(std::int64_t caseId) const {
  Statement q = db_->prepare("SELECT " + std::string(kCaseColumns) + " FROM case_record WHERE id = ?");
  q.bind(1, caseId);
  if (!q.step()) throw InputError("no case " + std::to_string(caseId) + " in this profile");
  return readCase(q);
}

std::optional<Case> CaseStore::findCaseByHubId(const std::string& hubId) const {
  Statement q = db_->prepare("SELECT " + std::string(kCaseColumns) + " FROM case_record WHERE hub_id = ?");
  q.bind(1, hubId);
  if (!q.step()) return std::nullopt;
  return readCase(q);
}

std::vector<Case> CaseStore::listCases(std::optional<CaseStatus> status) const {
  std::string sql = "SELECT " + std::string(kCaseColumns) + " FROM case_record";
  if (status) sql += " WHERE status = ?";
  sql += " ORDER BY priority, received_at, id";
  Statement q = db_->prepare(sql);
  if (status) q.bind(1, toCode(*status));
  std::vector<Case> out;
  while (q.step()) out.push_back(readCase(q));
  return out;
}

void CaseStore::leaseCase(std::int64_t caseId, const std::string& holder, const std::string& expires,
                          const Actor& actor) {
  if (holder.empty()) throw InputError("a lease needs the name of its holder");
  WriteTransaction tx(*db_);
  const Case c = getCase(caseId);
  requireStatus(c, {CaseStatus::Queued, CaseStatus::Leased}, "taking a lease");
  db_->prepare("UPDATE case_record SET status = 'leased', lease_holder = ?, lease_expires = ? WHERE id = ?")
      .bind(1, holder).bind(2, expires).bind(3, caseId).run();
  JsonWriter details;
  details.beginObject().key("lease").value("taken").key("holder").value(holder).key("expires").value(expires).endObject();
  audit_->append(actor, caseId, AuditAction::CaseLeased, details.str());
  tx.commit();
}

void CaseStore::releaseLease(std::int64_t caseId, const Actor& actor) {
  WriteTransaction tx(*db_);
  const Case c = getCase(caseId);
  requireStatus(c, {CaseStatus::Leased}, "releasing the lease");
  db_->prepare("UPDATE case_record SET status = 'queued', lease_holder = '', lease_expires = '' WHERE id = ?")
      .bind(1, caseId).run();
  audit_->append(actor, caseId, AuditAction::CaseLeased, R"({"lease":"released"})");
  tx.commit();
}

void CaseStore::openCase(std::int64_t caseId, const Actor& actor) {
  WriteTransaction tx(*db_);
  const Case c = getCase(caseId);
  if (c.status == CaseStatus::Purged) throw InputError("case " + c.hubId + " was purged; its images are gone");
  if (c.status == CaseStatus::Leased) setStatus(caseId, CaseStatus::Analysis);
  JsonWriter details;
  details.beginObject().key("status").value(toCode(c.status == CaseStatus::Leased ? CaseStatus::Analysis : c.status)).endObject();
  audit_->append(actor, caseId, AuditAction::CaseOpened, details.str());
  tx.commit();
}

}  // namespace ridgeline::store
