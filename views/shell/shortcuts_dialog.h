#pragma once
// F1: every action that has a keyboard shortcut, read from the window's
// actions themselves so the list can never drift from the real bindings.
#include <QDialog>

class QMainWindow;

namespace ridgeline::views {

class ShortcutsDialog : public QDialog {
  Q_OBJECT
 public:
  explicit ShortcutsDialog(QMainWindow* window);
  int rowCount() const { return rows_; }

 private:
  int rows_ = 0;
};

}  // namespace ridgeline::views
