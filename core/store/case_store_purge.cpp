// Retention: biometric data of a search that did not end in an identification
// is deleted once the decision reached the hub (after an optional grace
// period). The case row, conclusions and the audit trail stay; the trail
// keeps the hashes of what was deleted.
#include "core/store/case_store.h"
#include "core/store/json_text.h"
#include "core/util/errors.h"

namespace ridgeline::store {

bool CaseStore::purgeEligible(std::int64_t caseId, Clock::time_point now) const {
  Statement q = db_->prepare("SELECT status, delivered_decision, delivered_at_ms FROM case_record WHERE id = ?");
  q.bind(1, caseId);
  if (!q.step()) throw InputError("no case " + std::to_string(caseId) + " in this profile");
  if (q.textView(0) != toCode(CaseStatus::Delivered) || q.textView(1) == "identification" || q.isNull(2)) return false;
  const std::int64_t graceMs = std::chrono::duration_cast<std::chrono::milliseconds>(options_.purgeGrace).count();
  return q.int64(2) + graceMs <= toUnixMs(now);
}

void CaseStore::purgeInTransaction(const Case& c, const Actor& actor) {
  JsonWriter details;
  details.beginObject().key("rule").value("delivered decision other than identification");
  details.key("images").beginArray();
  std::vector<std::string> hashes;
  {
    Statement q = db_->prepare("SELECT DISTINCT image_sha256 FROM impression WHERE case_id = ? AND image_purged = 0");
    q.bind(1, c.id);
    while (q.step()) hashes.push_back(q.text(0));
  }
  for (const auto& h : hashes) details.value(h);
  details.endArray().key("featureSets").beginArray();
  {
    Statement q = db_->prepare(
        "SELECT f.document_sha256 FROM feature_set f JOIN impression i ON i.id = f.impression_id"
        " WHERE i.case_id = ? ORDER BY f.id");
    q.bind(1, c.id);
    while (q.step()) details.value(q.text(0));
  }
  details.endArray().endObject();

  // Status first: the trigger guarding locked feature sets lets only a purged case delete them.
  db_->prepare("UPDATE case_record SET status = 'purged', purged_at = ? WHERE id = ?").bind(1, nowIso8601()).bind(2, c.id).run();
  const std::string ofCase = " IN (SELECT id FROM impression WHERE case_id = ?)";
  db_->prepare("DELETE FROM correspondence WHERE candidate_id" + ofCase).bind(1, c.id).run();
  db_->prepare("DELETE FROM feature_set WHERE impression_id" + ofCase).bind(1, c.id).run();
  db_->prepare("UPDATE impression SET image_purged = 1 WHERE case_id = ?").bind(1, c.id).run();
  // Erased after commit by erasePendingFiles(), which skips files another
  // live case still references (the same candidate image in two searches).
  Statement pending = db_->prepare("INSERT OR IGNORE INTO pending_file_deletion (sha256) VALUES (?)");
  for (const auto& h : hashes) {
    pending.reset();
    pending.bind(1, h).run();
  }
  audit_->append(actor, c.id, AuditAction::Purge, details.str());
}

void CaseStore::purgeCase(std::int64_t caseId, const Actor& actor) {
  {
    WriteTransaction tx(*db_);
    const Case c = getCase(caseId);
    if (!purgeEligible(caseId))
      throw InputError("case " + c.hubId + " is not due for purge: only a delivered decision other than identification, "
                       "after the grace period, releases its data");
    purgeInTransaction(c, actor);
    tx.commit();
  }
  erasePendingFiles();
  // Move the WAL's copies of the deleted pages into the (zeroed) database and
  // truncate the WAL, so no copy of the features lingers there. Best effort:
  // a reader in another process may hold it; its next checkpoint finishes.
  db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

int CaseStore::purgeDue(const Actor& actor, Clock::time_point now) {
  int purged = 0;
  for (const Case& c : listCases(CaseStatus::Delivered)) {
    if (!purgeEligible(c.id, now)) continue;
    {
      WriteTransaction tx(*db_);
      if (!purgeEligible(c.id, now)) continue;  // another process may have purged it meanwhile
      purgeInTransaction(getCase(c.id), actor);
      tx.commit();
    }
    erasePendingFiles();
    ++purged;
  }
  if (purged) db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return purged;
}

}  // namespace ridgeline::store
