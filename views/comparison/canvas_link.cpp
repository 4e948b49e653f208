#include "views/comparison/canvas_link.h"

#include <QTransform>

#include "views/comparison/print_canvas.h"

namespace ridgeline::views {

CanvasLink::CanvasLink(PrintCanvas* a, PrintCanvas* b, QObject* parent) : QObject(parent), a_(a), b_(b) {
  connect(a_, &PrintCanvas::viewChanged, this, [this] { follow(a_, b_); });
  connect(b_, &PrintCanvas::viewChanged, this, [this] { follow(b_, a_); });
  remember();
}

CanvasLink::State CanvasLink::stateOf(const PrintCanvas* c) {
  return {c->pixelsPerMm(), c->rotationDegrees(), c->centreMm()};
}

void CanvasLink::remember() {
  lastA_ = stateOf(a_);
  lastB_ = stateOf(b_);
}

void CanvasLink::setLinked(bool linked) {
  linked_ = linked;
  remember();
  emit linkedChanged(linked);
}

void CanvasLink::matchScale() {
  applying_ = true;
  b_->setView(a_->pixelsPerMm(), b_->rotationDegrees(), b_->centreMm());
  applying_ = false;
  remember();
}

void CanvasLink::follow(PrintCanvas* leader, PrintCanvas* follower) {
  if (applying_) return;
  State& lastLeader = leader == a_ ? lastA_ : lastB_;
  const State now = stateOf(leader);
  if (leader->isAutoFitting()) {
    // A refit to a new window size: keep both prints at one physical scale,
    // each centred, rather than replaying the change as navigation.
    applying_ = true;
    follower->setView(now.pixelsPerMm, follower->rotationDegrees(), follower->imageCentreMm());
    applying_ = false;
    remember();
    return;
  }
  if (linked_ && lastLeader.pixelsPerMm > 0) {
    const State f = stateOf(follower);
    // The leader's pan, as seen on screen, applied to the follower in its
    // own (possibly differently turned) frame.
    const QPointF screenShift = QTransform().rotate(lastLeader.rotation).map(now.centreMm - lastLeader.centreMm);
    const double turn = now.rotation - lastLeader.rotation;
    const QPointF followerShift = QTransform().rotate(-(f.rotation + turn)).map(screenShift);
    applying_ = true;
    follower->setView(f.pixelsPerMm * now.pixelsPerMm / lastLeader.pixelsPerMm, f.rotation + turn,
                      f.centreMm + followerShift);
    applying_ = false;
  }
  remember();
}

}  // namespace ridgeline::views
