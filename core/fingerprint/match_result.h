#pragma once
// What a 1:1 comparison tells the examiner: the score, which minutiae pair
// up (indices into both feature sets) and how the second print sits on the first.
#include <vector>

namespace ridgeline::fingerprint {

struct MinutiaPair {
  int probe = -1;      // index into the probe FeatureSet's minutiae
  int candidate = -1;  // index into the candidate FeatureSet's minutiae
  double support = 0;  // 0..1: how well the pair fits the alignment and how alike its neighbourhoods are
};

// Rigid alignment mapping probe pixels onto candidate pixels, as seen on
// screen (y down): candidate = scale * Rot(rotation) * probe + (dx, dy), where
// Rot turns counter-clockwise on screen. scale = candidate ppi / probe ppi
// (fixed by the resolutions, not fitted).
struct Alignment {
  double rotation = 0;  // radians
  double dx = 0, dy = 0;
  double scale = 1;
  bool valid = false;   // false when fewer than two pairs
};

// Score scale: 0 (nothing in common) .. 1 (identical minutiae); a blend of the
// share of minutiae paired under one alignment, the MCC LSS-R similarity and,
// when both prints carry ridge flow, how well their flow and ridge spacing
// agree (matcher.cpp); with flow, the ridges around each minutia weigh on its
// pairs (orientation_descriptor.h); with ridge detail, how many pairs show
// the same ridges around them (ridge_detail.h). Measured on the FVC sets with
// flow and detail: different fingers score 0.21 at most (99.9 % below 0.16).
// See docs/matcher.md for the distributions.
// How the two ridge flows compare under the alignment (flow_agreement.h).
struct FlowComparison {
  bool compared = false;  // false when a print has no ridge flow map or no alignment was found
  double agreement = 0;   // mean cos 2(difference) over the shared area: 1 parallel, ~0 unrelated, -1 crossing
  double sharedMm2 = 0;   // area where both prints show flow, square millimetres
  // Ridge spacing over that area: mean |log(probe period / candidate period)|
  // (0.05 is about 5 % apart); negative when a print has no periods.
  double periodMismatch = -1;
};

// The minutiae parts of the score, each 0..1 as it enters the blend
// (matcher.cpp; docs/matcher.md, section 2), so an examiner (`match
// --explain`) and a developer (`bench_matcher --write-components`) can see
// which evidence carried it.
struct ScoreBreakdown {
  // Global consolidation: (sum of pair weights)^2 / (probe minutiae x
  // candidate minutiae in the shared area, each at least 12).
  double minutiae = 0;
  // MCC LSS-R: the relaxed similarity of the best local pairs, scaled by 4 and capped at 1.
  double neighbourhoods = 0;
  // Minutiae of each print inside the other's region under the alignment,
  // where the other print shows ridges (clarity 2 or more), and every paired one.
  int probeInOverlap = 0, candidateInOverlap = 0;
  // Pairs whose surrounding ridges agree (ridge_detail.h), counted up to 10;
  // -1 when a print has no ridge detail (other extractors' templates, an
  // examiner's set without its image).
  int ridgeDetailPairs = -1;
  // Ridge counts from paired minutiae to their paired neighbours, read on
  // both prints (ridge_count.h): how many, how many the same, how many at
  // most one ridge apart. Compared -1 when a print has no ridge detail.
  int ridgeCountsCompared = -1, ridgeCountsSame = 0, ridgeCountsWithinOne = 0;
};

struct MatchResult {
  double score = 0;
  std::vector<MinutiaPair> pairs;  // the pairs that make the score, best first
  Alignment alignment;
  FlowComparison flow;
  ScoreBreakdown breakdown;
};

}  // namespace ridgeline::fingerprint
