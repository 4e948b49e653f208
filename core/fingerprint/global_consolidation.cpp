#include "core/fingerprint/global_consolidation.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/fingerprint/angle_math.h"

namespace ridgeline::fingerprint {

namespace {
constexpr size_t kAnchors = 6;              // seeds tried as alignment anchors (12 measured no better)
constexpr double kBaseTolerance = 10;       // px at 500 ppi: positional noise of two extractions
constexpr double kToleranceGrowth = 0.08;   // + px per px away from the anchor: skin distortion
constexpr double kMaxTolerance = 24;
constexpr double kAngleTolerance = std::numbers::pi / 6;
constexpr double kHullMargin = 12;          // px: a minutia just outside the other's hull may still be shared
// Overlap counts below this are raised to it: two prints sharing a tiny area
// cannot reach a high score on a handful of coincident minutiae.
constexpr double kMinOverlap = 12;

struct Rigid {
  double c = 1, s = 0, tx = 0, ty = 0, angle = 0;
  void apply(double x, double y, double& ox, double& oy) const { ox = c * x - s * y + tx, oy = s * x + c * y + ty; }
  void inverse(double x, double y, double& ox, double& oy) const {
    x -= tx, y -= ty;
    ox = c * x + s * y, oy = -s * x + c * y;
  }
};

Rigid fromAnchor(const TemplateMinutia& a, const TemplateMinutia& b) {
  Rigid r;
  r.angle = angleDifference(b.direction, a.direction);
  r.c = std::cos(r.angle), r.s = std::sin(r.angle);
  r.tx = b.x - (r.c * a.x - r.s * a.y);
  r.ty = b.y - (r.s * a.x + r.c * a.y);
  return r;
}

// Inside a convex polygon, allowing a margin outside it; either winding.
bool insideHull(const std::vector<std::array<float, 2>>& hull, double x, double y, double margin) {
  if (hull.size() < 3) return false;
  double area = 0;
  for (size_t i = 0; i < hull.size(); ++i) {
    const auto& p = hull[i];
    const auto& q = hull[(i + 1) % hull.size()];
    area += double(p[0]) * q[1] - double(q[0]) * p[1];
  }
  const double sign = area >= 0 ? 1 : -1;
  for (size_t i = 0; i < hull.size(); ++i) {
    const auto& p = hull[i];
    const auto& q = hull[(i + 1) % hull.size()];
    const double ex = q[0] - p[0], ey = q[1] - p[1];
    const double length = std::hypot(ex, ey);
    if (length < 1e-6) continue;
    const double cross = (ex * (y - p[1]) - ey * (x - p[0])) / length;  // signed distance, left positive
    if (sign * cross < -margin) return false;
  }
  return true;
}

double localSimilarity(const MccTemplate& a, const MccTemplate& b, const std::vector<float>& sim, int i, int j) {
  const int ci = a.minutiae[size_t(i)].cylinder, cj = b.minutiae[size_t(j)].cylinder;
  if (ci < 0 || cj < 0) return -1;  // no cylinder: geometric evidence only
  return sim[size_t(ci) * b.cylinders.size() + size_t(cj)];
}

struct Candidate {
  double cost;
  int i, j;
  double weight;
};

GlobalMatch pairUnder(const Rigid& r, const TemplateMinutia& anchorA, const MccTemplate& a, const MccTemplate& b,
                      const std::vector<float>& sim) {
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < a.minutiae.size(); ++i) {
    const auto& m = a.minutiae[i];
    double x, y;
    r.apply(m.x, m.y, x, y);
    const double tolerance =
        std::min(kMaxTolerance, kBaseTolerance + kToleranceGrowth * std::hypot(m.x - anchorA.x, m.y - anchorA.y));
    const double direction = m.direction + r.angle;
    for (size_t j = 0; j < b.minutiae.size(); ++j) {
      const auto& n = b.minutiae[j];
      const double dx = n.x - x, dy = n.y - y;
      if (std::abs(dx) > tolerance || std::abs(dy) > tolerance) continue;
      const double d = std::hypot(dx, dy);
      const double da = std::abs(angleDifference(n.direction, direction));
      if (d > tolerance || da > kAngleTolerance) continue;
      // Geometric fit, 0..1, and the cylinders' agreement when both have one.
      const double fit = 1 - 0.5 * (d / tolerance + da / kAngleTolerance);
      const double local = localSimilarity(a, b, sim, int(i), int(j));
      const double weight = local < 0 ? 0.5 * fit : 0.5 * fit + 0.5 * std::min(1.0, local / 0.6);
      candidates.push_back({d / tolerance + da / kAngleTolerance, int(i), int(j), weight});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    return x.cost < y.cost || (x.cost == y.cost && (x.i < y.i || (x.i == y.i && x.j < y.j)));
  });
  std::vector<bool> usedA(a.minutiae.size(), false), usedB(b.minutiae.size(), false);
  GlobalMatch g;
  for (const auto& c : candidates) {
    if (usedA[size_t(c.i)] || usedB[size_t(c.j)]) continue;
    usedA[size_t(c.i)] = usedB[size_t(c.j)] = true;
    g.pairs.emplace_back(c.i, c.j);
    g.pairWeights.push_back(c.weight);
  }
  return g;
}

// Minutiae of each print inside the other's region after alignment: the
// denominators that make partial prints comparable.
std::pair<double, double> overlapCounts(const Rigid& r, const MccTemplate& a, const MccTemplate& b) {
  double na = 0, nb = 0;
  for (const auto& m : a.minutiae) {
    double x, y;
    r.apply(m.x, m.y, x, y);
    na += insideHull(b.hull, x, y, kHullMargin);
  }
  for (const auto& n : b.minutiae) {
    double x, y;
    r.inverse(n.x, n.y, x, y);
    nb += insideHull(a.hull, x, y, kHullMargin);
  }
  return {std::max(kMinOverlap, na), std::max(kMinOverlap, nb)};
}

// Least-squares rigid fit of the pairs (Umeyama 1991, 2-D, no scale).
Rigid refit(const GlobalMatch& g, const MccTemplate& a, const MccTemplate& b) {
  double ax = 0, ay = 0, bx = 0, by = 0;
  const double n = double(g.pairs.size());
  for (const auto& [i, j] : g.pairs) {
    ax += a.minutiae[size_t(i)].x, ay += a.minutiae[size_t(i)].y;
    bx += b.minutiae[size_t(j)].x, by += b.minutiae[size_t(j)].y;
  }
  ax /= n, ay /= n, bx /= n, by /= n;
  double sc = 0, ss = 0;
  for (const auto& [i, j] : g.pairs) {
    const double px = a.minutiae[size_t(i)].x - ax, py = a.minutiae[size_t(i)].y - ay;
    const double qx = b.minutiae[size_t(j)].x - bx, qy = b.minutiae[size_t(j)].y - by;
    sc += px * qx + py * qy;
    ss += px * qy - py * qx;
  }
  Rigid r;
  r.angle = std::atan2(ss, sc);
  r.c = std::cos(r.angle), r.s = std::sin(r.angle);
  r.tx = bx - (r.c * ax - r.s * ay);
  r.ty = by - (r.s * ax + r.c * ay);
  return r;
}

double scoreOf(const GlobalMatch& g, const Rigid& r, const MccTemplate& a, const MccTemplate& b) {
  double sum = 0;
  for (double w : g.pairWeights) sum += w;
  const auto [na, nb] = overlapCounts(r, a, b);
  return std::min(1.0, sum * sum / (na * nb));
}
}  // namespace

GlobalMatch consolidateGlobally(const MccTemplate& probe, const MccTemplate& candidate,
                                const std::vector<RelaxedPair>& seeds, const std::vector<float>& similarity) {
  GlobalMatch best;
  for (size_t k = 0; k < std::min(kAnchors, seeds.size()); ++k) {
    const int ia = probe.cylinders[size_t(seeds[k].probe)].minutia;
    const int ib = candidate.cylinders[size_t(seeds[k].candidate)].minutia;
    const auto& anchorA = probe.minutiae[size_t(ia)];
    Rigid r = fromAnchor(anchorA, candidate.minutiae[size_t(ib)]);
    GlobalMatch g = pairUnder(r, anchorA, probe, candidate, similarity);
    // One refinement: the anchor alone fixes the angle only to its own direction error.
    if (g.pairs.size() >= 3) {
      const Rigid refined = refit(g, probe, candidate);
      GlobalMatch again = pairUnder(refined, anchorA, probe, candidate, similarity);
      if (again.pairs.size() >= g.pairs.size()) g = std::move(again), r = refined;
    }
    g.score = scoreOf(g, r, probe, candidate);
    g.rotation = r.angle, g.tx = r.tx, g.ty = r.ty;
    if (g.score > best.score) best = std::move(g);
  }
  return best;
}

}  // namespace ridgeline::fingerprint
