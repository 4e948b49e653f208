#include "core/imaging/enhancement_pipeline.h"

#include "core/imaging/enhancement_ops.h"

namespace ridgeline::imaging {

cv::Mat replay(const cv::Mat& original, const std::vector<Enhancement>& steps, double ppi, Progress* progress) {
  cv::Mat current = original.clone();
  for (size_t i = 0; i < steps.size(); ++i) {
    if (progress) {
      progress->checkCancelled();
      progress->report(double(i) / double(steps.size()), steps[i].name);
    }
    current = applyEnhancement(current, steps[i], ppi);
  }
  if (progress) progress->report(1.0, "done");
  return current;
}

}  // namespace ridgeline::imaging
