#pragma once
// The list of numbered correspondences beside the prints: number, the two
// minutiae, the type, and whether the ridges counted to the nearest other
// correspondences agree on both prints. The examiner accepts a proposal
// (definite), keeps it possible, marks it does-not-exist, or removes it; all
// undoable.
#include <QWidget>
#include <functional>
#include <vector>

#include "core/fingerprint/ridge_count.h"
#include "core/model/case.h"

class QTableWidget;
class QUndoStack;
class QLabel;

namespace ridgeline::views {

class CorrespondenceDocument;

// Per correspondence, in order: its ridge counts to its neighbours on both
// prints (fingerprint::ridgeCountsAtCorrespondences).
using RidgeCountCheck = std::function<std::vector<fingerprint::RidgeCountAgreement>(const std::vector<Correspondence>&)>;

class CorrespondencePanel : public QWidget {
  Q_OBJECT
 public:
  CorrespondencePanel(CorrespondenceDocument* links, QUndoStack* undo, QWidget* parent = nullptr);
  QTableWidget* table() const { return table_; }
  int selectedPosition() const;
  void setRidgeCountCheck(RidgeCountCheck check);
  // Reads the correspondences (and their ridge counts) again.
  void refresh();

 signals:
  void correspondenceSelected(int position);

 public slots:
  void acceptSelected();
  void markSelectedPossible();
  void markSelectedDoesNotExist();
  void removeSelected();
  void acceptAllPossible();

 private:
  void fillRidgeCounts();

  CorrespondenceDocument* links_;
  RidgeCountCheck ridgeCounts_;
  QUndoStack* undo_;
  QTableWidget* table_;
  QLabel* summary_;
};

}  // namespace ridgeline::views
