#pragma once
// Face embedding (fr_feature.onnx: a 112x112 aligned RGB face in, a 512-d
// feature vector out), L2-normalised so similarity is a dot product.
#include <filesystem>

#include <opencv2/core/mat.hpp>
#include <opencv2/dnn/dnn.hpp>

#include "core/face/face_types.h"

namespace ridgeline::face {

inline constexpr int kEmbeddingSize = 512;

class EmbeddingModel {
 public:
  explicit EmbeddingModel(const std::filesystem::path& model);
  // `aligned` is the 112x112 BGR crop of alignForEmbedding(). Not thread-safe.
  FaceEmbedding embed(const cv::Mat& aligned);

 private:
  cv::dnn::Net net_;
};

}  // namespace ridgeline::face
