#include "views/workstation/workstation.h"

#include <QtConcurrent/QtConcurrent>
#include <algorithm>

#include "core/face/face_photo.h"
#include "core/fingerprint/extractor.h"
#include "core/formats/image/image_codec.h"
#include "core/hub/client/hub_client.h"
#include "core/hub/server/reference_hub.h"
#include "core/hub/sync/sync_engine.h"
#include "core/store/case_store.h"
#include "core/util/errors.h"
#include "views/util/image_conversion.h"
#include "views/workstation/qt_progress.h"

namespace ridgeline::views {

Workstation::Workstation(const QString& profileDir, const QString& examiner, QObject* parent)
    : QObject(parent),
      profileDir_(profileDir),
      actor_{examiner.toStdString(), "examiner"},
      store_(std::make_unique<store::CaseStore>(profileDir.toStdString())) {}

Workstation::~Workstation() {
  cancelSync();
  QThreadPool::globalInstance()->waitForDone();
}

void Workstation::startDemoHub(const QString& stateDir) {
  demoHub_ = hub::ReferenceHub::start(stateDir.toStdString(), "127.0.0.1:0", /*demo=*/true);
  const hub::HubConnection& c = demoHub_->connection();
  setHub({c.url, c.caFile, c.serverCertificateSha256, c.tokens.at("examiner")});
}

void Workstation::setHub(const hub::HubClientConfig& config) { hubConfig_ = config; }

QString Workstation::hubName() const {
  if (!hubConfig_) return {};
  return demoHub_ ? tr("demo hub (%1)").arg(QString::fromStdString(hubConfig_->url))
                  : QString::fromStdString(hubConfig_->url);
}

std::vector<Case> Workstation::cases() const { return store_->listCases(); }

int Workstation::decisionsWaiting() const {
  return static_cast<int>(store_->outbox(OutboxState::Pending).size() + store_->outbox(OutboxState::Sent).size());
}

void Workstation::syncNow() {
  if (!hubConfig_ || syncing_) return;
  syncing_ = true;
  progress_ = new QtProgress(this);
  connect(progress_, &QtProgress::progressed, this, &Workstation::syncProgress);
  emit syncStarted();
  const auto config = *hubConfig_;
  const std::string dir = profileDir_.toStdString();
  const Actor actor = actor_;
  // A real hub's queue is shared, so the desk holds a few cases at a time. The
  // demo hub's queue is this desk's alone: holding all of it means the demo
  // shows face cases too (they are not among its three most urgent).
  const int leases = demoHub_ ? 100 : hub::SyncOptions{}.leaseCount;
  QtProgress* progress = progress_;
  // The worker has its own store connection: a CaseStore serves one thread.
  auto future = QtConcurrent::run([config, dir, actor, leases, progress]() -> std::pair<bool, QString> {
    try {
      store::CaseStore store(dir);
      hub::HubClient client(config, progress);
      hub::SyncEngine engine(store, client, {.examiner = actor.user, .leaseCount = leases});
      const hub::SyncReport r = engine.run(*progress);
      return {true, tr("Synced: %1 new cases, %2 leased, %3 decisions delivered")
                        .arg(r.casesPulled).arg(r.casesLeased).arg(r.decisionsDelivered)};
    } catch (const CancelledError&) {
      return {false, tr("Sync cancelled. Nothing was lost; the next sync carries on.")};
    } catch (const std::exception& e) {
      return {false, tr("Sync failed: %1. You can keep working on cached cases; decisions wait in the outbox.")
                         .arg(QString::fromUtf8(e.what()))};
    }
  });
  auto* watcher = new QFutureWatcher<std::pair<bool, QString>>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
    const auto [ok, summary] = watcher->result();
    watcher->deleteLater();
    progress_->deleteLater();
    progress_ = nullptr;
    syncing_ = false;
    emit syncFinished(ok, summary);
    emit casesChanged();
    emit outboxChanged(decisionsWaiting());
  });
  watcher->setFuture(future);
}

void Workstation::cancelSync() {
  if (progress_) progress_->cancel();
}

QImage Workstation::decodeForDisplay(const std::vector<std::uint8_t>& bytes, const QString& what) const {
  const GrayImage decoded = decodeImage(bytes);
  const QImage image = toQImage(decoded.pixels);
  if (image.isNull()) throw InputError("cannot show " + what.toStdString() + ": the image is not 8-bit grey");
  return image;
}

static std::optional<FeatureSet> storedAutomaticFeatures(const store::CaseStore& store, const Impression& imp) {
  for (auto author : {FeatureAuthor::Hub, FeatureAuthor::LocalMatcher})
    if (auto v = store.latestFeatures(imp.id, author)) return v->features;
  return std::nullopt;
}

// The matcher compares ridge flow and the ridges around paired minutiae as
// well as the minutiae; the hub's features carry neither, and stored sets
// carry no ridge detail (it is not saved), so they are read from the image,
// whose properties they are, whoever marked the minutiae.
static FeatureSet withImageEvidence(FeatureSet features, const QImage& image, double ppi) {
  if ((features.ridgeFlow && features.ridgeDetail) || image.isNull()) return features;
  try {
    auto evidence = fingerprint::extractRidgeEvidence(toGrayMat(image), ppi);
    if (!features.ridgeFlow) features.ridgeFlow = std::move(evidence.flow);
    if (!features.ridgeDetail) features.ridgeDetail = std::move(evidence.detail);
  } catch (const InputError&) {
    // An image too small for the flow stages: the matcher scores the minutiae alone.
  }
  return features;
}

// The hub sent no features: the local extractor supplies them, and they are
// kept (author: local matcher) so the case shows the same markup next time.
static FeatureSet automaticFeatures(store::CaseStore& store, const Impression& imp, const QImage& image,
                                    const Actor& actor) {
  if (auto stored = storedAutomaticFeatures(store, imp)) return withImageEvidence(*stored, image, imp.ppi);
  if (image.isNull()) return {};
  FeatureSet extracted = fingerprint::extractFeatures(toGrayMat(image), imp.ppi);
  store.saveFeatures(imp.id, extracted, actor);
  return extracted;
}

Case Workstation::beginExamination(std::int64_t caseId) {
  // A leased case moves to analysis (audited) the first time it is opened.
  if (store_->getCase(caseId).status == CaseStatus::Leased) store_->openCase(caseId, actor_);
  return store_->getCase(caseId);
}

std::vector<Impression> Workstation::rankedImpressions(std::int64_t caseId) const {
  auto impressions = store_->impressions(caseId);
  std::sort(impressions.begin(), impressions.end(), [](auto& a, auto& b) { return a.rank < b.rank; });
  return impressions;
}

CaseSession Workstation::openCase(std::int64_t caseId) {
  CaseSession s;
  s.caseInfo = beginExamination(caseId);
  for (const Impression& imp : rankedImpressions(caseId)) {
    LoadedImpression loaded{imp, {}, {}};
    if (imp.role == ImpressionRole::Probe) {
      loaded.image = decodeForDisplay(store_->viewImage(imp.id, actor_), tr("the probe"));
      loaded.automatic = automaticFeatures(*store_, imp, loaded.image, actor_);
      loaded.enhancements = enhancementsOf(imp.id);
      s.probe = loaded;
      if (auto mine = store_->latestFeatures(imp.id, FeatureAuthor::Examiner)) {
        s.analysis = mine->features;
        s.analysisLocked = mine->locked;
        s.analysisVersion = mine->version;
      }
    } else {
      // Candidate images are fetched (and the view audited) only when shown.
      if (auto stored = storedAutomaticFeatures(*store_, imp)) loaded.automatic = *stored;
      s.candidates.push_back(loaded);
    }
  }
  return s;
}

FaceCaseSession Workstation::openFaceCase(std::int64_t caseId) {
  FaceCaseSession s;
  s.caseInfo = beginExamination(caseId);
  for (const Impression& imp : rankedImpressions(caseId)) {
    if (imp.role == ImpressionRole::Probe) {
      s.probe = imp;
      s.probePhoto = viewPhoto(imp.id);
      if (auto mine = store_->latestFeatures(imp.id, FeatureAuthor::Examiner)) s.analysisLocked = mine->locked;
    } else {
      s.candidates.push_back(imp);
    }
  }
  return s;
}

cv::Mat Workstation::viewPhoto(std::int64_t impressionId) {
  return face::decodeFacePhoto(store_->viewImage(impressionId, actor_), "the photo");
}

void Workstation::recordFaceConclusion(std::int64_t caseId, const Conclusion& conclusion,
                                       const QString& checklistJson) {
  store_->addAnnotation(caseId, conclusion.candidateId, "FISWG checklist " + checklistJson.toStdString(), actor_);
  Conclusion c = conclusion;
  c.examiner = actor_.user;
  store_->recordConclusion(caseId, c, actor_);
  emit casesChanged();
  emit outboxChanged(decisionsWaiting());
}

void Workstation::lockAnalysis(std::int64_t caseId, std::int64_t probeImpressionId, const FeatureSet& analysis) {
  FeatureSet mine = analysis;
  mine.author = FeatureAuthor::Examiner;
  mine.authorName = actor_.user;
  store_->saveFeatures(probeImpressionId, mine, actor_);
  store_->lockAnalysis(caseId, actor_);
}

void Workstation::loadCandidate(LoadedImpression& candidate) {
  candidate.image = decodeForDisplay(store_->viewImage(candidate.impression.id, actor_), tr("the candidate"));
  candidate.enhancements = enhancementsOf(candidate.impression.id);
  if (candidate.automatic.minutiae.empty())
    candidate.automatic = automaticFeatures(*store_, candidate.impression, candidate.image, actor_);
  else
    candidate.automatic = withImageEvidence(candidate.automatic, candidate.image, candidate.impression.ppi);
}

void Workstation::logEnhancement(std::int64_t impressionId, const imaging::Enhancement& step) {
  store_->logEnhancement(impressionId, step.name, imaging::parametersJson(step), actor_);
}

std::vector<imaging::Enhancement> Workstation::enhancementsOf(std::int64_t impressionId) const {
  std::vector<imaging::Enhancement> steps;
  for (const EnhancementStep& s : store_->enhancementLog(impressionId))
    steps.push_back(imaging::parseStep(s.name, s.parametersJson));
  return steps;
}

void Workstation::recordConclusion(std::int64_t caseId, const Conclusion& conclusion,
                                   const std::vector<Correspondence>& correspondences) {
  store_->saveCorrespondences(conclusion.candidateId, correspondences, actor_);
  Conclusion c = conclusion;
  c.examiner = actor_.user;
  store_->recordConclusion(caseId, c, actor_);
  emit casesChanged();
  emit outboxChanged(decisionsWaiting());
}

}  // namespace ridgeline::views
