#pragma once
// The automatic extractor's stages, shown on either print in place of the
// image (display only: the working copy and the markup are untouched), so
// the examiner can see how the automatic minutiae were found: the region
// kept, the ridge flow, the enhanced and thinned ridges. The panel only
// asks; the workspace runs the extraction and shows the picture.
#include <QWidget>
#include <array>

#include "views/comparison/correspondence_document.h"

class QComboBox;
class QLabel;
class QListWidget;

namespace ridgeline::views {

class ExtractionPanel : public QWidget {
  Q_OBJECT
 public:
  explicit ExtractionPanel(QWidget* parent = nullptr);

  Side target() const;
  void setTarget(Side side);
  // The stage shown on a print (a core kStage* name); empty = the print itself.
  QString stageShown(Side side) const;
  // Shows a stage (empty = the print) on the chosen print, as a click would.
  void chooseStage(const QString& stage);
  // The workspace went back to the print on that side (an enhancement, a new case).
  void clearStage(Side side);

 signals:
  void stageRequested(Side side, const QString& stage);

 private:
  void showSelection();
  void describe();

  QComboBox* target_;
  QListWidget* stages_;
  QLabel* description_;
  std::array<QString, 2> shown_;
};

}  // namespace ridgeline::views
