// The audit trail as callers outside the store see it.
#include "core/store/case_store.h"
#include "core/store/json_text.h"
#include "core/util/errors.h"

namespace ridgeline::store {

AuditEvent CaseStore::recordEvent(std::optional<std::int64_t> caseId, AuditAction action,
                                  const std::string& detailsJson, const Actor& actor) {
  requireJsonObject(detailsJson, "audit event details");
  WriteTransaction tx(*db_);
  if (caseId) (void)getCase(*caseId);  // names an unknown case instead of recording a dangling event
  AuditEvent e = audit_->append(actor, caseId, action, detailsJson);
  tx.commit();
  return e;
}

AuditVerification CaseStore::verifyAudit(Progress& progress) const { return audit_->verify(progress); }

std::vector<AuditEvent> CaseStore::auditLog(std::optional<std::int64_t> caseId) const { return audit_->events(caseId); }

}  // namespace ridgeline::store
