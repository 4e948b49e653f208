#pragma once
// The reference hub's request log: one line per request (time, client
// address, role, method, path, status, duration, bytes sent) appended to
// STATE/requests.log. Tokens and bodies are never written.
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>

namespace ridgeline::hub {

struct RequestLogLine {
  std::string remote;
  std::string role;  // "-" when unauthenticated
  std::string method;
  std::string path;  // without the query string
  int status = 0;
  double milliseconds = 0;
  long long bytes = 0;
};

class RequestLog {
 public:
  explicit RequestLog(const std::filesystem::path& file);
  void append(const RequestLogLine& line);
  long long count() const;

 private:
  mutable std::mutex mutex_;
  std::ofstream out_;
  long long count_ = 0;
};

}  // namespace ridgeline::hub
