#pragma once
// The area a print shows, as the global consolidation judges it: the convex
// hull of its minutiae widened by a margin, kept as a coarse raster so that
// "does this aligned minutia fall inside the other print" is one table read.
// The consolidation asks that several hundred times per comparison.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ridgeline::fingerprint {

class HullMask {
 public:
  // A minutia just outside the other print's hull may still be shared (px at 500 ppi).
  static constexpr double kMargin = 12;
  // Raster step (px at 500 ppi): a quarter of a ridge period, far below what
  // the margin already blurs.
  static constexpr double kCell = 4;

  HullMask() = default;
  // edges: hull vertices with their unit normals pointing inside (x, y, nx, ny).
  explicit HullMask(const std::vector<std::array<float, 4>>& edges);

  bool contains(double x, double y) const {
    const double fx = (x - x0_) / kCell, fy = (y - y0_) / kCell;
    if (!(fx >= 0 && fy >= 0 && fx < cols_ && fy < rows_)) return false;  // also false for NaN
    return inside_[std::size_t(int(fy)) * std::size_t(cols_) + std::size_t(int(fx))] != 0;
  }

 private:
  double x0_ = 0, y0_ = 0;
  int cols_ = 0, rows_ = 0;
  std::vector<std::uint8_t> inside_;
};

}  // namespace ridgeline::fingerprint
