#pragma once
// One-to-one pairs of cylinders by descending local similarity: a greedy
// stand-in for the Hungarian assignment of MCC's LSA (Cappelli, Ferrara &
// Maltoni 2010, section 4.1); each minutia is used at most once.
#include <cstddef>
#include <vector>

#include "core/fingerprint/relaxation.h"

namespace ridgeline::fingerprint {

// similarity: na x nb, row-major, entries >= 0 (0: not comparable). Returns
// the pairs in the order they were taken, `initial` and `relaxed` both set to
// the similarity; ties go to the lower row, then the lower column.
std::vector<RelaxedPair> bestOneToOnePairs(const std::vector<float>& similarity, size_t na, size_t nb);

}  // namespace ridgeline::fingerprint
