#include "core/fingerprint/flow_agreement.h"

#include <cmath>
#include <numbers>
#include <string>

#include "core/util/errors.h"

namespace ridgeline::fingerprint {

FlowField prepareFlowField(const std::optional<RidgeFlowMap>& map, double ppi) {
  FlowField f;
  if (!map) return f;
  if (map->directions.size() != size_t(map->cols) * size_t(map->rows) || map->cols < 0 || map->rows < 0)
    throw InputError("ridge flow map: " + std::to_string(map->directions.size()) + " directions for " +
                     std::to_string(map->cols) + " x " + std::to_string(map->rows) + " blocks");
  if (map->blockSize < 1) throw InputError("ridge flow map: block size must be at least one pixel");
  if (!map->periods.empty() && map->periods.size() != map->directions.size())
    throw InputError("ridge flow map: " + std::to_string(map->periods.size()) + " ridge periods for " +
                     std::to_string(map->directions.size()) + " blocks");
  f.hasPeriods = !map->periods.empty();
  const double toWorkingPixels = (ppi > 0 ? 500.0 / ppi : 1.0) / 10;  // tenths of a source pixel to 500 ppi px
  f.side = map->blockSize * (ppi > 0 ? 500.0 / ppi : 1.0);
  f.cols = map->cols, f.rows = map->rows;
  f.blocks.resize(map->directions.size());
  for (int row = 0; row < f.rows; ++row)
    for (int col = 0; col < f.cols; ++col) {
      const size_t i = size_t(row * f.cols + col);
      const std::uint8_t degrees = map->directions[i];
      if (degrees > 179 && degrees != RidgeFlowMap::kNoFlow)
        throw InputError("ridge flow map: direction " + std::to_string(degrees) + " is outside 0-179 degrees");
      if (degrees == RidgeFlowMap::kNoFlow) continue;
      FlowField::Block& b = f.blocks[i];
      const double doubled = 2.0 * degrees * std::numbers::pi / 180;
      b.cos2 = float(std::cos(doubled)), b.sin2 = float(std::sin(doubled));
      if (f.hasPeriods && map->periods[i] > 0) b.logPeriod = float(std::log(map->periods[i] * toWorkingPixels));
      b.hasFlow = 1;
      const FlowField::Sample sample{float((col + 0.5) * f.side), float(-(row + 0.5) * f.side), b.cos2, b.sin2,
                                     b.logPeriod, std::uint32_t(i)};
      f.samples.push_back(sample);
      if (row % 3 == 0 && col % 3 == 0) f.coarse.push_back(sample);
    }
  return f;
}

namespace {
struct Sums {
  double agreement = 0, mismatch = 0;
  int shared = 0, spaced = 0;
};

// The probe's samples compared with the candidate's blocks under the rigid map.
Sums compareSamples(const std::vector<FlowField::Sample>& probe, const FlowField& candidate, double rotation,
                    double tx, double ty) {
  // Float is ample for block positions (px) and cosines.
  const float c = float(std::cos(rotation)), s = float(std::sin(rotation));
  // Turning a direction by r turns its doubled angle by 2r.
  const float c2 = float(std::cos(2 * rotation)), s2 = float(std::sin(2 * rotation));
  const float inverseSide = float(1.0 / candidate.side), fx = float(tx), fy = float(ty);
  const float cols = float(candidate.cols), rows = float(candidate.rows);
  Sums sums;
  // Kept by masks, not branches: which blocks land on the candidate's flow is
  // random along the overlap's edge, and a branch there was mispredicted.
  // A block left out adds +0, which changes no sum.
  for (const FlowField::Sample& p : probe) {
    // Candidate blocks lie at x >= 0 and y <= 0 (y up from the image's top edge).
    const float col = (c * p.x - s * p.y + fx) * inverseSide;
    const float row = -(s * p.x + c * p.y + fy) * inverseSide;
    const bool inside = (col >= 0) & (row >= 0) & (col < cols) & (row < rows);
    // Converted only once known to lie in the grid (else block 0, masked out).
    const float inCol = inside ? col : 0, inRow = inside ? row : 0;
    const size_t j = size_t(inRow) * size_t(candidate.cols) + size_t(inCol);
    const FlowField::Block& q = candidate.blocks[j];
    const bool onFlow = inside & (q.hasFlow != 0);
    const float pc = c2 * p.cos2 - s2 * p.sin2, ps = s2 * p.cos2 + c2 * p.sin2;
    sums.agreement += onFlow ? pc * q.cos2 + ps * q.sin2 : 0.0f;
    sums.shared += int(onFlow);
    // A period of 1 px at 500 ppi is not a ridge: its log (0) marks "not measured".
    const bool bothSpaced = onFlow & (p.logPeriod != 0) & (q.logPeriod != 0);
    sums.mismatch += bothSpaced ? std::abs(p.logPeriod - q.logPeriod) : 0.0f;
    sums.spaced += int(bothSpaced);
  }
  return sums;
}
}  // namespace

FlowAgreement compareFlow(const FlowField& probe, const FlowField& candidate, double rotation, double tx, double ty,
                          FlowSampling sampling) {
  FlowAgreement out;
  if (probe.empty() || candidate.empty()) return out;
  const bool coarse = sampling == FlowSampling::Coarse && !probe.coarse.empty();
  const Sums sums = compareSamples(coarse ? probe.coarse : probe.samples, candidate, rotation, tx, ty);
  if (sums.shared == 0) return out;
  // Each block sampled stands for this much of the probe's flow.
  const double blockArea = probe.side * probe.side *
                           (coarse ? double(probe.samples.size()) / double(probe.coarse.size()) : 1.0);
  out.agreement = sums.agreement / sums.shared;
  out.sharedArea = sums.shared * blockArea;
  if (sums.spaced == 0) return out;
  out.periodMismatch = sums.mismatch / sums.spaced;
  out.periodArea = sums.spaced * blockArea;
  return out;
}

}  // namespace ridgeline::fingerprint
