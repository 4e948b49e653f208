#pragma once
// What the central workspace shows when no case is open: where the work is
// and how to start, never a blank grey area.
#include <QWidget>

class QLabel;

namespace ridgeline::views {

class WelcomePage : public QWidget {
  Q_OBJECT
 public:
  explicit WelcomePage(QWidget* parent = nullptr);
  void setQueueSummary(int waiting, int leasedByMe);

 private:
  QLabel* summary_;
};

}  // namespace ridgeline::views
