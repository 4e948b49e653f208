#pragma once
// core's Progress for work running off the UI thread: reports arrive in the
// UI thread as a queued signal, Cancel sets a flag the worker polls.
#include <QObject>
#include <QString>
#include <atomic>

#include "core/util/progress.h"

namespace ridgeline::views {

class QtProgress : public QObject, public Progress {
  Q_OBJECT
 public:
  using QObject::QObject;
  void report(double fraction, std::string_view step) override {
    emit progressed(fraction, QString::fromUtf8(step.data(), static_cast<qsizetype>(step.size())));
  }
  bool cancelRequested() const override { return cancelled_.load(); }

 public slots:
  void cancel() { cancelled_.store(true); }

 signals:
  void progressed(double fraction, const QString& step);

 private:
  std::atomic<bool> cancelled_{false};
};

}  // namespace ridgeline::views
