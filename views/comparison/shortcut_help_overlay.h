#pragma once
// "?" over the workspace: the shortcuts of the frequent actions, read from
// the actions themselves. Click or press Esc/? to close.
#include <QWidget>

class QAction;

namespace ridgeline::views {

class ShortcutHelpOverlay : public QWidget {
  Q_OBJECT
 public:
  ShortcutHelpOverlay(const QList<QAction*>& actions, QWidget* parent);
  int entryCount() const { return static_cast<int>(entries_.size()); }

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;

 private:
  QList<QPair<QString, QString>> entries_;
};

}  // namespace ridgeline::views
