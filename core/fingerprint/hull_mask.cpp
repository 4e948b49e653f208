#include "core/fingerprint/hull_mask.h"

#include <algorithm>
#include <cmath>

namespace ridgeline::fingerprint {

namespace {
bool insideWidenedHull(const std::vector<std::array<float, 4>>& edges, double x, double y) {
  for (const auto& e : edges)
    if ((x - e[0]) * e[2] + (y - e[1]) * e[3] < -HullMask::kMargin) return false;
  return true;
}
}  // namespace

HullMask::HullMask(const std::vector<std::array<float, 4>>& edges) {
  if (edges.empty()) return;
  double minX = edges[0][0], maxX = minX, minY = edges[0][1], maxY = minY;
  for (const auto& e : edges) {
    minX = std::min(minX, double(e[0])), maxX = std::max(maxX, double(e[0]));
    minY = std::min(minY, double(e[1])), maxY = std::max(maxY, double(e[1]));
  }
  x0_ = minX - kMargin - kCell, y0_ = minY - kMargin - kCell;
  cols_ = int(std::ceil((maxX + kMargin + kCell - x0_) / kCell)) + 1;
  rows_ = int(std::ceil((maxY + kMargin + kCell - y0_) / kCell)) + 1;
  inside_.assign(size_t(cols_) * size_t(rows_), 0);
  // Each cell answers for its centre.
  for (int r = 0; r < rows_; ++r)
    for (int c = 0; c < cols_; ++c)
      inside_[size_t(r) * size_t(cols_) + size_t(c)] =
          insideWidenedHull(edges, x0_ + (c + 0.5) * kCell, y0_ + (r + 0.5) * kCell);
}

}  // namespace ridgeline::fingerprint
