#pragma once
// One open case, in ACE-V order: Analysis (probe alone), Comparison (after
// the analysis is locked), Evaluation. It owns the markup documents and the
// undo stack; what must be recorded (lock, conclusion) leaves as signals so
// the application writes it to the store and the audit trail.
#include <QWidget>
#include <optional>

#include "views/casework/case_session.h"
#include "views/casework/local_score.h"
#include "views/casework/metatypes.h"
#include "views/comparison/comparison_workspace.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QStackedWidget;
class QUndoStack;

namespace ridgeline::views {

class AnalysisPage;
class CorrespondenceDocument;
class EvaluationPage;
class FeatureSetDocument;

enum class CaseStep { Analysis = 0, Comparison = 1, Evaluation = 2 };


class CaseView : public QWidget {
  Q_OBJECT
 public:
  explicit CaseView(CaseSession session, QWidget* parent = nullptr);

  void setProposer(CorrespondenceProposer proposer);
  void setScorer(PairScorer scorer);
  bool goToStep(CaseStep step);  // false when the step is not open yet
  CaseStep step() const;
  int currentCandidate() const { return candidate_; }
  void showCandidate(int index);

  AnalysisPage* analysisPage() const { return analysis_; }
  ComparisonWorkspace* comparison() const { return comparison_; }
  EvaluationPage* evaluation() const { return evaluation_; }
  FeatureSetDocument* analysisDocument() const { return analysisDoc_; }
  CorrespondenceDocument* correspondences() const { return links_; }
  QUndoStack* undoStack() const { return undo_; }
  const CaseSession& session() const { return session_; }

 signals:
  void analysisLocked(int version, const FeatureSet& features);
  void conclusionRecorded(const Conclusion& conclusion);
  // A step on the working copy of one impression, for the store's log.
  void enhancementApplied(qint64 impressionId, const imaging::Enhancement& step);
  void statusMessage(const QString& text);

 private:
  QWidget* buildHeader();
  void refreshSteps();
  void refreshEvaluation();

  CaseSession session_;
  QUndoStack* undo_;
  FeatureSetDocument* analysisDoc_;
  FeatureSetDocument* candidateDoc_;
  CorrespondenceDocument* links_;
  QButtonGroup* steps_;
  QStackedWidget* pages_;
  AnalysisPage* analysis_;
  ComparisonWorkspace* comparison_;
  EvaluationPage* evaluation_;
  QComboBox* candidateChoice_;
  QLabel* candidateLabel_;
  QLabel* title_;
  PairScorer scorer_;
  int candidate_ = -1;
};

}  // namespace ridgeline::views
