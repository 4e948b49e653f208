#pragma once
// The intermediate images of one extraction, by stage name, in pipeline order,
// so the GUI can show the examiner how the features were found (the
// transparency SourceAFIS argues for) and tests can check each stage.
#include <string>
#include <utility>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace ridgeline::fingerprint {

class ExtractionTrace {
 public:
  // Stores a deep copy: later stages may reuse their buffers.
  void add(const std::string& stage, const cv::Mat& image) { stages_.emplace_back(stage, image.clone()); }
  // Empty Mat when the stage was not recorded.
  cv::Mat find(const std::string& stage) const {
    for (const auto& [name, image] : stages_)
      if (name == stage) return image;
    return {};
  }
  const std::vector<std::pair<std::string, cv::Mat>>& stages() const { return stages_; }

 private:
  std::vector<std::pair<std::string, cv::Mat>> stages_;
};

}  // namespace ridgeline::fingerprint
