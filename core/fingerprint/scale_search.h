#pragma once
// Matching a mark whose scale is not calibrated. A latent photographed
// without a ruler, or a print scanned at a resolution nobody recorded, can be
// 10-25 % off; the cylinders (70 px radius) and pair tolerances absorb only a
// few per cent. The probe is prepared at a ladder of relative scales and the
// best-scoring scale is kept. Use it only when the scale is really unknown:
// every extra scale is one more chance for a different finger to fit.
#include <vector>

#include "core/fingerprint/match_result.h"
#include "core/fingerprint/mcc_template.h"
#include "core/model/feature_set.h"

namespace ridgeline::fingerprint {

// Relative sizes tried (probe true size / nominal size), ~10 % apart so
// neighbouring steps overlap within the matcher's own tolerance.
inline const std::vector<double> kUncalibratedScales = {0.83, 0.91, 1.0, 1.1, 1.2};

struct ScaledProbe {
  std::vector<double> scales;
  std::vector<MccTemplate> templates;  // one per scale
};

ScaledProbe prepareAtScales(const FeatureSet& probe, const std::vector<double>& scales = kUncalibratedScales);

// The best score over the probe's scales.
double scoreAcrossScales(const ScaledProbe& probe, const MccTemplate& candidate);

// The best result; its alignment's scale includes the scale found.
MatchResult matchAcrossScales(const ScaledProbe& probe, const MccTemplate& candidate);

}  // namespace ridgeline::fingerprint
