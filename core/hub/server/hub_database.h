#pragma once
// The reference hub's own SQLite state: its queue of below-threshold
// searches with their payloads, leases, and every decision received with who
// sent it and when. One connection behind a mutex: requests from many
// clients are served by many threads, and each operation is a short SQL
// transaction, so a lock is simpler than a pool and never the bottleneck.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/hub/protocol/hub_messages.h"

namespace ridgeline::store {
class Database;
class ImageFiles;
}

namespace ridgeline::hub {

struct LeaseOutcome {
  enum class Kind { Granted, Conflict, Decided, NotFound } kind = Kind::NotFound;
  LeaseGrant grant;  // Granted: the lease; Conflict: who holds it until when
};

struct DecisionOutcome {
  enum class Kind { Recorded, Duplicate, KeyReused, LeaseConflict, NotFound } kind = Kind::NotFound;
  DecisionReceipt receipt;
  std::string detail;  // for the error kinds: what to tell the client
};

// Who sent a decision, as the hub saw it.
struct DecisionOrigin {
  std::string tokenRole;  // examiner | verifier | supervisor
  std::string remoteAddress;
};

class HubDatabase {
 public:
  // stateDir/hub.db and stateDir/payloads/ (content-addressed ANSI/NIST files).
  explicit HubDatabase(const std::filesystem::path& stateDir);
  ~HubDatabase();

  // Adds a search to the queue (status queued). InputError when the id exists.
  void addCase(const CaseSummary& summary, const std::vector<std::uint8_t>& payload);
  int caseCount();

  QueuePage listQueue(const QueueFilter& filter, const std::string& now);
  std::optional<CaseSummary> summary(const std::string& hubId, const std::string& now);
  std::optional<std::vector<std::uint8_t>> payload(const std::string& hubId);

  // A lease by the same examiner is renewed; by another while unexpired: Conflict.
  LeaseOutcome lease(const std::string& hubId, const std::string& examiner, int seconds, const std::string& now);
  // Releases the examiner's own lease; Conflict when another holds it.
  LeaseOutcome release(const std::string& hubId, const std::string& examiner, const std::string& now);

  // Records a decision once per idempotency key. The same key with the same
  // body gives the first receipt again (Duplicate); with another body, KeyReused.
  DecisionOutcome recordDecision(const DecisionSubmission& decision, const std::string& body, const DecisionOrigin& origin,
                                 const std::string& now);
  // Every decision received, oldest first, one JSON object per line.
  std::vector<std::string> decisionsAsJsonLines();

 private:
  std::optional<QueueEntry> entry(const std::string& hubId, const std::string& now);
  std::mutex mutex_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::ImageFiles> payloads_;
};

// ISO 8601 UTC of now plus seconds (lease expiry).
std::string isoAfterSeconds(int seconds);

}  // namespace ridgeline::hub
