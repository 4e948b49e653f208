#pragma once
// What a 1:1 comparison tells the examiner: the score, which minutiae pair
// up (indices into both feature sets) and how the second print sits on the first.
#include <vector>

namespace ridgeline::fingerprint {

struct MinutiaPair {
  int probe = -1;      // index into the probe FeatureSet's minutiae
  int candidate = -1;  // index into the candidate FeatureSet's minutiae
  double support = 0;  // this pair's relaxed similarity, 0..1: its share of the score
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

// Score scale: the MCC LSS-R similarity, 0 (nothing in common) .. 1 (identical
// minutiae). It is the mean support of the pairs listed. See docs/matcher.md
// for the measured impostor distribution (FMR operating points).
struct MatchResult {
  double score = 0;
  std::vector<MinutiaPair> pairs;  // the pairs that make the score, best first
  Alignment alignment;
};

}  // namespace ridgeline::fingerprint
