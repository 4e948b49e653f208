#include "core/hub/client/hub_client.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/X509Certificate.h>
#include <Poco/URI.h>

#include <istream>
#include <thread>

#include "core/hub/client/client_tls.h"
#include "core/hub/protocol/json_reader.h"
#include "core/util/sha256.h"

namespace ridgeline::hub {
namespace {

// A failure worth another attempt (timeout, dropped connection, 5xx).
struct Transient {
  std::string message;
};

std::string seconds(std::chrono::milliseconds ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(ms.count()) / 1000.0);
  return text;
}

std::string encode(const std::string& text) {
  std::string out;
  Poco::URI::encode(text, "&=?/#+", out);
  return out;
}

std::string queueQuery(const QueueFilter& f) {
  std::string q = "?limit=" + std::to_string(f.limit);
  if (f.modality) q += "&modality=" + std::string(toCode(*f.modality));
  if (f.priority) q += "&priority=" + std::to_string(*f.priority);
  if (f.status) q += std::string("&status=") + toCode(*f.status);
  if (!f.cursor.empty()) q += "&cursor=" + encode(f.cursor);
  return q;
}

}  // namespace

// One TLS connection per request. Poco's session reconnects on its own when
// a keep-alive connection looks stale, which would skip the pin and host
// checks made below before the token is sent; a fresh session per request
// keeps every handshake checked (an ECDSA handshake on a LAN costs ~1 ms).
struct HubClient::Session : Poco::Net::HTTPSClientSession {
  Session(const HubAddress& a, Poco::Net::Context::Ptr context)
      : HTTPSClientSession(a.host, static_cast<Poco::UInt16>(a.port), context) {}
  void open() { reconnect(); }
};

HubClient::HubClient(HubClientConfig config, Progress* progress)
    : config_(std::move(config)), address_(parseHubUrl(config_.url)), progress_(progress) {
  if (config_.token.empty()) throw UsageError("a bearer token is needed to talk to the hub (--token-file)");
  makeClientContext(config_);  // fail early on a bad CA file or pin
}

HubClient::~HubClient() = default;

void HubClient::wait(std::chrono::milliseconds delay) {
  const auto until = std::chrono::steady_clock::now() + delay;
  while (std::chrono::steady_clock::now() < until) {
    if (progress_) progress_->checkCancelled();
    std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(std::chrono::milliseconds(50), delay));
  }
}

HubClient::Response HubClient::attempt(const Request& r) {
  ++attempts_;
  const std::string target = r.method + " " + kApiPrefix + r.path.substr(0, r.path.find('?'));
  try {
    Session session(address_, makeClientContext(config_));
    session.setTimeout(Poco::Timespan(std::chrono::microseconds(config_.connectTimeout).count()),
                       Poco::Timespan(std::chrono::microseconds(config_.readTimeout).count()),
                       Poco::Timespan(std::chrono::microseconds(config_.readTimeout).count()));
    session.setKeepAlive(true);  // with a long timeout: sendRequest must not reconnect unchecked
    session.setKeepAliveTimeout(Poco::Timespan(3600, 0));
    clearLastVerificationError();
    session.open();
    Poco::Net::X509Certificate peer = session.serverCertificate();
    checkPeerCertificate(peer.certificate(), config_, address_.host);

    Poco::Net::HTTPRequest request(r.method, std::string(kApiPrefix) + r.path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setHost(address_.host, static_cast<Poco::UInt16>(address_.port));
    request.set("Accept", "application/json");
    request.set("User-Agent", "ridgeline-desk/1");
    if (r.authenticate) request.set("Authorization", "Bearer " + config_.token);
    for (const auto& [k, v] : r.headers) request.set(k, v);
    if (!r.body.empty() || r.method == Poco::Net::HTTPRequest::HTTP_POST) {
      request.setContentType(r.contentType.empty() ? "application/json" : r.contentType);
      request.setContentLength(static_cast<std::streamsize>(r.body.size()));
    }
    session.sendRequest(request).write(r.body.data(), static_cast<std::streamsize>(r.body.size()));

    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    const bool sized = response.hasContentLength();
    if (sized && static_cast<std::uint64_t>(response.getContentLength64()) > r.maxResponseBytes)
      throw RemoteError("the hub's answer to " + target + " is " + std::to_string(response.getContentLength64()) +
                        " bytes, over the limit of " + std::to_string(r.maxResponseBytes) + "; the hub is misbehaving");
    Response out{static_cast<int>(response.getStatus()), {}, response.get("Retry-After", "")};
    char buffer[16384];
    while (in) {
      in.read(buffer, sizeof buffer);
      out.body.append(buffer, static_cast<size_t>(in.gcount()));
      if (out.body.size() > r.maxResponseBytes)
        throw RemoteError("the hub's answer to " + target + " is over the limit of " + std::to_string(r.maxResponseBytes) + " bytes");
    }
    if (sized && out.body.size() != static_cast<size_t>(response.getContentLength64()))
      throw Transient{"the hub's answer to " + target + " was cut short after " + std::to_string(out.body.size()) + " of " +
                      std::to_string(response.getContentLength64()) + " bytes"};
    return out;
  } catch (const Poco::TimeoutException&) {
    throw Transient{"the hub did not answer " + target + " within " + seconds(config_.readTimeout)};
  } catch (const Poco::Net::ConnectionRefusedException&) {
    throw Transient{"the hub at " + config_.url + " refused the connection (is it running, and is the port right?)"};
  } catch (const Poco::Net::CertificateValidationException& e) {
    throw RemoteError(describeTlsFailure(config_, address_.host, lastVerificationError(), e.displayText()));
  } catch (const Poco::Net::SSLException& e) {
    if (lastVerificationError()) throw RemoteError(describeTlsFailure(config_, address_.host, lastVerificationError(), e.displayText()));
    // Without a certificate verdict this is usually the link dropping mid-handshake: worth another try.
    throw Transient{describeTlsFailure(config_, address_.host, std::nullopt, e.displayText())};
  } catch (const Poco::Net::HostNotFoundException& e) {
    throw Transient{"the hub's host " + address_.host + " is not known (" + e.displayText() + "); check --hub and the network"};
  } catch (const Poco::Exception& e) {
    throw Transient{"the connection to the hub failed during " + target + " (" + e.displayText() + ")"};
  }
}

namespace {
// Seconds of a Retry-After header; nullopt for an HTTP date or garbage.
std::optional<std::chrono::milliseconds> retryAfter(const std::string& value) {
  if (value.empty() || value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::chrono::milliseconds(std::stoll(value) * 1000);
}
}  // namespace

HubClient::Response HubClient::exchange(const Request& r) {
  Backoff backoff(config_.retry);
  std::string lastProblem;
  const int attempts = std::max(1, config_.retry.maxAttempts);
  for (int n = 1; n <= attempts; ++n) {
    if (progress_) progress_->checkCancelled();
    try {
      Response response = attempt(r);
      const bool busy = response.status == 429 || response.status == 503;
      if (!busy && response.status < 500) return response;
      lastProblem = "the hub answered " + std::to_string(response.status) + " (" + errorMessageFrom(response.body) + ")";
      if (n == attempts) break;
      std::chrono::milliseconds delay = backoff.delayAfter(n);
      if (auto asked = retryAfter(response.retryAfter); busy && asked) {
        if (*asked > config_.retry.maxRetryAfter)
          throw RemoteError("the hub is busy and asks to wait " + seconds(*asked) +
                            " (Retry-After). Sync again later; decisions wait in the outbox.");
        delay = *asked;
      }
      wait(delay);
    } catch (const Transient& t) {
      lastProblem = t.message;
      if (n == attempts) break;
      wait(backoff.delayAfter(n));
    }
  }
  throw RemoteError(lastProblem + " — gave up after " + std::to_string(attempts) + " attempt" + (attempts == 1 ? "" : "s") +
                    ". Work continues offline; decisions wait in the outbox for the next sync.");
}

void HubClient::refuse(const Request& r, const Response& response) const {
  const std::string what = r.method + " " + kApiPrefix + r.path.substr(0, r.path.find('?'));
  const std::string message = errorMessageFrom(response.body);
  switch (response.status) {
    case 401:
      throw HubRefusedError(401, "the hub refused the bearer token (401: " + message +
                                     "). Check --token-file: it must hold this hub's token for your role.");
    case 403:
      throw HubRefusedError(403, "the hub does not allow this for your role (403: " + message + ").");
    case 404:
      throw HubRefusedError(404, "the hub does not know " + what + " (404: " + message + "). Is --hub a protocol v1 hub?");
    case 409:
      throw HubRefusedError(409, "the hub refused: " + message + " (409).");
    default:
      throw HubRefusedError(response.status, "the hub refused " + what + " (" + std::to_string(response.status) + ": " + message + ").");
  }
}

template <typename T, typename Parse>
T HubClient::parsed(const Request& r, const std::string& body, Parse parse) const {
  try {
    return parse(body);
  } catch (const InputError& e) {
    throw RemoteError("the hub's answer to " + r.method + " " + kApiPrefix + r.path.substr(0, r.path.find('?')) +
                      " is malformed: " + e.what() + ". The hub is not speaking protocol v1 correctly; report it to its operator.");
  }
}

std::string HubClient::expectJson(const Request& r, std::initializer_list<int> okStatuses) {
  Response response = exchange(r);
  for (int ok : okStatuses)
    if (response.status == ok) return response.body;
  refuse(r, response);
}

HubVersion HubClient::version() {
  Request r{"GET", "/version", "", "", {}, kMaxSmallJson, false};
  return parsed<HubVersion>(r, expectJson(r, {200}), parseHubVersion);
}

QueuePage HubClient::queue(const QueueFilter& filter) {
  Request r{"GET", "/queue" + queueQuery(filter), "", "", {}, kMaxQueuePageJson, true};
  return parsed<QueuePage>(r, expectJson(r, {200}), parseQueuePage);
}

CaseSummary HubClient::caseSummary(const std::string& hubId) {
  if (!isValidHubId(hubId)) throw InputError("'" + hubId.substr(0, 64) + "' is not a hub case id");
  Request r{"GET", "/cases/" + hubId, "", "", {}, kMaxSmallJson, true};
  CaseSummary s = parsed<CaseSummary>(r, expectJson(r, {200}), parseCaseSummary);
  if (s.entry.hubId != hubId)
    throw RemoteError("the hub answered the summary of " + hubId + " with case " + s.entry.hubId + "; report it to its operator");
  return s;
}

std::vector<std::uint8_t> HubClient::payload(const CaseSummary& summary) {
  Request r{"GET", "/cases/" + summary.entry.hubId + "/payload", "", "", {}, kMaxPayloadBytes, true};
  r.headers.emplace_back("Accept", "application/octet-stream");
  Response response = exchange(r);
  if (response.status != 200) refuse(r, response);
  if (static_cast<std::int64_t>(response.body.size()) != summary.payloadBytes)
    throw RemoteError("the payload of case " + summary.entry.hubId + " is " + std::to_string(response.body.size()) +
                      " bytes, its summary says " + std::to_string(summary.payloadBytes) +
                      " (truncated or altered). Nothing was stored; sync again, and report it if it repeats.");
  if (sha256Hex(response.body) != summary.payloadSha256)
    throw RemoteError("the payload of case " + summary.entry.hubId +
                      " does not match the SHA-256 in its summary (altered in transit or on the hub). Nothing was stored; report it.");
  return {response.body.begin(), response.body.end()};
}

LeaseGrant HubClient::lease(const std::string& hubId, const std::string& examiner, int leaseSeconds) {
  Poco::JSON::Object::Ptr body = orderedObject();
  body->set("examiner", examiner);
  body->set("seconds", leaseSeconds);
  Request r{"POST", "/cases/" + hubId + "/lease", toJsonText(*body), "application/json", {}, kMaxSmallJson, true};
  LeaseGrant g = parsed<LeaseGrant>(r, expectJson(r, {200}), parseLeaseGrant);
  if (g.hubId != hubId || g.holder != examiner)
    throw RemoteError("the hub's lease answer for " + hubId + " names case " + g.hubId + " held by " + g.holder + "; report it");
  return g;
}

void HubClient::release(const std::string& hubId, const std::string& examiner) {
  Request r{"DELETE", "/cases/" + hubId + "/lease?examiner=" + encode(examiner), "", "", {}, kMaxSmallJson, true};
  Response response = exchange(r);
  if (response.status != 204 && response.status != 200) refuse(r, response);
}

DecisionReceipt HubClient::submitDecision(const std::string& idempotencyKey, const std::string& bodyJson) {
  Request r{"POST", "/decisions", bodyJson, "application/json", {{"Idempotency-Key", idempotencyKey}}, kMaxSmallJson, true};
  return parsed<DecisionReceipt>(r, expectJson(r, {200, 201}), parseDecisionReceipt);
}

}  // namespace ridgeline::hub
