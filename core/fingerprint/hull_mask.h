#pragma once
// The area a print shows, as the global consolidation judges it: the convex
// hull of its minutiae widened by a margin, kept as a coarse raster (one run
// of cells a row) so that "does this aligned minutia fall inside the other
// print" is two table reads. Each cell inside also records whether the print
// shows ridges there (ridge_presence.h), one bit a cell, so that "and could
// the print have shown a minutia there" is one more.
// The consolidation asks that several hundred times per comparison.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/fingerprint/ridge_presence.h"

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
  // ridges: where the print shows ridges, read at each cell's centre.
  explicit HullMask(const std::vector<std::array<float, 4>>& edges, const RidgePresence& ridges = {});

  struct Place {
    bool inside = false;  // within the widened hull
    bool ridges = false;  // and the print shows ridges there
  };
  // Written without branches: whether an aligned minutia falls inside is
  // random, and the consolidation asks for every minutia of every trial.
  Place at(double x, double y) const {
    const double fx = (x - x0_) / kCell, fy = (y - y0_) / kCell;
    const bool onRaster = (fx >= 0) & (fy >= 0) & (fx < cols_) & (fy < rows_);  // also false for NaN
    // Off the raster, row 0 and column 0 are read instead: never a
    // conversion of a value out of int's range.
    const Span row = spans_.empty() ? Span{} : spans_[std::size_t(int(onRaster ? fy : 0.0))];
    const int column = int(onRaster ? fx : 0.0);
    const bool inside = onRaster & (column >= row.first) & (column < row.end);
    // Outside, the span's first bit is read and dropped.
    const std::size_t bit = std::size_t(row.bits) + std::size_t(inside ? column - row.first : 0);
    const bool ridges = !ridgeBits_.empty() && (ridgeBits_[bit >> 6] >> (bit & 63) & 1);
    return {inside, bool(inside & ridges)};
  }
  bool contains(double x, double y) const { return at(x, y).inside; }

  // Of the points (xs[k], ys[k]), k < n, how many fall inside where the
  // print shows ridges, or inside at all where shown[k] is 1 (a paired
  // minutia; else 0): the consolidation's overlap count. Four points at a
  // time where the processor has AVX2, else point by point with at(); the
  // two give the same count (tested).
  int countShown(const double* xs, const double* ys, const char* shown, std::size_t n) const;

 private:
  // The cells of one raster row whose centres lie inside: [first, end). A
  // convex region meets a row in one run, so two numbers a row hold the
  // raster (a few hundred bytes where a byte per cell took kilobytes: the
  // consolidation reads two prints' masks for every trial and they stay in
  // the nearest cache). bits: where the run's cells start in ridgeBits_.
  struct Span {
    int first = 0, end = 0, bits = 0;
  };
  static_assert(sizeof(Span) == 3 * sizeof(int), "the fast count reads spans as rows of three ints");
  // countShown's AVX2 path (hull_mask.cpp; only in builds that have it).
  int countShownFast(const double* xs, const double* ys, const char* shown, std::size_t n) const;
  double x0_ = 0, y0_ = 0;
  int cols_ = 0, rows_ = 0;
  std::vector<Span> spans_;
  std::vector<std::uint64_t> ridgeBits_;  // one bit per cell inside, row by row
};

}  // namespace ridgeline::fingerprint
