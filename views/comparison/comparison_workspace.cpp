#include "views/comparison/comparison_workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QApplication>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <cmath>
#include <numbers>

#include "views/comparison/canvas_link.h"
#include "views/comparison/correspondence_document.h"
#include "views/comparison/correspondence_overlay.h"
#include "views/comparison/correspondence_panel.h"
#include "views/comparison/enhancement_panel.h"
#include "views/comparison/extraction_panel.h"
#include "views/comparison/overlay_view.h"
#include "views/comparison/feature_set_document.h"
#include "views/comparison/markup_commands.h"
#include "views/comparison/shortcut_help_overlay.h"
#include "views/util/image_conversion.h"
#include "core/fingerprint/extractor.h"
#include "core/fingerprint/overlay_alignment.h"
#include "core/fingerprint/ridge_count.h"
#include "core/fingerprint/stage_picture.h"
#include "core/imaging/enhancement_pipeline.h"

namespace ridgeline::views {
namespace {

// Keeps a child covering its parent: the correspondence lines must span
// both canvases whatever the splitter does.
class CoverParent : public QObject {
 public:
  CoverParent(QWidget* child) : QObject(child), child_(child) { child->parentWidget()->installEventFilter(this); }
  bool eventFilter(QObject*, QEvent* e) override {
    if (e->type() == QEvent::Resize) child_->setGeometry(child_->parentWidget()->rect());
    return false;
  }

 private:
  QWidget* child_;
};

}  // namespace

ComparisonWorkspace::ComparisonWorkspace(FeatureSetDocument* probe, FeatureSetDocument* candidate,
                                         CorrespondenceDocument* links, QUndoStack* undo, QWidget* parent)
    : QWidget(parent),
      probe_(probe),
      candidate_(candidate),
      links_(links),
      undo_(undo),
      probeCanvas_(new PrintCanvas(Side::Probe)),
      candidateCanvas_(new PrintCanvas(Side::Candidate)),
      link_(new CanvasLink(probeCanvas_, candidateCanvas_, this)),
      panel_(new CorrespondencePanel(links, undo)),
      printArea_(new QWidget),
      printStack_(new QStackedWidget),
      overlayView_(new OverlayView),
      enhance_(new EnhancementPanel),
      extraction_(new ExtractionPanel) {
  setObjectName("comparisonWorkspace");
  probeCanvas_->setDocument(probe_, probe_->features().author != FeatureAuthor::Examiner);
  candidateCanvas_->setDocument(candidate_, candidate_->features().author != FeatureAuthor::Examiner);
  for (PrintCanvas* c : {probeCanvas_, candidateCanvas_}) c->setCorrespondences(links_);
  wireCanvas(probeCanvas_, probe_);
  wireCanvas(candidateCanvas_, candidate_);
  // The panel checks each correspondence's ridge counts on both prints'
  // enhanced ridges, and again when a minutia moves.
  panel_->setRidgeCountCheck([this](const std::vector<Correspondence>& marked) {
    std::vector<std::pair<int, int>> pairs;
    for (const auto& c : marked) pairs.emplace_back(c.probeMinutia, c.candidateMinutia);
    return fingerprint::ridgeCountsAtCorrespondences(probeCanvas_->ridgeDetail(), probe_->features().minutiae,
                                                     probeCanvas_->ppi(), candidateCanvas_->ridgeDetail(),
                                                     candidate_->features().minutiae, pairs);
  });
  for (FeatureSetDocument* doc : {probe_, candidate_})
    connect(doc, &FeatureSetDocument::minutiaChanged, panel_, &CorrespondencePanel::refresh);

  auto* prints = new QHBoxLayout(printArea_);
  prints->setContentsMargins(0, 0, 0, 0);
  prints->setSpacing(6);
  prints->addWidget(probeCanvas_, 1);
  prints->addWidget(candidateCanvas_, 1);
  overlay_ = new CorrespondenceOverlay(probeCanvas_, candidateCanvas_, links_, printArea_);
  new CoverParent(overlay_);
  overlay_->raise();

  printStack_->addWidget(printArea_);
  printStack_->addWidget(overlayView_);
  auto* side = new QTabWidget;
  side->setObjectName("comparisonSideTabs");
  side->setUsesScrollButtons(false);  // every tab's name stays readable; the panel widens instead
  side->addTab(panel_, tr("Correspondences"));
  side->addTab(enhance_, tr("Enhance"));
  side->addTab(extraction_, tr("Extraction"));
  auto* split = new QSplitter(Qt::Horizontal);
  split->addWidget(printStack_);
  split->addWidget(side);
  split->setStretchFactor(0, 1);
  split->setCollapsible(0, false);
  side->setMinimumWidth(250);
  split->setSizes({1000, 290});

  buildActions();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(buildToolbar());
  layout->addWidget(split, 1);

  connect(panel_, &CorrespondencePanel::correspondenceSelected, this, [this](int position) {
    if (position < 0) return;
    const auto& c = links_->correspondences()[static_cast<size_t>(position)];
    probeCanvas_->selectMinutia(c.probeMinutia);
    candidateCanvas_->selectMinutia(c.candidateMinutia);
  });
  connect(enhance_, &EnhancementPanel::enhancementRequested, this, &ComparisonWorkspace::applyEnhancement);
  connect(extraction_, &ExtractionPanel::stageRequested, this, &ComparisonWorkspace::showExtractionStage);
  connect(links_, &CorrespondenceDocument::changed, this, [this] {
    if (isOverlayMode()) refreshOverlay();
  });
}

void ComparisonWorkspace::setImages(const QImage& probe, double probePpi, const QImage& candidate,
                                    double candidatePpi) {
  probeCanvas_->setImage(probe, probePpi);
  candidateCanvas_->setImage(candidate, candidatePpi);
  originals_[0] = probe;
  originals_[1] = candidate;
  traces_ = {};
  for (Side s : {Side::Probe, Side::Candidate}) {
    log_[index(s)].clear();
    enhance_->setStepsInEffect(s, {});
    extraction_->clearStage(s);  // new images show as they are
  }
  link_->matchScale();
  if (isOverlayMode()) refreshOverlay();
}

void ComparisonWorkspace::restoreEnhancements(Side side, const std::vector<imaging::Enhancement>& log) {
  log_[index(side)] = log;
  showWorkingCopy(side);
}

bool ComparisonWorkspace::applyEnhancement(Side side, const imaging::Enhancement& step) {
  if (originals_[index(side)].isNull()) return false;
  try {
    imaging::validate(step);
  } catch (const std::exception& e) {
    emit statusMessage(tr("Enhancement not applied: %1").arg(e.what()));
    return false;
  }
  log_[index(side)].push_back(step);
  showWorkingCopy(side);
  emit enhancementApplied(side, step);
  emit statusMessage(step.name == "revert" ? tr("Working copy reverted to the original.")
                                           : tr("Applied to the working copy: %1").arg(EnhancementPanel::describe(step)));
  return true;
}

void ComparisonWorkspace::showWorkingCopy(Side side) {
  const auto& log = log_[index(side)];
  const auto inEffect = imaging::stepsInEffect(log);
  QImage shown = originals_[index(side)];
  if (!inEffect.empty()) {
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const double ppi = canvasFor(side)->ppi();
    try {
      shown = toQImage(imaging::replay(toGrayMat(originals_[index(side)]), inEffect, ppi));
    } catch (const std::exception& e) {
      emit statusMessage(tr("The enhancement log could not be replayed: %1. The original is shown.").arg(e.what()));
    }
    QApplication::restoreOverrideCursor();
  }
  canvasFor(side)->replaceImage(shown);
  enhance_->setStepsInEffect(side, inEffect);
  extraction_->clearStage(side);
  if (isOverlayMode()) refreshOverlay();
}

void ComparisonWorkspace::showExtractionStage(Side side, const QString& stage) {
  const QImage& original = originals_[index(side)];
  if (stage.isEmpty() || original.isNull()) return showWorkingCopy(side);
  auto& trace = traces_[index(side)];
  if (!trace) {
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
      fingerprint::ExtractionTrace made;
      fingerprint::extractFeatures(toGrayMat(original), canvasFor(side)->ppi(), &made);
      trace = std::move(made);
    } catch (const std::exception& e) {
      emit statusMessage(tr("The extractor's stages cannot be shown for this print: %1").arg(e.what()));
    }
    QApplication::restoreOverrideCursor();
    if (!trace) return showWorkingCopy(side);
  }
  const cv::Mat picture = fingerprint::stagePicture(*trace, stage.toStdString(), cv::Size(original.width(), original.height()));
  if (picture.empty()) return showWorkingCopy(side);
  canvasFor(side)->replaceImage(toQImage(picture));
  if (isOverlayMode()) refreshOverlay();
  emit statusMessage(tr("Showing an extraction stage on the %1 print: display only, the working copy is unchanged.")
                         .arg(side == Side::Probe ? tr("probe") : tr("candidate")));
}

bool ComparisonWorkspace::isOverlayMode() const { return printStack_->currentWidget() == overlayView_; }

void ComparisonWorkspace::setOverlayMode(bool on) {
  if (overlayAction_ && overlayAction_->isChecked() != on) overlayAction_->setChecked(on);
  printStack_->setCurrentWidget(on ? static_cast<QWidget*>(overlayView_) : printArea_);
  if (on) refreshOverlay();
}

void ComparisonWorkspace::refreshOverlay() {
  std::vector<fingerprint::MarkedPair> pairs;
  for (const Correspondence& c : links_->correspondences()) {
    if (c.type != CorrespondenceType::Definite && c.type != CorrespondenceType::Possible) continue;
    if (c.probeMinutia < 0 || c.candidateMinutia < 0) continue;
    const Minutia& p = probe_->minutia(c.probeMinutia);
    const Minutia& q = candidate_->minutia(c.candidateMinutia);
    pairs.push_back({p.x, p.y, q.x, q.y});
  }
  const auto alignment = fingerprint::alignForOverlay(pairs, probeCanvas_->ppi(), candidateCanvas_->ppi());
  overlayView_->setPrints(probeCanvas_->image(), candidateCanvas_->image(), alignment);
  emit statusMessage(overlayView_->summary());
}

void ComparisonWorkspace::setProposer(CorrespondenceProposer proposer) { proposer_ = std::move(proposer); }

QList<QAction*> ComparisonWorkspace::workspaceActions() const { return actions_; }

void ComparisonWorkspace::buildActions() {
  auto make = [this](const QString& text, const QKeySequence& key, auto slot, bool checkable = false) {
    auto* a = new QAction(text, this);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    a->setCheckable(checkable);
    connect(a, &QAction::triggered, this, slot);
    addAction(a);
    actions_.append(a);
    return a;
  };
  auto* tools = new QActionGroup(this);
  const std::pair<QString, std::pair<QKeySequence, CanvasTool>> toolList[] = {
      {tr("Pan"), {QKeySequence(Qt::Key_H), CanvasTool::Pan}},
      {tr("Select / move"), {QKeySequence(Qt::Key_V), CanvasTool::Select}},
      {tr("Add minutia"), {QKeySequence(Qt::Key_M), CanvasTool::AddMinutia}},
      {tr("Link"), {QKeySequence(Qt::Key_L), CanvasTool::Link}},
      {tr("Measure"), {QKeySequence(Qt::Key_D), CanvasTool::Measure}}};
  for (const auto& [text, keyTool] : toolList) {
    const CanvasTool tool = keyTool.second;
    QAction* a = make(text, keyTool.first, [this, tool] { setTool(tool); }, true);
    a->setData(static_cast<int>(tool));
    a->setObjectName(QStringLiteral("tool%1").arg(static_cast<int>(tool)));
    tools->addAction(a);
  }
  tools->actions().first()->setChecked(true);
  QAction* linked = make(tr("Link views"), QKeySequence(Qt::Key_K), [this](bool on) { link_->setLinked(on); }, true);
  linked->setChecked(true);
  make(tr("Same scale"), QKeySequence(Qt::Key_S), [this] { link_->matchScale(); });
  make(tr("Fit"), QKeySequence(Qt::Key_F), [this] {
    probeCanvas_->fitToView();
    candidateCanvas_->fitToView();
  });
  make(tr("Turn view left"), QKeySequence(Qt::Key_BracketLeft), [this] { focusedCanvas()->rotateBy(-5); });
  make(tr("Turn view right"), QKeySequence(Qt::Key_BracketRight), [this] { focusedCanvas()->rotateBy(5); });
  make(tr("Propose correspondences"), QKeySequence(Qt::Key_P), [this] { proposeCorrespondences(); })
      ->setObjectName("actionPropose");
  make(tr("Accept correspondence"), QKeySequence(Qt::Key_Return), [this] { panel_->acceptSelected(); });
  make(tr("Delete minutia"), QKeySequence::Delete, [this] { deleteSelectedMinutia(); });
  make(tr("Turn minutia anticlockwise"), QKeySequence(Qt::Key_Comma), [this] { turnSelectedMinutia(5); });
  make(tr("Turn minutia clockwise"), QKeySequence(Qt::Key_Period), [this] { turnSelectedMinutia(-5); });
  make(tr("Change minutia type"), QKeySequence(Qt::Key_T), [this] { cycleSelectedMinutiaType(); });
  make(tr("Show correspondence lines"), QKeySequence(Qt::Key_J), [this](bool on) { overlay_->setLinesVisible(on); },
       true)
      ->setChecked(true);
  overlayAction_ = make(tr("Overlay prints"), QKeySequence(Qt::Key_O), [this](bool on) { setOverlayMode(on); }, true);
  overlayAction_->setObjectName("actionOverlay");
  make(tr("Shortcut help"), QKeySequence(Qt::Key_Question), [this] { toggleHelp(); });
  // Fixed texts: the stack's own actions rename themselves after every edit,
  // which makes the toolbar jump; the step's name goes in the tooltip instead.
  QAction* undo = make(tr("Undo"), QKeySequence::Undo, [this] { undo_->undo(); });
  QAction* redo = make(tr("Redo"), QKeySequence::Redo, [this] { undo_->redo(); });
  undo->setEnabled(undo_->canUndo());
  redo->setEnabled(undo_->canRedo());
  connect(undo_, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
  connect(undo_, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
  connect(undo_, &QUndoStack::undoTextChanged, undo, [undo](const QString& t) { undo->setToolTip(tr("Undo %1").arg(t)); });
  connect(undo_, &QUndoStack::redoTextChanged, redo, [redo](const QString& t) { redo->setToolTip(tr("Redo %1").arg(t)); });
  // Short toolbar words; the full names stay in tooltips and the help overlay.
  // Short enough that every action fits at 1280x800 with the queue docked.
  const std::pair<QString, QString> shortNames[] = {
      {tr("Select / move"), tr("Select")},      {tr("Add minutia"), tr("Minutia")},
      {tr("Link views"), tr("Linked")},         {tr("Same scale"), tr("1:1")},
      {tr("Turn view left"), tr("⟲")},          {tr("Turn view right"), tr("⟳")},
      {tr("Propose correspondences"), tr("Propose")}, {tr("Show correspondence lines"), tr("Lines")},
      {tr("Overlay prints"), tr("Overlay")},    {tr("Shortcut help"), tr("?")}};
  for (QAction* a : actions_)
    for (const auto& [full, brief] : shortNames)
      if (a->text() == full) a->setIconText(brief);
}

QWidget* ComparisonWorkspace::buildToolbar() {
  auto* bar = new QToolBar(this);
  bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  bar->setObjectName("comparisonToolbar");
  for (QAction* a : actions_) {
    const QString t = a->text();
    if (t.startsWith(tr("Turn minutia")) || t == tr("Accept correspondence") || t == tr("Change minutia type") ||
        t == tr("Delete minutia"))
      continue;  // keyboard-first actions; listed in the help overlay
    if (t != tr("Undo") && t != tr("Redo"))
      a->setToolTip(QStringLiteral("%1 (%2)").arg(t, a->shortcut().toString(QKeySequence::NativeText)));
    bar->addAction(a);
    if (t == tr("Measure") || t == tr("Turn view right") || t == tr("Propose correspondences")) bar->addSeparator();
  }
  return bar;
}

void ComparisonWorkspace::wireCanvas(PrintCanvas* canvas, FeatureSetDocument* doc) {
  connect(canvas, &PrintCanvas::minutiaPlaced, this, [this, canvas, doc](QPointF pos, double direction) {
    lastActive_ = canvas;
    if (refuseIfLocked(doc)) return;
    Minutia m;
    m.x = pos.x();
    m.y = pos.y();
    m.direction = direction;
    m.type = MinutiaType::Unknown;
    undo_->push(new AddMinutiaCommand(doc, m));
  });
  connect(canvas, &PrintCanvas::minutiaMoved, this, [this, canvas, doc](int index, QPointF pos) {
    lastActive_ = canvas;
    if (refuseIfLocked(doc)) return;
    Minutia m = doc->minutia(index);
    m.x = pos.x();
    m.y = pos.y();
    undo_->push(new EditMinutiaCommand(doc, index, m, tr("Move minutia")));
  });
  connect(canvas, &PrintCanvas::minutiaActivated, this,
          [this, canvas](int index) { onMinutiaActivated(canvas, index); });
  connect(canvas, &PrintCanvas::measured, this, [this](double mm, int ridges) {
    const QString distance = tr("Distance: %1 mm").arg(mm, 0, 'f', 2);
    if (ridges < 0) return emit statusMessage(distance);
    emit statusMessage(tr("%1, %2 crossed between the two ends (counted on the extractor's enhanced ridges)")
                           .arg(distance, ridges == 1 ? tr("1 ridge") : tr("%1 ridges").arg(ridges)));
  });
}

void ComparisonWorkspace::onMinutiaActivated(PrintCanvas* canvas, int index) {
  lastActive_ = canvas;
  if (canvas == probeCanvas_) {
    pendingProbe_ = index;
    probeCanvas_->selectMinutia(index);
    emit statusMessage(tr("Probe minutia %1 chosen: now click its match on the candidate.").arg(index + 1));
    return;
  }
  if (pendingProbe_ < 0) {
    emit statusMessage(tr("Click a minutia on the probe first, then its match on the candidate."));
    return;
  }
  if (links_->findByMinutia(Side::Probe, pendingProbe_) >= 0 || links_->findByMinutia(Side::Candidate, index) >= 0) {
    emit statusMessage(tr("One of these minutiae is already linked: remove that correspondence first."));
    return;
  }
  Correspondence c;
  c.label = links_->nextLabel();
  c.probeMinutia = pendingProbe_;
  c.candidateMinutia = index;
  c.type = CorrespondenceType::Definite;
  undo_->push(new AddCorrespondenceCommand(links_, c));
  emit statusMessage(tr("Correspondence %1 added.").arg(c.label));
  pendingProbe_ = -1;
}

FeatureSetDocument* ComparisonWorkspace::docFor(const PrintCanvas* canvas) const {
  return canvas == probeCanvas_ ? probe_ : candidate_;
}

PrintCanvas* ComparisonWorkspace::focusedCanvas() const {
  if (candidateCanvas_->hasFocus()) return candidateCanvas_;
  if (probeCanvas_->hasFocus()) return probeCanvas_;
  return lastActive_ ? lastActive_ : candidateCanvas_;
}

bool ComparisonWorkspace::refuseIfLocked(FeatureSetDocument* doc) {
  if (!doc->isLocked()) return false;
  emit statusMessage(tr("The probe's analysis is locked. To change it, go back to Analysis and revise it: "
                        "that makes a new, recorded version."));
  return true;
}

void ComparisonWorkspace::setTool(CanvasTool tool) {
  for (PrintCanvas* c : {probeCanvas_, candidateCanvas_}) c->setTool(tool);
  for (QAction* a : actions_)
    if (a->data().isValid() && a->isCheckable()) a->setChecked(a->data().toInt() == static_cast<int>(tool));
  pendingProbe_ = -1;
}

void ComparisonWorkspace::proposeCorrespondences() {
  if (!proposer_) {
    emit statusMessage(tr("No local matcher is available to propose correspondences."));
    return;
  }
  const auto proposals = proposer_(probe_->features(), candidate_->features());
  undo_->beginMacro(tr("Propose correspondences"));
  int added = 0;
  for (Correspondence c : proposals) {
    if (links_->findByMinutia(Side::Probe, c.probeMinutia) >= 0 ||
        links_->findByMinutia(Side::Candidate, c.candidateMinutia) >= 0)
      continue;  // the examiner's own links win
    c.label = links_->nextLabel();
    c.type = CorrespondenceType::Possible;  // proposals stay possible until accepted
    undo_->push(new AddCorrespondenceCommand(links_, c));
    ++added;
  }
  undo_->endMacro();
  emit statusMessage(tr("%1 correspondences proposed by the local matcher, marked possible: accept or remove each.")
                         .arg(added));
}

void ComparisonWorkspace::deleteSelectedMinutia() {
  PrintCanvas* canvas = focusedCanvas();
  FeatureSetDocument* doc = docFor(canvas);
  const int index = canvas->selectedMinutia();
  if (index < 0 || refuseIfLocked(doc)) return;
  undo_->push(new DeleteMinutiaCommand(doc, index, links_, canvas->side()));
}

void ComparisonWorkspace::turnSelectedMinutia(double degrees) {
  PrintCanvas* canvas = focusedCanvas();
  FeatureSetDocument* doc = docFor(canvas);
  const int index = canvas->selectedMinutia();
  if (index < 0 || refuseIfLocked(doc)) return;
  Minutia m = doc->minutia(index);
  m.direction = normalizeAngle(m.direction + degrees * std::numbers::pi / 180);
  undo_->push(new EditMinutiaCommand(doc, index, m, tr("Turn minutia")));
}

void ComparisonWorkspace::cycleSelectedMinutiaType() {
  PrintCanvas* canvas = focusedCanvas();
  FeatureSetDocument* doc = docFor(canvas);
  const int index = canvas->selectedMinutia();
  if (index < 0 || refuseIfLocked(doc)) return;
  Minutia m = doc->minutia(index);
  m.type = m.type == MinutiaType::Ending        ? MinutiaType::Bifurcation
           : m.type == MinutiaType::Bifurcation ? MinutiaType::Unknown
                                                : MinutiaType::Ending;
  undo_->push(new EditMinutiaCommand(doc, index, m, tr("Change minutia type")));
}

void ComparisonWorkspace::toggleHelp() {
  if (!help_) help_ = new ShortcutHelpOverlay(actions_, this);
  help_->setGeometry(rect());
  help_->setVisible(!help_->isVisible());
  help_->raise();
}

void ComparisonWorkspace::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (help_) help_->setGeometry(rect());
}

}  // namespace ridgeline::views
