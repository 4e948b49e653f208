#pragma once
// What the local matcher says about one pair, as the evaluation step shows it.
#include <functional>
#include <optional>

#include "core/model/feature_set.h"

namespace ridgeline::views {

struct LocalScore {
  double score = 0;                     // 0..1, docs/matcher.md
  std::optional<double> flowAgreement;  // -1..1, when both prints' ridge flow was compared
  double flowSharedMm2 = 0;             // the area that comparison covered
  std::optional<double> spacingMismatch;  // mean |log period ratio| over it, when both prints carry periods
  int pairedMinutiae = 0;                 // pairs under the matcher's alignment
  int probeInOverlap = 0, candidateInOverlap = 0;  // minutiae of each print in the area the two share where the other shows ridges
  // Pairs whose surrounding ridges agree, when both images were compared;
  // the matcher stops counting at 10 (fingerprint::kDetailPairsForFull).
  std::optional<int> ridgeDetailPairs;
  // Ridge counts from paired minutiae to their paired neighbours, read on
  // both prints (fingerprint/ridge_count.h), when both images were compared:
  // how many, how many the same, how many at most one ridge apart.
  std::optional<int> ridgeCountsCompared;
  int ridgeCountsSame = 0, ridgeCountsWithinOne = 0;
};

// Scores a pair of feature sets with the local matcher, if one is available.
using PairScorer = std::function<std::optional<LocalScore>(const FeatureSet&, const FeatureSet&)>;

}  // namespace ridgeline::views
