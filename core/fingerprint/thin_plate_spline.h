#pragma once
// A smoothing thin-plate spline in the plane (Bookstein, "Principal warps:
// thin-plate splines and the decomposition of deformations", IEEE PAMI 11(6),
// 1989): the smoothest mapping that takes each source point near its target,
// an affine part plus bending. Skin pressed on a platen stretches unevenly;
// once a rigid alignment has paired some minutiae, the spline through those
// pairs carries the stretch to the minutiae around them (Bazen & Gerez,
// "Fingerprint matching by thin-plate spline modelling of elastic
// deformations", Pattern Recognition 36(8), 2003).
#include <cstddef>
#include <vector>

namespace ridgeline::fingerprint {

struct SplinePoint {
  double x = 0, y = 0;
};

// Where a point goes, where a direction at it turns (radians, in the same
// frame as the positions), and how far the point lies from the nearest
// source point (px): how far the spline has to reach from what it knows.
struct SplineImage {
  double x = 0, y = 0, direction = 0, reach = 0;
};

class ThinPlateSpline {
 public:
  // Fits source[k] -> target[k]. unit: the length (px) the smoothing is
  // stated in; smoothing: the weight of bending against the fit (0
  // interpolates; larger values keep the mapping nearer affine). False, and
  // the spline unusable, with fewer than three points, different counts or
  // points in a line (no affine part fits).
  bool fit(const std::vector<SplinePoint>& source, const std::vector<SplinePoint>& target, double unit,
           double smoothing);
  bool fitted() const { return !sx_.empty(); }
  // The image of (x, y) and of a direction there. Only on a fitted spline.
  SplineImage map(double x, double y, double direction) const;
  // The same for n points at once (x[i], y[i], direction[i] into out[i]),
  // in single precision: the logarithms of all point-to-source distances
  // are taken in one vectorised call, which is most of the work.
  void mapAll(const float* x, const float* y, const float* direction, size_t n, SplineImage* out) const;

 private:
  // Source points (in units) and the bending weights, one each, as
  // separate arrays so the sums over them vectorise.
  std::vector<float> sx_, sy_, wx_, wy_;
  float ax_[3] = {0, 0, 0}, ay_[3] = {0, 0, 0};
  double unit_ = 1;
};

}  // namespace ridgeline::fingerprint
