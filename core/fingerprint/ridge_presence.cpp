#include "core/fingerprint/ridge_presence.h"

#include <string>

#include "core/util/errors.h"

namespace ridgeline::fingerprint {

RidgePresence::RidgePresence(const std::optional<ClarityMap>& clarity, double ppi) {
  if (!clarity) return;
  const ClarityMap& map = *clarity;
  if (map.cols < 0 || map.rows < 0 || map.levels.size() != size_t(map.cols) * size_t(map.rows))
    throw InputError("clarity map: " + std::to_string(map.levels.size()) + " levels for " + std::to_string(map.cols) +
                     " x " + std::to_string(map.rows) + " blocks");
  if (map.blockSize < 1) throw InputError("clarity map: block size must be at least one pixel");
  if (map.levels.empty()) return;
  perBlock_ = 1.0 / (map.blockSize * (ppi > 0 ? 500.0 / ppi : 1.0));
  cols_ = map.cols, rows_ = map.rows;
  shows_.reserve(map.levels.size());
  for (std::uint8_t level : map.levels) shows_.push_back(level >= kLevel ? 1 : 0);
}

}  // namespace ridgeline::fingerprint
