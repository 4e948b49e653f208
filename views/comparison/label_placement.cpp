#include "views/comparison/label_placement.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace ridgeline::views {
namespace {

// A label's box around its anchor, `gap` pixels off it in one of eight
// directions (dx, dy each -1, 0 or 1; not both 0). Above and to the right
// first: where the numbers have always been.
constexpr std::array<std::array<int, 2>, 8> kDirections{
    {{1, -1}, {-1, -1}, {1, 1}, {-1, 1}, {1, 0}, {-1, 0}, {0, -1}, {0, 1}}};
// Rings of eight spots each, the gap growing by about a box's height, so
// that boxes of neighbouring minutiae can stack outwards.
constexpr std::array<double, 4> kRingGaps{kLabelGap, kLabelGap + 22, kLabelGap + 44, kLabelGap + 66};

QRectF boxAt(std::array<int, 2> d, double gap, QSizeF size) {
  const double x = d[0] > 0 ? gap : d[0] < 0 ? -gap - size.width() : -size.width() / 2;
  const double y = d[1] > 0 ? gap : d[1] < 0 ? -gap - size.height() : -size.height() / 2;
  return {QPointF(x, y), size};
}

double overlapArea(const QRectF& a, const QRectF& b) {
  const QRectF both = a.intersected(b);
  return both.isValid() ? both.width() * both.height() : 0;
}

// A label over another label is far worse than anything else. Covering a
// minutia costs a little more than moving one ring out, less than two.
double crowding(const QRectF& box, const std::vector<QRectF>& placed, const std::vector<QPointF>& obstacles,
                QPointF own) {
  double cost = 0;
  // Boxes that merely touch read as one number ("1" "4" as 14): keep a gap.
  constexpr double kSpacing = 3;
  const QRectF spaced = box.adjusted(-kSpacing, -kSpacing, kSpacing, kSpacing);
  for (const auto& p : placed) cost += 1000 * overlapArea(spaced, p);
  constexpr double kMinutiaRadius = 4;
  for (const auto& o : obstacles) {
    if (o == own) continue;
    if (box.adjusted(-kMinutiaRadius, -kMinutiaRadius, kMinutiaRadius, kMinutiaRadius).contains(o)) cost += 1.5;
  }
  return cost;
}

}  // namespace

std::vector<QRectF> placeLabels(const std::vector<QPointF>& anchors, const std::vector<QSizeF>& sizes,
                                const std::vector<QPointF>& obstacles) {
  std::vector<QRectF> out, placed;
  const size_t n = std::min(anchors.size(), sizes.size());
  for (size_t i = 0; i < n; ++i) {
    QRectF best;
    double bestCost = std::numeric_limits<double>::infinity();
    for (size_t ring = 0; ring < kRingGaps.size(); ++ring) {
      for (const auto& d : kDirections) {
        const QRectF box = boxAt(d, kRingGaps[ring], sizes[i]);
        // Moving out is worth it only to clear a collision: a small price per ring.
        const double cost = crowding(box.translated(anchors[i]), placed, obstacles, anchors[i]) + double(ring);
        if (cost < bestCost) bestCost = cost, best = box;
        if (cost == 0) break;
      }
      if (bestCost == 0) break;
    }
    out.push_back(best);
    placed.push_back(best.translated(anchors[i]));
  }
  return out;
}

bool needsLeader(const QRectF& box) {
  // The distance from the anchor (0, 0) to the box's nearest point.
  const double dx = std::max({box.left(), -box.right(), 0.0}), dy = std::max({box.top(), -box.bottom(), 0.0});
  return std::hypot(dx, dy) > 1.5 * kLabelGap * std::sqrt(2.0);
}

}  // namespace ridgeline::views
