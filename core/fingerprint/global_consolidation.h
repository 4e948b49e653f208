#pragma once
// Global consolidation of local matches (the local-then-global scheme of
// Jiang & Yau, "Fingerprint minutiae matching based on the local and global
// structures", ICPR 2000, here seeded by MCC pairs): each strongly supported
// pair proposes one rigid alignment; under it, minutiae of both prints pair
// up one-to-one when position and direction agree, with a position tolerance
// that grows with the distance from the seed, because skin stretches more the
// farther it is from where the two impressions agree; the best alignments
// are refined by least squares, then bent by a thin-plate spline through
// their pairs (thin_plate_spline.h) and paired again. The score counts the
// pairs against the minutiae that lie in the area both prints show, so a
// partial print is judged on what it has, not on what it lacks; nor is a
// print held to minutiae that land where the other's ridges cannot be
// followed (ridge_presence.h).
#include <vector>

#include "core/fingerprint/match_result.h"
#include "core/fingerprint/mcc_template.h"
#include "core/fingerprint/relaxation.h"

namespace ridgeline::fingerprint {

struct GlobalMatch {
  double score = 0;                          // 0..1
  std::vector<std::pair<int, int>> pairs;    // template minutia indices (probe, candidate)
  std::vector<double> pairWeights;           // each pair's share, 0..1
  double rotation = 0, tx = 0, ty = 0;       // 500 ppi, y up: candidate = R * probe + t
  // Minutiae of each print the other should have shown under the alignment
  // (inside its region, where its ridges can be followed, or paired): the
  // counts the score divides by (raised to a floor there, not here).
  int probeInOverlap = 0, candidateInOverlap = 0;
};

// seeds: relaxed MCC pairs, best first; the first few are tried as anchors.
// similarity: the cylinder similarity matrix (probe cylinders x candidate cylinders).
// The alignments tried (one per anchor, six at most), the two best refined
// and first, the rest after them, each part best score first: at most
// `count`. Empty without seeds. A caller with evidence the minutiae do not
// carry (ridge flow and detail, matcher.cpp) judges between them.
std::vector<GlobalMatch> consolidateGlobally(const MccTemplate& probe, const MccTemplate& candidate,
                                             const std::vector<RelaxedPair>& seeds,
                                             const std::vector<float>& similarity, size_t count);

}  // namespace ridgeline::fingerprint
