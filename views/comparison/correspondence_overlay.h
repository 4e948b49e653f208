#pragma once
// Lines joining corresponding minutiae across the two canvases, drawn on a
// transparent layer over both (mouse events pass through). Each line has the
// colour of its correspondence type; lines to features scrolled out of view
// are not drawn.
#include <QWidget>

namespace ridgeline::views {

class CorrespondenceDocument;
class PrintCanvas;

class CorrespondenceOverlay : public QWidget {
  Q_OBJECT
 public:
  CorrespondenceOverlay(PrintCanvas* probe, PrintCanvas* candidate, const CorrespondenceDocument* links,
                        QWidget* parent);
  void setLinesVisible(bool visible);
  int drawnLineCount() const { return drawn_; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  PrintCanvas* probe_;
  PrintCanvas* candidate_;
  const CorrespondenceDocument* links_;
  bool visible_ = true;
  int drawn_ = 0;
};

}  // namespace ridgeline::views
