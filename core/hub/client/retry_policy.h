#pragma once
// When and how long the client waits before trying a request again:
// exponential backoff with full jitter (a random wait up to base * 2^n, capped),
// so many desks reconnecting after an outage do not hit the hub in lockstep.
// The hub's Retry-After (429, 503) is honoured up to a cap.
#include <chrono>
#include <random>

namespace ridgeline::hub {

struct RetryPolicy {
  int maxAttempts = 4;  // 1 = never retry
  std::chrono::milliseconds baseDelay{250};
  std::chrono::milliseconds maxDelay{8000};
  std::chrono::milliseconds maxRetryAfter{60000};  // a longer Retry-After fails the request instead
};

class Backoff {
 public:
  explicit Backoff(const RetryPolicy& policy);
  // The wait before attempt number `attempt` + 1 (attempt counts from 1).
  std::chrono::milliseconds delayAfter(int attempt);

 private:
  RetryPolicy policy_;
  std::mt19937_64 random_;
};

}  // namespace ridgeline::hub
