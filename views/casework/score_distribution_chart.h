#pragma once
// The local matcher's score in context: how genuine (same finger) and
// impostor (different finger) comparisons of a reference set score, as two
// histograms, with this case's score marked. An examiner reads where the
// score falls, not a verdict.
#include <vector>

#include "views/vtk/vtk_chart_widget.h"

namespace ridgeline::views {

struct ReferenceScores {
  std::vector<double> genuine;
  std::vector<double> impostor;
  QString source;  // which data set and command produced them
};

// Reads "genuine,SCORE" / "impostor,SCORE" lines; '#' lines are comments
// (the first names the source). Empty result when the file is missing or bad.
ReferenceScores readReferenceScores(const QString& path);

class ScoreDistributionChart : public VtkChartWidget {
  Q_OBJECT
 public:
  explicit ScoreDistributionChart(QWidget* parent = nullptr);
  void setDistributions(const ReferenceScores& scores, int bins = 40);
  void setCaseScore(double score);
  bool hasData() const { return !scores_.genuine.empty() || !scores_.impostor.empty(); }

 private:
  void rebuild();

  ReferenceScores scores_;
  int bins_ = 40;
  double caseScore_ = -1;
};

}  // namespace ridgeline::views
