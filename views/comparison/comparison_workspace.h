#pragma once
// ACE-V comparison: probe left, candidate right, navigation linked or free,
// numbered correspondences joined across the prints, markup on the candidate
// (the probe's analysis is locked), proposals from the local matcher that the
// examiner accepts or rejects one by one. Every edit goes on the undo stack.
#include <QWidget>
#include <array>
#include <functional>
#include <optional>
#include <vector>

#include "core/fingerprint/extraction_trace.h"
#include "core/imaging/enhancement_step.h"
#include "core/model/case.h"
#include "views/comparison/print_canvas.h"

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;
class QUndoStack;

namespace ridgeline::views {

class CanvasLink;
class CorrespondenceDocument;
class CorrespondenceOverlay;
class CorrespondencePanel;
class EnhancementPanel;
class ExtractionPanel;
class OverlayView;
class FeatureSetDocument;
class ShortcutHelpOverlay;

// Proposes correspondences for two feature sets (the local matcher's pairing).
using CorrespondenceProposer =
    std::function<std::vector<Correspondence>(const FeatureSet& probe, const FeatureSet& candidate)>;

class ComparisonWorkspace : public QWidget {
  Q_OBJECT
 public:
  ComparisonWorkspace(FeatureSetDocument* probe, FeatureSetDocument* candidate, CorrespondenceDocument* links,
                      QUndoStack* undo, QWidget* parent = nullptr);

  void setImages(const QImage& probe, double probePpi, const QImage& candidate, double candidatePpi);
  void setProposer(CorrespondenceProposer proposer);

  PrintCanvas* probeCanvas() const { return probeCanvas_; }
  PrintCanvas* candidateCanvas() const { return candidateCanvas_; }
  CanvasLink* link() const { return link_; }
  CorrespondencePanel* panel() const { return panel_; }
  CorrespondenceOverlay* overlay() const { return overlay_; }
  EnhancementPanel* enhancementPanel() const { return enhance_; }
  ExtractionPanel* extractionPanel() const { return extraction_; }
  OverlayView* overlayView() const { return overlayView_; }
  bool isOverlayMode() const;
  QList<QAction*> workspaceActions() const;

  // Replays a stored enhancement log on a print's original (opening a case).
  void restoreEnhancements(Side side, const std::vector<imaging::Enhancement>& log);
  const std::vector<imaging::Enhancement>& enhancementLog(Side side) const { return log_[index(side)]; }

 public slots:
  void setTool(CanvasTool tool);
  void proposeCorrespondences();
  void deleteSelectedMinutia();
  void turnSelectedMinutia(double degrees);
  void cycleSelectedMinutiaType();
  void toggleHelp();
  void setOverlayMode(bool on);
  // Applies one step (or "revert") to the working copy; false with a status
  // message when the step is refused. Emits enhancementApplied on success.
  bool applyEnhancement(Side side, const imaging::Enhancement& step);
  // Shows one of the local extractor's stages on a print in place of the
  // image (display only); an empty stage shows the working copy again.
  void showExtractionStage(Side side, const QString& stage);

 signals:
  void statusMessage(const QString& text);
  void enhancementApplied(Side side, const imaging::Enhancement& step);

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void buildActions();
  QWidget* buildToolbar();
  void wireCanvas(PrintCanvas* canvas, FeatureSetDocument* doc);
  void onMinutiaActivated(PrintCanvas* canvas, int index);
  FeatureSetDocument* docFor(const PrintCanvas* canvas) const;
  PrintCanvas* focusedCanvas() const;
  bool refuseIfLocked(FeatureSetDocument* doc);
  static size_t index(Side side) { return side == Side::Probe ? 0 : 1; }
  PrintCanvas* canvasFor(Side side) const { return side == Side::Probe ? probeCanvas_ : candidateCanvas_; }
  void showWorkingCopy(Side side);
  void refreshOverlay();

  FeatureSetDocument* probe_;
  FeatureSetDocument* candidate_;
  CorrespondenceDocument* links_;
  QUndoStack* undo_;
  PrintCanvas* probeCanvas_;
  PrintCanvas* candidateCanvas_;
  CanvasLink* link_;
  CorrespondencePanel* panel_;
  QWidget* printArea_;
  QStackedWidget* printStack_;
  OverlayView* overlayView_;
  EnhancementPanel* enhance_;
  ExtractionPanel* extraction_;
  std::array<std::optional<fingerprint::ExtractionTrace>, 2> traces_;  // of the originals, made on first request
  QAction* overlayAction_ = nullptr;
  QImage originals_[2];
  std::vector<imaging::Enhancement> log_[2];
  CorrespondenceOverlay* overlay_;
  ShortcutHelpOverlay* help_ = nullptr;
  QList<QAction*> actions_;
  CorrespondenceProposer proposer_;
  int pendingProbe_ = -1;
  PrintCanvas* lastActive_ = nullptr;
};

}  // namespace ridgeline::views
