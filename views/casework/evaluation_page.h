#pragma once
// Evaluation: the conclusion on the lab's scale (identification /
// inconclusive / exclusion by default), a written rationale (required), and
// the local matcher's score shown against reference distributions.
#include <QWidget>
#include <optional>

#include "core/model/case.h"
#include "views/casework/local_score.h"
#include "views/casework/score_distribution_chart.h"

class QButtonGroup;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace ridgeline::views {


class EvaluationPage : public QWidget {
  Q_OBJECT
 public:
  explicit EvaluationPage(const QStringList& scale, QWidget* parent = nullptr);

  void setScores(std::optional<LocalScore> local, double hubScore, double hubThreshold);
  void setReference(const ReferenceScores& reference);
  void setCorrespondenceSummary(const QString& text);
  // Null until the page is first shown (see showEvent).
  ScoreDistributionChart* chart() const { return chart_; }
  QPushButton* saveButton() const { return save_; }
  QLabel* scoreLine() const { return scoreLine_; }
  QPlainTextEdit* rationale() const { return rationale_; }
  bool selectDecision(const QString& decision);
  QString decision() const;

 signals:
  void conclusionSaved(const QString& decision, const QString& rationale);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void refreshSaveState();
  void refreshChart();

  QStringList scale_;
  QButtonGroup* decisions_;
  QPlainTextEdit* rationale_;
  QPushButton* save_;
  QLabel* scoreLine_;
  QLabel* sourceLine_;
  QLabel* correspondences_;
  QVBoxLayout* chartSlot_;
  ScoreDistributionChart* chart_ = nullptr;
  ReferenceScores reference_;
  std::optional<double> caseScore_;
};

}  // namespace ridgeline::views
