#include "views/casework/score_distribution_chart.h"

#include <QFile>
#include <QTextStream>
#include <algorithm>

#include <vtkAxis.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkFloatArray.h>
#include <vtkNew.h>
#include <vtkPen.h>
#include <vtkPlot.h>
#include <vtkTable.h>
#include <vtkTextProperty.h>

namespace ridgeline::views {

ReferenceScores readReferenceScores(const QString& path) {
  ReferenceScores out;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return out;
  QTextStream in(&file);
  while (!in.atEnd()) {
    const QString line = in.readLine().trimmed();
    if (line.startsWith('#')) {
      if (out.source.isEmpty()) out.source = line.mid(1).trimmed();
      continue;
    }
    const auto parts = line.split(',');
    bool ok = false;
    const double score = parts.size() == 2 ? parts[1].toDouble(&ok) : 0;
    if (!ok) continue;
    if (parts[0] == "genuine") out.genuine.push_back(score);
    else if (parts[0] == "impostor") out.impostor.push_back(score);
  }
  return out;
}

ScoreDistributionChart::ScoreDistributionChart(QWidget* parent) : VtkChartWidget(parent) {
  setObjectName("scoreDistributionChart");
  chart()->SetShowLegend(true);
  chart()->GetAxis(vtkAxis::BOTTOM)->SetTitle("local matcher score");
  chart()->GetAxis(vtkAxis::LEFT)->SetTitle("share of comparisons (%)");
  setMinimumHeight(220);
}

void ScoreDistributionChart::setDistributions(const ReferenceScores& scores, int bins) {
  scores_ = scores;
  bins_ = std::max(5, bins);
  rebuild();
}

void ScoreDistributionChart::setCaseScore(double score) {
  caseScore_ = score;
  rebuild();
}

// Adds one histogram (percent of comparisons per bin); returns its highest bin.
static double addHistogram(vtkChartXY* chart, const std::vector<double>& values, double lo, double width, int bins,
                         const char* name, unsigned char r, unsigned char g, unsigned char b) {
  if (values.empty()) return 0;
  vtkNew<vtkTable> table;
  vtkNew<vtkFloatArray> x, y;
  x->SetName("score");
  y->SetName(name);
  table->AddColumn(x);
  table->AddColumn(y);
  std::vector<double> counts(static_cast<size_t>(bins), 0);
  for (double v : values) counts[static_cast<size_t>(std::clamp(int((v - lo) / width), 0, bins - 1))] += 1;
  table->SetNumberOfRows(bins);
  double highest = 0;
  for (int i = 0; i < bins; ++i) {
    highest = std::max(highest, 100.0 * counts[static_cast<size_t>(i)] / double(values.size()));
    table->SetValue(i, 0, lo + (i + 0.5) * width);
    table->SetValue(i, 1, 100.0 * counts[static_cast<size_t>(i)] / double(values.size()));
  }
  vtkPlot* line = chart->AddPlot(vtkChart::LINE);
  line->SetInputData(table, 0, 1);
  line->SetColor(r, g, b, 255);
  line->SetWidth(2.5);
  return highest;
}

void ScoreDistributionChart::rebuild() {
  chart()->ClearPlots();
  if (!hasData()) return update();
  std::vector<double> all = scores_.genuine;
  all.insert(all.end(), scores_.impostor.begin(), scores_.impostor.end());
  if (caseScore_ >= 0) all.push_back(caseScore_);
  const auto [mn, mx] = std::minmax_element(all.begin(), all.end());
  const double lo = *mn, width = std::max(1e-9, (*mx - *mn) / bins_);
  const double top = std::max(
      addHistogram(chart(), scores_.impostor, lo, width, bins_, "different fingers (impostor)", 200, 70, 60),
      addHistogram(chart(), scores_.genuine, lo, width, bins_, "same finger (genuine)", 30, 140, 80));
  if (caseScore_ >= 0) {
    vtkNew<vtkTable> marker;
    vtkNew<vtkFloatArray> x, y;
    x->SetName("score");
    y->SetName("this case");
    marker->AddColumn(x);
    marker->AddColumn(y);
    marker->SetNumberOfRows(2);
    marker->SetValue(0, 0, caseScore_);
    marker->SetValue(0, 1, 0.0);
    marker->SetValue(1, 0, caseScore_);
    // As tall as the highest bin: a 100 % marker would squash the histograms.
    marker->SetValue(1, 1, std::max(top, 1.0));
    vtkPlot* line = chart()->AddPlot(vtkChart::LINE);
    line->SetInputData(marker, 0, 1);
    line->SetColor(40, 90, 220, 255);
    line->SetWidth(3.0);
    line->GetPen()->SetLineType(vtkPen::DASH_LINE);
  }
  update();
}

}  // namespace ridgeline::views
