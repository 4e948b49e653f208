#pragma once
// The examiner's work on one workstation profile: cases, impressions and
// their images, feature set versions, markup, conclusions, the outbox to the
// hub, retention (purge) and the audit trail. The GUI, the CLI and the hub
// sync engine all call this API.
//
// Every method that changes state runs in one SQLite write transaction that
// also appends its audit event: the change and its record commit together or
// not at all. Methods throw InputError when the request or the stored data is
// wrong (naming what), RemoteError when the environment fails (disk, locks);
// the store stays usable after either.
//
// A CaseStore is used by one thread at a time; several processes may open
// the same profile at once (SQLite WAL, busy timeout, BEGIN IMMEDIATE).
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/model/audit_event.h"
#include "core/model/case.h"
#include "core/model/case_records.h"
#include "core/store/audit_trail.h"
#include "core/store/clock.h"
#include "core/store/image_files.h"
#include "core/store/sqlite_db.h"
#include "core/util/progress.h"

namespace ridgeline::store {

struct StoreOptions {
  // How long biometric data of a delivered non-identification case is kept
  // before purge, for profiles that have no setting of their own (see
  // CaseStore::setPurgeGrace). The hub's rule is "after the search": none.
  std::chrono::seconds purgeGrace{0};
  int busyTimeoutMs = 15000;
};

class CaseStore {
 public:
  // $XDG_DATA_HOME/ridgeline/default, or ~/.local/share/ridgeline/default.
  static std::filesystem::path defaultProfileDir();

  // Opens or creates the profile in dir and migrates it to the newest schema.
  // Throws InputError (nothing written) when the database is newer than this
  // build, not a database, or damaged.
  explicit CaseStore(const std::filesystem::path& dir, StoreOptions options = {});
  ~CaseStore();
  CaseStore(const CaseStore&) = delete;
  CaseStore& operator=(const CaseStore&) = delete;

  const std::filesystem::path& profileDir() const { return dir_; }
  std::filesystem::path databasePath() const { return dir_ / "ridgeline.db"; }

  // --- cases (case_store_cases.cpp) ---------------------------------------
  std::int64_t addCase(const Case& c, const Actor& actor);  // audit: case.pulled
  // Several new cases in one write transaction (one fsync): how sync stores a
  // queue page. All or none; InputError names the first case refused.
  std::vector<std::int64_t> addCases(const std::vector<Case>& cases, const Actor& actor);
  Case getCase(std::int64_t caseId) const;                  // InputError when unknown
  std::optional<Case> findCaseByHubId(const std::string& hubId) const;
  std::vector<Case> listCases(std::optional<CaseStatus> status = std::nullopt) const;
  void leaseCase(std::int64_t caseId, const std::string& holder, const std::string& expires, const Actor& actor);
  void releaseLease(std::int64_t caseId, const Actor& actor);
  void openCase(std::int64_t caseId, const Actor& actor);  // leased -> analysis; audit: case.opened

  // --- impressions and images (case_store_impressions.cpp) ---------------
  // Stores the image (content-addressed) and the impression; returns its id.
  std::int64_t addImpression(std::int64_t caseId, const Impression& impression,
                             std::span<const std::uint8_t> imageBytes, const Actor& actor);
  Impression getImpression(std::int64_t impressionId) const;
  std::vector<Impression> impressions(std::int64_t caseId) const;
  // The image bytes for a person to look at, checked against their hash;
  // audit: image.viewed. A candidate is shown only once the probe's analysis
  // is locked (bias control).
  std::vector<std::uint8_t> viewImage(std::int64_t impressionId, const Actor& actor);
  // The image bytes for machine use (local matcher, export), hash-checked,
  // not recorded as a view. Never for display.
  std::vector<std::uint8_t> readImage(std::int64_t impressionId) const;
  // Checks every image still referenced by the profile; one line per problem.
  std::vector<std::string> checkImages() const;

  // --- features and markup (case_store_features.cpp, case_store_markup.cpp)
  // Saves into the newest version of that author's set on the impression, or
  // a new version when the newest is locked. Audit: markup.changed.
  FeatureSetVersion saveFeatures(std::int64_t impressionId, const FeatureSet& features, const Actor& actor);
  std::optional<FeatureSetVersion> latestFeatures(std::int64_t impressionId, FeatureAuthor author) const;
  std::vector<FeatureSetVersion> featureHistory(std::int64_t impressionId) const;
  // Locks the examiner's analysis of the probe before any candidate is shown
  // (bias control): analysis -> comparison. Audit: analysis.locked.
  FeatureSetVersion lockAnalysis(std::int64_t caseId, const Actor& actor);

  void saveCorrespondences(std::int64_t candidateId, const std::vector<Correspondence>& pairs, const Actor& actor);
  std::vector<Correspondence> correspondences(std::int64_t candidateId) const;
  std::int64_t addAnnotation(std::int64_t caseId, std::optional<std::int64_t> impressionId, const std::string& text,
                             const Actor& actor);
  std::vector<Annotation> annotations(std::int64_t caseId) const;
  EnhancementStep logEnhancement(std::int64_t impressionId, const std::string& stepName,
                                 const std::string& parametersJson, const Actor& actor);
  std::vector<EnhancementStep> enhancementLog(std::int64_t impressionId) const;

  // --- conclusions (case_store_conclusions.cpp) ---------------------------
  // Examination (case in comparison -> concluded) or verification (concluded
  // -> verified); queues the decision in the outbox in the same transaction.
  std::int64_t recordConclusion(std::int64_t caseId, const Conclusion& conclusion, const Actor& actor);
  std::vector<Conclusion> conclusions(std::int64_t caseId) const;

  // --- outbox (case_store_outbox.cpp) -------------------------------------
  std::vector<OutboxItem> outbox(std::optional<OutboxState> state = std::nullopt) const;
  void markSent(std::int64_t itemId, const Actor& actor);  // attempts + 1; audit: sync
  void markAttemptFailed(std::int64_t itemId, const std::string& error, const Actor& actor);  // back to pending
  // The hub confirmed. A decision marks its case delivered, and a delivered
  // non-identification is purged when no grace period applies.
  void markAcknowledged(std::int64_t itemId, const Actor& actor);

  // --- retention (case_store_purge.cpp) -----------------------------------
  // The grace period is a profile setting, so the GUI and a CLI sync on the
  // same profile apply the same rule. Changing it is audited (action purge).
  std::chrono::seconds purgeGrace() const;
  void setPurgeGrace(std::chrono::seconds grace, const Actor& actor);
  bool purgeEligible(std::int64_t caseId, Clock::time_point now = Clock::now()) const;
  // Deletes images and features of one eligible case (InputError otherwise).
  void purgeCase(std::int64_t caseId, const Actor& actor);
  // Purges every eligible case whose grace period ended; returns how many.
  int purgeDue(const Actor& actor, Clock::time_point now = Clock::now());

  // --- audit trail (case_store_audit.cpp) ---------------------------------
  // For events other components record (export, sync, image shown elsewhere).
  // details must be a JSON object.
  AuditEvent recordEvent(std::optional<std::int64_t> caseId, AuditAction action, const std::string& detailsJson,
                         const Actor& actor);
  AuditVerification verifyAudit(Progress& progress) const;
  std::vector<AuditEvent> auditLog(std::optional<std::int64_t> caseId = std::nullopt) const;
  // SQLite's own structural check ("ok" or the first problems found).
  std::string checkDatabaseIntegrity() const;
  void enableWriteAheadLog();

  // For tools and tests: the underlying connection.
  Database& database() { return *db_; }

 private:
  void openDatabase();
  std::int64_t insertCase(const Case& c, const Actor& actor);  // inside a write transaction
  void erasePendingFiles();
  void requireStatus(const Case& c, std::initializer_list<CaseStatus> allowed, const std::string& action) const;
  void setStatus(std::int64_t caseId, CaseStatus status);
  std::int64_t caseOfImpression(std::int64_t impressionId) const;
  OutboxItem getOutboxItem(std::int64_t itemId) const;
  void purgeInTransaction(const Case& c, const Actor& actor);

  std::filesystem::path dir_;
  StoreOptions options_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<ImageFiles> images_;
  std::unique_ptr<AuditTrail> audit_;
};

}  // namespace ridgeline::store
