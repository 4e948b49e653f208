#include "views/shell/hub_status_indicator.h"

#include <QHBoxLayout>
#include <QLabel>

namespace ridgeline::views {

HubStatusIndicator::HubStatusIndicator(QWidget* parent)
    : QWidget(parent), dot_(new QLabel(this)), label_(new QLabel(this)) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 0, 6, 0);
  layout->setSpacing(6);
  layout->addWidget(dot_);
  layout->addWidget(label_);
  refresh();
}

void HubStatusIndicator::setConnection(HubConnection state, const QString& hubName) {
  state_ = state;
  if (!hubName.isEmpty()) hubName_ = hubName;
  refresh();
}

void HubStatusIndicator::setOutboxCount(int waiting) {
  waiting_ = waiting;
  refresh();
}

QString HubStatusIndicator::text() const { return label_->text(); }

void HubStatusIndicator::refresh() {
  QString state, colour;
  switch (state_) {
    case HubConnection::NotConfigured: state = tr("No hub configured"); colour = "#8a9098"; break;
    case HubConnection::Connecting: state = tr("Connecting to %1…").arg(hubName_); colour = "#d9a21b"; break;
    case HubConnection::Online: state = tr("Hub online: %1").arg(hubName_); colour = "#2e9d5b"; break;
    case HubConnection::Offline: state = tr("Offline: working on cached cases"); colour = "#c0504d"; break;
  }
  if (waiting_ == 1) state += tr(" · 1 decision waiting to send");
  if (waiting_ > 1) state += tr(" · %1 decisions waiting to send").arg(waiting_);
  label_->setText(state);
  dot_->setText(QStringLiteral("●"));
  dot_->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
  setToolTip(state);
}

}  // namespace ridgeline::views
