#pragma once
// The review queue: a sortable, filterable table of the cases the hub sent
// for human review, with a Sync button. Opening a case emits caseActivated.
#include <QDockWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedLayout;
class QTableView;

namespace ridgeline::views {

class QueueTableModel;

class QueueDock : public QDockWidget {
  Q_OBJECT
 public:
  explicit QueueDock(QWidget* parent = nullptr);

  QueueTableModel* model() const { return model_; }
  QTableView* table() const { return table_; }
  QPushButton* syncButton() const { return sync_; }
  // Shown instead of the table when the queue is empty (says why / what to do).
  void setEmptyMessage(const QString& message);

 signals:
  void caseActivated(qint64 caseId);
  void syncRequested();

 private:
  void applyFilters();
  void updateEmptyState();

  QueueTableModel* model_;
  QSortFilterProxyModel* proxy_;
  QTableView* table_;
  QLineEdit* search_;
  QComboBox* modality_;
  QPushButton* sync_;
  QLabel* empty_;
  QStackedLayout* stack_;
};

}  // namespace ridgeline::views
