#pragma once
// Lines joining corresponding minutiae across the two canvases, drawn on a
// transparent layer over both (mouse events pass through). Each line has the
// colour of its correspondence type; lines to features scrolled out of view
// are not drawn. While the prints move the lines are drawn without
// antialiasing, which costs ~10 ms a frame for 100 long lines on a software
// rasteriser (bench_case_view); they are redrawn smooth once both canvases
// have settled.
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
  bool isDrawingSmooth() const;

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
