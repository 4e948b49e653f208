#include "core/fingerprint/matcher.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <functional>
#include <cmath>

#include "core/fingerprint/alignment.h"
#include "core/fingerprint/global_consolidation.h"
#include "core/fingerprint/local_similarity.h"
#include "core/fingerprint/relaxation.h"

namespace ridgeline::fingerprint {

using namespace mcc;

namespace {
// How many pairs make the score: few for small prints, more for large ones
// (n_P of Cappelli et al., a sigmoid of the smaller minutiae count).
int pairsInScore(size_t smaller) {
  const double z = 1.0 / (1.0 + std::exp(-kTauP * (double(smaller) - kMuP)));
  return kMinPairs + int(std::lround(z * (kMaxPairs - kMinPairs)));
}

// One-to-one pairs by descending local similarity (a greedy stand-in for the
// Hungarian assignment of LSA-R: each minutia is used at most once).
std::vector<RelaxedPair> bestOneToOnePairs(const std::vector<float>& sim, size_t na, size_t nb) {
  // Sort keys: similarity bits high (non-negative floats order like their
  // bit patterns), then the inverted cell index, so ties break by position
  // and the result is deterministic.
  std::vector<std::uint64_t> order;
  order.reserve(sim.size());
  for (size_t i = 0; i < sim.size(); ++i)
    if (sim[i] > 0) order.push_back(std::uint64_t(std::bit_cast<std::uint32_t>(sim[i])) << 32 | (0xFFFFFFFFu - std::uint32_t(i)));
  std::vector<bool> usedA(na, false), usedB(nb, false);
  std::vector<RelaxedPair> pairs;
  const size_t wanted = std::min(na, nb);
  // The greedy pass rarely reads far: order a prefix of about three entries
  // per wanted pair first, and the rest only if the prefix runs out.
  const size_t prefix = std::min(order.size(), 3 * wanted);
  std::nth_element(order.begin(), order.begin() + long(prefix), order.end(), std::greater<>());
  std::sort(order.begin(), order.begin() + long(prefix), std::greater<>());
  for (size_t k = 0; k < order.size() && pairs.size() < wanted; ++k) {
    if (k == prefix) std::sort(order.begin() + long(prefix), order.end(), std::greater<>());
    const std::uint64_t key = order[k];
    const int index = int(0xFFFFFFFFu - std::uint32_t(key & 0xFFFFFFFFu));
    const float s = std::bit_cast<float>(std::uint32_t(key >> 32));
    const int a = index / int(nb), b = index % int(nb);
    if (usedA[size_t(a)] || usedB[size_t(b)]) continue;
    usedA[size_t(a)] = usedB[size_t(b)] = true;
    pairs.push_back({a, b, s, s});
  }
  return pairs;
}

// The n_P pairs whose similarity held up best under relaxation (efficiency
// relaxed / initial), best relaxed similarity first.
std::vector<RelaxedPair> scoringPairs(std::vector<RelaxedPair> relaxed, size_t smaller) {
  const size_t np = std::min(relaxed.size(), size_t(pairsInScore(smaller)));
  auto efficiency = [](const RelaxedPair& p) { return p.initial > 0 ? p.relaxed / p.initial : 0.0; };
  std::stable_sort(relaxed.begin(), relaxed.end(), [&](const auto& x, const auto& y) { return efficiency(x) > efficiency(y); });
  relaxed.resize(np);
  std::stable_sort(relaxed.begin(), relaxed.end(), [](const auto& x, const auto& y) { return x.relaxed > y.relaxed; });
  return relaxed;
}

struct Consolidation {
  std::vector<float> similarity;      // cylinder similarity matrix
  std::vector<RelaxedPair> relaxed;   // all one-to-one pairs after relaxation, best relaxed first
  std::vector<RelaxedPair> scoring;   // the n_P pairs of the LSS-R score
};

Consolidation consolidate(const MccTemplate& probe, const MccTemplate& candidate) {
  Consolidation c;
  if (probe.size() == 0 || candidate.size() == 0) return c;
  c.similarity = similarityMatrix(probe, candidate);
  c.relaxed = relax(probe, candidate, bestOneToOnePairs(c.similarity, probe.size(), candidate.size()));
  c.scoring = scoringPairs(c.relaxed, std::min(probe.size(), candidate.size()));
  std::stable_sort(c.relaxed.begin(), c.relaxed.end(), [](const auto& x, const auto& y) { return x.relaxed > y.relaxed; });
  return c;
}

double meanRelaxed(const std::vector<RelaxedPair>& pairs, size_t smaller) {
  if (pairs.empty()) return 0;
  double sum = 0;
  for (const auto& p : pairs) sum += p.relaxed;
  // Divide by n_P even when fewer pairs exist: two lucky pairs must not score like twelve.
  return std::clamp(sum / double(pairsInScore(smaller)), 0.0, 1.0);
}

// The reported score blends the two consolidations, each 0..1: the share of
// minutiae paired under one alignment (global), which reads naturally and
// handles partial prints, and MCC's LSS-R similarity, which weighs how alike
// the neighbourhoods of the pairs are. LSS-R values of genuine pairs sit
// around 0.05-0.25, so it enters scaled by 4 (capped at 1) to carry equal weight.
constexpr double kLssrScale = 4.0;

double combined(const Consolidation& c, const MccTemplate& probe, const MccTemplate& candidate, GlobalMatch* out) {
  const double lssr = meanRelaxed(c.scoring, std::min(probe.size(), candidate.size()));
  GlobalMatch g = consolidateGlobally(probe, candidate, c.relaxed, c.similarity);
  const double global = g.score;
  if (out) *out = std::move(g);
  return 0.5 * global + 0.5 * std::min(1.0, kLssrScale * lssr);
}
}  // namespace

double scoreTemplates(const MccTemplate& probe, const MccTemplate& candidate) {
  const Consolidation c = consolidate(probe, candidate);
  if (c.relaxed.empty()) return 0;
  return combined(c, probe, candidate, nullptr);
}

MatchResult matchTemplates(const MccTemplate& probe, const MccTemplate& candidate) {
  const Consolidation c = consolidate(probe, candidate);
  MatchResult result;
  if (c.relaxed.empty()) return result;
  GlobalMatch g;
  result.score = combined(c, probe, candidate, &g);
  for (size_t k = 0; k < g.pairs.size(); ++k)
    result.pairs.push_back({g.pairs[k].first, g.pairs[k].second, g.pairWeights[k]});
  std::stable_sort(result.pairs.begin(), result.pairs.end(), [](const auto& x, const auto& y) { return x.support > y.support; });
  result.alignment = fitAlignment(probe, candidate, result.pairs);
  return result;
}

MatchResult matchFeatures(const FeatureSet& probe, const FeatureSet& candidate) {
  return matchTemplates(prepareTemplate(probe), prepareTemplate(candidate));
}

}  // namespace ridgeline::fingerprint
