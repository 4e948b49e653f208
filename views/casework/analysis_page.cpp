#include "views/casework/analysis_page.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <cmath>

#include "views/comparison/feature_set_document.h"
#include "views/comparison/markup_commands.h"
#include "views/comparison/print_canvas.h"

namespace ridgeline::views {

AnalysisPage::AnalysisPage(FeatureSetDocument* analysis, QUndoStack* undo, QWidget* parent)
    : QWidget(parent),
      analysis_(analysis),
      undo_(undo),
      canvas_(new PrintCanvas(Side::Probe)),
      counts_(new QLabel),
      version_(new QLabel),
      value_(new QButtonGroup(this)),
      complete_(new QPushButton(tr("Complete analysis"))),
      revise_(new QPushButton(tr("Revise analysis"))),
      showAutomatic_(new QCheckBox(tr("Show automatic minutiae"))),
      showClarity_(new QCheckBox(tr("Show clarity map"))) {
  setObjectName("analysisPage");
  canvas_->setObjectName("analysisCanvas");
  canvas_->setDocument(analysis_, false);
  canvas_->setTool(CanvasTool::AddMinutia);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(canvas_, 1);
  layout->addWidget(buildSidePanel());

  connect(canvas_, &PrintCanvas::minutiaPlaced, this, [this](QPointF p, double direction) {
    if (analysis_->isLocked()) return emit statusMessage(tr("The analysis is locked. Revise it to change it."));
    Minutia m;
    m.x = p.x();
    m.y = p.y();
    m.direction = direction;
    m.type = MinutiaType::Unknown;
    undo_->push(new AddMinutiaCommand(analysis_, m));
  });
  connect(canvas_, &PrintCanvas::minutiaMoved, this, [this](int index, QPointF p) {
    if (analysis_->isLocked()) return;
    Minutia m = analysis_->minutia(index);
    m.x = p.x();
    m.y = p.y();
    undo_->push(new EditMinutiaCommand(analysis_, index, m, tr("Move minutia")));
  });
  for (auto signal : {&FeatureSetDocument::minutiaInserted, &FeatureSetDocument::minutiaRemoved,
                      &FeatureSetDocument::minutiaChanged})
    connect(analysis_, signal, this, &AnalysisPage::refreshState);
  connect(analysis_, &FeatureSetDocument::resetDone, this, &AnalysisPage::refreshState);
  connect(analysis_, &FeatureSetDocument::lockChanged, this, &AnalysisPage::refreshState);
  refreshState();
}

QWidget* AnalysisPage::buildSidePanel() {
  auto* panel = new QWidget;
  panel->setFixedWidth(280);
  auto* v = new QVBoxLayout(panel);
  auto* features = new QGroupBox(tr("Features"));
  auto* fv = new QVBoxLayout(features);
  counts_->setWordWrap(true);
  fv->addWidget(counts_);
  fv->addWidget(showAutomatic_);
  fv->addWidget(showClarity_);
  auto* adopt = new QPushButton(tr("Start from automatic minutiae"));
  adopt->setToolTip(tr("Copy the automatic minutiae into your analysis, to check and correct one by one"));
  fv->addWidget(adopt);
  auto* value = new QGroupBox(tr("Value determination"));
  auto* vv = new QVBoxLayout(value);
  const std::pair<QString, ValueDetermination> values[] = {{tr("Of value"), ValueDetermination::Value},
                                                           {tr("Limited value"), ValueDetermination::LimitedValue},
                                                           {tr("No value"), ValueDetermination::NoValue}};
  for (const auto& [text, v2] : values) {
    auto* radio = new QRadioButton(text);
    value_->addButton(radio, static_cast<int>(v2));
    vv->addWidget(radio);
  }
  auto* hint = new QLabel(tr("Place a minutia: click on the ridge end or fork and drag along the ridge to set "
                             "its direction. Move: V then drag. T changes the type."));
  hint->setWordWrap(true);
  hint->setStyleSheet("color: palette(placeholder-text);");
  complete_->setObjectName("completeAnalysis");
  complete_->setToolTip(tr("Lock this analysis; only then are the candidates shown"));
  revise_->setObjectName("reviseAnalysis");
  v->addWidget(features);
  v->addWidget(value);
  v->addWidget(hint);
  v->addStretch();
  v->addWidget(version_);
  v->addWidget(complete_);
  v->addWidget(revise_);

  connect(showAutomatic_, &QCheckBox::toggled, canvas_, &PrintCanvas::setReferenceVisible);
  connect(showClarity_, &QCheckBox::toggled, canvas_, &PrintCanvas::setClarityVisible);
  connect(adopt, &QPushButton::clicked, this, &AnalysisPage::adoptAutomaticMinutiae);
  connect(value_, &QButtonGroup::idClicked, this, [this](int id) {
    if (!analysis_->isLocked()) analysis_->setValue(static_cast<ValueDetermination>(id));
    refreshState();
  });
  connect(complete_, &QPushButton::clicked, this, &AnalysisPage::completeAnalysis);
  connect(revise_, &QPushButton::clicked, this, &AnalysisPage::reviseAnalysis);
  return panel;
}

void AnalysisPage::setProbe(const QImage& image, double ppi, const FeatureSet& automatic) {
  automatic_ = automatic;
  canvas_->setImage(image, ppi);
  canvas_->setReferenceFeatures(automatic.minutiae);
  canvas_->setClarity(automatic.clarity);
  refreshState();
}

void AnalysisPage::adoptAutomaticMinutiae() {
  if (analysis_->isLocked()) return;
  undo_->beginMacro(tr("Start from automatic minutiae"));
  for (const Minutia& m : automatic_.minutiae) undo_->push(new AddMinutiaCommand(analysis_, m));
  undo_->endMacro();
}

void AnalysisPage::completeAnalysis() {
  if (analysis_->features().value == ValueDetermination::Unset) {
    emit statusMessage(tr("Record a value determination before completing the analysis."));
    return;
  }
  lockedVersion_ = analysis_->features();
  analysis_->setLocked(true);
  undo_->clear();  // a locked analysis is a record, not an edit in progress
  emit analysisLocked(versionNumber_);
}

void AnalysisPage::reviseAnalysis() {
  if (!analysis_->isLocked()) return;
  ++versionNumber_;
  analysis_->setLocked(false);
  emit analysisRevised(versionNumber_);
}

QString AnalysisPage::differenceSummary() const {
  if (versionNumber_ == 1) return {};
  const auto& before = lockedVersion_.minutiae;
  const auto& now = analysis_->features().minutiae;
  int kept = 0, moved = 0;
  for (const Minutia& m : now) {
    for (const Minutia& b : before) {
      const double d = std::hypot(m.x - b.x, m.y - b.y);
      if (d < 0.5 && m.type == b.type && std::abs(m.direction - b.direction) < 1e-6) { ++kept; break; }
      if (d < 8) { ++moved; break; }
    }
  }
  const int added = static_cast<int>(now.size()) - kept - moved;
  const int removed = static_cast<int>(before.size()) - kept - moved;
  return tr("Since version %1: %2 added, %3 changed, %4 removed")
      .arg(versionNumber_ - 1).arg(std::max(0, added)).arg(moved).arg(std::max(0, removed));
}

void AnalysisPage::refreshState() {
  const auto& f = analysis_->features();
  int endings = 0, bifurcations = 0;
  for (const auto& m : f.minutiae) {
    endings += m.type == MinutiaType::Ending;
    bifurcations += m.type == MinutiaType::Bifurcation;
  }
  counts_->setText(tr("%1 minutiae marked (%2 endings, %3 bifurcations)\n%4 automatic minutiae available")
                       .arg(f.minutiae.size()).arg(endings).arg(bifurcations).arg(automatic_.minutiae.size()));
  if (auto* b = value_->button(static_cast<int>(f.value))) b->setChecked(true);
  const bool locked = analysis_->isLocked();
  for (auto* b : value_->buttons()) b->setEnabled(!locked);
  complete_->setEnabled(!locked);
  revise_->setVisible(locked);
  QString state = locked ? tr("Analysis version %1 — locked").arg(versionNumber_)
                         : tr("Analysis version %1 — in progress").arg(versionNumber_);
  if (const QString diff = differenceSummary(); !diff.isEmpty()) state += "\n" + diff;
  version_->setWordWrap(true);
  version_->setText(state);
}

}  // namespace ridgeline::views
