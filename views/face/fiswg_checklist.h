#pragma once
// The FISWG facial components, one row each, in the order an examiner works
// through them: similar / dissimilar / not visible, and a note. Selecting a
// row highlights that component on both faces.
#include <QWidget>

class QTableWidget;

namespace ridgeline::views {

class FiswgChecklist : public QWidget {
  Q_OBJECT
 public:
  explicit FiswgChecklist(QWidget* parent = nullptr);

  QTableWidget* table() const { return table_; }
  int componentCount() const;
  void setAssessment(int row, const QString& assessment);  // "", "similar", "dissimilar", "not visible"
  QString assessment(int row) const;
  // "Eyes: similar (both epicanthic folds)" lines, for the rationale and the record.
  QString summary() const;
  // JSON object {"fiswg":[{"component":..,"assessment":..,"note":..}]}, every row.
  QString toJson() const;
  int assessedCount() const;
  void setNote(int row, const QString& note);
  QString note(int row) const;

 signals:
  void componentSelected(int row);
  void changed();

 private:
  QTableWidget* table_;
};

}  // namespace ridgeline::views
