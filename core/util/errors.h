#pragma once
// The error vocabulary shared by core, CLI and GUI. The kind decides the
// CLI exit code (DESIGN.md section 8) and how the GUI words the message.
#include <stdexcept>
#include <string>

namespace ridgeline {

enum class ErrorKind {
  Input,     // the input or the request is wrong: exit 1
  Usage,     // the command line is wrong: exit 2
  Remote,    // hub down, TLS refused, network, environment: exit 3
  Cancelled  // the user stopped long work; not a failure of the input
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const noexcept { return kind_; }

 private:
  ErrorKind kind_;
};

struct InputError : Error {
  explicit InputError(const std::string& m) : Error(ErrorKind::Input, m) {}
};
struct UsageError : Error {
  explicit UsageError(const std::string& m) : Error(ErrorKind::Usage, m) {}
};
struct RemoteError : Error {
  explicit RemoteError(const std::string& m) : Error(ErrorKind::Remote, m) {}
};
struct CancelledError : Error {
  CancelledError() : Error(ErrorKind::Cancelled, "cancelled by the user") {}
};

// Exit code for the CLI: 0 success, 1 input, 2 usage, 3 remote/environment.
int exitCodeFor(ErrorKind kind) noexcept;

}  // namespace ridgeline
