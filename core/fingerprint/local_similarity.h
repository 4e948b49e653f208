#pragma once
// Cylinder-to-cylinder similarity of bit-based MCC (Cappelli et al. 2010,
// eq. 14 with the bit-vector norms of section 5): 1 - |a xor b| / (|a| + |b|)
// over the cells valid in both, zero when the minutiae directions differ by
// more than 90 degrees or too few cells are comparable.
#include <vector>

#include "core/fingerprint/mcc_template.h"

namespace ridgeline::fingerprint {

double cylinderSimilarity(const Cylinder& a, const Cylinder& b);

// Row-major probe.size() x candidate.size() matrix of local similarities:
// each pair's cylinder similarity scaled by how well the ridge flow around the
// two minutiae agrees (orientation_descriptor.h; unscaled where either has no
// flow), counted with the widest kernels this processor runs.
std::vector<float> similarityMatrix(const MccTemplate& probe, const MccTemplate& candidate);

// The matrix's kernels: portable counts, AVX2 and AVX-512 BITALG (x86-64 with
// GCC). All give the same matrix; tests hold each one this processor runs
// against the others.
enum class SimilarityKernels { kScalar, kAvx2, kBitalg };
std::vector<SimilarityKernels> availableSimilarityKernels();  // narrowest first
std::vector<float> similarityMatrix(const MccTemplate& probe, const MccTemplate& candidate, SimilarityKernels kernels);

}  // namespace ridgeline::fingerprint
