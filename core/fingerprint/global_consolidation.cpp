#include "core/fingerprint/global_consolidation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

#include "core/fingerprint/angle_math.h"
#include "core/fingerprint/thin_plate_spline.h"

namespace ridgeline::fingerprint {

namespace {
constexpr size_t kAnchors = 6;              // seeds tried as alignment anchors (12 measured no better)
constexpr size_t kRefined = 2;              // best trials refined by a least-squares fit
constexpr double kBaseTolerance = 10;       // px at 500 ppi: positional noise of two extractions
constexpr double kToleranceGrowth = 0.08;   // + px per px away from the anchor: skin distortion
constexpr double kMaxTolerance = 24;
constexpr double kAngleTolerance = std::numbers::pi / 6;
// Elastic pairing (thin_plate_spline.h), after the refinement: a spline
// through the pairs of trials with at least kMinPairsToBend (4, 5, 7 and 9
// measured within a genuine pair of each other, latents too at 7 and 9;
// 9 bends a third fewer alignments than 7, mostly impostors', and a spline
// through few points is nearly affine anyway), through kSplinePoints of them at most
// (16 measured as good as all of them, 8 and 12 worse; the cap bounds the
// fit's cost, cubic in the points), with bending weighed against fit at
// kSplineSmoothing in units of 100 px (0.1-0.4 measured alike; from 0.5
// on it stays too stiff to help). docs/matcher.md, section 4.
constexpr size_t kMinPairsToBend = 9;
constexpr size_t kSplinePoints = 16;
constexpr double kSplineUnit = 100;
constexpr double kSplineSmoothing = 0.3;
// Overlap counts below this are raised to it: two prints sharing a tiny area
// cannot reach a high score on a handful of coincident minutiae.
constexpr double kMinOverlap = 12;
// A pair whose minutiae differ in type (ending against bifurcation) counts
// this much of its weight: pressure and skin condition turn one into the
// other often enough that a mismatch cannot rule a pair out, but it is
// weaker evidence than agreement (examiners weigh type the same way). A
// type left unknown, by an examiner or another extractor, is no mismatch.
// Measured with 0.5, 0.7 and 0.85, and on the cylinder similarity instead
// (docs/matcher.md, section 5).
constexpr double kTypeMismatchWeight = 0.7;

bool typesDisagree(MinutiaType a, MinutiaType b) {
  return a != MinutiaType::Unknown && b != MinutiaType::Unknown && a != b;
}

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

double localSimilarity(const MccTemplate& a, const MccTemplate& b, const std::vector<float>& sim, int i, int j) {
  const int ci = a.minutiae[size_t(i)].cylinder, cj = b.minutiae[size_t(j)].cylinder;
  if (ci < 0 || cj < 0) return -1;  // no cylinder: geometric evidence only
  return sim[size_t(ci) * b.cylinders.size() + size_t(cj)];
}

// A pair within tolerance, as sorted: cost, then probe and candidate index
// packed (i << 16 | j, minutiae per template far below 2^16) so ties break
// by one comparison; its weight waits in a side array at `index`. Sixteen
// bytes instead of twenty-four: the sort moves less.
struct Candidate {
  double cost;
  std::uint32_t pair;
  std::uint32_t index;
  int i() const { return int(pair >> 16); }
  int j() const { return int(pair & 0xFFFFu); }
};
static_assert(kMaxMatchableMinutiae <= 0xFFFF);

// A coarse index of the candidate's x order: its x extent cut into kCells
// equal cells, and for each cell the first position whose x lies in it or
// beyond. The cells around an x range give a slightly wider range of
// positions (the exact bounds are then tested on each minutia) in two table
// reads instead of two binary searches, which took a sixth of the global
// consolidation's instructions (and, done by the library, mispredict about
// every other step: where an aligned minutia falls is random).
class XIndex {
 public:
  explicit XIndex(const std::vector<float>& sortedX) {
    if (sortedX.empty()) return;
    x0_ = sortedX.front();
    perCell_ = kCells / std::max(1.0, double(sortedX.back()) - x0_);
    // start_[c] counts the positions in cells before c.
    for (float x : sortedX) ++start_[size_t(cellOf(x) + 1)];
    for (size_t c = 1; c < start_.size(); ++c) start_[c] += start_[c - 1];
  }
  // Positions [first, last) holding every x in [low, high], and a few more.
  size_t first(double low) const { return start_[size_t(cellOf(low))]; }
  size_t last(double high) const { return start_[size_t(cellOf(high) + 1)]; }

 private:
  static constexpr int kCells = 64;
  // 0..kCells, never decreasing in x: a position before start_[cellOf(x)]
  // holds a smaller x, one at or after start_[cellOf(x) + 1] a larger one.
  // (std::max(0.0, NaN) is 0: no absurd input can index outside the table.)
  int cellOf(double x) const { return int(std::min(double(kCells), std::max(0.0, (x - x0_) * perCell_))); }
  double x0_ = 0, perCell_ = 0;
  std::array<size_t, kCells + 2> start_{};
};

// A probe minutia under the trial's alignment, with its pairing tolerance and
// the candidate minutiae within that tolerance in x: those of [first, last)
// in the x order whose x is not below low = float(x - tolerance) and not
// above high = x + tolerance.
struct Aligned {
  double x, y, direction, tolerance, high;
  float low;
  size_t first, last;
};

// Buffers reused by every trial of one comparison.
struct Scratch {
  std::vector<Candidate> candidates;
  std::vector<double> weights;  // of candidates, by their index
  std::vector<char> usedA, usedB;
  std::vector<Aligned> aligned;
  std::vector<std::pair<int, int>> near;  // see nearPairs
  std::vector<double> xs, ys;             // points whose overlap countOverlap counts
  std::vector<float> bentX, bentY, bentDirection;  // the probe's minutiae as the spline reads them
  std::vector<SplineImage> bent;                   // and where it puts them
  std::vector<std::size_t> splinePairs;            // the pairs the spline goes through
  std::vector<float> splineGap;                    // see splinePairs
  std::vector<SplinePoint> splineFrom, splineTo;    // and their minutiae
  ThinPlateSpline spline;
};

// Every probe minutia aligned, in a loop of its own: the steps of one minutia
// (square root, then the index) wait on each other, those of different
// minutiae do not, and without branches in between the processor overlaps
// them.
void alignProbe(const Rigid& r, const TemplateMinutia& anchorA, const MccTemplate& a, const XIndex& bx,
                std::vector<Aligned>& aligned) {
  aligned.resize(a.minutiae.size());
  for (size_t i = 0; i < a.minutiae.size(); ++i) {
    const auto& m = a.minutiae[i];
    Aligned& p = aligned[i];
    r.apply(m.x, m.y, p.x, p.y);
    const double ax = m.x - anchorA.x, ay = m.y - anchorA.y;
    p.tolerance = std::min(kMaxTolerance, kBaseTolerance + kToleranceGrowth * std::sqrt(ax * ax + ay * ay));
    p.direction = m.direction + r.angle;
    p.low = float(p.x - p.tolerance), p.high = p.x + p.tolerance;
    p.first = bx.first(p.low), p.last = bx.last(p.high);
  }
}

// Every (probe minutia, x-order position) whose candidate minutia lies within
// the probe minutia's tolerance in x and in y, into near; returns how many.
// Kept by a mask, not a branch: which ones pass is random.
size_t nearPairs(const MccTemplate& b, const std::vector<Aligned>& aligned, std::vector<std::pair<int, int>>& near) {
  size_t reach = 0;
  for (const Aligned& p : aligned) reach += p.last - p.first;
  if (near.size() < reach) near.resize(reach);
  size_t found = 0;
  for (size_t i = 0; i < aligned.size(); ++i) {
    const Aligned& p = aligned[i];
    for (size_t k = p.first; k < p.last; ++k) {
      near[found] = {int(i), int(k)};
      const size_t inX = size_t(!(b.sortedX[k] < p.low)) & size_t(double(b.sortedX[k]) <= p.high);
      found += inX & size_t(std::abs(double(b.yByX[k]) - p.y) <= p.tolerance);
    }
  }
  return found;
}

GlobalMatch pairAligned(const MccTemplate& a, const MccTemplate& b, const std::vector<float>& sim, Scratch& scratch) {
  const size_t found = nearPairs(b, scratch.aligned, scratch.near);
  // The full test (distance, direction) for each near pair, kept by a mask;
  // cost = distance and direction error, each in units of its tolerance.
  std::vector<Candidate>& candidates = scratch.candidates;
  candidates.resize(found);
  size_t kept = 0;
  for (size_t h = 0; h < found; ++h) {
    const auto [i, k] = scratch.near[h];
    const Aligned& p = scratch.aligned[size_t(i)];
    const int j = b.byX[size_t(k)];
    const auto& n = b.minutiae[size_t(j)];
    const double dx = n.x - p.x, dy = n.y - p.y;
    const double d2 = dx * dx + dy * dy;
    const double da = std::abs(angleDifference(n.direction, p.direction));
    candidates[kept] = {std::sqrt(d2) / p.tolerance + da / kAngleTolerance, std::uint32_t(i) << 16 | std::uint32_t(j),
                        std::uint32_t(kept)};
    kept += size_t(!(d2 > p.tolerance * p.tolerance)) & size_t(!(da > kAngleTolerance));
  }
  candidates.resize(kept);
  // Then the weights of the pairs that passed, only: more than half of the
  // near pairs fail (on the FVC sets 57 %, most of them on direction), and a
  // weight's reads (the cylinders' similarity, the types) cost more than the
  // test.
  std::vector<double>& weights = scratch.weights;
  weights.resize(kept);
  for (const Candidate& c : candidates) {
    const int i = c.i(), j = c.j();
    // Geometric fit, 0..1, and the cylinders' agreement when both have one.
    const double fit = 1 - 0.5 * c.cost;
    const double local = localSimilarity(a, b, sim, i, j);
    const double evidence = local < 0 ? 0.5 * fit : 0.5 * fit + 0.5 * std::min(1.0, local / 0.6);
    const bool mismatch = typesDisagree(a.minutiae[size_t(i)].type, b.minutiae[size_t(j)].type);
    weights[c.index] = mismatch ? kTypeMismatchWeight * evidence : evidence;
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    return x.cost < y.cost || (x.cost == y.cost && x.pair < y.pair);
  });
  std::vector<char>& usedA = scratch.usedA;
  std::vector<char>& usedB = scratch.usedB;
  usedA.assign(a.minutiae.size(), 0);
  usedB.assign(b.minutiae.size(), 0);
  GlobalMatch g;
  g.pairs.reserve(std::min(a.minutiae.size(), b.minutiae.size()));
  g.pairWeights.reserve(g.pairs.capacity());
  for (const auto& c : candidates) {
    const int i = c.i(), j = c.j();
    if (usedA[size_t(i)] || usedB[size_t(j)]) continue;
    usedA[size_t(i)] = usedB[size_t(j)] = 1;
    g.pairs.emplace_back(i, j);
    g.pairWeights.push_back(weights[c.index]);
  }
  return g;
}

GlobalMatch pairUnder(const Rigid& r, const TemplateMinutia& anchorA, const MccTemplate& a, const MccTemplate& b,
                      const XIndex& bx, const std::vector<float>& sim, Scratch& scratch) {
  alignProbe(r, anchorA, a, bx, scratch.aligned);
  return pairAligned(a, b, sim, scratch);
}

// Minutiae of each print that the other should have shown under the
// alignment: those inside its region, where its ridges can be followed
// (ridge_presence.h), and every paired one: the denominators that make
// partial and blotched prints comparable. The probe's minutiae as pairUnder
// aligned them under r; paired: pairUnder's marks of the paired minutiae.
void countOverlap(const Rigid& r, Scratch& paired, const MccTemplate& a, const MccTemplate& b, GlobalMatch& g) {
  std::vector<double>& xs = paired.xs;
  std::vector<double>& ys = paired.ys;
  xs.resize(std::max(paired.aligned.size(), b.minutiae.size()));
  ys.resize(xs.size());
  for (size_t i = 0; i < paired.aligned.size(); ++i) xs[i] = paired.aligned[i].x, ys[i] = paired.aligned[i].y;
  g.probeInOverlap = b.area.countShown(xs.data(), ys.data(), paired.usedA.data(), paired.aligned.size());
  for (size_t j = 0; j < b.minutiae.size(); ++j) r.inverse(b.minutiae[j].x, b.minutiae[j].y, xs[j], ys[j]);
  g.candidateInOverlap = a.area.countShown(xs.data(), ys.data(), paired.usedB.data(), b.minutiae.size());
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

double scoreOf(const GlobalMatch& g) {
  double sum = 0;
  for (double w : g.pairWeights) sum += w;
  const double na = std::max(kMinOverlap, double(g.probeInOverlap));
  const double nb = std::max(kMinOverlap, double(g.candidateInOverlap));
  return std::min(1.0, sum * sum / (na * nb));
}

// The pairs the spline goes through: all of them up to kSplinePoints;
// beyond, a spread of them (farthest-point sampling from the best-fitting
// pair), since a spline learns the skin's stretch only where it has points
// and the best-fitting pairs crowd where the rigid alignment already fits.
void splinePairs(const GlobalMatch& g, const MccTemplate& a, Scratch& scratch) {
  std::vector<std::size_t>& chosen = scratch.splinePairs;
  chosen.clear();
  if (g.pairs.size() <= kSplinePoints) {
    for (std::size_t k = 0; k < g.pairs.size(); ++k) chosen.push_back(k);
    return;
  }
  std::vector<float>& gap = scratch.splineGap;  // squared distance to the nearest chosen pair
  gap.assign(g.pairs.size(), std::numeric_limits<float>::max());
  std::size_t next = 0;
  while (chosen.size() < kSplinePoints) {
    chosen.push_back(next);
    const auto& c = a.minutiae[size_t(g.pairs[next].first)];
    std::size_t farthest = 0;
    for (std::size_t k = 0; k < g.pairs.size(); ++k) {
      const auto& m = a.minutiae[size_t(g.pairs[k].first)];
      gap[k] = std::min(gap[k], (m.x - c.x) * (m.x - c.x) + (m.y - c.y) * (m.y - c.y));
      if (gap[k] > gap[farthest]) farthest = k;
    }
    next = farthest;
  }
}

bool fitSpline(const GlobalMatch& g, const MccTemplate& a, const MccTemplate& b, Scratch& scratch) {
  splinePairs(g, a, scratch);
  std::vector<SplinePoint>& from = scratch.splineFrom;
  std::vector<SplinePoint>& to = scratch.splineTo;
  from.clear(), to.clear();
  for (std::size_t k : scratch.splinePairs) {
    const auto& m = a.minutiae[size_t(g.pairs[k].first)];
    const auto& q = b.minutiae[size_t(g.pairs[k].second)];
    from.push_back({m.x, m.y}), to.push_back({q.x, q.y});
  }
  return scratch.spline.fit(from, to, kSplineUnit, kSplineSmoothing);
}

// Every probe minutia carried by the spline, its direction turned with the
// skin there. The tolerance grows with the distance from the nearest pair
// the spline goes through, as it grows from the anchor under a rigid
// alignment: the spline knows the skin's stretch only where pairs hold it.
void alignBySpline(const ThinPlateSpline& s, const MccTemplate& a, const XIndex& bx, Scratch& scratch) {
  const size_t n = a.minutiae.size();
  scratch.bentX.resize(n), scratch.bentY.resize(n), scratch.bentDirection.resize(n), scratch.bent.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const auto& m = a.minutiae[i];
    scratch.bentX[i] = m.x, scratch.bentY[i] = m.y, scratch.bentDirection[i] = m.direction;
  }
  s.mapAll(scratch.bentX.data(), scratch.bentY.data(), scratch.bentDirection.data(), n, scratch.bent.data());
  std::vector<Aligned>& aligned = scratch.aligned;
  aligned.resize(n);
  for (size_t i = 0; i < n; ++i) {
    Aligned& p = aligned[i];
    const SplineImage& image = scratch.bent[i];
    p.x = image.x, p.y = image.y, p.direction = image.direction;
    p.tolerance = std::min(kMaxTolerance, kBaseTolerance + kToleranceGrowth * image.reach);
    p.low = float(p.x - p.tolerance), p.high = p.x + p.tolerance;
    p.first = bx.first(p.low), p.last = bx.last(p.high);
  }
}

// The trial's pairs again under the spline through them, kept when they
// score higher: the skin's stretch taken up where a rigid alignment leaves
// the pairs far from the anchor out of reach.
void bendAndPairAgain(GlobalMatch& g, const Rigid& r, const MccTemplate& a, const MccTemplate& b, const XIndex& bx,
                      const std::vector<float>& sim, Scratch& scratch) {
  if (g.pairs.size() < kMinPairsToBend || !fitSpline(g, a, b, scratch)) return;
  alignBySpline(scratch.spline, a, bx, scratch);
  GlobalMatch bent = pairAligned(a, b, sim, scratch);
  countOverlap(r, scratch, a, b, bent);  // the candidate's minutiae seen back through the rigid part
  bent.score = scoreOf(bent);
  if (bent.score > g.score) g = std::move(bent);
}

// The probe paired with the candidate under r, and scored.
GlobalMatch pairAndScore(const Rigid& r, const TemplateMinutia& anchorA, const MccTemplate& a, const MccTemplate& b,
                         const XIndex& bx, const std::vector<float>& sim, Scratch& scratch) {
  GlobalMatch g = pairUnder(r, anchorA, a, b, bx, sim, scratch);
  countOverlap(r, scratch, a, b, g);
  g.score = scoreOf(g);
  return g;
}
}  // namespace

std::vector<GlobalMatch> consolidateGlobally(const MccTemplate& probe, const MccTemplate& candidate,
                                             const std::vector<RelaxedPair>& seeds,
                                             const std::vector<float>& similarity, size_t count) {
  struct Trial {
    GlobalMatch match;
    Rigid rigid;
    int anchor;
  };
  std::vector<Trial> trials;
  trials.reserve(kAnchors);
  // One set of buffers per thread, grown to the largest print it has met:
  // allocating them anew took a few percent of every comparison. Those a
  // palm-sized comparison grew (over a million near pairs) are given back.
  thread_local Scratch scratch;
  const XIndex candidateX(candidate.sortedX);
  for (size_t k = 0; k < std::min(kAnchors, seeds.size()); ++k) {
    const int ia = probe.cylinders[size_t(seeds[k].probe)].minutia;
    const int ib = candidate.cylinders[size_t(seeds[k].candidate)].minutia;
    Trial t{{}, fromAnchor(probe.minutiae[size_t(ia)], candidate.minutiae[size_t(ib)]), ia};
    t.match = pairAndScore(t.rigid, probe.minutiae[size_t(ia)], probe, candidate, candidateX, similarity, scratch);
    trials.push_back(std::move(t));
  }
  std::stable_sort(trials.begin(), trials.end(), [](const Trial& x, const Trial& y) { return x.match.score > y.match.score; });
  // Refinement: the anchor alone fixes the angle only to its own direction
  // error; a least-squares fit over its pairs, then pairing again, recovers
  // pairs far from the anchor; then the elastic pairing, for the skin's
  // stretch. Done for the best trials only (cost).
  for (size_t k = 0; k < std::min(kRefined, trials.size()); ++k) {
    Trial& t = trials[k];
    if (t.match.pairs.size() < 3) continue;
    const Rigid refined = refit(t.match, probe, candidate);
    GlobalMatch again =
        pairAndScore(refined, probe.minutiae[size_t(t.anchor)], probe, candidate, candidateX, similarity, scratch);
    if (again.score > t.match.score) t.match = std::move(again), t.rigid = refined;
    bendAndPairAgain(t.match, t.rigid, probe, candidate, candidateX, similarity, scratch);
  }
  // Refinement only raises scores, and only of the refined trials: they
  // stay ahead of the rest.
  std::stable_sort(trials.begin(), trials.begin() + std::ptrdiff_t(std::min(kRefined, trials.size())),
                   [](const Trial& x, const Trial& y) { return x.match.score > y.match.score; });
  if (scratch.near.capacity() > size_t(1) << 20) scratch = Scratch{};
  std::vector<GlobalMatch> best;
  for (size_t k = 0; k < std::min(count, trials.size()); ++k) {
    Trial& t = trials[k];
    t.match.rotation = t.rigid.angle, t.match.tx = t.rigid.tx, t.match.ty = t.rigid.ty;
    best.push_back(std::move(t.match));
  }
  return best;
}

}  // namespace ridgeline::fingerprint
