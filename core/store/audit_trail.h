#pragma once
// The append-only, hash-chained audit trail in the profile database.
// Appends happen inside the caller's WriteTransaction, so an event is
// committed exactly when the change it records is.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/model/audit_event.h"
#include "core/store/audit_chain.h"
#include "core/store/sqlite_db.h"
#include "core/util/progress.h"

namespace ridgeline::store {

struct AuditVerification {
  bool intact = true;
  std::int64_t checked = 0;            // events whose hash was recomputed and matched
  std::int64_t firstBrokenSeq = 0;     // 0 when intact
  std::string problem;                 // what is wrong with that event
  std::string headHash;                // hash of the last intact event
};

class AuditTrail {
 public:
  explicit AuditTrail(Database& db);

  // Requires an open WriteTransaction on the same database. details must be a
  // JSON object text (callers build it with JsonWriter or validate it).
  AuditEvent append(const Actor& actor, std::optional<std::int64_t> caseId, AuditAction action,
                    std::string details);

  // Recomputes the whole chain from the first event; reports the first break.
  AuditVerification verify(Progress& progress) const;

  std::vector<AuditEvent> events(std::optional<std::int64_t> caseId = std::nullopt) const;
  std::int64_t count() const;
  // The newest event's seq and hash ({0, genesis} when empty). Payloads to the
  // hub carry it, so the hub holds an outside witness of the trail: a trail
  // later cut short or rewritten no longer reaches a head the hub has seen.
  std::pair<std::int64_t, std::string> head();

 private:
  Database& db_;
  Statement tail_;
  Statement insert_;
  AuditHasher hasher_;
};

}  // namespace ridgeline::store
