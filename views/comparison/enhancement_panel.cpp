#include "views/comparison/enhancement_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace ridgeline::views {
namespace {

// How each step is offered: label, unit, default and stride. Which
// parameters exist and their ranges come from core/imaging, which validates.
struct ParameterUi {
  const char* name;
  const char* label;
  const char* unit;
  double value, stride;
  int decimals;
};

struct StepUi {
  const char* name;
  const char* label;
  std::vector<ParameterUi> params;
};

const std::vector<StepUi>& stepUis() {
  static const std::vector<StepUi> steps{
      {"clahe", "Local contrast (CLAHE)", {{"clip", "Clip limit", "", 2.5, 0.5, 1}, {"tile_mm", "Tile", " mm", 5, 0.5, 1}}},
      {"bandpass", "FFT band-pass (ridge periods)", {{"low_mm", "Shortest period", " mm", 0.25, 0.05, 2}, {"high_mm", "Longest period", " mm", 1.0, 0.05, 2}}},
      {"background", "Background removal", {{"sigma_mm", "Background scale", " mm", 3, 0.5, 1}}},
      {"levels", "Levels", {{"black", "Black point", "", 20, 1, 0}, {"white", "White point", "", 235, 1, 0}}},
      {"gamma", "Gamma", {{"gamma", "Gamma", "", 0.8, 0.05, 2}}},
      {"invert", "Invert", {}},
  };
  return steps;
}

const StepUi* uiFor(const std::string& name) {
  for (const StepUi& s : stepUis())
    if (name == s.name) return &s;
  return nullptr;
}

}  // namespace

EnhancementPanel::EnhancementPanel(QWidget* parent)
    : QWidget(parent),
      target_(new QComboBox),
      step_(new QComboBox),
      form_(nullptr),
      formHost_(new QWidget),
      list_(new QListWidget),
      revert_(new QPushButton(tr("Revert to original"))) {
  setObjectName("enhancementPanel");
  target_->addItem(tr("Probe (left)"), static_cast<int>(Side::Probe));
  target_->addItem(tr("Candidate (right)"), static_cast<int>(Side::Candidate));
  for (const StepUi& s : stepUis()) step_->addItem(tr(s.label), QString::fromLatin1(s.name));
  form_ = new QFormLayout(formHost_);
  form_->setContentsMargins(0, 0, 0, 0);
  auto* apply = new QPushButton(tr("Apply to working copy"));
  apply->setObjectName("applyEnhancement");
  revert_->setObjectName("revertEnhancement");
  list_->setObjectName("enhancementSteps");
  auto* note = new QLabel(tr("Enhancement changes only a working copy. Every step is logged with its "
                             "parameters in the case's audit trail and can be replayed."));
  note->setWordWrap(true);
  note->setEnabled(false);  // secondary text

  auto* layout = new QVBoxLayout(this);
  auto* top = new QFormLayout;
  top->addRow(tr("Print"), target_);
  top->addRow(tr("Step"), step_);
  layout->addLayout(top);
  layout->addWidget(formHost_);
  layout->addWidget(apply);
  layout->addSpacing(8);
  layout->addWidget(new QLabel(tr("Steps in effect")));
  layout->addWidget(list_, 1);
  layout->addWidget(revert_);
  layout->addWidget(note);

  connect(step_, &QComboBox::currentIndexChanged, this, &EnhancementPanel::rebuildParameters);
  connect(target_, &QComboBox::currentIndexChanged, this, &EnhancementPanel::refreshList);
  connect(apply, &QPushButton::clicked, this, &EnhancementPanel::applyCurrent);
  connect(revert_, &QPushButton::clicked, this, &EnhancementPanel::revert);
  rebuildParameters();
  refreshList();
}

void EnhancementPanel::rebuildParameters() {
  while (form_->rowCount() > 0) form_->removeRow(0);
  params_.clear();
  const std::string step = step_->currentData().toString().toStdString();
  const StepUi* ui = uiFor(step);
  if (!ui) return;
  for (const ParameterUi& p : ui->params) {
    const auto& ranges = imaging::parameterRanges(step);
    const auto range = std::find_if(ranges.begin(), ranges.end(), [&](const auto& r) { return r.name == p.name; });
    if (range == ranges.end()) continue;  // core no longer has it
    auto* box = new QDoubleSpinBox;
    box->setRange(range->min, range->max);
    box->setDecimals(p.decimals);
    box->setSingleStep(p.stride);
    box->setValue(p.value);
    box->setSuffix(QString::fromUtf8(p.unit));
    box->setObjectName(QStringLiteral("param_%1").arg(p.name));
    form_->addRow(tr(p.label), box);
    params_[p.name] = box;
  }
}

Side EnhancementPanel::target() const { return static_cast<Side>(target_->currentData().toInt()); }

void EnhancementPanel::setTarget(Side side) { target_->setCurrentIndex(target_->findData(static_cast<int>(side))); }

void EnhancementPanel::chooseStep(const QString& name) { step_->setCurrentIndex(step_->findData(name)); }

void EnhancementPanel::setParameter(const QString& name, double value) {
  if (auto it = params_.find(name.toStdString()); it != params_.end()) it->second->setValue(value);
}

imaging::Enhancement EnhancementPanel::currentStep() const {
  imaging::Enhancement e{step_->currentData().toString().toStdString(), {}};
  for (const auto& [name, box] : params_) e.params[name] = box->value();
  return e;
}

void EnhancementPanel::applyCurrent() { emit enhancementRequested(target(), currentStep()); }

void EnhancementPanel::revert() { emit enhancementRequested(target(), {"revert", {}}); }

void EnhancementPanel::setStepsInEffect(Side side, const std::vector<imaging::Enhancement>& steps) {
  inEffect_[side] = steps;
  refreshList();
}

void EnhancementPanel::refreshList() {
  list_->clear();
  const auto& steps = inEffect_[target()];
  for (size_t i = 0; i < steps.size(); ++i)
    list_->addItem(QStringLiteral("%1. %2").arg(i + 1).arg(describe(steps[i])));
  if (steps.empty()) list_->addItem(tr("None: the original is shown."));
  revert_->setEnabled(!steps.empty());
}

QString EnhancementPanel::describe(const imaging::Enhancement& step) {
  const StepUi* ui = uiFor(step.name);
  if (!ui) return QString::fromStdString(step.name);
  QStringList parts;
  for (const ParameterUi& p : ui->params)
    if (auto it = step.params.find(p.name); it != step.params.end())
      parts << QStringLiteral("%1 %2%3").arg(tr(p.label).toLower()).arg(it->second, 0, 'g', 4).arg(p.unit);
  const QString label = tr(ui->label);
  return parts.isEmpty() ? label : QStringLiteral("%1: %2").arg(label, parts.join(", "));
}

}  // namespace ridgeline::views
