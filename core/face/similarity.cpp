#include "core/face/similarity.h"

#include <algorithm>
#include <cmath>

#include "core/util/errors.h"

namespace ridgeline::face {

double cosineSimilarity(const FaceEmbedding& a, const FaceEmbedding& b) {
  if (a.empty() || a.size() != b.size()) throw UsageError("face embeddings of different sizes cannot be compared");
  double dot = 0, na = 0, nb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    dot += double(a[i]) * b[i];
    na += double(a[i]) * a[i];
    nb += double(b[i]) * b[i];
  }
  if (!(na > 0) || !(nb > 0) || !std::isfinite(dot)) throw UsageError("face embedding is empty or not finite");
  return std::clamp(dot / std::sqrt(na * nb), -1.0, 1.0);
}

}  // namespace ridgeline::face
