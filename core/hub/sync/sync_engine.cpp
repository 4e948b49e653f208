#include "core/hub/sync/sync_engine.h"

#include <algorithm>

#include "core/hub/protocol/case_payload.h"
#include "core/store/json_text.h"
#include "core/util/errors.h"

namespace ridgeline::hub {
namespace {

// The audit event that marks a case's payload as completely stored; its
// absence on a leased case means a run stopped half-way and must resume.
constexpr std::string_view kPayloadStoredEvent = "payload.stored";

bool isMineAndActive(const Case& c, const std::string& examiner) {
  return c.leaseHolder == examiner &&
         (c.status == CaseStatus::Leased || c.status == CaseStatus::Analysis || c.status == CaseStatus::Comparison);
}

Case caseFromEntry(const QueueEntry& e) {
  Case c;
  c.hubId = e.hubId;
  c.modality = e.modality;
  c.priority = e.priority;
  c.hubThreshold = e.threshold;
  c.bestHubScore = e.bestScore;
  c.status = CaseStatus::Queued;
  c.receivedAt = e.receivedAt;
  return c;
}

}  // namespace

SyncEngine::SyncEngine(store::CaseStore& store, HubClient& client, SyncOptions options)
    : store_(store), client_(client), options_(std::move(options)), actor_{options_.examiner, "examiner"} {
  if (options_.examiner.empty()) throw UsageError("sync needs the examiner's name (who takes the leases)");
  if (options_.pageSize < 1 || options_.pageSize > kMaxPageSize) throw UsageError("page size must be 1-500");
  if (options_.leaseCount < 0 || options_.leaseCount > 100) throw UsageError("lease count must be 0-100");
}

SyncReport SyncEngine::run(Progress& progress) {
  SyncReport report;
  progress.report(0, "Sending decisions");
  pushOutbox(progress, report);
  progress.report(0.2, "Pulling the queue");
  pullQueue(progress, report);
  progress.report(0.5, "Leasing cases and fetching payloads");
  leaseAndFetch(progress, report);
  progress.report(1, "Sync complete");
  return report;
}

void SyncEngine::pushOutbox(Progress& progress, SyncReport& report) {
  // 'sent' items are ones whose answer never arrived (crash, cut link): send again, same key.
  std::vector<OutboxItem> items = store_.outbox(OutboxState::Pending);
  for (auto& item : store_.outbox(OutboxState::Sent)) items.push_back(std::move(item));
  std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  for (size_t i = 0; i < items.size(); ++i) {
    progress.checkCancelled();
    const OutboxItem& item = items[i];
    store_.markSent(item.id, actor_);
    try {
      const DecisionReceipt receipt = client_.submitDecision(item.idempotencyKey, item.payloadJson);
      store_.markAcknowledged(item.id, actor_);
      ++report.decisionsDelivered;
      if (receipt.duplicate) ++report.decisionsAlreadyThere;
    } catch (const HubRefusedError& e) {
      // The hub will not take it as it is; it stays queued with the reason for the examiner to see.
      store_.markAttemptFailed(item.id, e.what(), actor_);
      ++report.decisionsRefused;
      report.notes.push_back("decision " + item.idempotencyKey + ": " + e.what());
    } catch (const RemoteError& e) {
      store_.markAttemptFailed(item.id, e.what(), actor_);
      throw;
    }
    progress.report(0.2 * static_cast<double>(i + 1) / static_cast<double>(items.size()), "Sending decisions");
  }
}

void SyncEngine::pullQueue(Progress& progress, SyncReport& report) {
  pullStatus(HubCaseStatus::Queued, progress, report);
  // Cases the hub shows leased to this examiner but the profile lacks: a
  // previous run took the lease and stopped before storing the case.
  pullStatus(HubCaseStatus::Leased, progress, report);
}

void SyncEngine::pullStatus(HubCaseStatus status, Progress& progress, SyncReport& report) {
  QueueFilter filter;
  filter.status = status;
  filter.modality = options_.modality;
  filter.limit = options_.pageSize;
  do {
    progress.checkCancelled();
    const QueuePage page = client_.queue(filter);
    for (const QueueEntry& e : page.items) {
      if (e.status != status) continue;
      if (status == HubCaseStatus::Leased && e.leaseHolder != options_.examiner) continue;
      if (store_.findCaseByHubId(e.hubId)) {
        ++report.casesKnown;
        continue;
      }
      store_.addCase(caseFromEntry(e), actor_);
      ++report.casesPulled;
    }
    if (!page.nextCursor.empty() && page.nextCursor == filter.cursor)
      throw RemoteError("the hub returned the same queue cursor twice; it is not paging correctly. Report it to its operator.");
    filter.cursor = page.nextCursor;
    progress.report(0.35, "Pulling the queue (" + std::to_string(report.casesPulled) + " new)");
  } while (!filter.cursor.empty());
}

bool SyncEngine::payloadComplete(std::int64_t caseId) const {
  for (const AuditEvent& e : store_.auditLog(caseId))
    if (e.action == toCode(AuditAction::Sync) && e.details.find(kPayloadStoredEvent) != std::string::npos) return true;
  return false;
}

SyncEngine::Download SyncEngine::download(const std::string& hubId) {
  Download d;
  d.summary = client_.caseSummary(hubId);
  const std::vector<std::uint8_t> bytes = client_.payload(d.summary);
  try {
    d.payload = readCasePayload(bytes, d.summary);  // all of it checked before anything is stored
  } catch (const InputError& e) {
    throw RemoteError("the payload of case " + hubId + " is not usable: " + e.what() +
                      ". Nothing of it was stored; report it to the hub's operator.");
  }
  return d;
}

void SyncEngine::storePayload(const Case& c, const Download& d, SyncReport& report) {
  const CaseSummary& summary = d.summary;
  const ReceivedPayload& payload = d.payload;
  // Add what is missing (all of it, or what a stopped run did not get to).
  const std::vector<Impression> present = store_.impressions(c.id);
  auto has = [&](const Impression& i) {
    return std::any_of(present.begin(), present.end(), [&](const Impression& p) { return p.role == i.role && p.rank == i.rank; });
  };
  auto store = [&](const ReceivedImpression& r) {
    std::int64_t id = 0;
    if (!has(r.impression)) {
      id = store_.addImpression(c.id, r.impression, r.bytes, actor_);
    } else {
      for (const auto& p : present)
        if (p.role == r.impression.role && p.rank == r.impression.rank) id = p.id;
    }
    if (r.hubFeatures && !store_.latestFeatures(id, FeatureAuthor::Hub)) {
      FeatureSet features = *r.hubFeatures;
      features.author = FeatureAuthor::Hub;
      store_.saveFeatures(id, features, actor_);
    }
  };
  store(payload.probe);
  for (const auto& candidate : payload.candidates) store(candidate);

  store::JsonWriter details;
  details.beginObject().key("event").value(kPayloadStoredEvent).key("payloadSha256").value(summary.payloadSha256);
  details.key("bytes").value(summary.payloadBytes).key("candidates").value(static_cast<int>(payload.candidates.size()));
  details.key("scoreSource").value(summary.scoreSource).endObject();
  store_.recordEvent(c.id, AuditAction::Sync, details.str(), actor_);
  ++report.payloadsStored;
}

void SyncEngine::leaseAndFetch(Progress& progress, SyncReport& report) {
  // Resume: leased cases whose payload a stopped run did not finish.
  int active = 0;
  for (const Case& c : store_.listCases()) {
    if (!isMineAndActive(c, options_.examiner)) continue;
    ++active;
    progress.checkCancelled();
    if (!payloadComplete(c.id)) storePayload(c, download(c.hubId), report);
  }
  if (active >= options_.leaseCount) return;

  // Take more: most urgent first, then oldest.
  std::vector<Case> queued = store_.listCases(CaseStatus::Queued);
  if (options_.modality) std::erase_if(queued, [&](const Case& c) { return c.modality != *options_.modality; });
  std::sort(queued.begin(), queued.end(), [](const Case& a, const Case& b) {
    return a.priority != b.priority ? a.priority < b.priority : a.receivedAt < b.receivedAt;
  });
  for (const Case& c : queued) {
    if (active >= options_.leaseCount) break;
    progress.checkCancelled();
    LeaseGrant grant;
    try {
      grant = client_.lease(c.hubId, options_.examiner, options_.leaseSeconds);
    } catch (const HubRefusedError& e) {
      if (e.status() != 409) throw;
      ++report.leaseConflicts;
      report.notes.push_back("case " + c.hubId + ": " + e.what());
      continue;
    }
    // Only a payload that downloaded and checked out changes the profile; a
    // bad one leaves it as it was (the hub's lease is renewed next run).
    const Download d = download(c.hubId);
    store_.leaseCase(c.id, grant.holder, grant.expires, actor_);
    ++report.casesLeased;
    ++active;
    storePayload(store_.getCase(c.id), d, report);
    progress.report(0.5 + 0.5 * active / std::max(1, options_.leaseCount), "Fetched case " + c.hubId);
  }
}

}  // namespace ridgeline::hub
