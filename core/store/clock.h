#pragma once
// Wall-clock time as the store records it: ISO 8601 UTC with milliseconds
// ("2026-11-22T02:36:16.123Z"), which sorts as text, and Unix milliseconds
// for arithmetic (retention grace periods).
#include <chrono>
#include <cstdint>
#include <string>

namespace ridgeline::store {

using Clock = std::chrono::system_clock;

std::string toIso8601(Clock::time_point t);
std::int64_t toUnixMs(Clock::time_point t);
inline std::string nowIso8601() { return toIso8601(Clock::now()); }

}  // namespace ridgeline::store
