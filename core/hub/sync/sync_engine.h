#pragma once
// Brings a workstation profile and the hub together:
//   1. push: decisions waiting in the outbox go up, each exactly once (the
//      hub recognises a resent idempotency key and answers with the first
//      receipt, so a send whose answer was lost is simply sent again);
//   2. pull: the hub's queue is paged into the store (new cases only);
//   3. lease: the examiner's leased cases get their payloads (resuming any
//      that a crash left half-stored), then more cases are leased up to
//      `leaseCount` and fetched.
// Every step is its own store transaction, so a crash or a cancel at any
// point leaves a consistent profile and the next run carries on. A payload
// is fully read and checked before anything of it is written.
//
// When the hub cannot be reached the run stops with a RemoteError; the
// profile keeps everything it had, and the examiner works on cached cases.
#include <optional>
#include <string>
#include <vector>

#include "core/hub/client/hub_client.h"
#include "core/hub/protocol/case_payload.h"
#include "core/model/audit_event.h"
#include "core/store/case_store.h"
#include "core/util/progress.h"

namespace ridgeline::hub {

struct SyncOptions {
  std::string examiner;   // whose leases; recorded in the audit trail
  int leaseCount = 3;     // cases to hold leased (with payloads) after the run; 0 = pull only
  int leaseSeconds = 8 * 3600;
  int pageSize = 200;
  std::optional<Modality> modality;  // only this modality's cases
};

struct SyncReport {
  int decisionsDelivered = 0;     // acknowledged by the hub in this run
  int decisionsAlreadyThere = 0;  // of those, the hub already had (answer lost before)
  int decisionsRefused = 0;       // the hub said no (4xx); they stay in the outbox with the reason
  int casesPulled = 0;            // new in the profile
  int casesKnown = 0;             // listed by the hub, already in the profile
  int casesLeased = 0;            // leases taken in this run
  int payloadsStored = 0;         // cases whose payload was (completed and) stored
  int leaseConflicts = 0;         // another examiner was first
  std::vector<std::string> notes; // one line per refusal or conflict
};

class SyncEngine {
 public:
  SyncEngine(store::CaseStore& store, HubClient& client, SyncOptions options);
  // Throws RemoteError (hub unreachable, TLS), CancelledError; the profile is consistent either way.
  SyncReport run(Progress& progress);

 private:
  struct Download {
    CaseSummary summary;
    ReceivedPayload payload;
  };

  void pushOutbox(Progress& progress, SyncReport& report);
  void pullQueue(Progress& progress, SyncReport& report);
  void pullStatus(HubCaseStatus status, Progress& progress, SyncReport& report);
  void leaseAndFetch(Progress& progress, SyncReport& report);
  bool payloadComplete(std::int64_t caseId) const;
  Download download(const std::string& hubId);
  void storePayload(const Case& c, const Download& d, SyncReport& report);

  store::CaseStore& store_;
  HubClient& client_;
  SyncOptions options_;
  Actor actor_;
};

}  // namespace ridgeline::hub
