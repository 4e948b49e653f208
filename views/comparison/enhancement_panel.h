#pragma once
// Enhancement of the working copy of either print: pick a step, set its
// parameters, apply. The original is never touched; the steps in effect are
// listed, and "Revert" goes back to the original (itself a logged step, so
// the log replays to exactly what was on screen). The panel only asks; the
// workspace applies and the store logs.
#include <QWidget>
#include <map>
#include <vector>

#include "core/imaging/enhancement_step.h"
#include "views/comparison/correspondence_document.h"

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QListWidget;
class QPushButton;

namespace ridgeline::views {

class EnhancementPanel : public QWidget {
  Q_OBJECT
 public:
  explicit EnhancementPanel(QWidget* parent = nullptr);

  // What is in effect on each print (shown in the list for the chosen one).
  void setStepsInEffect(Side side, const std::vector<imaging::Enhancement>& steps);
  Side target() const;
  void setTarget(Side side);
  void chooseStep(const QString& name);
  void setParameter(const QString& name, double value);
  imaging::Enhancement currentStep() const;
  QListWidget* stepList() const { return list_; }

  // How a step reads in the list and the report: "CLAHE: clip 2.5, tile 5 mm".
  static QString describe(const imaging::Enhancement& step);

 public slots:
  void applyCurrent();
  void revert();

 signals:
  void enhancementRequested(Side side, const imaging::Enhancement& step);

 private:
  void rebuildParameters();
  void refreshList();

  QComboBox* target_;
  QComboBox* step_;
  QFormLayout* form_;
  QWidget* formHost_;
  QListWidget* list_;
  QPushButton* revert_;
  std::map<std::string, QDoubleSpinBox*> params_;
  std::map<Side, std::vector<imaging::Enhancement>> inEffect_;
};

}  // namespace ridgeline::views
