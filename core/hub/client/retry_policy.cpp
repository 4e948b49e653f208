#include "core/hub/client/retry_policy.h"

#include <algorithm>

namespace ridgeline::hub {

Backoff::Backoff(const RetryPolicy& policy) : policy_(policy), random_(std::random_device{}()) {}

std::chrono::milliseconds Backoff::delayAfter(int attempt) {
  const int doublings = std::clamp(attempt - 1, 0, 20);
  const long long ceiling = std::min<long long>(policy_.maxDelay.count(), policy_.baseDelay.count() << doublings);
  std::uniform_int_distribution<long long> pick(0, std::max<long long>(ceiling, 0));
  return std::chrono::milliseconds(pick(random_));
}

}  // namespace ridgeline::hub
