// The outbox: decisions waiting for the hub, and what the hub confirmed.
#include "core/store/case_store.h"
#include "core/store/json_text.h"
#include "core/util/errors.h"

namespace ridgeline::store {
namespace {

constexpr std::string_view kOutboxColumns =
    "id, idempotency_key, case_id, kind, payload, state, attempts, created_at, last_attempt_at, last_error";

OutboxItem readItem(const Statement& q) {
  OutboxItem item;
  item.id = q.int64(0);
  item.idempotencyKey = q.text(1);
  item.caseId = q.int64(2);
  item.kind = q.text(3);
  item.payloadJson = q.text(4);
  item.state = outboxStateFromCode(q.textView(5)).value_or(OutboxState::Pending);
  item.attempts = q.integer(6);
  item.createdAt = q.text(7);
  item.lastAttemptAt = q.text(8);
  item.lastError = q.text(9);
  return item;
}

std::string syncDetails(const OutboxItem& item, std::string_view event, const std::string& error = {}) {
  JsonWriter w;
  w.beginObject().key("outbox").value(item.id).key("idempotencyKey").value(item.idempotencyKey);
  w.key("event").value(event).key("attempts").value(item.attempts);
  if (!error.empty()) w.key("error").value(error);
  w.endObject();
  return w.str();
}

}  // namespace

OutboxItem CaseStore::getOutboxItem(std::int64_t itemId) const {
  Statement q = db_->prepare("SELECT " + std::string(kOutboxColumns) + " FROM outbox WHERE id = ?");
  q.bind(1, itemId);
  if (!q.step()) throw InputError("no outbox item " + std::to_string(itemId) + " in this profile");
  return readItem(q);
}

std::vector<OutboxItem> CaseStore::outbox(std::optional<OutboxState> state) const {
  std::string sql = "SELECT " + std::string(kOutboxColumns) + " FROM outbox";
  if (state) sql += " WHERE state = ?";
  sql += " ORDER BY id";
  Statement q = db_->prepare(sql);
  if (state) q.bind(1, toCode(*state));
  std::vector<OutboxItem> out;
  while (q.step()) out.push_back(readItem(q));
  return out;
}

void CaseStore::markSent(std::int64_t itemId, const Actor& actor) {
  WriteTransaction tx(*db_);
  OutboxItem item = getOutboxItem(itemId);
  if (item.state == OutboxState::Acknowledged) throw InputError("outbox item " + std::to_string(itemId) + " was already acknowledged");
  item.attempts += 1;
  db_->prepare("UPDATE outbox SET state = 'sent', attempts = ?, last_attempt_at = ? WHERE id = ?")
      .bind(1, item.attempts).bind(2, nowIso8601()).bind(3, itemId).run();
  audit_->append(actor, item.caseId, AuditAction::Sync, syncDetails(item, "sent"));
  tx.commit();
}

void CaseStore::markAttemptFailed(std::int64_t itemId, const std::string& error, const Actor& actor) {
  WriteTransaction tx(*db_);
  const OutboxItem item = getOutboxItem(itemId);
  if (item.state == OutboxState::Acknowledged) throw InputError("outbox item " + std::to_string(itemId) + " was already acknowledged");
  db_->prepare("UPDATE outbox SET state = 'pending', last_error = ? WHERE id = ?").bind(1, error).bind(2, itemId).run();
  audit_->append(actor, item.caseId, AuditAction::Sync, syncDetails(item, "failed", error));
  tx.commit();
}

void CaseStore::markAcknowledged(std::int64_t itemId, const Actor& actor) {
  {
    WriteTransaction tx(*db_);
    const OutboxItem item = getOutboxItem(itemId);
    if (item.state == OutboxState::Acknowledged) return;  // a repeated acknowledgement changes nothing
    db_->prepare("UPDATE outbox SET state = 'acknowledged' WHERE id = ?").bind(1, itemId).run();
    const Case c = getCase(item.caseId);
    if (item.kind == "decision" && (c.status == CaseStatus::Concluded || c.status == CaseStatus::Verified)) {
      Statement decision = db_->prepare(
          "SELECT c.decision FROM outbox o JOIN conclusion c ON c.id = o.conclusion_id WHERE o.id = ?");
      decision.bind(1, itemId);
      const std::string delivered = decision.step() ? decision.text(0) : std::string();
      db_->prepare("UPDATE case_record SET status = 'delivered', delivered_decision = ?, delivered_at_ms = ? WHERE id = ?")
          .bind(1, delivered).bind(2, toUnixMs(Clock::now())).bind(3, item.caseId).run();
    }
    audit_->append(actor, item.caseId, AuditAction::Sync, syncDetails(item, "acknowledged"));
    tx.commit();
  }
  // The hub's rule: search data that did not end in a match goes once delivered.
  // If we are killed here, purgeDue() on the next run catches up.
  const std::int64_t caseId = getOutboxItem(itemId).caseId;
  if (purgeEligible(caseId)) purgeCase(caseId, actor);
}

}  // namespace ridgeline::store
