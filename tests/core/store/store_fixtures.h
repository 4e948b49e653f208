#pragma once
// Shared helpers for the store suites: plausible cases, images with a
// distinctive byte pattern, and a case walked to a given stage of ACE-V.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/store/case_store.h"

namespace fixtures {

using namespace ridgeline;

inline const Actor kExaminer{"alice", "examiner"};
inline const Actor kVerifier{"bob", "verifier"};
inline const Actor kSync{"sync", "system"};

inline Case makeCase(const std::string& hubId) {
  Case c;
  c.hubId = hubId;
  c.modality = Modality::Fingerprint;
  c.priority = 3;
  c.hubThreshold = 40.0;
  c.bestHubScore = 31.5;
  c.status = CaseStatus::Leased;
  c.leaseHolder = "alice";
  return c;
}

// Pseudo-random bytes led by a marker, so a scan can look for them anywhere.
inline std::vector<std::uint8_t> makeImage(const std::string& marker, size_t size = 20000, unsigned seed = 1) {
  std::vector<std::uint8_t> bytes(marker.begin(), marker.end());
  std::mt19937 rng(seed);
  while (bytes.size() < size) bytes.push_back(static_cast<std::uint8_t>(rng()));
  return bytes;
}

inline Impression probeImpression() {
  Impression i;
  i.role = ImpressionRole::Probe;
  i.rank = 0;
  i.width = 100;
  i.height = 200;
  i.ppi = 500;
  i.sourceFormat = "WSQ";
  i.fingerPosition = 2;
  return i;
}

inline Impression candidateImpression(int rank, const std::string& subject) {
  Impression i = probeImpression();
  i.role = ImpressionRole::Candidate;
  i.rank = rank;
  i.subjectId = subject;
  i.hubScore = 31.5 - rank;
  return i;
}

inline FeatureSet makeFeatures(int minutiae, FeatureAuthor author = FeatureAuthor::Examiner) {
  FeatureSet f;
  f.author = author;
  f.authorName = "alice";
  for (int k = 0; k < minutiae; ++k)
    f.minutiae.push_back({10.25 + k, 20.5 + 2 * k, 0.1 * k, k % 2 ? MinutiaType::Bifurcation : MinutiaType::Ending,
                          3.5, 0.2, 60});
  f.cores.push_back({50, 60, 1.25, 4});
  f.deltas.push_back({20, 160, {0.5, 2.5, 4.0}, 5});
  f.regionOfInterest = {{0, 0}, {100, 0}, {100, 200}};
  f.clarity = ClarityMap{16, 2, 3, {0, 1, 2, 3, 4, 5}};
  f.ridgeFlow = RidgeFlowMap{16, 3, 2, {0, 45, 179, 90, 255, 12}, {90, 85, 102, 0, 0, 77}};
  f.value = ValueDetermination::Value;
  f.patternClass = "LS";
  f.quality = 55;
  return f;
}

struct StagedCase {
  std::int64_t caseId = 0, probeId = 0, candidateId = 0;
};

// A leased case with a probe and one candidate, analysed, locked: in comparison.
inline StagedCase stageForComparison(store::CaseStore& store, const std::string& hubId,
                                     const std::string& marker = "PROBE", unsigned seed = 1) {
  StagedCase s;
  s.caseId = store.addCase(makeCase(hubId), kSync);
  s.probeId = store.addImpression(s.caseId, probeImpression(), makeImage(marker + "-probe-" + hubId, 20000, seed), kSync);
  s.candidateId = store.addImpression(s.caseId, candidateImpression(1, "S-" + hubId),
                                      makeImage(marker + "-cand-" + hubId, 20000, seed + 1000), kSync);
  store.openCase(s.caseId, kExaminer);
  store.saveFeatures(s.probeId, makeFeatures(12), kExaminer);
  store.lockAnalysis(s.caseId, kExaminer);
  return s;
}

inline Conclusion makeConclusion(std::int64_t candidateId, const std::string& decision, const std::string& role = "examination") {
  Conclusion c;
  c.candidateId = candidateId;
  c.decision = decision;
  c.rationale = "ridge flow and 9 corresponding minutiae in agreement / disagreement";
  c.role = role;
  return c;
}

}  // namespace fixtures
