#pragma once
// Long work (extraction, matching, sync, export) reports through this small
// interface so views/ can show a progress bar and a Cancel button without
// core/ knowing anything about Qt.
#include <atomic>
#include <string_view>

#include "core/util/errors.h"

namespace ridgeline {

class Progress {
 public:
  virtual ~Progress() = default;
  // fraction in [0, 1]; step names what is being done, in the user's words.
  virtual void report(double fraction, std::string_view step) = 0;
  virtual bool cancelRequested() const = 0;

  // Long loops call this between units of work.
  void checkCancelled() const {
    if (cancelRequested()) throw CancelledError();
  }
};

// For callers that do not watch: never cancels, ignores reports.
class NoProgress final : public Progress {
 public:
  void report(double, std::string_view) override {}
  bool cancelRequested() const override { return false; }
};

// A cancel flag another thread can set (the GUI's Cancel button, a signal).
class CancellableProgress : public Progress {
 public:
  void report(double, std::string_view) override {}
  void cancel() { cancelled_.store(true); }
  bool cancelRequested() const override { return cancelled_.load(); }

 private:
  std::atomic<bool> cancelled_{false};
};

}  // namespace ridgeline
