#include "core/fingerprint/scale_search.h"

#include "core/fingerprint/matcher.h"

namespace ridgeline::fingerprint {

ScaledProbe prepareAtScales(const FeatureSet& probe, const std::vector<double>& scales) {
  ScaledProbe out;
  const double ppi = probe.ppi > 0 ? probe.ppi : 500;
  for (double s : scales) {
    if (!(s > 0)) continue;
    // A print s times larger than nominal holds its pixels at ppi / s.
    FeatureSet scaled = probe;
    scaled.ppi = ppi / s;
    out.scales.push_back(s);
    out.templates.push_back(prepareTemplate(scaled));
  }
  return out;
}

double scoreAcrossScales(const ScaledProbe& probe, const MccTemplate& candidate) {
  double best = 0;
  for (const auto& t : probe.templates) best = std::max(best, scoreTemplates(t, candidate));
  return best;
}

MatchResult matchAcrossScales(const ScaledProbe& probe, const MccTemplate& candidate) {
  MatchResult best;
  bool first = true;
  for (const auto& t : probe.templates) {
    MatchResult r = matchTemplates(t, candidate);
    if (first || r.score > best.score) best = std::move(r), first = false;
  }
  return best;
}

}  // namespace ridgeline::fingerprint
