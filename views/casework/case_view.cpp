#include "views/casework/case_view.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include "core/util/resource_paths.h"
#include "views/casework/analysis_page.h"
#include "views/casework/evaluation_page.h"
#include "views/casework/score_distribution_chart.h"
#include "views/comparison/correspondence_document.h"
#include "views/comparison/correspondence_panel.h"
#include "views/comparison/feature_set_document.h"
#include "views/util/score_text.h"

namespace ridgeline::views {

CaseView::CaseView(CaseSession session, QWidget* parent)
    : QWidget(parent),
      session_(std::move(session)),
      undo_(new QUndoStack(this)),
      analysisDoc_(new FeatureSetDocument(session_.analysis, this)),
      candidateDoc_(new FeatureSetDocument({}, this)),
      links_(new CorrespondenceDocument(analysisDoc_, candidateDoc_, this)),
      steps_(new QButtonGroup(this)),
      pages_(new QStackedWidget),
      analysis_(new AnalysisPage(analysisDoc_, undo_)),
      comparison_(new ComparisonWorkspace(analysisDoc_, candidateDoc_, links_, undo_)),
      evaluation_(new EvaluationPage(session_.conclusionScale)),
      candidateChoice_(new QComboBox),
      candidateLabel_(new QLabel(tr("Candidate"))),
      title_(new QLabel) {
  setObjectName("caseView");
  analysisDoc_->setLocked(session_.analysisLocked);
  pages_->addWidget(analysis_);
  pages_->addWidget(comparison_);
  pages_->addWidget(evaluation_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addWidget(buildHeader());
  layout->addWidget(pages_, 1);

  analysis_->setProbe(session_.probe.image, session_.probe.impression.ppi, session_.probe.automatic);
  const auto reference = findResource("reference/fingerprint-scores.csv");
  evaluation_->setReference(reference ? readReferenceScores(QString::fromStdString(reference->string()))
                                      : ReferenceScores{});
  // Bias control: no candidate is loaded, let alone shown, before the lock.
  if (session_.analysisLocked && !session_.candidates.empty()) showCandidate(0);

  connect(analysis_, &AnalysisPage::analysisLocked, this, [this](int version) {
    session_.analysisLocked = true;
    refreshSteps();
    emit analysisLocked(version, analysisDoc_->features());
    if (candidate_ < 0 && !session_.candidates.empty()) showCandidate(0);
    goToStep(CaseStep::Comparison);
  });
  connect(analysis_, &AnalysisPage::analysisRevised, this, [this] {
    session_.analysisLocked = false;
    refreshSteps();
    goToStep(CaseStep::Analysis);
  });
  connect(evaluation_, &EvaluationPage::conclusionSaved, this, [this](const QString& decision, const QString& text) {
    Conclusion c;
    c.candidateId = session_.candidates.at(static_cast<size_t>(candidate_)).impression.id;
    c.decision = decision.toStdString();
    c.rationale = text.toStdString();
    c.role = "examination";
    emit conclusionRecorded(c);
  });
  for (auto* source : {static_cast<QObject*>(analysis_), static_cast<QObject*>(comparison_)})
    connect(source, SIGNAL(statusMessage(QString)), this, SIGNAL(statusMessage(QString)));
  connect(links_, &CorrespondenceDocument::changed, this, &CaseView::refreshEvaluation);
  connect(comparison_, &ComparisonWorkspace::enhancementApplied, this,
          [this](Side side, const imaging::Enhancement& step) {
            LoadedImpression& imp = side == Side::Probe ? session_.probe
                                                        : session_.candidates.at(static_cast<size_t>(candidate_));
            imp.enhancements.push_back(step);
            emit enhancementApplied(imp.impression.id, step);
          });
  refreshSteps();
  goToStep(session_.analysisLocked ? CaseStep::Comparison : CaseStep::Analysis);
}

QWidget* CaseView::buildHeader() {
  auto* header = new QWidget;
  auto* h = new QHBoxLayout(header);
  h->setContentsMargins(0, 0, 0, 4);
  const Case& c = session_.caseInfo;
  title_->setText(tr("<b>%1</b> · %2 · priority %3 · hub score %4 below threshold %5")
                      .arg(QString::fromStdString(c.hubId), QString::fromUtf8(toCode(c.modality).data()))
                      .arg(c.priority)
                      .arg(scoreText(c.bestHubScore))
                      .arg(scoreText(c.hubThreshold)));
  // The title gives way (wraps) before the step buttons do, so the window
  // still fits 1280 px with the queue docked.
  title_->setWordWrap(true);
  title_->setMinimumWidth(160);
  h->addWidget(title_, 1);
  const QString names[] = {tr("1  Analysis"), tr("2  Comparison"), tr("3  Evaluation")};
  for (int i = 0; i < 3; ++i) {
    auto* b = new QToolButton;
    b->setText(names[i]);
    b->setCheckable(true);
    b->setObjectName(QStringLiteral("step%1").arg(i));
    b->setMinimumWidth(120);
    steps_->addButton(b, i);
    h->addWidget(b);
  }
  steps_->setExclusive(true);
  connect(steps_, &QButtonGroup::idClicked, this, [this](int id) { goToStep(static_cast<CaseStep>(id)); });
  h->addSpacing(12);
  h->addWidget(candidateLabel_);
  for (size_t i = 0; i < session_.candidates.size(); ++i) {
    const auto& imp = session_.candidates[i].impression;
    candidateChoice_->addItem(tr("#%1 · hub %2").arg(imp.rank).arg(scoreText(imp.hubScore)));
  }
  candidateChoice_->setObjectName("candidateChoice");
  connect(candidateChoice_, &QComboBox::currentIndexChanged, this, &CaseView::showCandidate);
  h->addWidget(candidateChoice_);
  return header;
}

void CaseView::setProposer(CorrespondenceProposer proposer) { comparison_->setProposer(std::move(proposer)); }

void CaseView::setScorer(PairScorer scorer) {
  scorer_ = std::move(scorer);
  refreshEvaluation();
}

void CaseView::showCandidate(int index) {
  if (index < 0 || index >= static_cast<int>(session_.candidates.size()) || index == candidate_) return;
  if (!session_.analysisLocked) return;
  auto& cand = session_.candidates[static_cast<size_t>(index)];
  if (cand.image.isNull() && session_.loadCandidate) {
    try {
      session_.loadCandidate(cand);
    } catch (const std::exception& e) {
      emit statusMessage(tr("Cannot show candidate #%1: %2").arg(cand.impression.rank).arg(e.what()));
      return;
    }
  }
  candidate_ = index;
  // Correspondences belong to one candidate: switching starts a clean sheet.
  links_->reset({});
  candidateDoc_->reset(cand.automatic);
  undo_->clear();
  comparison_->setImages(session_.probe.image, session_.probe.impression.ppi, cand.image, cand.impression.ppi);
  // The measuring tool counts ridges on each print's enhanced ridges.
  comparison_->probeCanvas()->setRidgeDetail(session_.probe.automatic.ridgeDetail);
  comparison_->candidateCanvas()->setRidgeDetail(cand.automatic.ridgeDetail);
  comparison_->panel()->refresh();  // and the correspondences' ridge counts read them
  comparison_->restoreEnhancements(Side::Probe, session_.probe.enhancements);
  comparison_->restoreEnhancements(Side::Candidate, cand.enhancements);
  candidateChoice_->setCurrentIndex(index);
  refreshEvaluation();
}

bool CaseView::goToStep(CaseStep step) {
  if (step != CaseStep::Analysis && !session_.analysisLocked) {
    emit statusMessage(tr("Complete the analysis first: candidates stay hidden until it is locked."));
    steps_->button(static_cast<int>(CaseStep::Analysis))->setChecked(true);
    return false;
  }
  pages_->setCurrentIndex(static_cast<int>(step));
  steps_->button(static_cast<int>(step))->setChecked(true);
  candidateChoice_->setEnabled(step != CaseStep::Analysis);
  return true;
}

CaseStep CaseView::step() const { return static_cast<CaseStep>(pages_->currentIndex()); }

void CaseView::refreshSteps() {
  for (int i = 1; i < 3; ++i) steps_->button(i)->setEnabled(session_.analysisLocked);
  // Bias control: nothing of the candidate shows before the analysis is locked.
  candidateChoice_->setVisible(session_.analysisLocked);
  candidateLabel_->setVisible(session_.analysisLocked);
}

void CaseView::refreshEvaluation() {
  if (candidate_ < 0) return;
  const auto& cand = session_.candidates[static_cast<size_t>(candidate_)];
  std::optional<LocalScore> local;
  if (scorer_) {
    // The examiner marks minutiae, not flow or ridges: the probe's ridge flow
    // and ridge detail come from its image.
    FeatureSet probe = analysisDoc_->features();
    if (!probe.ridgeFlow) probe.ridgeFlow = session_.probe.automatic.ridgeFlow;
    if (!probe.ridgeDetail) probe.ridgeDetail = session_.probe.automatic.ridgeDetail;
    local = scorer_(probe, candidateDoc_->features());
  }
  evaluation_->setScores(local, cand.impression.hubScore, session_.caseInfo.hubThreshold);
  int definite = 0;
  for (const auto& c : links_->correspondences()) definite += c.type == CorrespondenceType::Definite;
  evaluation_->setCorrespondenceSummary(
      tr("%1 definite correspondences of %2 marked.").arg(definite).arg(links_->count()));
}

}  // namespace ridgeline::views
