// Feature set versions and the analysis lock (bias control: the probe's
// analysis is frozen before any candidate is compared).
#include "core/store/case_store.h"
#include "core/store/feature_document.h"
#include "core/store/json_text.h"
#include "core/util/errors.h"
#include "core/util/sha256.h"

namespace ridgeline::store {
namespace {

constexpr std::string_view kVersionColumns =
    "id, impression_id, version, document, document_sha256, saved_by, saved_at, locked_by, locked_at";

FeatureSetVersion readVersion(const Statement& q) {
  FeatureSetVersion v;
  v.id = q.int64(0);
  v.impressionId = q.int64(1);
  v.version = q.integer(2);
  v.features = decodeFeatureDocument(q.text(3));
  v.documentSha256 = q.text(4);
  v.savedBy = q.text(5);
  v.savedAt = q.text(6);
  v.locked = !q.isNull(8);
  v.lockedBy = q.text(7);
  v.lockedAt = q.text(8);
  return v;
}

void validateFeatures(const FeatureSet& f) {
  if (!(f.ppi > 0)) throw InputError("a feature set needs a positive resolution (ppi)");
  if (f.clarity && f.clarity->levels.size() != static_cast<size_t>(f.clarity->cols) * static_cast<size_t>(f.clarity->rows))
    throw InputError("clarity map: " + std::to_string(f.clarity->levels.size()) + " levels for " +
                     std::to_string(f.clarity->cols) + " x " + std::to_string(f.clarity->rows) + " blocks");
  if (f.clarity)
    for (std::uint8_t level : f.clarity->levels)
      if (level > 5) throw InputError("clarity level " + std::to_string(level) + " is outside 0-5");
  if (f.ridgeFlow && f.ridgeFlow->directions.size() != static_cast<size_t>(f.ridgeFlow->cols) * static_cast<size_t>(f.ridgeFlow->rows))
    throw InputError("ridge flow map: " + std::to_string(f.ridgeFlow->directions.size()) + " directions for " +
                     std::to_string(f.ridgeFlow->cols) + " x " + std::to_string(f.ridgeFlow->rows) + " blocks");
  if (f.ridgeFlow && !f.ridgeFlow->periods.empty() && f.ridgeFlow->periods.size() != f.ridgeFlow->directions.size())
    throw InputError("ridge flow map: " + std::to_string(f.ridgeFlow->periods.size()) + " ridge periods for " +
                     std::to_string(f.ridgeFlow->directions.size()) + " blocks");
  if (f.ridgeFlow)
    for (std::uint8_t d : f.ridgeFlow->directions)
      if (d > 179 && d != RidgeFlowMap::kNoFlow)
        throw InputError("ridge flow direction " + std::to_string(d) + " is outside 0-179 degrees");
}

std::optional<FeatureSetVersion> latestOf(Database& db, std::int64_t impressionId, FeatureAuthor author) {
  Statement q = db.prepare("SELECT " + std::string(kVersionColumns) +
                           " FROM feature_set WHERE impression_id = ? AND author = ? ORDER BY version DESC LIMIT 1");
  q.bind(1, impressionId).bind(2, toCode(author));
  if (!q.step()) return std::nullopt;
  return readVersion(q);
}

}  // namespace

FeatureSetVersion CaseStore::saveFeatures(std::int64_t impressionId, const FeatureSet& features, const Actor& actor) {
  validateFeatures(features);
  const std::string document = encodeFeatureDocument(features);
  // Never store what could not be read back: the reader's bounds are the rule.
  (void)decodeFeatureDocument(document);
  const std::string documentSha = sha256Hex(std::string_view(document));
  WriteTransaction tx(*db_);
  const Impression impression = getImpression(impressionId);
  const Case c = getCase(caseOfImpression(impressionId));
  requireStatus(c, {CaseStatus::Queued, CaseStatus::Leased, CaseStatus::Analysis, CaseStatus::Comparison,
                    CaseStatus::Concluded, CaseStatus::Verified}, "editing features");
  if (features.author == FeatureAuthor::Examiner && impression.role == ImpressionRole::Candidate)
    requireStatus(c, {CaseStatus::Comparison, CaseStatus::Concluded, CaseStatus::Verified},
                  "marking a candidate (the probe's analysis must be locked first)");

  FeatureSetVersion saved;
  const auto latest = latestOf(*db_, impressionId, features.author);
  const std::string now = nowIso8601();
  if (latest && !latest->locked) {
    db_->prepare("UPDATE feature_set SET document = ?, document_sha256 = ?, saved_by = ?, saved_at = ? WHERE id = ?")
        .bind(1, document).bind(2, documentSha).bind(3, actor.user).bind(4, now).bind(5, latest->id).run();
    saved = *latest;
  } else {
    saved.version = latest ? latest->version + 1 : 1;
    db_->prepare("INSERT INTO feature_set (impression_id, author, version, document, document_sha256, saved_by, saved_at)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, impressionId).bind(2, toCode(features.author)).bind(3, saved.version).bind(4, document)
        .bind(5, documentSha).bind(6, actor.user).bind(7, now).run();
    saved.id = db_->lastInsertId();
    saved.impressionId = impressionId;
  }
  saved.features = features;
  saved.documentSha256 = documentSha;
  saved.savedBy = actor.user;
  saved.savedAt = now;

  JsonWriter details;
  details.beginObject().key("markup").value("features").key("impression").value(impressionId);
  details.key("author").value(toCode(features.author)).key("version").value(saved.version);
  details.key("minutiae").value(static_cast<std::int64_t>(features.minutiae.size()));
  details.key("documentSha256").value(documentSha).endObject();
  audit_->append(actor, c.id, AuditAction::MarkupChanged, details.str());
  tx.commit();
  return saved;
}

std::optional<FeatureSetVersion> CaseStore::latestFeatures(std::int64_t impressionId, FeatureAuthor author) const {
  return latestOf(*db_, impressionId, author);
}

std::vector<FeatureSetVersion> CaseStore::featureHistory(std::int64_t impressionId) const {
  Statement q = db_->prepare("SELECT " + std::string(kVersionColumns) +
                             " FROM feature_set WHERE impression_id = ? ORDER BY author, version");
  q.bind(1, impressionId);
  std::vector<FeatureSetVersion> out;
  while (q.step()) out.push_back(readVersion(q));
  return out;
}

FeatureSetVersion CaseStore::lockAnalysis(std::int64_t caseId, const Actor& actor) {
  WriteTransaction tx(*db_);
  const Case c = getCase(caseId);
  requireStatus(c, {CaseStatus::Analysis}, "locking the analysis");
  Statement probe = db_->prepare("SELECT id FROM impression WHERE case_id = ? AND role = 'probe'");
  probe.bind(1, caseId);
  if (!probe.step()) throw InputError("case " + c.hubId + " has no probe to analyse");
  const std::int64_t probeId = probe.int64(0);
  auto analysis = latestOf(*db_, probeId, FeatureAuthor::Examiner);
  if (!analysis) throw InputError("case " + c.hubId + ": the examiner has not saved an analysis of the probe yet");
  const std::string now = nowIso8601();
  db_->prepare("UPDATE feature_set SET locked_by = ?, locked_at = ? WHERE id = ?")
      .bind(1, actor.user).bind(2, now).bind(3, analysis->id).run();
  setStatus(caseId, CaseStatus::Comparison);
  analysis->locked = true;
  analysis->lockedBy = actor.user;
  analysis->lockedAt = now;

  JsonWriter details;
  details.beginObject().key("impression").value(probeId).key("version").value(analysis->version);
  details.key("value").value(toCode(analysis->features.value));
  details.key("minutiae").value(static_cast<std::int64_t>(analysis->features.minutiae.size()));
  details.key("documentSha256").value(analysis->documentSha256).endObject();
  audit_->append(actor, caseId, AuditAction::AnalysisLocked, details.str());
  tx.commit();
  return *analysis;
}

}  // namespace ridgeline::store
