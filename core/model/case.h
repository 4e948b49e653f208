#pragma once
// A review case as the desk sees it: one search from the hub, its probe and
// ranked candidates, and what the examiners concluded.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/feature_set.h"
#include "core/model/vocabulary.h"

namespace ridgeline {

struct Impression {
  std::int64_t id = 0;  // local id (store)
  ImpressionRole role = ImpressionRole::Probe;
  int rank = 0;                 // candidates: 1 = best hub hit; probe: 0
  std::string subjectId;        // hub's id of the enrolled subject (candidates)
  double hubScore = 0;          // candidates: the hub's score for this candidate
  std::string imageSha256;      // content address of the image file
  int width = 0, height = 0;
  double ppi = 500;
  std::string sourceFormat;     // "WSQ", "JPEG2000", "PNG", "RAW"...
  int fingerPosition = 0;       // ANSI/NIST FGP code; 0 unknown
};

struct Correspondence {
  int label = 0;            // the number shown on both sides, 1-based
  int probeMinutia = -1;    // index into the probe's feature set; -1 none
  int candidateMinutia = -1;
  CorrespondenceType type = CorrespondenceType::Definite;
  bool operator==(const Correspondence&) const = default;
};

struct Conclusion {
  std::int64_t candidateId = 0;  // Impression id the conclusion is about
  std::string decision;          // on the configured scale: identification / inconclusive / exclusion
  std::string rationale;
  std::string examiner;
  std::string role;              // "examination" or "verification"
  std::string time;              // ISO 8601 UTC
};

struct Case {
  std::int64_t id = 0;      // local id (store)
  std::string hubId;        // the hub's search id
  Modality modality = Modality::Fingerprint;
  int priority = 5;         // 1 (most urgent) - 9
  double hubThreshold = 0;  // the hub's decision threshold
  double bestHubScore = 0;  // best candidate's hub score (below threshold)
  CaseStatus status = CaseStatus::Queued;
  std::string receivedAt;   // ISO 8601 UTC, when the hub queued it
  std::string leaseHolder;
  std::string leaseExpires; // ISO 8601 UTC
};

}  // namespace ridgeline
