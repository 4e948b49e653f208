#pragma once
// Records a case accumulates while it is worked: versions of feature sets,
// free notes, the enhancement log, and what waits to go up to the hub.
#include <cstdint>
#include <optional>
#include <string>

#include "core/model/feature_set.h"

namespace ridgeline {

// One version of one author's feature set on one impression. A locked version
// is immutable; the next save creates version + 1.
struct FeatureSetVersion {
  std::int64_t id = 0;
  std::int64_t impressionId = 0;
  int version = 1;
  FeatureSet features;
  std::string documentSha256;  // hash of the stored canonical document (kept after purge)
  std::string savedBy;
  std::string savedAt;         // ISO 8601 UTC
  bool locked = false;
  std::string lockedBy;
  std::string lockedAt;
};

struct Annotation {
  std::int64_t id = 0;
  std::int64_t caseId = 0;
  std::optional<std::int64_t> impressionId;  // none: about the case as a whole
  std::string text;
  std::string author;
  std::string time;
};

// One step applied to a working copy of an image, in the order applied.
struct EnhancementStep {
  std::int64_t id = 0;
  std::int64_t impressionId = 0;
  int ordinal = 0;              // 1-based order on that impression
  std::string name;             // "clahe", "invert", "bandpass"...
  std::string parametersJson;   // JSON object
  std::string appliedBy;
  std::string time;
};

enum class OutboxState { Pending, Sent, Acknowledged };

inline std::string_view toCode(OutboxState s) {
  switch (s) {
    case OutboxState::Pending: return "pending";
    case OutboxState::Sent: return "sent";
    case OutboxState::Acknowledged: return "acknowledged";
  }
  return "pending";
}

inline std::optional<OutboxState> outboxStateFromCode(std::string_view c) {
  if (c == "pending") return OutboxState::Pending;
  if (c == "sent") return OutboxState::Sent;
  if (c == "acknowledged") return OutboxState::Acknowledged;
  return std::nullopt;
}

// Something the hub must receive. The idempotency key is generated here, once,
// so a retry after a lost answer can never record the decision twice.
struct OutboxItem {
  std::int64_t id = 0;
  std::string idempotencyKey;
  std::int64_t caseId = 0;
  std::string kind;          // "decision"
  std::string payloadJson;
  OutboxState state = OutboxState::Pending;
  int attempts = 0;
  std::string createdAt;
  std::string lastAttemptAt;
  std::string lastError;
};

}  // namespace ridgeline
