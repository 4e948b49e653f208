#include "views/comparison/extraction_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "core/fingerprint/extractor.h"

namespace ridgeline::views {
namespace {

struct StageUi {
  const char* stage;  // core name; empty = the print
  const char* label;
  const char* description;
};

const std::vector<StageUi>& stageUis() {
  namespace fp = fingerprint;
  static const std::vector<StageUi> stages{
      {"", "The print", "The image as examined (with any enhancement of the working copy)."},
      {fp::kStageWorking, "Working image", "The print at the extractor's working resolution of 500 ppi."},
      {fp::kStageNormalized, "Normalised contrast", "Local mean and contrast evened out, so faint and heavy areas count alike."},
      {fp::kStageSegmentation, "Region of interest", "White: the area the extractor judged to hold ridges. Nothing outside it is used."},
      {fp::kStageOrientation, "Ridge flow", "Strokes follow the ridge direction (gradient structure tensor), re-estimated on the enhanced ridges."},
      {fp::kStageCoherence, "Flow clarity", "Brighter where the ridges run parallel and clear; dark where flow is confused."},
      {fp::kStageFrequency, "Ridge spacing", "Colour scale from narrow (dark blue, 5 px) to wide (yellow, 15 px) at 500 ppi."},
      {fp::kStageEnhanced, "Enhanced ridges", "Contextual (Gabor) filtering tuned to the local flow and spacing."},
      {fp::kStageResponse, "Ridge response",
       "Brighter where the filter found clear ridges. Minutiae where it found under 0.7 of this print's median are dropped."},
      {fp::kStageBinary, "Binary ridges", "White: ridge. Small specks and holes removed."},
      {fp::kStageSkeleton, "Ridge skeleton", "Ridges thinned to one pixel; minutiae are read from its endings and forks."},
      {fp::kStageClarity, "Clarity map", "EFS clarity per block: brighter is clearer (levels 0-3)."},
  };
  return stages;
}

int index(Side side) { return side == Side::Probe ? 0 : 1; }

}  // namespace

ExtractionPanel::ExtractionPanel(QWidget* parent)
    : QWidget(parent), target_(new QComboBox), stages_(new QListWidget), description_(new QLabel) {
  setObjectName("extractionPanel");
  target_->addItem(tr("Probe (left)"), static_cast<int>(Side::Probe));
  target_->addItem(tr("Candidate (right)"), static_cast<int>(Side::Candidate));
  stages_->setObjectName("extractionStages");
  for (const StageUi& s : stageUis()) {
    auto* item = new QListWidgetItem(tr(s.label), stages_);
    item->setData(Qt::UserRole, QString::fromLatin1(s.stage));
  }
  stages_->setCurrentRow(0);
  description_->setWordWrap(true);
  auto* note = new QLabel(tr("Display only: the working copy, the markup and the audit trail are not changed. "
                             "The stages are those of the local extractor run on the original image."));
  note->setWordWrap(true);
  note->setEnabled(false);  // secondary text

  auto* layout = new QVBoxLayout(this);
  auto* top = new QFormLayout;
  top->addRow(tr("Print"), target_);
  layout->addLayout(top);
  layout->addWidget(stages_, 1);
  layout->addWidget(description_);
  layout->addWidget(note);
  describe();

  connect(target_, &QComboBox::currentIndexChanged, this, &ExtractionPanel::showSelection);
  connect(stages_, &QListWidget::currentRowChanged, this, [this] {
    describe();
    const QString stage = stages_->currentItem() ? stages_->currentItem()->data(Qt::UserRole).toString() : QString();
    if (stage == shown_[index(target())]) return;
    shown_[index(target())] = stage;
    emit stageRequested(target(), stage);
  });
}

Side ExtractionPanel::target() const { return static_cast<Side>(target_->currentData().toInt()); }

void ExtractionPanel::setTarget(Side side) { target_->setCurrentIndex(index(side)); }

QString ExtractionPanel::stageShown(Side side) const { return shown_[index(side)]; }

void ExtractionPanel::chooseStage(const QString& stage) {
  for (int row = 0; row < stages_->count(); ++row)
    if (stages_->item(row)->data(Qt::UserRole).toString() == stage) stages_->setCurrentRow(row);
}

void ExtractionPanel::clearStage(Side side) {
  shown_[index(side)].clear();
  if (side == target()) showSelection();
}

// The list follows the print chosen: it shows what that print shows.
void ExtractionPanel::showSelection() {
  const QSignalBlocker block(stages_);
  for (int row = 0; row < stages_->count(); ++row)
    if (stages_->item(row)->data(Qt::UserRole).toString() == shown_[index(target())]) stages_->setCurrentRow(row);
  describe();
}

void ExtractionPanel::describe() {
  const int row = std::max(0, stages_->currentRow());
  description_->setText(tr(stageUis()[static_cast<size_t>(row)].description));
}

}  // namespace ridgeline::views
