#pragma once
// Linked navigation of the two prints: zoom, turn and pan one and the other
// follows by the same physical amounts (millimetres and degrees), whatever
// each print's resolution and current orientation. Off = free navigation.
#include <QObject>
#include <QPointF>

namespace ridgeline::views {

class PrintCanvas;

class CanvasLink : public QObject {
  Q_OBJECT
 public:
  CanvasLink(PrintCanvas* a, PrintCanvas* b, QObject* parent = nullptr);
  void setLinked(bool linked);
  bool isLinked() const { return linked_; }
  // Both prints at the same physical scale (pixels per mm): the larger-ppi
  // print is no longer shown bigger.
  void matchScale();

 signals:
  void linkedChanged(bool linked);

 private:
  struct State {
    double pixelsPerMm = 0, rotation = 0;
    QPointF centreMm;
  };
  static State stateOf(const PrintCanvas* c);
  void follow(PrintCanvas* leader, PrintCanvas* follower);
  void remember();

  PrintCanvas* a_;
  PrintCanvas* b_;
  State lastA_, lastB_;
  bool linked_ = true;
  bool applying_ = false;
};

}  // namespace ridgeline::views
