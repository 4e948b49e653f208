#include "core/fingerprint/mcc_template.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include <opencv2/imgproc.hpp>

#include "core/fingerprint/angle_math.h"
#include "core/util/errors.h"

namespace ridgeline::fingerprint {

using namespace mcc;

namespace {
constexpr double kCellSide = 2 * kRadius / kSpatialCells;             // Delta-S
constexpr double kDirectionStep = 2 * std::numbers::pi / kDirectionCells;  // Delta-D
constexpr double kNeighbourReach = 3 * kSigmaS;

struct Point {
  double x, y, direction;
};

// Minutiae at 500 ppi in a y-up frame, where the model's CCW directions are ordinary angles.
std::vector<Point> workingPoints(const FeatureSet& features) {
  if (!std::isfinite(features.ppi)) throw InputError("feature set resolution is not a number");
  const double s = features.ppi > 0 ? 500.0 / features.ppi : 1.0;
  // A whole palm holds a few thousand; the pairwise tables grow with the square.
  if (features.minutiae.size() > kMaxMatchableMinutiae)
    throw InputError("feature set has " + std::to_string(features.minutiae.size()) + " minutiae; at most " +
                     std::to_string(kMaxMatchableMinutiae) + " can be matched");
  std::vector<Point> points;
  for (size_t i = 0; i < features.minutiae.size(); ++i) {
    const auto& m = features.minutiae[i];
    // Edited or imported sets are input like any other: refuse what geometry cannot use.
    if (!std::isfinite(m.x) || !std::isfinite(m.y) || !std::isfinite(m.direction) || std::abs(m.x) > 1e6 ||
        std::abs(m.y) > 1e6)
      throw InputError("minutia " + std::to_string(i + 1) + " has no usable position or direction");
    points.push_back({m.x * s, -m.y * s, m.direction});
  }
  return points;
}

// Directional contribution (the area of the direction Gaussian over one
// section), per section, for a neighbour whose direction differs by dTheta.
std::array<double, kDirectionCells> directionalWeights(double dTheta) {
  std::array<double, kDirectionCells> w{};
  const double norm = 1.0 / (std::numbers::sqrt2 * kSigmaD);
  for (int k = 0; k < kDirectionCells; ++k) {
    const double centre = -std::numbers::pi + (k + 0.5) * kDirectionStep;
    const double alpha = angleDifference(centre, dTheta);
    w[size_t(k)] = 0.5 * (std::erf((alpha + kDirectionStep / 2) * norm) - std::erf((alpha - kDirectionStep / 2) * norm));
  }
  return w;
}

template <size_t N>
void setBit(std::array<std::uint64_t, N>& bits, int index) { bits[size_t(index / 64)] |= 1ull << (index % 64); }

// The hull as edges: a vertex and the unit normal pointing into the hull.
std::vector<std::array<float, 4>> hullEdges(const std::vector<cv::Point2f>& hull) {
  std::vector<std::array<float, 4>> edges;
  if (hull.size() < 3) return edges;
  double area = 0;  // sign gives the winding, whatever convention produced the hull
  for (size_t i = 0; i < hull.size(); ++i) {
    const auto& p = hull[i];
    const auto& q = hull[(i + 1) % hull.size()];
    area += double(p.x) * q.y - double(q.x) * p.y;
  }
  const double sign = area >= 0 ? 1 : -1;
  for (size_t i = 0; i < hull.size(); ++i) {
    const auto& p = hull[i];
    const auto& q = hull[(i + 1) % hull.size()];
    const double ex = q.x - p.x, ey = q.y - p.y, length = std::hypot(ex, ey);
    if (length < 1e-6) continue;
    // Left normal of the edge, pointing inside for a counter-clockwise hull.
    edges.push_back({p.x, p.y, float(-sign * ey / length), float(sign * ex / length)});
  }
  return edges;
}

// Does a cell centre lie more than kHullOffset outside the hull? The exact
// distance (cv::pointPolygonTest) walks every edge with a square root each,
// for every cell of every cylinder: most of a template's preparation. For a
// convex hull each edge's line bounds the distance from below, so most
// cells are settled by those alone: inside every line, in; beyond one line
// by more than the offset, out. The rest (outside, near a corner) take the
// distance to the nearest edge segment. Where any of these lands within
// kSettled of the offset, pointPolygonTest decides as before, so rounding
// can never settle a cell the other way.
class HullOffsetTest {
 public:
  // edges: hullEdges(hull), made once for the template's hull mask too.
  HullOffsetTest(const std::vector<cv::Point2f>& hull, const std::vector<std::array<float, 4>>& edges)
      : hull_(hull), edges_(edges) {}

  bool beyond(double px, double py) const {
    const cv::Point2f p{float(px), float(py)};  // as pointPolygonTest sees it
    if (edges_.size() != hull_.size()) return exact(p);  // degenerate hull: no bound to trust
    double inside = std::numeric_limits<double>::infinity();  // least distance inside any edge's line
    for (const auto& e : edges_) inside = std::min(inside, (double(p.x) - e[0]) * e[2] + (double(p.y) - e[1]) * e[3]);
    if (inside >= kSettled) return false;
    if (inside < -(kHullOffset + kSettled)) return true;
    if (inside >= 0) return exact(p);  // on the boundary, within rounding
    const double distance = std::sqrt(nearestSegmentSquared(p));
    if (distance > kHullOffset + kSettled) return true;
    if (distance < kHullOffset - kSettled) return false;
    return exact(p);
  }

 private:
  static constexpr double kSettled = 1e-3;  // px: far above the rounding of either computation
  bool exact(const cv::Point2f& p) const { return cv::pointPolygonTest(hull_, p, true) < -kHullOffset; }
  double nearestSegmentSquared(const cv::Point2f& p) const {
    double best = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < hull_.size(); ++i) {
      const cv::Point2f& a = hull_[i];
      const cv::Point2f& b = hull_[(i + 1) % hull_.size()];
      const double ex = double(b.x) - a.x, ey = double(b.y) - a.y, dx = double(p.x) - a.x, dy = double(p.y) - a.y;
      const double length2 = ex * ex + ey * ey;
      const double t = length2 > 0 ? std::clamp((dx * ex + dy * ey) / length2, 0.0, 1.0) : 0.0;
      best = std::min(best, (dx - t * ex) * (dx - t * ex) + (dy - t * ey) * (dy - t * ey));
    }
    return best;
  }
  const std::vector<cv::Point2f>& hull_;
  const std::vector<std::array<float, 4>>& edges_;
};

bool buildCylinder(const std::vector<Point>& points, size_t i, const HullOffsetTest& hull, Cylinder& cyl) {
  const Point& m = points[i];
  struct Neighbour {
    double x, y;
    std::array<double, kDirectionCells> weight;
  };
  std::vector<Neighbour> near;
  for (size_t j = 0; j < points.size(); ++j) {
    if (j == i || std::hypot(points[j].x - m.x, points[j].y - m.y) > kRadius + kNeighbourReach) continue;
    near.push_back({points[j].x, points[j].y, directionalWeights(angleDifference(m.direction, points[j].direction))});
  }
  if (int(near.size()) < kMinNeighbours) return false;

  const double c = std::cos(m.direction), s = std::sin(m.direction);
  const double gaussNorm = 1.0 / (kSigmaS * std::sqrt(2 * std::numbers::pi));
  int inCircle = 0, valid = 0;
  for (int a = 0; a < kSpatialCells; ++a) {
    for (int b = 0; b < kSpatialCells; ++b) {
      const double ox = ((a + 0.5) - kSpatialCells / 2.0) * kCellSide, oy = ((b + 0.5) - kSpatialCells / 2.0) * kCellSide;
      if (std::hypot(ox, oy) > kRadius) continue;
      ++inCircle;
      const double px = m.x + c * ox - s * oy, py = m.y + s * ox + c * oy;
      if (hull.beyond(px, py)) continue;
      ++valid;
      const int cell = a * kSpatialCells + b;
      std::array<double, kDirectionCells> sum{};
      for (const auto& n : near) {
        const double d2 = (n.x - px) * (n.x - px) + (n.y - py) * (n.y - py);
        if (d2 > kNeighbourReach * kNeighbourReach) continue;
        const double g = gaussNorm * std::exp(-d2 / (2 * kSigmaS * kSigmaS));
        for (int k = 0; k < kDirectionCells; ++k) sum[size_t(k)] += g * n.weight[size_t(k)];
      }
      setBit(cyl.valid, cell);
      for (int k = 0; k < kDirectionCells; ++k)
        if (sum[size_t(k)] >= kMuPsi) setBit(cyl.bits, k * kCellsPerLayer + cell);
    }
  }
  countCylinderCells(cyl);
  cyl.complete = valid == inCircle;
  return valid >= kMinValidCells * inCircle;
}

}  // namespace

void countCylinderCells(Cylinder& cylinder) {
  auto isSet = [](const auto& words, int index) { return (words[size_t(index / 64)] >> (index % 64) & 1) != 0; };
  cylinder.ones = cylinder.validCells = 0;
  cylinder.sectionCount = {};
  for (int cell = 0; cell < kCellsPerLayer; ++cell) {
    if (!isSet(cylinder.valid, cell)) continue;
    ++cylinder.validCells;
    int sections = 0;
    for (int k = 0; k < kDirectionCells; ++k) sections += isSet(cylinder.bits, k * kCellsPerLayer + cell);
    cylinder.ones += sections;
    for (int p = 0; p < kSectionCountBits; ++p)
      if (sections >> p & 1) setBit(cylinder.sectionCount[size_t(p)], cell);
  }
}

MccTemplate prepareTemplate(const FeatureSet& features) {
  MccTemplate t;
  t.ppi = features.ppi;
  const auto points = workingPoints(features);
  t.flow = prepareFlowField(features.ridgeFlow, features.ppi);
  t.detail = prepareRidgeDetail(features.ridgeDetail, features.ppi, features.minutiae);
  t.ridgeCounts = countNeighbourRidges(features.ridgeDetail, features.ppi, features.minutiae);
  const RidgePresence ridges(features.clarity, features.ppi);
  for (size_t i = 0; i < points.size(); ++i)
    t.minutiae.push_back({float(points[i].x), float(points[i].y), float(points[i].direction), -1, features.minutiae[i].type});
  for (size_t i = 0; i < points.size(); ++i) t.byX.push_back(int(i));
  std::stable_sort(t.byX.begin(), t.byX.end(), [&](int a, int b) { return t.minutiae[size_t(a)].x < t.minutiae[size_t(b)].x; });
  for (int i : t.byX) t.sortedX.push_back(t.minutiae[size_t(i)].x), t.yByX.push_back(t.minutiae[size_t(i)].y);
  if (points.size() < 3) return t;
  std::vector<cv::Point2f> cloud, hull;
  for (const auto& p : points) cloud.emplace_back(float(p.x), float(p.y));
  cv::convexHull(cloud, hull, false);  // y-up frame: "not clockwise" in OpenCV's y-down terms is clockwise here
  const std::vector<std::array<float, 4>> edges = hullEdges(hull);
  t.area = HullMask(edges, ridges);
  const HullOffsetTest offsetTest(hull, edges);
  for (size_t i = 0; i < points.size(); ++i) {
    Cylinder cyl;
    if (!buildCylinder(points, i, offsetTest, cyl)) continue;
    t.minutiae[i].cylinder = int(t.cylinders.size());
    cyl.minutia = int(i);
    cyl.x = points[i].x;
    cyl.y = points[i].y;
    cyl.direction = points[i].direction;
    cyl.cosDirection = float(std::cos(cyl.direction));
    cyl.sinDirection = float(std::sin(cyl.direction));
    cyl.orientation = describeOrientation(t.flow, cyl.x, cyl.y, cyl.direction);
    t.cylinders.push_back(cyl);
  }
  if (t.cylinders.size() <= kGeometryKeptCylinders) keepPairwiseGeometry(t);
  return t;
}

PairGeometry pairGeometry(const Cylinder& a, const Cylinder& b) {
  return {float(std::hypot(b.x - a.x, b.y - a.y)), float(angleDifference(b.direction, a.direction)),
          float(angleDifference(std::atan2(b.y - a.y, b.x - a.x), a.direction))};
}

void keepPairwiseGeometry(MccTemplate& t) {
  const size_t n = t.cylinders.size();
  t.geometry.assign(n * n, {});
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j) t.geometry[i * n + j] = pairGeometry(t.cylinders[i], t.cylinders[j]);
}

}  // namespace ridgeline::fingerprint
