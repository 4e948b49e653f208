#include "core/fingerprint/ridge_flow_map.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ridgeline::fingerprint {

namespace {
// Calls visit(x, y) for each grid cell of block (col, row) inside the region.
template <class Visit>
void forRegionCells(const FieldGrid& fields, int col, int row, Visit visit) {
  for (int y = row * kFlowBlockCells; y < std::min(fields.rows(), (row + 1) * kFlowBlockCells); ++y)
    for (int x = col * kFlowBlockCells; x < std::min(fields.cols(), (col + 1) * kFlowBlockCells); ++x)
      if (fields.foreground.at<std::uint8_t>(y, x)) visit(x, y);
}

// Mean ridge direction of the block's region cells, in whole degrees counter-
// clockwise as seen (the grid holds image angles, clockwise as seen).
std::uint8_t blockDirection(const FieldGrid& fields, int col, int row) {
  double c = 0, s = 0;
  forRegionCells(fields, col, row, [&](int x, int y) {
    const double doubled = 2.0 * fields.orientation.at<float>(y, x);
    c += std::cos(doubled), s += std::sin(doubled);
  });
  const double imageDegrees = std::atan2(s, c) / 2 * 180 / std::numbers::pi;
  const long seen = std::lround(-imageDegrees);
  return std::uint8_t(((seen % 180) + 180) % 180);
}

// Mean ridge period of the block's region cells, in tenths of a source pixel.
std::uint16_t blockPeriod(const FieldGrid& fields, int col, int row, double workingScale) {
  double sum = 0;
  int n = 0;
  forRegionCells(fields, col, row, [&](int x, int y) { sum += fields.period.at<float>(y, x), ++n; });
  if (n == 0 || !(sum > 0)) return 0;
  return std::uint16_t(std::clamp(std::lround(10 * sum / n / workingScale), 1L, 65535L));
}
}  // namespace

RidgeFlowMap toRidgeFlowMap(const FieldGrid& fields, double workingScale) {
  RidgeFlowMap map;
  map.blockSize = std::max(1, int(std::lround(kFlowBlockCells * kCellSize / workingScale)));
  map.cols = (fields.cols() + kFlowBlockCells - 1) / kFlowBlockCells;
  map.rows = (fields.rows() + kFlowBlockCells - 1) / kFlowBlockCells;
  map.directions.assign(size_t(map.cols) * size_t(map.rows), RidgeFlowMap::kNoFlow);
  const bool withPeriods = !fields.period.empty();
  if (withPeriods) map.periods.assign(map.directions.size(), 0);
  for (int row = 0; row < map.rows; ++row)
    for (int col = 0; col < map.cols; ++col) {
      const int cx = std::min(fields.cols() - 1, col * kFlowBlockCells + kFlowBlockCells / 2);
      const int cy = std::min(fields.rows() - 1, row * kFlowBlockCells + kFlowBlockCells / 2);
      if (!fields.foreground.at<std::uint8_t>(cy, cx)) continue;
      const size_t i = size_t(row * map.cols + col);
      map.directions[i] = blockDirection(fields, col, row);
      if (withPeriods) map.periods[i] = blockPeriod(fields, col, row, workingScale);
    }
  return map;
}

}  // namespace ridgeline::fingerprint
