#include "core/fingerprint/matcher.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/fingerprint/alignment.h"
#include "core/fingerprint/alignment_judging.h"
#include "core/fingerprint/cache_fetch.h"
#include "core/fingerprint/global_consolidation.h"
#include "core/fingerprint/greedy_pairing.h"
#include "core/fingerprint/local_similarity.h"
#include "core/fingerprint/relaxation.h"
#include "core/fingerprint/ridge_count.h"

namespace ridgeline::fingerprint {

using namespace mcc;

namespace {
// How many pairs make the score: few for small prints, more for large ones
// (n_P of Cappelli et al., a sigmoid of the smaller minutiae count).
int pairsInScore(size_t smaller) {
  const double z = 1.0 / (1.0 + std::exp(-kTauP * (double(smaller) - kMuP)));
  return kMinPairs + int(std::lround(z * (kMaxPairs - kMinPairs)));
}

// The n_P pairs whose similarity held up best under relaxation (efficiency
// relaxed / initial), best relaxed similarity first.
std::vector<RelaxedPair> scoringPairs(const std::vector<RelaxedPair>& relaxed, size_t smaller) {
  const size_t np = std::min(relaxed.size(), size_t(pairsInScore(smaller)));
  // Each efficiency computed once, not twice per comparison of the sort.
  struct Ranked {
    double efficiency;
    RelaxedPair pair;
  };
  std::vector<Ranked> ranked;
  ranked.reserve(relaxed.size());
  for (const auto& p : relaxed) ranked.push_back({p.initial > 0 ? p.relaxed / p.initial : 0.0, p});
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.efficiency > y.efficiency; });
  std::vector<RelaxedPair> scoring;
  for (size_t k = 0; k < np; ++k) scoring.push_back(ranked[k].pair);
  std::stable_sort(scoring.begin(), scoring.end(), [](const auto& x, const auto& y) { return x.relaxed > y.relaxed; });
  return scoring;
}

struct Consolidation {
  std::vector<float> similarity;      // cylinder similarity matrix
  std::vector<RelaxedPair> relaxed;   // all one-to-one pairs after relaxation, best relaxed first
  std::vector<RelaxedPair> scoring;   // the n_P pairs of the LSS-R score
};

// Asks for `size` bytes at `data` to be brought into cache (cache_fetch.h).
// Only a print's share is fetched (80 minutiae, the extractor's most: 77 KB
// of pairwise geometry, 36 KB of cylinders, 80 KB of ridge detail); of a
// larger template only what the pairs reach is read, and fetching it all
// would cost more than it saves (a palm keeps no geometry at all:
// kGeometryKeptCylinders).
void fetchAhead(const void* data, size_t size) {
  constexpr size_t kMostFetched = 128 * 1024;
  if (size <= kMostFetched) fetchIntoCache<2>(data, size);
}

// Asks for the candidate's pairwise geometry to be brought into cache. The
// relaxation reads it in an order the pairing decides, one entry per pair of
// pairs, and in a search through many candidates it is not yet in cache: a
// third of the relaxation's profile samples fell on those reads. Asked for
// here, they are done while the similarity matrix is computed. (In a search,
// scoreAgainst has fetched the whole template a comparison earlier.)
void fetchGeometryAhead(const MccTemplate& candidate) {
  fetchAhead(candidate.geometry.data(), candidate.geometry.size() * sizeof(PairGeometry));
}

Consolidation consolidate(const MccTemplate& probe, const MccTemplate& candidate) {
  Consolidation c;
  if (probe.size() == 0 || candidate.size() == 0) return c;
  fetchGeometryAhead(candidate);
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
// Ridge spacing over the same area joins the same way: a 5 % mismatch in
// period counts e^-1 (figures with and without it in docs/matcher.md, section 5).
constexpr double kPeriodWeight = 0.05;
constexpr double kPeriodTolerance = 0.05;
// When both prints carry ridge detail (ridge_detail.h), the share of pairs
// whose surrounding ridges agree joins last, full at 10 such pairs. It speaks
// for a true correspondence that the minutiae found but count too few to
// carry (a latent's 8 pairs against a wrong finger's 7); weight measured on
// the FVC sets and the latent-like set (docs/matcher.md, section 5).
constexpr double kDetailWeight = 0.15;
// When both prints carry ridge counts (ridge_count.h), they join twice. The
// counts that agree exactly are evidence like the detail's pairs, full at 60
// (ten pairs, six neighbours each), weighted like the spacing. And a share
// of counts more than one ridge apart takes up to 30 % off the whole score,
// judged over at least 10 counts so that two miscounts out of three do not
// sink a pair of few minutiae. A true pairing miscounts 3-6 % of its
// counts, a chance one 20-25 % (FVC). The evidence helps the latents and
// FVC2004 DB1, the penalty FVC2002 and FVC2004 DB2; either alone costs what
// the other gains (docs/matcher.md, section 4).
constexpr double kRidgeCountWeight = 0.05;
constexpr double kRidgeCountsForFull = 60;
constexpr double kMiscountPenalty = 0.3;
constexpr double kMiscountsJudgedOver = 10;
constexpr double kMmPerPixel = 25.4 / 500;  // at the templates' 500 ppi
constexpr double kFullFlowMm2 = 50 * 16 * 16 * kMmPerPixel * kMmPerPixel;

struct Blend {
  double score = 0;
  double neighbourhoods = 0;  // LSS-R as it enters the score
  GlobalMatch global;
  FlowComparison flow;
  int ridgeDetailPairs = -1;
  std::optional<RidgeCountAgreement> ridgeCounts;
};

FlowComparison compareFlowUnder(const MccTemplate& probe, const MccTemplate& candidate, const GlobalMatch& g,
                                FlowSampling sampling = FlowSampling::Every) {
  FlowComparison out;
  if (probe.flow.empty() || candidate.flow.empty() || g.pairs.size() < 2) return out;  // nothing to compare, or no alignment
  const FlowAgreement f = compareFlow(probe.flow, candidate.flow, g.rotation, g.tx, g.ty, sampling);
  out.compared = true;
  out.agreement = f.agreement;
  out.sharedMm2 = f.sharedArea * kMmPerPixel * kMmPerPixel;
  if (f.periodArea > 0) out.periodMismatch = f.periodMismatch;
  return out;
}

// 0..1 each: how well flow and spacing agree, weighted by the area both prints show.
double flowTerm(const FlowComparison& flow) {
  return std::max(0.0, flow.agreement) * std::min(1.0, flow.sharedMm2 / kFullFlowMm2);
}
double periodTerm(const FlowComparison& flow) {
  return std::exp(-flow.periodMismatch / kPeriodTolerance) * std::min(1.0, flow.sharedMm2 / kFullFlowMm2);
}

// What flow and spacing add to the score's weighted sum, and their weights:
// spacing only when both prints carry periods (counted 0 when no block had
// both measured).
struct FlowPart {
  double sum = 0, weights = 0;
};
FlowPart flowAndSpacing(const MccTemplate& probe, const MccTemplate& candidate, const FlowComparison& flow) {
  FlowPart part{kFlowWeight * flowTerm(flow), kFlowWeight};
  if (probe.flow.hasPeriods && candidate.flow.hasPeriods)
    part.sum += kPeriodWeight * (flow.periodMismatch < 0 ? 0 : periodTerm(flow)), part.weights += kPeriodWeight;
  return part;
}

// Pairs whose ridges agree around both ends, under the global alignment (0
// without one); `needed` as in agreeingRidgeDetail.
int agreeingPairs(const MccTemplate& probe, const MccTemplate& candidate, const GlobalMatch& g, int needed = 0) {
  if (g.pairs.size() < 2) return 0;
  return agreeingRidgeDetail(probe.detail, candidate.detail, g.rotation, g.pairs, needed);
}

// What flow and spacing add to the score under an alignment, in units of
// the global share (0 when a print has no flow), read from one in nine of
// the probe's blocks: enough to rank alignments by.
double flowStanding(const MccTemplate& probe, const MccTemplate& candidate, const GlobalMatch& g) {
  const FlowComparison flow = compareFlowUnder(probe, candidate, g, FlowSampling::Coarse);
  if (!flow.compared) return 0;
  return flowAndSpacing(probe, candidate, flow).sum / kGlobalWeight;
}

// The four alignments the minutiae rank best (the two refined, then two
// more anchors' as found) are ranked again by their share plus what flow and
// spacing add under them; the best two are then judged by their ridge
// detail as well (alignment_judging.h). The flow picks out the true
// alignment where the minutiae's ranking missed it, most often on distorted
// or poor prints. Six ranked measured no better than four; three, or the
// detail counted under more alignments, worse or dearer (docs/matcher.md,
// section 5).
constexpr size_t kAlignmentsRanked = 4;
constexpr size_t kAlignmentsJudged = 2;

// The alignment the score is read under, with its agreeing ridge-detail pairs
// (-1 when a print has no ridge detail).
JudgedAlignment bestAlignment(const Consolidation& c, const MccTemplate& probe, const MccTemplate& candidate) {
  const bool detail = !probe.detail.empty() && !candidate.detail.empty();
  std::vector<GlobalMatch> found =
      consolidateGlobally(probe, candidate, c.relaxed, c.similarity, detail ? kAlignmentsRanked : 1);
  if (found.empty()) return {{}, detail ? 0 : -1};
  if (!detail) return {std::move(found.front()), -1};
  Contenders best = rankAlignments(
      std::move(found), [&](const GlobalMatch& g) { return flowStanding(probe, candidate, g); }, kAlignmentsJudged);
  // An agreeing pair weighs against the global share in the blend's own ratio.
  const double sharePerPair = kDetailWeight / kGlobalWeight / kDetailPairsForFull;
  return judgeAlignments(
      std::move(best.alignments), sharePerPair, kDetailPairsForFull,
      [&](const GlobalMatch& g, int needed) { return agreeingPairs(probe, candidate, g, needed); },
      std::move(best.standing));
}

// Each term 0..1 with its weight; the score is their weighted mean. Terms a
// print cannot supply (no flow, periods or ridge detail: examiner-made sets,
// other extractors' templates) are left out, not counted as 0; with no
// alignment they are counted as 0, as for a total mismatch.
Blend combined(const Consolidation& c, const MccTemplate& probe, const MccTemplate& candidate) {
  Blend b;
  const double lssr = meanRelaxed(c.scoring, std::min(probe.size(), candidate.size()));
  JudgedAlignment aligned = bestAlignment(c, probe, candidate);
  b.global = std::move(aligned.global);
  b.neighbourhoods = std::min(1.0, kLssrScale * lssr);
  double sum = kGlobalWeight * b.global.score + (1 - kGlobalWeight) * b.neighbourhoods, weights = 1;
  if (!probe.flow.empty() && !candidate.flow.empty()) {
    b.flow = compareFlowUnder(probe, candidate, b.global);
    const FlowPart part = flowAndSpacing(probe, candidate, b.flow);
    sum += part.sum, weights += part.weights;
  }
  if (!probe.detail.empty() && !candidate.detail.empty()) {
    b.ridgeDetailPairs = aligned.agreeingPairs;
    sum += kDetailWeight * std::min(1.0, double(b.ridgeDetailPairs) / kDetailPairsForFull);
    weights += kDetailWeight;
  }
  double kept = 1;  // what the miscounted ridges leave of the score
  if (!probe.ridgeCounts.empty() && !candidate.ridgeCounts.empty()) {
    const RidgeCountAgreement& counts =
        b.ridgeCounts.emplace(compareRidgeCounts(probe.ridgeCounts, candidate.ridgeCounts, b.global.pairs));
    sum += kRidgeCountWeight * std::min(1.0, counts.exact / kRidgeCountsForFull);
    weights += kRidgeCountWeight;
    const int miscounted = counts.compared - counts.withinOne;
    kept -= kMiscountPenalty * miscounted / std::max(double(counts.compared), kMiscountsJudgedOver);
  }
  b.score = kept * sum / weights;
  return b;
}
}  // namespace

double scoreTemplates(const MccTemplate& probe, const MccTemplate& candidate) {
  const Consolidation c = consolidate(probe, candidate);
  if (c.relaxed.empty()) return 0;
  return combined(c, probe, candidate).score;
}

void fetchTemplate(const MccTemplate& t) {
  fetchAhead(t.cylinders.data(), t.cylinders.size() * sizeof(Cylinder));
  fetchAhead(t.geometry.data(), t.geometry.size() * sizeof(PairGeometry));
  fetchAhead(t.flow.blocks.data(), t.flow.blocks.size() * sizeof(FlowField::Block));
  fetchAhead(t.detail.spans.data(), t.detail.spans.size());
  fetchAhead(t.detail.placementSums.data(), t.detail.placementSums.size() * sizeof(std::int32_t));
}

std::vector<double> scoreAgainst(const MccTemplate& probe, const std::vector<const MccTemplate*>& candidates) {
  std::vector<double> scores(candidates.size());
  for (size_t k = 0; k < candidates.size(); ++k) {
    if (k + 1 < candidates.size()) fetchTemplate(*candidates[k + 1]);
    scores[k] = scoreTemplates(probe, *candidates[k]);
  }
  return scores;
}

MatchResult matchTemplates(const MccTemplate& probe, const MccTemplate& candidate) {
  const Consolidation c = consolidate(probe, candidate);
  MatchResult result;
  if (c.relaxed.empty()) return result;
  Blend b = combined(c, probe, candidate);
  const GlobalMatch& g = b.global;
  result.score = b.score;
  result.flow = b.flow;
  result.breakdown = {g.score, b.neighbourhoods, g.probeInOverlap, g.candidateInOverlap, b.ridgeDetailPairs};
  if (b.ridgeCounts) {
    result.breakdown.ridgeCountsCompared = b.ridgeCounts->compared;
    result.breakdown.ridgeCountsSame = b.ridgeCounts->exact;
    result.breakdown.ridgeCountsWithinOne = b.ridgeCounts->withinOne;
  }
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
