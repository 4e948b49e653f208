#pragma once
// Least-squares rigid alignment of paired points (the 2-D case of Umeyama,
// "Least-squares estimation of transformation parameters between two point
// patterns", IEEE PAMI 13(4), 1991, without the scale term).
#include <vector>

#include "core/fingerprint/match_result.h"
#include "core/fingerprint/mcc_template.h"

namespace ridgeline::fingerprint {

// pairs index the templates' minutiae (the same order as the FeatureSets'); weights are their support.
Alignment fitAlignment(const MccTemplate& probe, const MccTemplate& candidate, const std::vector<MinutiaPair>& pairs);

}  // namespace ridgeline::fingerprint
