#pragma once
// Ridge counts between neighbouring minutiae: how many ridges a straight line
// from one minutia to another crosses. Skin stretch moves minutiae but adds
// or removes no ridge between them. Two impressions of one finger therefore
// show the same count between corresponding minutiae, while a chance pairing
// between two fingers agrees only by luck. An examiner checks exactly this.
// The counts between a minutia and its nearest neighbours are part of the
// local structures of Jiang & Yau ("Fingerprint minutiae matching based on
// the local and global structures", ICPR 2000), and ANSI/NIST-ITL records
// carry them (Type-9 fields 9.012 and 9.138).
//
// Here each minutia's counts to its six nearest neighbours are taken once,
// when the template is prepared, from the extractor's ridge detail image. A
// comparison then looks up, for each pair it found, the counts to the
// neighbours that are paired too. Measured figures: docs/matcher.md.
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "core/model/feature_set.h"

namespace ridgeline::fingerprint {

inline constexpr int kRidgeCountNeighbours = 6;
// Neighbours nearer than this sit on the same ridge or the next one, where a
// count says little; farther ones cross distorted skin. Pixels at 500 ppi.
inline constexpr double kNearestCountedPx = 12;
inline constexpr double kFarthestCountedPx = 120;

struct RidgeCountNeighbour {
  int minutia = -1;  // index into the feature set's minutiae; -1: no neighbour in this slot
  int ridges = -1;   // ridges crossed; -1 when the line leaves the image
};

struct NeighbourRidgeCounts {
  std::vector<RidgeCountNeighbour> table;  // kRidgeCountNeighbours per minutia, nearest first
  bool empty() const { return table.empty(); }
  size_t minutiae() const { return table.size() / kRidgeCountNeighbours; }
  const RidgeCountNeighbour* of(size_t minutia) const { return table.data() + minutia * kRidgeCountNeighbours; }
};

// Ridges crossed between two points of a ridge detail image (its pixels):
// dark runs entered from light and left for light along the line, with a
// little hysteresis about the no-ridge grey so that noise on a valley does not
// count. The ridges the two points stand on are not counted. -1 when the
// line leaves the image, is too short to cross anything, or the image is
// malformed (ridge_detail.h, wellFormed).
int ridgesCrossed(const RidgeDetailImage& image, double x0, double y0, double x1, double y1);

// Empty when there is no usable image (the matcher then scores without
// ridge counts, as for another extractor's template).
NeighbourRidgeCounts countNeighbourRidges(const std::optional<RidgeDetailImage>& image, double featurePpi,
                                          const std::vector<Minutia>& minutiae);

// Over the pairs (minutia indices: probe, candidate): each pair's neighbours
// on the probe that are paired as well, and whose partner is among the
// candidate minutia's neighbours too.
struct RidgeCountAgreement {
  int compared = 0;   // counts read on both prints
  int exact = 0;      // the same count
  int withinOne = 0;  // at most one ridge apart
};
RidgeCountAgreement compareRidgeCounts(const NeighbourRidgeCounts& probe, const NeighbourRidgeCounts& candidate,
                                       const std::vector<std::pair<int, int>>& pairs);

// For correspondences an examiner marked or accepted (minutia indices:
// probe, candidate): each one's ridge counts to its nearest other
// correspondences (up to three, 12-120 px at 500 ppi on the probe), read on
// both prints' ridge images. All zero where a print has no usable image or a
// correspondence names no minutia on one side.
inline constexpr int kCorrespondenceNeighbours = 3;
std::vector<RidgeCountAgreement> ridgeCountsAtCorrespondences(const std::optional<RidgeDetailImage>& probeImage,
                                                              const std::vector<Minutia>& probe, double probePpi,
                                                              const std::optional<RidgeDetailImage>& candidateImage,
                                                              const std::vector<Minutia>& candidate,
                                                              const std::vector<std::pair<int, int>>& correspondences);

}  // namespace ridgeline::fingerprint
