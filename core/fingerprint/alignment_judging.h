#pragma once
// Judging between the best alignments with the ridge detail. The minutiae
// alone can rank a near miss above the true alignment: two refits from the
// same anchors pair almost the same minutiae at slightly different turns,
// and the share of paired minutiae barely tells them apart, while the
// ridges around the pairs do (ridge_detail.h). Each alignment is judged by
// its standing (its share of paired minutiae, GlobalMatch::score, or what the
// caller gives in its place) plus, for each pair whose ridges agree,
// `sharePerPair`; the detail of an alignment is counted only as far as it
// could still change the outcome. Which alignments are judged is decided
// first, by ranking them on their share and what cheaper evidence (the ridge
// flow) adds to it.
#include <functional>
#include <vector>

#include "core/fingerprint/global_consolidation.h"

namespace ridgeline::fingerprint {

struct JudgedAlignment {
  GlobalMatch global;
  int agreeingPairs = 0;
};

// Counts the pairs of an alignment whose ridges agree (agreeingRidgeDetail);
// with needed > 0 it may stop, and return less, once fewer than `needed` can
// still agree.
using AgreeingCounter = std::function<int(const GlobalMatch&, int needed)>;

// The alignments to judge, best standing first, with their standings.
struct Contenders {
  std::vector<GlobalMatch> alignments;
  std::vector<double> standing;  // in units of global share; empty when nothing was ranked
};

// What other evidence (the ridge flow, in the matcher) adds to an
// alignment's standing, in units of global share.
using StandingAdded = std::function<double(const GlobalMatch&)>;

// found (best share first) ranked again by share plus `added`, the best
// `keep` kept; ties stay in the minutiae's order. A single alignment has
// nothing to be ranked against: it is kept as it is, `added` not asked.
Contenders rankAlignments(std::vector<GlobalMatch> found, const StandingAdded& added, size_t keep);

// found: best standing first (none: an empty judgement). standing: one for
// each alignment, in units of global share (the matcher adds what the ridge
// flow says under it); empty, or of another size, for their shares.
// maxAgreeing: the most agreeing pairs the counter reports
// (kDetailPairsForFull). Ties stay with the alignment ranked first, as does
// everything when sharePerPair is not positive.
JudgedAlignment judgeAlignments(std::vector<GlobalMatch> found, double sharePerPair, int maxAgreeing,
                                const AgreeingCounter& agreeing, std::vector<double> standing = {});

}  // namespace ridgeline::fingerprint
