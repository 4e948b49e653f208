#pragma once
// `bench_matcher --write-components FILE`: every comparison's score with the
// parts it is made of (core/fingerprint/match_result.h), one CSV row each, so
// a change to how the parts are blended can be tried on recorded rows in
// seconds instead of a full run. The FVC rows are every pair; the latent rows
// every latent against every clean print, at nominal scale and with the
// scale search (the best scale's parts).
#include <ostream>
#include <string>

#include "core/fingerprint/match_result.h"

namespace ridgeline::bench {

inline void writeComponentsHeader(std::ostream& out) {
  out << "set,kind,a,b,score,minutiae,neighbourhoods,probe_in_overlap,candidate_in_overlap,pairs,"
         "flow_agreement,shared_mm2,period_mismatch,ridge_detail_pairs,ridge_counts_compared,ridge_counts_same,ridge_counts_within_one\n";
}

// kind: genuine / impostor for FVC pairs, mate / non-mate for latents.
inline void writeComponents(std::ostream& out, const std::string& set, const char* kind, const std::string& a,
                            const std::string& b, const ridgeline::fingerprint::MatchResult& r) {
  const auto& c = r.breakdown;
  out << set << ',' << kind << ',' << a << ',' << b << ',' << r.score << ',' << c.minutiae << ',' << c.neighbourhoods
      << ',' << c.probeInOverlap << ',' << c.candidateInOverlap << ',' << r.pairs.size() << ','
      << (r.flow.compared ? r.flow.agreement : 0) << ',' << r.flow.sharedMm2 << ',' << r.flow.periodMismatch << ','
      << c.ridgeDetailPairs << ',' << c.ridgeCountsCompared << ',' << c.ridgeCountsSame << ','
      << c.ridgeCountsWithinOne << '\n';
}

}  // namespace ridgeline::bench
