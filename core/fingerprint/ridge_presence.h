#pragma once
// Where a print shows ridges an extractor could find minutiae in: its EFS
// clarity map at level 2 (definitive ridge flow) or above. The global
// consolidation reads it, through the hull raster (hull_mask.h), to decide
// which minutiae of the other print it should have shown. As an examiner
// does not hold a minutia against a print where that print's ridges cannot
// be followed (a wet blotch, a smudge, the edge of the platen), a minutia
// that lands there does not count as one the two prints should share
// (global_consolidation.h).
#include <cstdint>
#include <optional>
#include <vector>

#include "core/model/feature_set.h"

namespace ridgeline::fingerprint {

class RidgePresence {
 public:
  // The clarity level from which a block counts as showing ridges.
  static constexpr std::uint8_t kLevel = 2;

  // Everywhere, when nothing is known (no clarity map: an examiner's or
  // another extractor's features), so that those count as they always did.
  RidgePresence() = default;
  // Throws InputError when the map's size does not match its levels.
  RidgePresence(const std::optional<ClarityMap>& clarity, double ppi);

  bool known() const { return !shows_.empty(); }
  // (x, y): 500 ppi, y up from the image's top edge, as template minutiae.
  // Outside the image the print shows nothing. Read once per cell of the
  // print's hull raster when its template is prepared (hull_mask.h).
  bool showsRidges(double x, double y) const {
    if (shows_.empty()) return true;
    const double col = x * perBlock_, row = -y * perBlock_;
    const bool onGrid = (col >= 0) & (row >= 0) & (col < cols_) & (row < rows_);  // also false for NaN
    const std::size_t at = onGrid ? std::size_t(int(row)) * std::size_t(cols_) + std::size_t(int(col)) : 0;
    return onGrid & (shows_[at] != 0);
  }

 private:
  double perBlock_ = 0;  // blocks per px at 500 ppi
  int cols_ = 0, rows_ = 0;
  std::vector<std::uint8_t> shows_;  // rows * cols, 1 where the clarity is kLevel or above
};

}  // namespace ridgeline::fingerprint
