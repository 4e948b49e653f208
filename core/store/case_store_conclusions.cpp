// Conclusions (examination and blind verification); each queues its decision
// for the hub in the same transaction.
#include "core/store/case_store.h"
#include "core/store/idempotency_key.h"
#include "core/store/json_text.h"
#include "core/util/errors.h"

namespace ridgeline::store {
namespace {

constexpr size_t kMaxRationaleBytes = 64 * 1024;

void validateConclusion(const Conclusion& c) {
  if (c.decision.empty() || c.decision.size() > 64) throw InputError("a conclusion needs a decision (at most 64 characters)");
  if (c.rationale.empty()) throw InputError("a conclusion needs a written rationale");
  if (c.rationale.size() > kMaxRationaleBytes) throw InputError("a rationale is limited to 64 KiB of text");
  if (c.role != "examination" && c.role != "verification")
    throw InputError("conclusion role must be 'examination' or 'verification', not '" + c.role + "'");
}

std::string decisionPayload(const Case& c, const Impression* candidate, const Conclusion& conclusion,
                            const std::string& key, const std::pair<std::int64_t, std::string>& auditHead) {
  JsonWriter w;
  w.beginObject().key("idempotencyKey").value(key).key("hubId").value(c.hubId);
  w.key("candidateRank").value(candidate ? candidate->rank : 0);
  w.key("subjectId").value(candidate ? candidate->subjectId : std::string());
  w.key("decision").value(conclusion.decision).key("rationale").value(conclusion.rationale);
  w.key("examiner").value(conclusion.examiner).key("role").value(conclusion.role).key("time").value(conclusion.time);
  w.key("auditHead").beginObject().key("seq").value(auditHead.first).key("hash").value(auditHead.second).endObject();
  w.endObject();
  return w.str();
}

// Verification is blind and by a second examiner (ACE-V): never the one who examined.
void requireIndependentVerifier(Database& db, const Case& c, const std::string& verifier) {
  Statement q = db.prepare("SELECT 1 FROM conclusion WHERE case_id = ? AND role = 'examination' AND examiner = ?");
  q.bind(1, c.id).bind(2, verifier);
  if (q.step()) throw InputError("case " + c.hubId + ": " + verifier + " examined it and cannot also verify it");
}

}  // namespace

std::int64_t CaseStore::recordConclusion(std::int64_t caseId, const Conclusion& input, const Actor& actor) {
  validateConclusion(input);
  if (!input.examiner.empty() && input.examiner != actor.user)
    throw InputError("a conclusion is recorded by its own examiner: '" + input.examiner + "' is not the user '" +
                     actor.user + "' recording it");
  Conclusion conclusion = input;
  conclusion.examiner = actor.user;
  conclusion.time = nowIso8601();
  const bool verification = conclusion.role == "verification";

  WriteTransaction tx(*db_);
  const Case c = getCase(caseId);
  std::optional<Impression> candidate;
  if (conclusion.candidateId != 0) {
    candidate = getImpression(conclusion.candidateId);
    if (caseOfImpression(candidate->id) != caseId || candidate->role != ImpressionRole::Candidate)
      throw InputError("impression " + std::to_string(candidate->id) + " is not a candidate of case " + c.hubId);
  }
  if (verification) {
    requireStatus(c, {CaseStatus::Concluded}, "a verification");
    requireIndependentVerifier(*db_, c, conclusion.examiner);
  } else {
    requireStatus(c, {CaseStatus::Comparison}, "an examination conclusion (after the analysis is locked)");
  }
  db_->prepare("INSERT INTO conclusion (case_id, candidate_id, decision, rationale, examiner, role, time)"
               " VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, caseId).bind(2, candidate ? std::optional<std::int64_t>(candidate->id) : std::nullopt)
      .bind(3, conclusion.decision).bind(4, conclusion.rationale).bind(5, conclusion.examiner)
      .bind(6, conclusion.role).bind(7, conclusion.time).run();
  const std::int64_t conclusionId = db_->lastInsertId();
  setStatus(caseId, verification ? CaseStatus::Verified : CaseStatus::Concluded);

  const std::string key = newIdempotencyKey();
  db_->prepare("INSERT INTO outbox (idempotency_key, case_id, conclusion_id, kind, payload, created_at)"
               " VALUES (?, ?, ?, 'decision', ?, ?)")
      .bind(1, key).bind(2, caseId).bind(3, conclusionId)
      .bind(4, decisionPayload(c, candidate ? &*candidate : nullptr, conclusion, key, audit_->head())).bind(5, conclusion.time).run();

  JsonWriter details;
  details.beginObject().key("conclusion").value(conclusionId).key("candidate").value(conclusion.candidateId);
  details.key("decision").value(conclusion.decision).key("examiner").value(conclusion.examiner);
  details.key("outboxKey").value(key).endObject();
  audit_->append(actor, caseId, verification ? AuditAction::Verification : AuditAction::Conclusion, details.str());
  tx.commit();
  return conclusionId;
}

std::vector<Conclusion> CaseStore::conclusions(std::int64_t caseId) const {
  Statement q = db_->prepare(
      "SELECT coalesce(candidate_id, 0), decision, rationale, examiner, role, time FROM conclusion"
      " WHERE case_id = ? ORDER BY id");
  q.bind(1, caseId);
  std::vector<Conclusion> out;
  while (q.step()) out.push_back({q.int64(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5)});
  return out;
}

}  // namespace ridgeline::store
