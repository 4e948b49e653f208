#pragma once
// The review queue as a table model: one row per case, no widget per row, so
// ten thousand cases scroll smoothly. Sorting uses SortRole (raw values), the
// filter proxy uses the modality and status codes.
#include <QAbstractTableModel>
#include <QDateTime>
#include <vector>

#include "core/model/case.h"

namespace ridgeline::views {

class QueueTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Priority, HubId, Score, Modality, Age, Lease, Status, ColumnCount };  // score before modality: it must show in a narrow dock
  enum Role { SortRole = Qt::UserRole + 1, ModalityCodeRole, StatusCodeRole, CaseIdRole };

  explicit QueueTableModel(QObject* parent = nullptr);

  void setCases(std::vector<Case> cases);
  const Case* caseAt(int row) const;
  // "now" is injectable so ages are testable.
  void setNow(const QDateTime& now);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  QVariant display(const Case& c, int column) const;
  QVariant sortValue(const Case& c, int column) const;
  qint64 ageSeconds(const Case& c) const;

  std::vector<Case> cases_;
  QDateTime now_;
};

// "3 min", "2 h", "5 d": ages an examiner reads at a glance.
QString formatAge(qint64 seconds);

}  // namespace ridgeline::views
