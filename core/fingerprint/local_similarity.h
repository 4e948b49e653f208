#pragma once
// Cylinder-to-cylinder similarity of bit-based MCC (Cappelli et al. 2010,
// eq. 14 with the bit-vector norms of section 5): 1 - |a xor b| / (|a| + |b|)
// over the cells valid in both, zero when the minutiae directions differ by
// more than 90 degrees or too few cells are comparable.
#include <vector>

#include "core/fingerprint/mcc_template.h"

namespace ridgeline::fingerprint {

double cylinderSimilarity(const Cylinder& a, const Cylinder& b);

// Row-major probe.size() x candidate.size() matrix.
std::vector<float> similarityMatrix(const MccTemplate& probe, const MccTemplate& candidate);

}  // namespace ridgeline::fingerprint
