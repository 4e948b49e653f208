#include "views/casework/evaluation_page.h"

#include <cmath>

#include <QButtonGroup>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "views/casework/score_distribution_chart.h"
#include "views/util/score_text.h"

namespace ridgeline::views {

namespace {
constexpr int kMinimumRationale = 20;  // characters: a sentence, not a tick box
}

EvaluationPage::EvaluationPage(const QStringList& scale, QWidget* parent)
    : QWidget(parent),
      scale_(scale),
      decisions_(new QButtonGroup(this)),
      rationale_(new QPlainTextEdit),
      save_(new QPushButton(tr("Record conclusion"))),
      scoreLine_(new QLabel),
      sourceLine_(new QLabel),
      correspondences_(new QLabel),
      chartSlot_(new QVBoxLayout) {
  setObjectName("evaluationPage");
  auto* conclusion = new QGroupBox(tr("Conclusion"));
  auto* cv = new QVBoxLayout(conclusion);
  for (int i = 0; i < scale_.size(); ++i) {
    QString label = scale_[i];
    label[0] = label[0].toUpper();
    auto* radio = new QRadioButton(label);
    radio->setObjectName("decision_" + scale_[i]);
    decisions_->addButton(radio, i);
    cv->addWidget(radio);
  }
  cv->addWidget(correspondences_);
  rationale_->setObjectName("rationale");
  rationale_->setPlaceholderText(
      tr("Rationale (required): the features relied on, their clarity and agreement or disagreement, "
         "and why they support this conclusion."));
  cv->addWidget(new QLabel(tr("Rationale")));
  cv->addWidget(rationale_, 1);
  save_->setObjectName("recordConclusion");
  cv->addWidget(save_);

  auto* context = new QGroupBox(tr("Local matcher score in context (advisory)"));
  auto* xv = new QVBoxLayout(context);
  scoreLine_->setWordWrap(true);
  sourceLine_->setWordWrap(true);
  sourceLine_->setStyleSheet("color: palette(placeholder-text);");
  xv->addWidget(scoreLine_);
  xv->addLayout(chartSlot_, 1);
  xv->addWidget(sourceLine_);
  xv->addStretch();

  auto* layout = new QHBoxLayout(this);
  layout->addWidget(conclusion, 2);
  layout->addWidget(context, 3);

  connect(decisions_, &QButtonGroup::idClicked, this, &EvaluationPage::refreshSaveState);
  connect(rationale_, &QPlainTextEdit::textChanged, this, &EvaluationPage::refreshSaveState);
  connect(save_, &QPushButton::clicked, this,
          [this] { emit conclusionSaved(decision(), rationale_->toPlainText().trimmed()); });
  refreshSaveState();
  setScores(std::nullopt, 0, 0);
}

// How many minutiae paired against how many each print shows where the two
// overlap: a score from 8 of 10 reads differently from one from 8 of 40.
// With the images, how many pairs also show the same ridges around them, and
// how often the ridges between neighbouring pairs count the same.
static QString minutiaeText(const LocalScore& local) {
  if (local.probeInOverlap <= 0 || local.candidateInOverlap <= 0) return {};
  QString text = QObject::tr("%1 minutiae paired, where the probe shows %2 and the candidate %3")
                     .arg(local.pairedMinutiae)
                     .arg(local.probeInOverlap)
                     .arg(local.candidateInOverlap);
  if (local.ridgeDetailPairs) {
    const int same = *local.ridgeDetailPairs;  // counted up to 10 (local_score.h)
    text += same == 0   ? QObject::tr(", none with the same ridges around them")
            : same >= 10 ? QObject::tr(", 10 or more with the same ridges around them")
                         : QObject::tr(", %1 with the same ridges around them").arg(same);
  }
  // A count off by one is often the extractor's, not the skin's: both are given.
  if (local.ridgeCountsCompared && *local.ridgeCountsCompared > 0)
    text += QObject::tr("; ridges between paired neighbours counted the same %1 times in %2, within one %3 times")
                .arg(local.ridgeCountsSame)
                .arg(*local.ridgeCountsCompared)
                .arg(local.ridgeCountsWithinOne);
  return text + QStringLiteral("; ");
}

// What went into the score besides the minutiae, so the examiner can weigh it.
static QString flowText(const LocalScore& local) {
  if (!local.flowAgreement) return QObject::tr("minutiae only: ridge flow not compared");
  QString text = QObject::tr("ridge flow agreement %1 over %2 mm² of overlap")
                     .arg(*local.flowAgreement, 0, 'f', 2)
                     .arg(local.flowSharedMm2, 0, 'f', 0);
  // The mismatch is a mean |log ratio|: as a percentage it reads as "how far apart".
  if (local.spacingMismatch)
    text += QObject::tr("; ridge spacing %1 % apart").arg(100 * (std::exp(*local.spacingMismatch) - 1), 0, 'f', 0);
  return text;
}

void EvaluationPage::setScores(std::optional<LocalScore> local, double hubScore, double hubThreshold) {
  const QString hub = tr("Hub score %1 against its threshold %2.").arg(scoreText(hubScore)).arg(scoreText(hubThreshold));
  scoreLine_->setText(local ? tr("Local matcher score <b>%1</b> (%2%3). %4")
                                  .arg(scoreText(local->score), minutiaeText(*local), flowText(*local), hub)
                            : tr("The local matcher has not scored this pair. %1").arg(hub));
  caseScore_ = local ? std::optional<double>(local->score) : std::nullopt;
  refreshChart();
}

void EvaluationPage::showEvent(QShowEvent* event) {
  // The chart is an OpenGL widget, and the first one in a window makes Qt
  // composite the whole window through OpenGL from then on: on software GL
  // that costs ~30 ms a frame in the comparison step. So it is made only
  // when the examiner reaches this step (bench_case_view measures both).
  if (!chart_ && (!reference_.genuine.empty() || !reference_.impostor.empty())) {
    chart_ = new ScoreDistributionChart;
    chart_->setObjectName("scoreDistributionChart");
    chartSlot_->addWidget(chart_);
    refreshChart();
  }
  QWidget::showEvent(event);
}

void EvaluationPage::refreshChart() {
  if (!chart_) return;
  chart_->setDistributions(reference_);
  if (caseScore_) chart_->setCaseScore(*caseScore_);
}

void EvaluationPage::setReference(const ReferenceScores& reference) {
  reference_ = reference;
  refreshChart();
  // An empty chart would look like "no scores at all"; say what is missing.
  const bool hasData = !reference.genuine.empty() || !reference.impostor.empty();
  sourceLine_->setText(!hasData
                           ? tr("No reference score distribution is installed, so the score cannot be shown "
                                "against genuine and impostor comparisons. See docs/matcher.md to build one.")
                           : tr("Reference: %1 (%2 genuine, %3 impostor comparisons).")
                                 .arg(reference.source)
                                 .arg(reference.genuine.size())
                                 .arg(reference.impostor.size()));
}

void EvaluationPage::setCorrespondenceSummary(const QString& text) { correspondences_->setText(text); }

bool EvaluationPage::selectDecision(const QString& decision) {
  const int i = scale_.indexOf(decision);
  if (i < 0) return false;
  decisions_->button(i)->setChecked(true);
  refreshSaveState();
  return true;
}

QString EvaluationPage::decision() const {
  const int id = decisions_->checkedId();
  return id >= 0 ? scale_[id] : QString();
}

void EvaluationPage::refreshSaveState() {
  const bool hasDecision = decisions_->checkedId() >= 0;
  const int length = static_cast<int>(rationale_->toPlainText().trimmed().size());
  save_->setEnabled(hasDecision && length >= kMinimumRationale);
  save_->setToolTip(!hasDecision ? tr("Choose a conclusion first")
                    : length < kMinimumRationale
                        ? tr("Write the rationale (at least %1 characters)").arg(kMinimumRationale)
                        : tr("Save the conclusion to the case and the outbox"));
}

}  // namespace ridgeline::views
