#include "core/hub/protocol/hub_messages.h"

#include <Poco/JSON/Array.h>

#include "core/hub/protocol/json_reader.h"
#include "core/util/errors.h"

namespace ridgeline::hub {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr size_t kMaxTimeLength = 40;

Object::Ptr entryObject(const QueueEntry& e) {
  Object::Ptr o = orderedObject();
  o->set("hubId", e.hubId);
  o->set("modality", std::string(toCode(e.modality)));
  o->set("priority", e.priority);
  o->set("status", std::string(toCode(e.status)));
  o->set("threshold", e.threshold);
  o->set("bestScore", e.bestScore);
  o->set("candidateCount", e.candidateCount);
  o->set("receivedAt", e.receivedAt);
  if (!e.leaseHolder.empty()) {
    o->set("leaseHolder", e.leaseHolder);
    o->set("leaseExpires", e.leaseExpires);
  }
  return o;
}

std::string hubIdField(const JsonReader& r) {
  std::string id = r.string("hubId", kMaxIdLength);
  if (!isValidHubId(id)) throw InputError("field '" + (r.path().empty() ? "" : r.path() + ".") + "hubId' has characters outside A-Z a-z 0-9 . _ -");
  return id;
}

QueueEntry readEntry(const JsonReader& r) {
  QueueEntry e;
  e.hubId = hubIdField(r);
  const std::string modality = r.string("modality", 32);
  auto m = modalityFromCode(modality);
  if (!m) throw InputError("field '" + r.path() + ".modality' is not fingerprint, palm or face: '" + modality + "'");
  e.modality = *m;
  e.priority = static_cast<int>(r.integer("priority", 1, 9));
  const std::string status = r.string("status", 32);
  auto s = hubCaseStatusFromCode(status);
  if (!s) throw InputError("field '" + r.path() + ".status' is not queued, leased or decided: '" + status + "'");
  e.status = *s;
  e.threshold = r.number("threshold");
  e.bestScore = r.number("bestScore");
  e.candidateCount = static_cast<int>(r.integer("candidateCount", 0, kMaxCandidates));
  e.receivedAt = r.string("receivedAt", kMaxTimeLength);
  e.leaseHolder = r.optionalString("leaseHolder", kMaxIdLength).value_or("");
  e.leaseExpires = r.optionalString("leaseExpires", kMaxTimeLength).value_or("");
  return e;
}

}  // namespace

const char* toCode(HubCaseStatus s) {
  switch (s) {
    case HubCaseStatus::Queued: return "queued";
    case HubCaseStatus::Leased: return "leased";
    case HubCaseStatus::Decided: return "decided";
  }
  return "queued";
}

std::optional<HubCaseStatus> hubCaseStatusFromCode(const std::string& code) {
  if (code == "queued") return HubCaseStatus::Queued;
  if (code == "leased") return HubCaseStatus::Leased;
  if (code == "decided") return HubCaseStatus::Decided;
  return std::nullopt;
}

bool isValidHubId(const std::string& id) {
  if (id.empty() || id.size() > kMaxIdLength || id == "." || id == "..") return false;
  for (unsigned char c : id)
    if (!(std::isalnum(c) || c == '.' || c == '_' || c == '-')) return false;
  return true;
}

std::string toJson(const QueueEntry& e) { return toJsonText(*entryObject(e)); }

std::string toJson(const QueuePage& p) {
  Object::Ptr o = orderedObject();
  Array::Ptr items = new Array;
  for (const auto& e : p.items) items->add(entryObject(e));
  o->set("items", items);
  if (p.nextCursor.empty()) o->set("nextCursor", Poco::Dynamic::Var());
  else o->set("nextCursor", p.nextCursor);
  return toJsonText(*o);
}

std::string toJson(const CaseSummary& s) {
  Object::Ptr o = entryObject(s.entry);
  o->set("probeRecord", s.probeRecord);
  Array::Ptr candidates = new Array;
  for (const auto& c : s.candidates) {
    Object::Ptr co = orderedObject();
    co->set("rank", c.rank);
    co->set("subjectId", c.subjectId);
    co->set("score", c.score);
    co->set("imageRecord", c.imageRecord);
    candidates->add(co);
  }
  o->set("candidates", candidates);
  o->set("scoreSource", s.scoreSource);
  Object::Ptr payload = orderedObject();
  payload->set("format", "ANSI/NIST-ITL 1-2011 traditional encoding");
  payload->set("sha256", s.payloadSha256);
  payload->set("bytes", s.payloadBytes);
  o->set("payload", payload);
  return toJsonText(*o);
}

std::string toJson(const LeaseGrant& g) {
  Object::Ptr o = orderedObject();
  o->set("hubId", g.hubId);
  o->set("holder", g.holder);
  o->set("expires", g.expires);
  return toJsonText(*o);
}

std::string toJson(const DecisionReceipt& r) {
  Object::Ptr o = orderedObject();
  o->set("receiptId", r.receiptId);
  o->set("hubId", r.hubId);
  o->set("receivedAt", r.receivedAt);
  o->set("duplicate", r.duplicate);
  return toJsonText(*o);
}

std::string toJson(const HubVersion& v) {
  Object::Ptr o = orderedObject();
  o->set("protocol", v.protocol);
  o->set("server", v.server);
  return toJsonText(*o);
}

std::string errorJson(const std::string& code, const std::string& message) {
  Object::Ptr o = orderedObject();
  o->set("error", code);
  o->set("message", message);
  return toJsonText(*o);
}

QueuePage parseQueuePage(const std::string& json) {
  const JsonReader r = JsonReader::parseObject(json, kMaxQueuePageJson);
  QueuePage page;
  for (const auto& item : r.objects("items", kMaxPageSize)) page.items.push_back(readEntry(item));
  page.nextCursor = r.optionalString("nextCursor", 256).value_or("");
  return page;
}

CaseSummary parseCaseSummary(const std::string& json) {
  const JsonReader r = JsonReader::parseObject(json, kMaxSmallJson);
  CaseSummary s;
  s.entry = readEntry(r);
  s.probeRecord = static_cast<int>(r.integer("probeRecord", 1, 99));
  for (const auto& c : r.objects("candidates", kMaxCandidates)) {
    CandidateSummary cs;
    cs.rank = static_cast<int>(c.integer("rank", 1, kMaxCandidates));
    cs.subjectId = c.string("subjectId", kMaxIdLength);
    cs.score = c.number("score");
    cs.imageRecord = static_cast<int>(c.integer("imageRecord", 1, 99));
    s.candidates.push_back(cs);
  }
  if (static_cast<int>(s.candidates.size()) != s.entry.candidateCount)
    throw InputError("field 'candidates' has " + std::to_string(s.candidates.size()) + " entries but candidateCount says " +
                     std::to_string(s.entry.candidateCount));
  s.scoreSource = r.string("scoreSource", 256);
  const JsonReader payload = r.object("payload");
  s.payloadSha256 = payload.string("sha256", 64);
  if (s.payloadSha256.size() != 64) throw InputError("field 'payload.sha256' is not a SHA-256 in hex");
  s.payloadBytes = payload.integer("bytes", 1, static_cast<std::int64_t>(kMaxPayloadBytes));
  return s;
}

LeaseGrant parseLeaseGrant(const std::string& json) {
  const JsonReader r = JsonReader::parseObject(json, kMaxSmallJson);
  return {hubIdField(r), r.string("holder", kMaxIdLength), r.string("expires", kMaxTimeLength)};
}

DecisionReceipt parseDecisionReceipt(const std::string& json) {
  const JsonReader r = JsonReader::parseObject(json, kMaxSmallJson);
  return {r.string("receiptId", kMaxIdLength), hubIdField(r), r.string("receivedAt", kMaxTimeLength), r.boolean("duplicate")};
}

DecisionSubmission parseDecisionSubmission(const std::string& json) {
  const JsonReader r = JsonReader::parseObject(json, kMaxSmallJson);
  DecisionSubmission d;
  d.idempotencyKey = r.string("idempotencyKey", kMaxIdLength);
  d.hubId = hubIdField(r);
  d.candidateRank = static_cast<int>(r.integer("candidateRank", 0, kMaxCandidates));
  d.subjectId = r.optionalString("subjectId", kMaxIdLength).value_or("");
  d.decision = r.string("decision", 64);
  d.rationale = r.string("rationale", 64 * 1024);
  d.examiner = r.string("examiner", kMaxIdLength);
  d.role = r.string("role", 32);
  d.time = r.string("time", kMaxTimeLength);
  if (d.idempotencyKey.empty()) throw InputError("field 'idempotencyKey' is empty");
  if (d.decision.empty()) throw InputError("field 'decision' is empty");
  if (d.rationale.empty()) throw InputError("field 'rationale' is empty: a decision needs a written rationale");
  if (d.role != "examination" && d.role != "verification")
    throw InputError("field 'role' must be examination or verification, not '" + d.role + "'");
  return d;
}

HubVersion parseHubVersion(const std::string& json) {
  const JsonReader r = JsonReader::parseObject(json, kMaxSmallJson);
  return {r.string("protocol", 16), r.string("server", 256)};
}

std::string errorMessageFrom(const std::string& body) {
  try {
    const JsonReader r = JsonReader::parseObject(body, kMaxSmallJson);
    if (auto m = r.optionalString("message", 2048)) return *m;
  } catch (const InputError&) {
  }
  std::string start = body.substr(0, 200);
  for (char& c : start)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return start.empty() ? "(empty body)" : start;
}

}  // namespace ridgeline::hub
