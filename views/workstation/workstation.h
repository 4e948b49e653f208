#pragma once
// The desk's connection to its data: the workstation profile (case store),
// the hub (a configured one, or the reference hub started in-process for
// --demo), and sync run off the UI thread with progress and cancel. Views
// ask it for cases and hand it what must be recorded.
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

#include "core/hub/client/hub_client_config.h"
#include "core/imaging/enhancement_step.h"
#include "core/model/audit_event.h"
#include "core/model/case.h"
#include "views/casework/case_session.h"
#include "views/face/face_case_view.h"

namespace ridgeline::store {
class CaseStore;
}
namespace ridgeline::hub {
class ReferenceHub;
}

namespace ridgeline::views {

class QtProgress;

class Workstation : public QObject {
  Q_OBJECT
 public:
  // Opens (or creates) the profile; throws InputError naming the problem.
  Workstation(const QString& profileDir, const QString& examiner, QObject* parent = nullptr);
  ~Workstation() override;

  // Starts the reference hub on loopback with a throwaway CA in stateDir and
  // points this desk at it through the same HTTPS client as a real hub.
  void startDemoHub(const QString& stateDir);
  void setHub(const hub::HubClientConfig& config);
  bool hasHub() const { return hubConfig_.has_value(); }
  QString hubName() const;

  std::vector<Case> cases() const;
  int decisionsWaiting() const;
  Actor actor() const { return actor_; }
  store::CaseStore& store() { return *store_; }

  // Loads a case for the case view (opens it: leased -> analysis, audited).
  CaseSession openCase(std::int64_t caseId);
  FaceCaseSession openFaceCase(std::int64_t caseId);
  // A face photo (colour) for display; audited; refused before the lock.
  cv::Mat viewPhoto(std::int64_t impressionId);
  // Records the FISWG checklist as a note on the candidate, then the conclusion.
  void recordFaceConclusion(std::int64_t caseId, const Conclusion& conclusion, const QString& checklistJson);
  // The examiner's analysis, saved and locked before any candidate is shown.
  void lockAnalysis(std::int64_t caseId, std::int64_t probeImpressionId, const FeatureSet& analysis);
  // A candidate's image for display (audited; refused before the lock) and,
  // when the hub sent no features, the local extractor's (kept in the store).
  void loadCandidate(LoadedImpression& candidate);
  void recordConclusion(std::int64_t caseId, const Conclusion& conclusion,
                        const std::vector<Correspondence>& correspondences);
  // One step on a working copy, logged (and audited) against the impression.
  void logEnhancement(std::int64_t impressionId, const imaging::Enhancement& step);
  bool isSyncing() const { return syncing_; }

 public slots:
  void syncNow();
  void cancelSync();

 signals:
  void syncStarted();
  void syncProgress(double fraction, const QString& step);
  void syncFinished(bool ok, const QString& summary);
  void casesChanged();
  void outboxChanged(int waiting);

 private:
  std::vector<imaging::Enhancement> enhancementsOf(std::int64_t impressionId) const;
  Case beginExamination(std::int64_t caseId);
  std::vector<Impression> rankedImpressions(std::int64_t caseId) const;
  QImage decodeForDisplay(const std::vector<std::uint8_t>& bytes, const QString& what) const;

  QString profileDir_;
  Actor actor_;
  std::unique_ptr<store::CaseStore> store_;
  std::unique_ptr<hub::ReferenceHub> demoHub_;
  std::optional<hub::HubClientConfig> hubConfig_;
  QtProgress* progress_ = nullptr;
  bool syncing_ = false;
};

}  // namespace ridgeline::views
