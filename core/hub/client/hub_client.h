#pragma once
// The desk's HTTPS client for hub protocol v1. Every request goes over a
// VERIFY_STRICT TLS connection whose certificate, host name and optional pin
// are checked before the token leaves the machine. Timeouts, 5xx answers and
// dropped connections are retried with backoff and jitter; 429/503 wait for
// Retry-After; other 4xx are never retried. Every failure is a RemoteError
// that says what to do; malformed answers name the field.
//
// A HubClient keeps one keep-alive connection and is used by one thread at a
// time (make one per thread).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/hub/client/hub_client_config.h"
#include "core/hub/protocol/hub_messages.h"
#include "core/util/errors.h"
#include "core/util/progress.h"

namespace ridgeline::hub {

// The hub answered, with a status that is not success (after any retries).
class HubRefusedError : public RemoteError {
 public:
  HubRefusedError(int status, const std::string& message) : RemoteError(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

class HubClient {
 public:
  // progress: checked for cancellation between attempts and during waits.
  explicit HubClient(HubClientConfig config, Progress* progress = nullptr);
  ~HubClient();
  HubClient(const HubClient&) = delete;
  HubClient& operator=(const HubClient&) = delete;

  HubVersion version();
  QueuePage queue(const QueueFilter& filter);
  CaseSummary caseSummary(const std::string& hubId);
  // The ANSI/NIST bytes, checked against the summary's size and SHA-256.
  std::vector<std::uint8_t> payload(const CaseSummary& summary);
  // Throws HubRefusedError 409 when another examiner holds the case.
  LeaseGrant lease(const std::string& hubId, const std::string& examiner, int seconds);
  void release(const std::string& hubId, const std::string& examiner);
  // bodyJson is the outbox payload; its idempotencyKey goes in the header too.
  DecisionReceipt submitDecision(const std::string& idempotencyKey, const std::string& bodyJson);

  const HubClientConfig& config() const { return config_; }
  int attemptsMade() const { return attempts_; }  // requests sent, retries included

 private:
  struct Response {
    int status = 0;
    std::string body;
    std::string retryAfter;
  };
  struct Request {
    std::string method;
    std::string path;  // below /api/v1
    std::string body;
    std::string contentType;
    std::vector<std::pair<std::string, std::string>> headers;
    size_t maxResponseBytes = kMaxSmallJson;
    bool authenticate = true;
  };
  struct Session;

  Response exchange(const Request& request);
  Response attempt(const Request& request);
  std::string expectJson(const Request& request, std::initializer_list<int> okStatuses);
  [[noreturn]] void refuse(const Request& request, const Response& response) const;
  void wait(std::chrono::milliseconds delay);
  template <typename T, typename Parse>
  T parsed(const Request& request, const std::string& body, Parse parse) const;

  HubClientConfig config_;
  HubAddress address_;
  Progress* progress_;
  std::unique_ptr<Session> session_;
  int attempts_ = 0;
};

}  // namespace ridgeline::hub
