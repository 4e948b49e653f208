#pragma once
// 1:1 fingerprint comparison by Minutia Cylinder-Code with LSS-R
// consolidation (Cappelli, Ferrara & Maltoni, IEEE PAMI 32(12), 2010):
// local cylinder similarities -> one-to-one best pairs -> relaxation by
// geometric compatibility -> the mean of the most efficient pairs. Cylinders
// are local (radius 70 px), so the result is invariant to rotation and
// translation and tolerant of skin distortion and of partial prints; no image
// is needed, so examiner-edited minutiae and other extractors' templates
// match the same way.
#include "core/fingerprint/match_result.h"
#include "core/fingerprint/mcc_template.h"
#include "core/model/feature_set.h"

namespace ridgeline::fingerprint {

// Fast path for 1:N and re-scoring: prepared templates.
MatchResult matchTemplates(const MccTemplate& probe, const MccTemplate& candidate);
// Score only (skips the alignment fit).
double scoreTemplates(const MccTemplate& probe, const MccTemplate& candidate);

// Convenience: prepares both and matches.
MatchResult matchFeatures(const FeatureSet& probe, const FeatureSet& candidate);

}  // namespace ridgeline::fingerprint
