// Impressions (probe and candidates) and their content-addressed images.
#include <cmath>

#include "core/store/case_store.h"
#include "core/store/json_text.h"
#include "core/util/errors.h"

namespace ridgeline::store {
namespace {

constexpr std::string_view kImpressionColumns =
    "id, role, rank, subject_id, hub_score, image_sha256, width, height, ppi, source_format, finger_position, "
    "image_purged";

Impression readImpression(const Statement& q) {
  Impression i;
  i.id = q.int64(0);
  i.role = impressionRoleFromCode(q.textView(1)).value_or(ImpressionRole::Candidate);
  i.rank = q.integer(2);
  i.subjectId = q.text(3);
  i.hubScore = q.real(4);
  i.imageSha256 = q.text(5);
  i.width = q.integer(6);
  i.height = q.integer(7);
  i.ppi = q.real(8);
  i.sourceFormat = q.text(9);
  i.fingerPosition = q.integer(10);
  return i;
}

void validateImpression(const Impression& i, size_t imageSize) {
  if (imageSize == 0) throw InputError("an impression needs its image; the image given is empty");
  if (!(i.ppi > 0 && i.ppi < 100000)) throw InputError("impression resolution " + std::to_string(i.ppi) + " ppi is not plausible");
  if (i.width < 0 || i.height < 0) throw InputError("impression size must not be negative");
  if (i.role == ImpressionRole::Probe && i.rank != 0) throw InputError("the probe has rank 0");
  if (i.role == ImpressionRole::Candidate && i.rank < 1) throw InputError("candidates are ranked from 1");
  if (i.fingerPosition < 0 || i.fingerPosition > 99) throw InputError("finger position code outside 0-99");
  if (!std::isfinite(i.hubScore)) throw InputError("candidate hub score must be a number");
}

}  // namespace

std::int64_t CaseStore::addImpression(std::int64_t caseId, const Impression& impression,
                                      std::span<const std::uint8_t> imageBytes, const Actor& actor) {
  validateImpression(impression, imageBytes.size());
  if (getCase(caseId).status == CaseStatus::Purged) throw InputError("case " + std::to_string(caseId) + " was purged");
  // The file goes in first (atomically); if we die before the row commits, the
  // file is an unreferenced but intact orphan, never a dangling reference.
  const std::string sha = images_->put(imageBytes);
  WriteTransaction tx(*db_);
  const Case c = getCase(caseId);
  if (c.status == CaseStatus::Purged) throw InputError("case " + c.hubId + " was purged");
  // A purge of another case holding the same image may have erased the file
  // between put() and this lock; under the lock no erasure can intervene.
  if (!images_->exists(sha)) images_->put(imageBytes);
  if (impression.role == ImpressionRole::Probe) {
    Statement probe = db_->prepare("SELECT 1 FROM impression WHERE case_id = ? AND role = 'probe'");
    probe.bind(1, caseId);
    if (probe.step()) throw InputError("case " + c.hubId + " already has a probe");
  }
  Statement insert = db_->prepare(
      "INSERT INTO impression (case_id, role, rank, subject_id, hub_score, image_sha256, width, height, ppi,"
      " source_format, finger_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, caseId).bind(2, toCode(impression.role)).bind(3, impression.rank).bind(4, impression.subjectId);
  insert.bind(5, impression.hubScore).bind(6, sha).bind(7, impression.width).bind(8, impression.height);
  insert.bind(9, impression.ppi).bind(10, impression.sourceFormat).bind(11, impression.fingerPosition);
  insert.run();
  const std::int64_t id = db_->lastInsertId();
  JsonWriter details;
  details.beginObject().key("impression").value(id).key("role").value(toCode(impression.role));
  details.key("rank").value(impression.rank).key("imageSha256").value(sha);
  details.key("imageBytes").value(static_cast<std::int64_t>(imageBytes.size())).endObject();
  audit_->append(actor, caseId, AuditAction::CasePulled, details.str());
  tx.commit();
  return id;
}

Impression CaseStore::getImpression(std::int64_t impressionId) const {
  Statement q = db_->prepare("SELECT " + std::string(kImpressionColumns) + " FROM impression WHERE id = ?");
  q.bind(1, impressionId);
  if (!q.step()) throw InputError("no impression " + std::to_string(impressionId) + " in this profile");
  return readImpression(q);
}

std::vector<Impression> CaseStore::impressions(std::int64_t caseId) const {
  Statement q = db_->prepare("SELECT " + std::string(kImpressionColumns) +
                             " FROM impression WHERE case_id = ? ORDER BY rank, id");
  q.bind(1, caseId);
  std::vector<Impression> out;
  while (q.step()) out.push_back(readImpression(q));
  return out;
}

std::vector<std::uint8_t> CaseStore::readImage(std::int64_t impressionId) const {
  const Impression impression = getImpression(impressionId);
  const Case c = getCase(caseOfImpression(impressionId));
  if (c.status == CaseStatus::Purged)
    throw InputError("impression " + std::to_string(impressionId) + " belongs to purged case " + c.hubId +
                     "; its image was deleted");
  return images_->get(impression.imageSha256);
}

std::vector<std::uint8_t> CaseStore::viewImage(std::int64_t impressionId, const Actor& actor) {
  const Impression impression = getImpression(impressionId);
  const std::int64_t caseId = caseOfImpression(impressionId);
  if (impression.role == ImpressionRole::Candidate)
    requireStatus(getCase(caseId), {CaseStatus::Comparison, CaseStatus::Concluded, CaseStatus::Verified,
                                    CaseStatus::Delivered}, "showing a candidate (the probe's analysis must be locked first)");
  // Checked before anything is recorded: a missing or altered file is reported, not shown.
  std::vector<std::uint8_t> bytes = readImage(impressionId);
  WriteTransaction tx(*db_);
  JsonWriter details;
  details.beginObject().key("impression").value(impressionId).key("imageSha256").value(impression.imageSha256).endObject();
  audit_->append(actor, caseId, AuditAction::ImageViewed, details.str());
  tx.commit();
  return bytes;
}

std::vector<std::string> CaseStore::checkImages() const {
  std::vector<std::string> problems;
  Statement q = db_->prepare("SELECT DISTINCT image_sha256 FROM impression WHERE image_purged = 0");
  while (q.step()) {
    try {
      images_->verify(q.text(0));
    } catch (const InputError& e) {
      problems.emplace_back(e.what());
    }
  }
  return problems;
}

}  // namespace ridgeline::store
