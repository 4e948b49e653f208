#pragma once
// 1:1 fingerprint comparison. Local structures are Minutia Cylinder-Codes
// with LSS-R consolidation (Cappelli, Ferrara & Maltoni, IEEE PAMI 32(12),
// 2010): cylinder similarities -> one-to-one best pairs -> relaxation by
// geometric compatibility -> the mean of the most efficient pairs. The best
// relaxed pairs then seed a global consolidation (global_consolidation.h)
// that pairs minutiae under one rigid alignment; the score blends both and
// the pairs and alignment shown to the examiner come from the global step.
// Cylinders are local (radius 70 px), so the result is invariant to rotation
// and translation and tolerant of skin distortion and of partial prints; no
// image is needed, so examiner-edited minutiae and other extractors'
// templates match the same way. See docs/matcher.md.
#include <vector>

#include "core/fingerprint/match_result.h"
#include "core/fingerprint/mcc_template.h"
#include "core/model/feature_set.h"

namespace ridgeline::fingerprint {

// Fast path for 1:N and re-scoring: prepared templates.
MatchResult matchTemplates(const MccTemplate& probe, const MccTemplate& candidate);
// Score only (skips the alignment fit).
double scoreTemplates(const MccTemplate& probe, const MccTemplate& candidate);

// A search: the probe against each candidate in turn, the scores
// scoreTemplates gives, in the candidates' order. While one candidate is
// compared, the next one's template is fetched into cache (fetchTemplate):
// in a gallery each candidate comes from memory, and a comparison read that
// way took about 8 us more (docs/matcher.md, section 4, ninth session).
std::vector<double> scoreAgainst(const MccTemplate& probe, const std::vector<const MccTemplate*>& candidates);

// Asks for the parts of a template that comparing it as a candidate reads
// (cylinders, pairwise geometry, flow blocks, ridge detail) to be brought
// into cache, without waiting for them: for the next candidate of a search.
// A part larger than a print's is left alone (a palm's would not stay in cache).
void fetchTemplate(const MccTemplate& candidate);

// Convenience: prepares both and matches.
MatchResult matchFeatures(const FeatureSet& probe, const FeatureSet& candidate);

}  // namespace ridgeline::fingerprint
