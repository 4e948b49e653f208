#include "core/fingerprint/alignment.h"

#include <cmath>

namespace ridgeline::fingerprint {

Alignment fitAlignment(const MccTemplate& probe, const MccTemplate& candidate, const std::vector<MinutiaPair>& pairs) {
  Alignment out;
  if (pairs.size() < 2) return out;
  // Templates hold 500 ppi, y-up coordinates; weights are each pair's support.
  double w = 0, ax = 0, ay = 0, bx = 0, by = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    const auto& a = probe.minutiae[size_t(pairs[i].probe)];
    const auto& b = candidate.minutiae[size_t(pairs[i].candidate)];
    const double wi = std::max(1e-6, pairs[i].support);
    w += wi, ax += wi * a.x, ay += wi * a.y, bx += wi * b.x, by += wi * b.y;
  }
  ax /= w, ay /= w, bx /= w, by /= w;
  double sinSum = 0, cosSum = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    const auto& a = probe.minutiae[size_t(pairs[i].probe)];
    const auto& b = candidate.minutiae[size_t(pairs[i].candidate)];
    const double wi = std::max(1e-6, pairs[i].support);
    const double pxa = a.x - ax, pya = a.y - ay, pxb = b.x - bx, pyb = b.y - by;
    cosSum += wi * (pxa * pxb + pya * pyb);
    sinSum += wi * (pxa * pyb - pya * pxb);
  }
  const double phi = std::atan2(sinSum, cosSum);
  const double c = std::cos(phi), s = std::sin(phi);
  // Translation in the 500 ppi y-up frame, then into candidate pixels, y down.
  const double tx = bx - (c * ax - s * ay), ty = by - (s * ax + c * ay);
  const double toCandidate = candidate.ppi > 0 ? candidate.ppi / 500.0 : 1.0;
  out.rotation = phi;
  out.dx = tx * toCandidate;
  out.dy = -ty * toCandidate;
  out.scale = (probe.ppi > 0 && candidate.ppi > 0) ? candidate.ppi / probe.ppi : 1.0;
  out.valid = true;
  return out;
}

}  // namespace ridgeline::fingerprint
