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

HullMask::HullMask(const std::vector<std::array<float, 4>>& edges, const RidgePresence& ridges) {
  if (edges.empty()) return;
  double minX = edges[0][0], maxX = minX, minY = edges[0][1], maxY = minY;
  for (const auto& e : edges) {
    minX = std::min(minX, double(e[0])), maxX = std::max(maxX, double(e[0]));
    minY = std::min(minY, double(e[1])), maxY = std::max(maxY, double(e[1]));
  }
  x0_ = minX - kMargin - kCell, y0_ = minY - kMargin - kCell;
  cols_ = int(std::ceil((maxX + kMargin + kCell - x0_) / kCell)) + 1;
  rows_ = int(std::ceil((maxY + kMargin + kCell - y0_) / kCell)) + 1;
  spans_.assign(size_t(rows_), Span{});
  int cells = 0;  // inside, so far
  // Each cell answers for its centre. Each widened edge keeps the centres on
  // one side of a line, and along a row its test is monotone in x even as
  // rounded, so the centres inside form one run.
  for (int r = 0; r < rows_; ++r) {
    const double y = y0_ + (r + 0.5) * kCell;
    int c = 0;
    while (c < cols_ && !insideWidenedHull(edges, x0_ + (c + 0.5) * kCell, y)) ++c;
    Span& span = spans_[size_t(r)];
    span.first = span.end = c;
    while (span.end < cols_ && insideWidenedHull(edges, x0_ + (span.end + 0.5) * kCell, y)) ++span.end;
    span.bits = cells;
    for (int col = span.first; col < span.end; ++col, ++cells) {
      if (size_t(cells) / 64 >= ridgeBits_.size()) ridgeBits_.push_back(0);
      const bool shows = ridges.showsRidges(x0_ + (col + 0.5) * kCell, y);
      ridgeBits_[size_t(cells) / 64] |= std::uint64_t(shows) << (cells % 64);
    }
  }
  // One word more: a row whose run is empty (or the last cell's row) points
  // just past the cells, and a point outside reads its row's first bit.
  ridgeBits_.push_back(0);
}

}  // namespace ridgeline::fingerprint
