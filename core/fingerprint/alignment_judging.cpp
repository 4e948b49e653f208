#include "core/fingerprint/alignment_judging.h"

#include <algorithm>
#include <cmath>

namespace ridgeline::fingerprint {

Contenders rankAlignments(std::vector<GlobalMatch> found, const StandingAdded& added, size_t keep) {
  if (found.size() < 2) return {std::move(found), {}};
  struct Ranked {
    double standing;
    size_t index;
  };
  std::vector<Ranked> ranked;
  for (size_t k = 0; k < found.size(); ++k) ranked.push_back({found[k].score + added(found[k]), k});
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& x, const Ranked& y) { return x.standing > y.standing; });
  Contenders best;
  for (size_t k = 0; k < std::min(keep, ranked.size()); ++k) {
    best.alignments.push_back(std::move(found[ranked[k].index]));
    best.standing.push_back(ranked[k].standing);
  }
  return best;
}

JudgedAlignment judgeAlignments(std::vector<GlobalMatch> found, double sharePerPair, int maxAgreeing,
                                const AgreeingCounter& agreeing, std::vector<double> standing) {
  if (found.empty()) return {};
  if (standing.size() != found.size()) {
    standing.clear();
    for (const GlobalMatch& g : found) standing.push_back(g.score);
  }
  JudgedAlignment best{std::move(found.front()), 0};
  double bestStanding = standing.front();
  best.agreeingPairs = agreeing(best.global, 0);
  if (!(sharePerPair > 0)) return best;  // agreeing ridges would weigh nothing: the minutiae decide
  for (size_t k = 1; k < found.size(); ++k) {
    GlobalMatch& g = found[k];
    const double bar = bestStanding + sharePerPair * best.agreeingPairs;
    // Only as many agreeing pairs as would lift it over the bar are looked
    // for, and none when even all of its pairs could not.
    const int needed = int(std::floor((bar - standing[k]) / sharePerPair)) + 1;
    if (needed > std::min(maxAgreeing, int(g.pairs.size()))) continue;
    const int count = agreeing(g, needed);
    if (count >= needed) best = {std::move(g), count}, bestStanding = standing[k];
  }
  return best;
}

}  // namespace ridgeline::fingerprint
