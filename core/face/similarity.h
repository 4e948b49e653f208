#pragma once
// Similarity of two face embeddings. The score is ADVISORY: the model
// package does not say what data trained the models, so nobody can say how
// the score behaves on the hub's population. It orders candidates for the
// examiner; it never decides.
#include "core/face/face_types.h"

namespace ridgeline::face {

// What every caller shows next to a score.
inline constexpr const char* kAdvisoryNotice =
    "advisory only: the face models' training data is undocumented; the examiner's feature-by-feature "
    "comparison decides";

// Cosine similarity in -1..1 (1 = same direction). Throws UsageError when
// the sizes differ or a vector is empty or not finite.
double cosineSimilarity(const FaceEmbedding& a, const FaceEmbedding& b);

}  // namespace ridgeline::face
