#include "core/imaging/enhancement_pipeline.h"

#include <algorithm>

#include "core/imaging/enhancement_ops.h"

namespace ridgeline::imaging {

cv::Mat replay(const cv::Mat& original, const std::vector<Enhancement>& steps, double ppi, Progress* progress) {
  cv::Mat current = original.clone();
  for (size_t i = 0; i < steps.size(); ++i) {
    if (progress) {
      progress->checkCancelled();
      progress->report(double(i) / double(steps.size()), steps[i].name);
    }
    current = steps[i].name == "revert" ? original.clone() : applyEnhancement(current, steps[i], ppi);
  }
  if (progress) progress->report(1.0, "done");
  return current;
}

std::vector<Enhancement> stepsInEffect(const std::vector<Enhancement>& log) {
  auto last = std::find_if(log.rbegin(), log.rend(), [](const Enhancement& e) { return e.name == "revert"; });
  return {last.base(), log.end()};
}

}  // namespace ridgeline::imaging
