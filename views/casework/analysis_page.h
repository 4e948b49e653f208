#pragma once
// Analysis: the probe alone, candidates hidden (bias control). The examiner
// marks minutiae, sees the automatic ones and the clarity map if wanted,
// records a value determination and completes the analysis, which locks it
// before any candidate is shown. Revising afterwards makes a new version and
// says what changed.
#include <QWidget>

#include "core/model/feature_set.h"

class QButtonGroup;
class QCheckBox;
class QLabel;
class QPushButton;
class QUndoStack;

namespace ridgeline::views {

class FeatureSetDocument;
class PrintCanvas;

class AnalysisPage : public QWidget {
  Q_OBJECT
 public:
  AnalysisPage(FeatureSetDocument* analysis, QUndoStack* undo, QWidget* parent = nullptr);

  void setProbe(const QImage& image, double ppi, const FeatureSet& automatic);
  PrintCanvas* canvas() const { return canvas_; }
  QPushButton* completeButton() const { return complete_; }
  // What changed between the locked version and the current document.
  QString differenceSummary() const;

 public slots:
  void completeAnalysis();
  void reviseAnalysis();
  void adoptAutomaticMinutiae();

 signals:
  void analysisLocked(int version);
  void analysisRevised(int version);
  void statusMessage(const QString& text);

 private:
  QWidget* buildSidePanel();
  void refreshState();

  FeatureSetDocument* analysis_;
  QUndoStack* undo_;
  PrintCanvas* canvas_;
  FeatureSet automatic_;
  QLabel* counts_;
  QLabel* version_;
  QButtonGroup* value_;
  QPushButton* complete_;
  QPushButton* revise_;
  QCheckBox* showAutomatic_;
  QCheckBox* showClarity_;
  FeatureSet lockedVersion_;
  int versionNumber_ = 1;
};

}  // namespace ridgeline::views
