#include "core/fingerprint/overlay_alignment.h"

#include <cmath>
#include <numbers>

namespace ridgeline::fingerprint {
namespace {

constexpr double kMmPerInch = 25.4;

struct Point {
  double x, y;
};

}  // namespace

OverlayAlignment alignForOverlay(const std::vector<MarkedPair>& pairs, double probePpi, double candidatePpi) {
  OverlayAlignment out;
  out.pairs = static_cast<int>(pairs.size());
  if (pairs.size() < 2 || probePpi <= 0 || candidatePpi <= 0) return out;
  const double probeMm = kMmPerInch / probePpi, candidateMm = kMmPerInch / candidatePpi;
  std::vector<Point> p, q;  // millimetres: p on the probe, q on the candidate
  Point pc{0, 0}, qc{0, 0};
  for (const MarkedPair& m : pairs) {
    p.push_back({m.probeX * probeMm, m.probeY * probeMm});
    q.push_back({m.candidateX * candidateMm, m.candidateY * candidateMm});
    pc = {pc.x + p.back().x, pc.y + p.back().y};
    qc = {qc.x + q.back().x, qc.y + q.back().y};
  }
  const double n = static_cast<double>(pairs.size());
  pc = {pc.x / n, pc.y / n};
  qc = {qc.x / n, qc.y / n};
  double cosSum = 0, sinSum = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    const double ax = q[i].x - qc.x, ay = q[i].y - qc.y, bx = p[i].x - pc.x, by = p[i].y - pc.y;
    cosSum += ax * bx + ay * by;
    sinSum += ax * by - ay * bx;
  }
  // Coincident points leave the rotation undefined: nothing to align on.
  if (std::hypot(cosSum, sinSum) < 1e-12) return out;
  const double phi = std::atan2(sinSum, cosSum), c = std::cos(phi), s = std::sin(phi);
  const double tx = pc.x - (c * qc.x - s * qc.y), ty = pc.y - (s * qc.x + c * qc.y);
  double squared = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    const double ex = c * q[i].x - s * q[i].y + tx - p[i].x, ey = s * q[i].x + c * q[i].y + ty - p[i].y;
    squared += ex * ex + ey * ey;
  }
  // Back to pixels: probe_px = (R * candidate_px * candidateMm + t) / probeMm.
  const double k = candidateMm / probeMm;
  out.m11 = k * c, out.m12 = -k * s, out.m21 = k * s, out.m22 = k * c;
  out.dx = tx / probeMm, out.dy = ty / probeMm;
  out.rotationDegrees = phi * 180 / std::numbers::pi;
  out.rmsResidualMm = std::sqrt(squared / n);
  out.valid = true;
  return out;
}

}  // namespace ridgeline::fingerprint
