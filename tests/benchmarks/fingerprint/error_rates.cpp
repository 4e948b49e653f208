#include "error_rates.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ridgeline::bench {

namespace {
// Fraction of sorted values >= t.
double shareAtOrAbove(const std::vector<double>& sorted, double t) {
  return double(sorted.end() - std::lower_bound(sorted.begin(), sorted.end(), t)) / double(sorted.size());
}
}  // namespace

ErrorRates errorRates(std::vector<double> genuine, std::vector<double> impostor) {
  ErrorRates r;
  if (genuine.empty() || impostor.empty()) return r;
  std::sort(genuine.begin(), genuine.end());
  std::sort(impostor.begin(), impostor.end());
  std::vector<double> thresholds = genuine;
  thresholds.insert(thresholds.end(), impostor.begin(), impostor.end());
  thresholds.push_back(std::numeric_limits<double>::infinity());
  std::sort(thresholds.begin(), thresholds.end());
  thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());
  double bestGap = 2;
  r.fmr100 = r.fmr1000 = 1;
  for (double t : thresholds) {
    const double fmr = shareAtOrAbove(impostor, t);
    const double fnmr = 1 - shareAtOrAbove(genuine, t);
    // EER: where the two curves cross; between thresholds take their mean.
    if (std::abs(fmr - fnmr) < bestGap) bestGap = std::abs(fmr - fnmr), r.eer = (fmr + fnmr) / 2;
    if (fmr <= 0.01) r.fmr100 = std::min(r.fmr100, fnmr);
    if (fmr <= 0.001) r.fmr1000 = std::min(r.fmr1000, fnmr);
  }
  double missed = 0;  // impostors above each genuine score, ties half
  for (double g : genuine) {
    const auto [low, high] = std::equal_range(impostor.begin(), impostor.end(), g);
    missed += double(impostor.end() - high) + 0.5 * double(high - low);
  }
  r.rocMiss = missed / (double(genuine.size()) * double(impostor.size()));
  return r;
}

}  // namespace ridgeline::bench
