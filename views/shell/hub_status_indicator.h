#pragma once
// Status-bar widget: is the hub reachable, and how many decisions wait in
// the outbox. Offline is not an error: the examiner keeps working.
#include <QWidget>

class QLabel;

namespace ridgeline::views {

enum class HubConnection { NotConfigured, Connecting, Online, Offline };

class HubStatusIndicator : public QWidget {
  Q_OBJECT
 public:
  explicit HubStatusIndicator(QWidget* parent = nullptr);

  void setConnection(HubConnection state, const QString& hubName = {});
  void setOutboxCount(int waiting);
  HubConnection connection() const { return state_; }
  QString text() const;  // what the user reads, for tests and accessibility

 private:
  void refresh();

  QLabel* dot_;
  QLabel* label_;
  HubConnection state_ = HubConnection::NotConfigured;
  QString hubName_;
  int waiting_ = 0;
};

}  // namespace ridgeline::views
