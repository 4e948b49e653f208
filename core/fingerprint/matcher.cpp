#include "core/fingerprint/matcher.h"

#include <algorithm>
#include <array>
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
  // Keys: similarity bits high (non-negative floats order like their bit
  // patterns), then the inverted row and column, so ties break by position
  // and the result is deterministic; the indices are read back from the key
  // without a division. The greedy pass reads them best first: they are
  // bucketed by similarity in one counting pass and each bucket is sorted
  // only when the pass reaches it (buckets hold a handful of keys, so this
  // is cheaper than one sort of the whole matrix).
  constexpr int kBuckets = 256;
  auto bucketOf = [](float s) { return std::min(kBuckets - 1, int(s * kBuckets)); };
  std::array<int, kBuckets + 1> start{};
  for (float s : sim)
    if (s > 0) ++start[size_t(kBuckets - bucketOf(s))];  // best bucket first
  for (int b = 0; b < kBuckets; ++b) start[size_t(b + 1)] += start[size_t(b)];
  std::vector<std::uint64_t> keys(static_cast<size_t>(start[kBuckets]));
  std::array<int, kBuckets + 1> fill = start;
  for (size_t a = 0, i = 0; a < na; ++a)
    for (size_t b = 0; b < nb; ++b, ++i)
      if (sim[i] > 0)
        keys[size_t(fill[size_t(kBuckets - 1 - bucketOf(sim[i]))]++)] =
            std::uint64_t(std::bit_cast<std::uint32_t>(sim[i])) << 32 | (0xFFFFu - a) << 16 | (0xFFFFu - b);
  std::vector<bool> usedA(na, false), usedB(nb, false);
  std::vector<RelaxedPair> pairs;
  const size_t wanted = std::min(na, nb);
  for (int b = 0; b < kBuckets && pairs.size() < wanted; ++b) {
    const auto first = keys.begin() + start[size_t(b)], last = keys.begin() + start[size_t(b + 1)];
    std::sort(first, last, std::greater<>());
    for (auto it = first; it != last && pairs.size() < wanted; ++it) {
      const float s = std::bit_cast<float>(std::uint32_t(*it >> 32));
      const int a = int(0xFFFFu - (*it >> 16 & 0xFFFFu)), c = int(0xFFFFu - (*it & 0xFFFFu));
      if (usedA[size_t(a)] || usedB[size_t(c)]) continue;
      usedA[size_t(a)] = usedB[size_t(c)] = true;
      pairs.push_back({a, c, s, s});
    }
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
// around 0.05-0.25, so it enters scaled by 4 (capped at 1). Weights measured
// on the mean EER of the four FVC sets (0.5 / 0.5: 5.62 %, 0.3 / 0.7: 5.54 %).
constexpr double kLssrScale = 4.0;
constexpr double kGlobalWeight = 0.3;

// When both prints carry ridge flow, its agreement under the global alignment
// joins the score (flow_agreement.h), weighted by the area the two share up
// to about 33 mm^2 (50 blocks of 16 px at 500 ppi): a small overlap agrees
// easily. It counts most against a wrong finger with few minutiae, which the
// minutiae alone judge on too little (docs/matcher.md, section 5).
constexpr double kFlowWeight = 0.1;
constexpr double kMmPerPixel = 25.4 / 500;  // at the templates' 500 ppi
constexpr double kFullFlowMm2 = 50 * 16 * 16 * kMmPerPixel * kMmPerPixel;

struct Blend {
  double score = 0;
  GlobalMatch global;
  FlowComparison flow;
};

FlowComparison compareFlowUnder(const MccTemplate& probe, const MccTemplate& candidate, const GlobalMatch& g) {
  FlowComparison out;
  if (probe.flow.empty() || candidate.flow.empty() || g.pairs.size() < 2) return out;  // nothing to compare, or no alignment
  const FlowAgreement f = compareFlow(probe.flow, candidate.flow, g.rotation, g.tx, g.ty);
  out.compared = true;
  out.agreement = f.agreement;
  out.sharedMm2 = f.sharedArea * kMmPerPixel * kMmPerPixel;
  return out;
}

Blend combined(const Consolidation& c, const MccTemplate& probe, const MccTemplate& candidate) {
  Blend b;
  const double lssr = meanRelaxed(c.scoring, std::min(probe.size(), candidate.size()));
  b.global = consolidateGlobally(probe, candidate, c.relaxed, c.similarity);
  b.score = kGlobalWeight * b.global.score + (1 - kGlobalWeight) * std::min(1.0, kLssrScale * lssr);
  // Without flow on both sides (examiner-made sets, other extractors' templates) the minutiae score stands alone.
  if (probe.flow.empty() || candidate.flow.empty()) return b;
  b.flow = compareFlowUnder(probe, candidate, b.global);
  const double term = std::max(0.0, b.flow.agreement) * std::min(1.0, b.flow.sharedMm2 / kFullFlowMm2);
  b.score = (b.score + kFlowWeight * term) / (1 + kFlowWeight);
  return b;
}
}  // namespace

double scoreTemplates(const MccTemplate& probe, const MccTemplate& candidate) {
  const Consolidation c = consolidate(probe, candidate);
  if (c.relaxed.empty()) return 0;
  return combined(c, probe, candidate).score;
}

MatchResult matchTemplates(const MccTemplate& probe, const MccTemplate& candidate) {
  const Consolidation c = consolidate(probe, candidate);
  MatchResult result;
  if (c.relaxed.empty()) return result;
  Blend b = combined(c, probe, candidate);
  const GlobalMatch& g = b.global;
  result.score = b.score;
  result.flow = b.flow;
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
