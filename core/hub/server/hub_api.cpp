#include "core/hub/server/hub_api.h"

#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>

#include <chrono>
#include <istream>

#include "core/hub/protocol/json_reader.h"
#include "core/store/clock.h"
#include "core/util/errors.h"
#include "core/util/library_versions.h"

namespace ridgeline::hub {
namespace {

using Poco::Net::HTTPRequest;

// Thrown inside a route to answer with an error status.
struct HttpError {
  int status;
  std::string code;
  std::string message;
};

std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t slash = path.find('/', start);
    const std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (!part.empty()) parts.push_back(part);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return parts;
}

std::string readBody(std::istream& in, size_t cap) {
  std::string body;
  char buffer[8192];
  while (in) {
    in.read(buffer, sizeof buffer);
    body.append(buffer, static_cast<size_t>(in.gcount()));
    if (body.size() > cap) throw HttpError{413, "body_too_large", "request body over " + std::to_string(cap) + " bytes"};
  }
  return body;
}

int intParameter(const std::string& name, const std::string& value, int min, int max) {
  if (value.empty() || value.size() > 6 || value.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(value) < min || std::stoi(value) > max)
    throw HttpError{400, "bad_parameter", name + " must be an integer from " + std::to_string(min) + " to " + std::to_string(max)};
  return std::stoi(value);
}

void requireHubId(const std::string& id) {
  if (!isValidHubId(id)) throw HttpError{400, "bad_case_id", "case ids use A-Z a-z 0-9 . _ - (1-128 characters)"};
}

}  // namespace

struct HubApi::Call {
  Poco::Net::HTTPServerRequest& request;
  std::string method;
  std::vector<std::string> path;                              // segments after /api/v1
  std::vector<std::pair<std::string, std::string>> query;
  std::string role = "-";
  std::string remote;

  void requireRole(std::initializer_list<const char*> allowed) const {
    for (const char* r : allowed)
      if (role == r) return;
    throw HttpError{403, "forbidden", "the " + role + " token may not " + method + " this resource"};
  }
  std::optional<std::string> parameter(const std::string& name) const {
    for (const auto& [k, v] : query)
      if (k == name) return v;
    return std::nullopt;
  }
};

void HubApi::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  const auto started = std::chrono::steady_clock::now();
  Reply reply;
  std::string pathOnly = request.getURI().substr(0, request.getURI().find('?'));
  Call call{request, request.getMethod(), {}, {}, "-", request.clientAddress().toString()};
  try {
    Poco::URI uri(request.getURI());
    pathOnly = uri.getPath();
    call.query = uri.getQueryParameters();
    auto parts = splitPath(pathOnly);
    if (parts.size() < 2 || parts[0] != "api" || parts[1] != "v1")
      throw HttpError{404, "not_found", "no such resource; protocol v1 lives under /api/v1"};
    call.path.assign(parts.begin() + 2, parts.end());
    reply = route(call);
  } catch (const HttpError& e) {
    reply = {e.status, "application/json", errorJson(e.code, e.message), {}};
  } catch (const InputError& e) {
    reply = {400, "application/json", errorJson("bad_request", e.what()), {}};
  } catch (const std::exception& e) {
    reply = {500, "application/json", errorJson("internal", std::string("the hub failed: ") + e.what()), {}};
  }
  if (reply.status == 401) reply.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"ridgeline-hub\"");
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  response.setContentType(reply.contentType);
  response.setContentLength(static_cast<std::streamsize>(reply.body.size()));
  for (const auto& [k, v] : reply.headers) response.set(k, v);
  try {
    response.send().write(reply.body.data(), static_cast<std::streamsize>(reply.body.size()));
  } catch (const std::exception&) {
    // The client went away mid-answer; it will retry. Nothing to undo here.
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  log_.append({call.remote, call.role, call.method, pathOnly, reply.status, ms, static_cast<long long>(reply.body.size())});
}

HubApi::Reply HubApi::route(Call& call) {
  const auto& p = call.path;
  const bool get = call.method == HTTPRequest::HTTP_GET;
  if (p.size() == 1 && p[0] == "health" && get)
    return {200, "application/json", "{\"status\":\"ok\",\"time\":\"" + store::nowIso8601() + "\"}", {}};
  if (p.size() == 1 && p[0] == "version" && get)
    return {200, "application/json", toJson(HubVersion{kProtocolVersion, "ridgeline-hub " + ridgelineVersion()}), {}};

  // Everything else needs a bearer token.
  const std::string auth = call.request.get("Authorization", "");
  if (auth.rfind("Bearer ", 0) != 0) throw HttpError{401, "unauthorized", "send Authorization: Bearer <token>"};
  const auto role = tokens_.roleOf(auth.substr(7));
  if (!role) throw HttpError{401, "unauthorized", "the bearer token is not valid for this hub"};
  call.role = *role;

  if (p.size() == 1 && p[0] == "queue" && get) return queue(call);
  if (p.size() == 1 && p[0] == "decisions" && call.method == HTTPRequest::HTTP_POST) return decision(call);
  if (p.size() >= 2 && p[0] == "cases") {
    requireHubId(p[1]);
    if (p.size() == 2 && get) return caseSummary(call, p[1]);
    if (p.size() == 3 && p[2] == "payload" && get) return casePayload(call, p[1]);
    if (p.size() == 3 && p[2] == "lease" && call.method == HTTPRequest::HTTP_POST) return lease(call, p[1]);
    if (p.size() == 3 && p[2] == "lease" && call.method == HTTPRequest::HTTP_DELETE) return release(call, p[1]);
  }
  throw HttpError{404, "not_found", "no route for " + call.method + " /api/v1/" + (p.empty() ? "" : p[0])};
}

HubApi::Reply HubApi::queue(Call& call) {
  QueueFilter f;
  if (auto m = call.parameter("modality")) {
    f.modality = modalityFromCode(*m);
    if (!f.modality) throw HttpError{400, "bad_parameter", "modality must be fingerprint, palm or face"};
  }
  if (auto pr = call.parameter("priority")) f.priority = intParameter("priority", *pr, 1, 9);
  if (auto s = call.parameter("status")) {
    f.status = hubCaseStatusFromCode(*s);
    if (!f.status) throw HttpError{400, "bad_parameter", "status must be queued, leased or decided"};
  }
  if (auto l = call.parameter("limit")) f.limit = intParameter("limit", *l, 1, kMaxPageSize);
  if (auto c = call.parameter("cursor")) f.cursor = *c;
  return {200, "application/json", toJson(db_.listQueue(f, store::nowIso8601())), {}};
}

HubApi::Reply HubApi::caseSummary(Call&, const std::string& hubId) {
  auto s = db_.summary(hubId, store::nowIso8601());
  if (!s) throw HttpError{404, "no_such_case", "the hub has no case " + hubId};
  return {200, "application/json", toJson(*s), {}};
}

HubApi::Reply HubApi::casePayload(Call&, const std::string& hubId) {
  auto bytes = db_.payload(hubId);
  if (!bytes) throw HttpError{404, "no_such_case", "the hub has no case " + hubId};
  Reply r{200, "application/octet-stream", std::string(bytes->begin(), bytes->end()), {}};
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + hubId + ".an2\"");
  return r;
}

HubApi::Reply HubApi::lease(Call& call, const std::string& hubId) {
  call.requireRole({"examiner", "verifier"});
  const JsonReader body = JsonReader::parseObject(readBody(call.request.stream(), kMaxSmallJson), kMaxSmallJson);
  const std::string examiner = body.string("examiner", kMaxIdLength);
  if (examiner.empty()) throw HttpError{400, "bad_request", "field 'examiner' is empty"};
  const int seconds = body.has("seconds") ? static_cast<int>(body.integer("seconds", 60, 7 * 24 * 3600)) : 4 * 3600;
  const LeaseOutcome o = db_.lease(hubId, examiner, seconds, store::nowIso8601());
  switch (o.kind) {
    case LeaseOutcome::Kind::Granted: return {200, "application/json", toJson(o.grant), {}};
    case LeaseOutcome::Kind::Conflict:
      return {409, "application/json",
              errorJson("lease_conflict", "case " + hubId + " is leased by " + o.grant.holder + " until " + o.grant.expires), {}};
    case LeaseOutcome::Kind::Decided:
      return {409, "application/json", errorJson("decided", "case " + hubId + " has already been decided"), {}};
    case LeaseOutcome::Kind::NotFound: break;
  }
  throw HttpError{404, "no_such_case", "the hub has no case " + hubId};
}

HubApi::Reply HubApi::release(Call& call, const std::string& hubId) {
  call.requireRole({"examiner", "verifier", "supervisor"});
  const auto examiner = call.parameter("examiner");
  if (!examiner || examiner->empty()) throw HttpError{400, "bad_parameter", "say whose lease to release: ?examiner=NAME"};
  const LeaseOutcome o = db_.release(hubId, *examiner, store::nowIso8601());
  if (o.kind == LeaseOutcome::Kind::NotFound) throw HttpError{404, "no_such_case", "the hub has no case " + hubId};
  if (o.kind == LeaseOutcome::Kind::Conflict)
    return {409, "application/json", errorJson("lease_conflict", "case " + hubId + " is leased by " + o.grant.holder), {}};
  return {204, "application/json", "", {}};
}

HubApi::Reply HubApi::decision(Call& call) {
  call.requireRole({"examiner", "verifier"});
  const std::string key = call.request.get("Idempotency-Key", "");
  const std::string body = readBody(call.request.stream(), kMaxSmallJson);
  const DecisionSubmission d = parseDecisionSubmission(body);
  if (key.empty() || key != d.idempotencyKey)
    throw HttpError{400, "bad_idempotency_key", "the Idempotency-Key header must be present and equal the body's idempotencyKey"};
  if (d.role == "verification" && call.role != "verifier" && call.role != "examiner")
    throw HttpError{403, "forbidden", "verification decisions need an examiner or verifier token"};
  const DecisionOutcome o = db_.recordDecision(d, body, {call.role, call.remote}, store::nowIso8601());
  switch (o.kind) {
    case DecisionOutcome::Kind::Recorded: return {201, "application/json", toJson(o.receipt), {}};
    case DecisionOutcome::Kind::Duplicate: return {200, "application/json", toJson(o.receipt), {}};
    case DecisionOutcome::Kind::KeyReused: return {422, "application/json", errorJson("idempotency_key_reused", o.detail), {}};
    case DecisionOutcome::Kind::LeaseConflict: return {409, "application/json", errorJson("lease_conflict", o.detail), {}};
    case DecisionOutcome::Kind::NotFound: break;
  }
  throw HttpError{404, "no_such_case", o.detail};
}

}  // namespace ridgeline::hub
