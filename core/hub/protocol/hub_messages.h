#pragma once
// Hub protocol v1 messages (docs/hub-protocol.md, docs/hub-openapi.yaml) as
// plain types, with their JSON in both directions. Parsing treats the text as
// hostile (json_reader.h) and throws InputError naming the field.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/vocabulary.h"

namespace ridgeline::hub {

inline constexpr const char* kProtocolVersion = "1";
inline constexpr const char* kApiPrefix = "/api/v1";

// Size caps for what either side accepts.
inline constexpr size_t kMaxQueuePageJson = 4u * 1024 * 1024;
inline constexpr size_t kMaxSmallJson = 256u * 1024;  // summaries, receipts, decisions, errors
inline constexpr size_t kMaxPayloadBytes = 64u * 1024 * 1024;
inline constexpr int kMaxPageSize = 500;
inline constexpr size_t kMaxCandidates = 100;
inline constexpr size_t kMaxIdLength = 128;

// Case status on the hub (not the desk's local CaseStatus).
enum class HubCaseStatus { Queued, Leased, Decided };
const char* toCode(HubCaseStatus s);
std::optional<HubCaseStatus> hubCaseStatusFromCode(const std::string& code);

// True for ids safe in a URL path segment and a file name: [A-Za-z0-9._-], 1-128.
bool isValidHubId(const std::string& id);

struct QueueEntry {
  std::string hubId;
  Modality modality = Modality::Fingerprint;
  int priority = 5;  // 1 most urgent .. 9
  HubCaseStatus status = HubCaseStatus::Queued;
  double threshold = 0;
  double bestScore = 0;
  int candidateCount = 0;
  std::string receivedAt;    // ISO 8601 UTC
  std::string leaseHolder;   // empty when not leased
  std::string leaseExpires;  // ISO 8601 UTC, empty when not leased
};

struct QueueFilter {
  std::optional<Modality> modality;
  std::optional<int> priority;
  std::optional<HubCaseStatus> status;
  int limit = 100;
  std::string cursor;  // opaque, from the previous page's nextCursor
};

struct QueuePage {
  std::vector<QueueEntry> items;
  std::string nextCursor;  // empty on the last page
};

struct CandidateSummary {
  int rank = 0;  // 1 = best
  std::string subjectId;
  double score = 0;
  int imageRecord = 0;  // IDC of the candidate's image record in the payload
};

// The JSON summary served beside the ANSI/NIST payload.
struct CaseSummary {
  QueueEntry entry;
  int probeRecord = 0;  // IDC of the probe image record
  std::vector<CandidateSummary> candidates;
  std::string scoreSource;  // who produced the hub scores (e.g. "hub score supplied by demo manifest")
  std::string payloadSha256;
  std::int64_t payloadBytes = 0;
};

struct LeaseGrant {
  std::string hubId;
  std::string holder;
  std::string expires;
};

struct DecisionReceipt {
  std::string receiptId;
  std::string hubId;
  std::string receivedAt;
  bool duplicate = false;  // the hub already had this idempotency key
};

// What the desk submits (the store's outbox payload, validated).
struct DecisionSubmission {
  std::string idempotencyKey;
  std::string hubId;
  int candidateRank = 0;  // 0 = about the search as a whole
  std::string subjectId;
  std::string decision;   // identification | inconclusive | exclusion (or a configured scale's word)
  std::string rationale;
  std::string examiner;
  std::string role;       // examination | verification
  std::string time;
};

struct HubVersion {
  std::string protocol;
  std::string server;
};

std::string toJson(const QueueEntry& e);
std::string toJson(const QueuePage& p);
std::string toJson(const CaseSummary& s);
std::string toJson(const LeaseGrant& g);
std::string toJson(const DecisionReceipt& r);
std::string toJson(const HubVersion& v);
std::string errorJson(const std::string& code, const std::string& message);

QueuePage parseQueuePage(const std::string& json);
CaseSummary parseCaseSummary(const std::string& json);
LeaseGrant parseLeaseGrant(const std::string& json);
DecisionReceipt parseDecisionReceipt(const std::string& json);
DecisionSubmission parseDecisionSubmission(const std::string& json);
HubVersion parseHubVersion(const std::string& json);
// The "message" of an error body, or the raw start of the body when it is not one.
std::string errorMessageFrom(const std::string& body);

}  // namespace ridgeline::hub
