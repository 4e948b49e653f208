#pragma once
// The list of numbered correspondences beside the prints: number, the two
// minutiae, the type. The examiner accepts a proposal (definite), keeps it
// possible, marks it does-not-exist, or removes it; all undoable.
#include <QWidget>

class QTableWidget;
class QUndoStack;
class QLabel;

namespace ridgeline::views {

class CorrespondenceDocument;

class CorrespondencePanel : public QWidget {
  Q_OBJECT
 public:
  CorrespondencePanel(CorrespondenceDocument* links, QUndoStack* undo, QWidget* parent = nullptr);
  QTableWidget* table() const { return table_; }
  int selectedPosition() const;

 signals:
  void correspondenceSelected(int position);

 public slots:
  void acceptSelected();
  void markSelectedPossible();
  void markSelectedDoesNotExist();
  void removeSelected();
  void acceptAllPossible();

 private:
  void refresh();

  CorrespondenceDocument* links_;
  QUndoStack* undo_;
  QTableWidget* table_;
  QLabel* summary_;
};

}  // namespace ridgeline::views
