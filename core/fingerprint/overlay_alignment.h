#pragma once
// Overlay mode lays the candidate over the probe. The examiner's own
// correspondences fix where: a rigid fit in millimetres (skin does not change
// size between two captures, so the scale is only the ratio of resolutions),
// least squares as in Umeyama (IEEE PAMI 13(4), 1991) without the scale
// term. The residual tells the examiner how well one rigid placement explains
// all the marked pairs; distortion of skin makes it never zero.
#include <vector>

namespace ridgeline::fingerprint {

struct MarkedPair {
  double probeX, probeY;          // probe pixels
  double candidateX, candidateY;  // candidate pixels
};

struct OverlayAlignment {
  // candidate pixel (x, y) -> probe pixel (m11 x + m12 y + dx, m21 x + m22 y + dy)
  double m11 = 1, m12 = 0, m21 = 0, m22 = 1, dx = 0, dy = 0;
  double rotationDegrees = 0;
  double rmsResidualMm = 0;
  int pairs = 0;
  bool valid = false;  // false below two pairs (nothing fixes the rotation)
};

OverlayAlignment alignForOverlay(const std::vector<MarkedPair>& pairs, double probePpi, double candidatePpi);

}  // namespace ridgeline::fingerprint
