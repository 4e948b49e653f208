#pragma once
// ACE-V comparison: probe left, candidate right, navigation linked or free,
// numbered correspondences joined across the prints, markup on the candidate
// (the probe's analysis is locked), proposals from the local matcher that the
// examiner accepts or rejects one by one. Every edit goes on the undo stack.
#include <QWidget>
#include <functional>
#include <vector>

#include "core/model/case.h"
#include "views/comparison/print_canvas.h"

class QAction;
class QLabel;
class QSplitter;
class QUndoStack;

namespace ridgeline::views {

class CanvasLink;
class CorrespondenceDocument;
class CorrespondenceOverlay;
class CorrespondencePanel;
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
  QList<QAction*> workspaceActions() const;

 public slots:
  void setTool(CanvasTool tool);
  void proposeCorrespondences();
  void deleteSelectedMinutia();
  void turnSelectedMinutia(double degrees);
  void cycleSelectedMinutiaType();
  void toggleHelp();

 signals:
  void statusMessage(const QString& text);

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

  FeatureSetDocument* probe_;
  FeatureSetDocument* candidate_;
  CorrespondenceDocument* links_;
  QUndoStack* undo_;
  PrintCanvas* probeCanvas_;
  PrintCanvas* candidateCanvas_;
  CanvasLink* link_;
  CorrespondencePanel* panel_;
  QWidget* printArea_;
  CorrespondenceOverlay* overlay_;
  ShortcutHelpOverlay* help_ = nullptr;
  QList<QAction*> actions_;
  CorrespondenceProposer proposer_;
  int pendingProbe_ = -1;
  PrintCanvas* lastActive_ = nullptr;
};

}  // namespace ridgeline::views
