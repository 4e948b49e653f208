// Correspondences, free notes and the enhancement log.
#include <set>

#include "core/store/case_store.h"
#include "core/store/json_text.h"
#include "core/util/errors.h"
#include "core/util/sha256.h"

namespace ridgeline::store {
namespace {

constexpr size_t kMaxAnnotationBytes = 64 * 1024;

void validateCorrespondences(const std::vector<Correspondence>& pairs) {
  std::set<int> labels;
  for (const Correspondence& p : pairs) {
    if (p.label < 1) throw InputError("correspondence labels start at 1, not " + std::to_string(p.label));
    if (!labels.insert(p.label).second) throw InputError("correspondence label " + std::to_string(p.label) + " is used twice");
    if (p.probeMinutia < -1 || p.candidateMinutia < -1)
      throw InputError("correspondence " + std::to_string(p.label) + " refers to a negative minutia index");
  }
}

std::string correspondencesJson(const std::vector<Correspondence>& pairs) {
  JsonWriter w;
  w.beginArray();
  for (const Correspondence& p : pairs)
    w.beginArray().value(p.label).value(p.probeMinutia).value(p.candidateMinutia).value(toCode(p.type)).endArray();
  w.endArray();
  return w.str();
}

}  // namespace

void CaseStore::saveCorrespondences(std::int64_t candidateId, const std::vector<Correspondence>& pairs,
                                    const Actor& actor) {
  validateCorrespondences(pairs);
  WriteTransaction tx(*db_);
  const Impression candidate = getImpression(candidateId);
  if (candidate.role != ImpressionRole::Candidate)
    throw InputError("impression " + std::to_string(candidateId) + " is the probe; correspondences belong to a candidate");
  const Case c = getCase(caseOfImpression(candidateId));
  requireStatus(c, {CaseStatus::Comparison, CaseStatus::Concluded, CaseStatus::Verified}, "marking correspondences");
  db_->prepare("DELETE FROM correspondence WHERE candidate_id = ?").bind(1, candidateId).run();
  Statement insert = db_->prepare(
      "INSERT INTO correspondence (candidate_id, label, probe_minutia, candidate_minutia, type) VALUES (?, ?, ?, ?, ?)");
  for (const Correspondence& p : pairs) {
    insert.reset();
    insert.bind(1, candidateId).bind(2, p.label).bind(3, p.probeMinutia).bind(4, p.candidateMinutia);
    insert.bind(5, toCode(p.type)).run();
  }
  JsonWriter details;
  details.beginObject().key("markup").value("correspondences").key("candidate").value(candidateId);
  details.key("count").value(static_cast<std::int64_t>(pairs.size()));
  details.key("sha256").value(sha256Hex(std::string_view(correspondencesJson(pairs)))).endObject();
  audit_->append(actor, c.id, AuditAction::MarkupChanged, details.str());
  tx.commit();
}

std::vector<Correspondence> CaseStore::correspondences(std::int64_t candidateId) const {
  Statement q = db_->prepare(
      "SELECT label, probe_minutia, candidate_minutia, type FROM correspondence WHERE candidate_id = ? ORDER BY label");
  q.bind(1, candidateId);
  std::vector<Correspondence> out;
  while (q.step()) {
    auto type = correspondenceTypeFromCode(q.textView(3));
    if (!type) throw InputError("stored correspondence has an unknown type '" + q.text(3) + "'");
    out.push_back({q.integer(0), q.integer(1), q.integer(2), *type});
  }
  return out;
}

std::int64_t CaseStore::addAnnotation(std::int64_t caseId, std::optional<std::int64_t> impressionId,
                                      const std::string& text, const Actor& actor) {
  if (text.empty()) throw InputError("an annotation needs text");
  if (text.size() > kMaxAnnotationBytes) throw InputError("an annotation is limited to 64 KiB of text");
  WriteTransaction tx(*db_);
  const Case c = getCase(caseId);
  if (c.status == CaseStatus::Purged) throw InputError("case " + c.hubId + " was purged");
  if (impressionId && caseOfImpression(*impressionId) != caseId)
    throw InputError("impression " + std::to_string(*impressionId) + " is not part of case " + c.hubId);
  db_->prepare("INSERT INTO annotation (case_id, impression_id, text, author, time) VALUES (?, ?, ?, ?, ?)")
      .bind(1, caseId).bind(2, impressionId).bind(3, text).bind(4, actor.user).bind(5, nowIso8601()).run();
  const std::int64_t id = db_->lastInsertId();
  // The trail keeps the note's hash, not its words: notes may describe the print.
  JsonWriter details;
  details.beginObject().key("markup").value("annotation").key("annotation").value(id);
  details.key("textSha256").value(sha256Hex(std::string_view(text))).endObject();
  audit_->append(actor, caseId, AuditAction::MarkupChanged, details.str());
  tx.commit();
  return id;
}

std::vector<Annotation> CaseStore::annotations(std::int64_t caseId) const {
  Statement q = db_->prepare(
      "SELECT id, case_id, impression_id, text, author, time FROM annotation WHERE case_id = ? ORDER BY id");
  q.bind(1, caseId);
  std::vector<Annotation> out;
  while (q.step()) out.push_back({q.int64(0), q.int64(1), q.optionalInt64(2), q.text(3), q.text(4), q.text(5)});
  return out;
}

EnhancementStep CaseStore::logEnhancement(std::int64_t impressionId, const std::string& stepName,
                                          const std::string& parametersJson, const Actor& actor) {
  if (stepName.empty()) throw InputError("an enhancement step needs a name");
  requireJsonObject(parametersJson, "enhancement parameters");
  WriteTransaction tx(*db_);
  const Case c = getCase(caseOfImpression(impressionId));
  if (c.status == CaseStatus::Purged) throw InputError("case " + c.hubId + " was purged");
  Statement last = db_->prepare("SELECT coalesce(max(ordinal), 0) FROM enhancement_step WHERE impression_id = ?");
  last.bind(1, impressionId);
  last.step();
  EnhancementStep step{0, impressionId, last.integer(0) + 1, stepName, parametersJson, actor.user, nowIso8601()};
  db_->prepare("INSERT INTO enhancement_step (impression_id, ordinal, name, parameters, applied_by, time)"
               " VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, impressionId).bind(2, step.ordinal).bind(3, stepName).bind(4, parametersJson).bind(5, actor.user)
      .bind(6, step.time).run();
  step.id = db_->lastInsertId();
  JsonWriter details;
  details.beginObject().key("impression").value(impressionId).key("ordinal").value(step.ordinal);
  details.key("step").value(stepName).key("parameters").raw(parametersJson).endObject();
  audit_->append(actor, c.id, AuditAction::EnhancementApplied, details.str());
  tx.commit();
  return step;
}

std::vector<EnhancementStep> CaseStore::enhancementLog(std::int64_t impressionId) const {
  Statement q = db_->prepare(
      "SELECT id, impression_id, ordinal, name, parameters, applied_by, time FROM enhancement_step"
      " WHERE impression_id = ? ORDER BY ordinal");
  q.bind(1, impressionId);
  std::vector<EnhancementStep> out;
  while (q.step()) out.push_back({q.int64(0), q.int64(1), q.integer(2), q.text(3), q.text(4), q.text(5), q.text(6)});
  return out;
}

}  // namespace ridgeline::store
