#include "views/workstation/desk_controller.h"

#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QStatusBar>

#include "core/fingerprint/matcher.h"
#include "core/store/case_store.h"
#include "views/casework/analysis_page.h"
#include "views/casework/case_view.h"
#include "views/comparison/correspondence_document.h"
#include "views/comparison/feature_set_document.h"
#include "views/face/face_case_view.h"
#include "views/queue/queue_dock.h"
#include "views/queue/queue_table_model.h"
#include "views/shell/hub_status_indicator.h"
#include "views/shell/main_window.h"
#include "views/workstation/workstation.h"

namespace ridgeline::views {
namespace {

// The local matcher's pairing, as correspondences the examiner then judges.
std::vector<Correspondence> proposeWithMatcher(const FeatureSet& probe, const FeatureSet& candidate) {
  std::vector<Correspondence> out;
  for (const auto& pair : fingerprint::matchFeatures(probe, candidate).pairs)
    out.push_back({0, pair.probe, pair.candidate, CorrespondenceType::Possible});
  return out;
}

std::optional<LocalScore> scoreWithMatcher(const FeatureSet& probe, const FeatureSet& candidate) {
  if (probe.minutiae.empty() || candidate.minutiae.empty()) return std::nullopt;
  const fingerprint::MatchResult r = fingerprint::matchFeatures(probe, candidate);
  LocalScore s{r.score, std::nullopt, 0, std::nullopt, int(r.pairs.size()), r.breakdown.probeInOverlap,
               r.breakdown.candidateInOverlap};
  if (r.flow.compared) s.flowAgreement = r.flow.agreement, s.flowSharedMm2 = r.flow.sharedMm2;
  if (r.flow.periodMismatch >= 0) s.spacingMismatch = r.flow.periodMismatch;
  if (r.breakdown.ridgeDetailPairs >= 0) s.ridgeDetailPairs = r.breakdown.ridgeDetailPairs;
  if (r.breakdown.ridgeCountsCompared >= 0) {
    s.ridgeCountsCompared = r.breakdown.ridgeCountsCompared;
    s.ridgeCountsSame = r.breakdown.ridgeCountsSame;
    s.ridgeCountsWithinOne = r.breakdown.ridgeCountsWithinOne;
  }
  return s;
}

}  // namespace

DeskController::DeskController(MainWindow* window, Workstation* workstation, QObject* parent)
    : QObject(parent), window_(window), workstation_(workstation) {
  HubStatusIndicator* status = window_->hubStatus();
  connect(window_, &MainWindow::syncRequested, workstation_, &Workstation::syncNow);
  connect(window_, &MainWindow::cancelRequested, workstation_, &Workstation::cancelSync);
  connect(workstation_, &Workstation::syncStarted, this, [this, status] {
    status->setConnection(HubConnection::Connecting, workstation_->hubName());
    window_->showProgress(tr("Syncing with the hub…"), 0);
  });
  connect(workstation_, &Workstation::syncProgress, window_, [this](double f, const QString& step) {
    window_->showProgress(step, f);
  });
  connect(workstation_, &Workstation::syncFinished, this, [this, status](bool ok, const QString& summary) {
    window_->hideProgress();
    status->setConnection(ok ? HubConnection::Online : HubConnection::Offline, workstation_->hubName());
    report(summary, !ok);
    emit syncDone(ok);
  });
  connect(workstation_, &Workstation::casesChanged, this, &DeskController::refreshQueue);
  connect(workstation_, &Workstation::outboxChanged, status, &HubStatusIndicator::setOutboxCount);
  connect(window_->queueDock(), &QueueDock::caseActivated, this, [this](qint64 id) { openCase(id); });
  if (workstation_->hasHub()) status->setConnection(HubConnection::Offline, workstation_->hubName());
  status->setOutboxCount(workstation_->decisionsWaiting());
  refreshQueue();
}

void DeskController::refreshQueue() {
  const auto cases = workstation_->cases();  // one read of the store
  window_->queueDock()->model()->setCases(cases);
  if (cases.empty())
    window_->queueDock()->setEmptyMessage(workstation_->hasHub()
                                              ? tr("The queue is empty. Press Sync to pull cases from the hub.")
                                              : tr("No hub is configured and no cases are cached."));
}

void DeskController::report(const QString& message, bool error) {
  window_->statusBar()->showMessage(message, error ? 0 : 8000);
}

CaseView* DeskController::currentCase() const { return qobject_cast<CaseView*>(window_->currentCase()); }

void DeskController::cannotOpen(const std::exception& e) {
  QMessageBox::warning(window_, tr("Cannot open the case"),
                       tr("%1\n\nThe case stays in the queue; sync again or ask your supervisor.").arg(e.what()));
}

FaceCaseView* DeskController::openFaceCase(qint64 caseId) {
  FaceCaseSession session;
  try {
    session = workstation_->openFaceCase(caseId);
  } catch (const std::exception& e) {
    cannotOpen(e);
    return nullptr;
  }
  if (session.candidates.empty()) {
    report(tr("This case has no payload yet: sync to fetch its photos."), true);
    return nullptr;
  }
  Workstation* ws = workstation_;
  session.loadPhoto = [ws](const Impression& imp) { return ws->viewPhoto(imp.id); };
  const std::int64_t probeId = session.probe.id;
  auto* view = new FaceCaseView(std::move(session));
  connect(view, &FaceCaseView::statusMessage, this, [this](const QString& m) { report(m); });
  connect(view, &FaceCaseView::analysisLocked, this, [this, caseId, probeId] {
    try {
      workstation_->lockAnalysis(caseId, probeId, FeatureSet{});
    } catch (const std::exception& e) {
      report(tr("The analysis could not be recorded: %1").arg(e.what()), true);
    }
  });
  connect(view, &FaceCaseView::conclusionRecorded, this,
          [this, caseId](const Conclusion& c, const QString& checklist) {
            try {
              workstation_->recordFaceConclusion(caseId, c, checklist);
              report(tr("Conclusion recorded. It waits in the outbox until the next sync."));
            } catch (const std::exception& e) {
              QMessageBox::warning(window_, tr("Conclusion not recorded"),
                                   tr("%1\n\nNothing was lost: the checklist is still open.").arg(e.what()));
            }
          });
  window_->showCase(view);
  refreshQueue();
  return view;
}

CaseView* DeskController::openCase(qint64 caseId) {
  try {
    if (workstation_->store().getCase(caseId).modality == Modality::Face) {
      openFaceCase(caseId);
      return nullptr;
    }
  } catch (const std::exception& e) {
    cannotOpen(e);
    return nullptr;
  }
  CaseSession session;
  try {
    session = workstation_->openCase(caseId);
  } catch (const std::exception& e) {
    cannotOpen(e);
    return nullptr;
  }
  if (session.candidates.empty() || session.probe.image.isNull()) {
    report(tr("This case has no payload yet: sync to fetch its images."), true);
    return nullptr;
  }
  Workstation* ws = workstation_;
  session.loadCandidate = [ws](LoadedImpression& cand) { ws->loadCandidate(cand); };
  auto* view = new CaseView(std::move(session));
  view->setProposer(proposeWithMatcher);
  view->setScorer(scoreWithMatcher);
  wireCaseView(view, caseId);
  window_->showCase(view);
  refreshQueue();
  return view;
}

void DeskController::wireCaseView(CaseView* view, qint64 caseId) {
  connect(view, &CaseView::statusMessage, this, [this](const QString& m) { report(m); });
  connect(view, &CaseView::analysisLocked, this, [this, view, caseId](int, const FeatureSet& features) {
    try {
      workstation_->lockAnalysis(caseId, view->session().probe.impression.id, features);
      report(tr("Analysis locked and recorded. The candidates are now shown."));
    } catch (const std::exception& e) {
      report(tr("The analysis could not be recorded: %1").arg(e.what()), true);
    }
  });
  connect(view, &CaseView::enhancementApplied, this, [this](qint64 impressionId, const imaging::Enhancement& step) {
    try {
      workstation_->logEnhancement(impressionId, step);
    } catch (const std::exception& e) {
      report(tr("The enhancement step could not be logged: %1. Revert it before relying on the view.").arg(e.what()),
             true);
    }
  });
  connect(view, &CaseView::conclusionRecorded, this, [this, view, caseId](const Conclusion& c) {
    try {
      workstation_->recordConclusion(caseId, c, view->correspondences()->correspondences());
      report(tr("Conclusion recorded. It waits in the outbox until the next sync."));
    } catch (const std::exception& e) {
      QMessageBox::warning(window_, tr("Conclusion not recorded"),
                           tr("%1\n\nNothing was lost: your markup is still open.").arg(e.what()));
    }
  });
}

std::optional<qint64> DeskController::firstOpenableCase(Modality modality) const {
  for (const Case& c : workstation_->cases())
    if (c.modality == modality && c.status != CaseStatus::Queued && c.status != CaseStatus::Purged &&
        !workstation_->store().impressions(c.id).empty())
      return c.id;
  return std::nullopt;
}

void DeskController::completeAnalysisForDemo(CaseView* view) {
  if (!view || view->analysisDocument()->isLocked()) return;
  view->analysisPage()->adoptAutomaticMinutiae();
  if (auto* ofValue = view->analysisPage()->findChild<QRadioButton*>()) ofValue->click();
  view->analysisPage()->completeAnalysis();
}

void DeskController::completeAnalysisForDemo(FaceCaseView* view) {
  if (!view || !view->completeButton()->isEnabled()) return;
  if (auto* ofValue = view->findChild<QRadioButton*>("faceOfValue")) ofValue->click();
  view->completeAnalysis();
}

}  // namespace ridgeline::views
