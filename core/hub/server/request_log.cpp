#include "core/hub/server/request_log.h"

#include <cstdio>

#include "core/store/clock.h"
#include "core/util/errors.h"

namespace ridgeline::hub {

RequestLog::RequestLog(const std::filesystem::path& file) : out_(file, std::ios::app) {
  if (!out_) throw RemoteError("cannot open the request log " + file.string());
}

void RequestLog::append(const RequestLogLine& l) {
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.1fms", l.milliseconds);
  const std::string text = store::nowIso8601() + " " + l.remote + " " + l.role + " " + l.method + " " + l.path + " " +
                           std::to_string(l.status) + " " + duration + " " + std::to_string(l.bytes) + "B\n";
  std::lock_guard lock(mutex_);
  out_ << text;
  out_.flush();  // a killed hub keeps its log up to the last request
  ++count_;
}

long long RequestLog::count() const {
  std::lock_guard lock(mutex_);
  return count_;
}

}  // namespace ridgeline::hub
