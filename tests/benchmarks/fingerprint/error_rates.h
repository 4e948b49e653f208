#pragma once
// Verification error rates from genuine and impostor score lists, as the FVC
// reports define them (Maio et al., "FVC2000: fingerprint verification
// competition", IEEE PAMI 24(3), 2002): a comparison is accepted when its
// score is >= the threshold.
#include <vector>

namespace ridgeline::bench {

struct ErrorRates {
  double eer = 0;      // equal error rate
  double fmr100 = 0;   // lowest FNMR with FMR <= 1 %
  double fmr1000 = 0;  // lowest FNMR with FMR <= 0.1 %
  // 1 - area under the ROC curve: the share of (genuine, impostor) pairs in
  // which the impostor scores at least as high, ties counting half. It reads
  // every score, not the few around one threshold, so it moves less with one
  // genuine pair than the EER does (one pair is 0.36 points of an FVC set's EER).
  double rocMiss = 0;
};

ErrorRates errorRates(std::vector<double> genuine, std::vector<double> impostor);

}  // namespace ridgeline::bench
