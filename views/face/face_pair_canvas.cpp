#include "views/face/face_pair_canvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace ridgeline::views {

namespace {
constexpr int kFlickerMs = 600;  // slow enough to see each face, fast enough to catch a difference
}

FacePairCanvas::FacePairCanvas(QWidget* parent) : QWidget(parent) {
  setObjectName("facePairCanvas");
  setMinimumSize(480, 300);
  setMouseTracking(false);
  flicker_.setInterval(kFlickerMs);
  connect(&flicker_, &QTimer::timeout, this, [this] {
    flickerB_ = !flickerB_;
    update();
  });
}

void FacePairCanvas::setFaces(const QImage& a, const std::vector<QPointF>& landmarksA, const QImage& b,
                              const std::vector<QPointF>& landmarksB) {
  a_ = a;
  b_ = b;
  landmarksA_ = landmarksA;
  landmarksB_ = landmarksB;
  update();
}

void FacePairCanvas::setHighlight(const std::vector<FaceOutline>& onA, const std::vector<FaceOutline>& onB) {
  highlightA_ = onA;
  highlightB_ = onB;
  update();
}

void FacePairCanvas::setMode(FaceViewMode mode) {
  mode_ = mode;
  flickerB_ = false;
  if (mode == FaceViewMode::Flicker) flicker_.start();
  else flicker_.stop();
  setCursor(mode == FaceViewMode::Wipe ? Qt::SplitHCursor : Qt::ArrowCursor);
  update();
}

void FacePairCanvas::setBlend(double weightOfB) {
  blend_ = std::clamp(weightOfB, 0.0, 1.0);
  update();
}

void FacePairCanvas::setWipe(double fraction) {
  wipe_ = std::clamp(fraction, 0.0, 1.0);
  update();
}

void FacePairCanvas::setLandmarksVisible(bool visible) {
  landmarks_ = visible;
  update();
}

QRectF FacePairCanvas::targetOf(int face) const {
  if (mode_ != FaceViewMode::SideBySide) return faceRect(rect());
  // A 6 px gutter keeps the two faces visibly apart.
  const double half = width() / 2.0 - 3;
  return faceRect(face == 0 ? QRectF(0, 0, half, height()) : QRectF(width() - half, 0, half, height()));
}

std::vector<QPointF> FacePairCanvas::landmarksOnScreen(int face) const {
  const QRectF target = targetOf(face);
  const double s = target.width() / std::max(1, (face == 0 ? a_ : b_).width());
  std::vector<QPointF> out;
  for (QPointF q : face == 0 ? landmarksA_ : landmarksB_) out.push_back(target.topLeft() + q * s);
  return out;
}

QRectF FacePairCanvas::faceRect(const QRectF& area) const {
  const QSizeF image = a_.isNull() ? QSizeF(1, 1) : QSizeF(a_.size());
  const QSizeF fitted = image.scaled(area.size(), Qt::KeepAspectRatio);
  return {area.center() - QPointF(fitted.width(), fitted.height()) / 2, fitted};
}

void FacePairCanvas::paintFace(QPainter& p, const QRectF& target, const QImage& image,
                               const std::vector<QPointF>& landmarks, const std::vector<FaceOutline>& highlight,
                               const QColor& tint) const {
  p.drawImage(target, image);
  const double s = target.width() / std::max(1, image.width());
  auto map = [&](QPointF q) { return target.topLeft() + q * s; };
  if (landmarks_) {
    p.setPen(Qt::NoPen);
    p.setBrush(tint);
    for (QPointF q : landmarks) p.drawEllipse(map(q), 2.2, 2.2);
  }
  QPen outline(QColor(255, 214, 0), 2.5);
  p.setPen(outline);
  p.setBrush(Qt::NoBrush);
  for (const FaceOutline& line : highlight) {
    QPainterPath path;
    for (size_t i = 0; i < line.points.size(); ++i)
      i == 0 ? path.moveTo(map(line.points[i])) : path.lineTo(map(line.points[i]));
    if (line.closed) path.closeSubpath();
    p.drawPath(path);
  }
}

// On a dark chip: the label sits on the photo, which may be light (hair, sky).
void FacePairCanvas::paintLabel(QPainter& p, const QRectF& face, const QString& text) const {
  const QRectF box = p.fontMetrics().boundingRect(text).adjusted(-6, -3, 6, 3);
  const QRectF chip(face.topLeft() + QPointF(6, 6), box.size());
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(0, 0, 0, 170));
  p.drawRoundedRect(chip, 3, 3);
  p.setPen(QColor(0xf0, 0xf2, 0xf4));
  p.drawText(chip, Qt::AlignCenter, text);
}

void FacePairCanvas::paintOverlaid(QPainter& p) {
  const QRectF target = targetOf(0);
  switch (mode_) {
    case FaceViewMode::Blend: {
      p.drawImage(target, a_);
      p.setOpacity(blend_);
      p.drawImage(target, b_);
      p.setOpacity(1);
      // Both faces' landmarks and outlines: in the mix, where they part is the point.
      paintFace(p, target, QImage(), landmarksA_, highlightA_, QColor(0, 200, 255));
      paintFace(p, target, QImage(), landmarksB_, highlightB_, QColor(255, 120, 200));
      break;
    }
    case FaceViewMode::Wipe: {
      const double x = target.left() + wipe_ * target.width();
      p.save();
      p.setClipRect(QRectF(target.left(), target.top(), x - target.left(), target.height()));
      paintFace(p, target, a_, landmarksA_, highlightA_, QColor(0, 200, 255));
      p.setClipRect(QRectF(x, target.top(), target.right() - x, target.height()));
      paintFace(p, target, b_, landmarksB_, highlightB_, QColor(255, 120, 200));
      p.restore();
      p.setPen(QPen(Qt::white, 2));
      p.drawLine(QPointF(x, target.top()), QPointF(x, target.bottom()));
      break;
    }
    case FaceViewMode::Flicker:
      paintFace(p, target, flickerB_ ? b_ : a_, flickerB_ ? landmarksB_ : landmarksA_,
                flickerB_ ? highlightB_ : highlightA_, flickerB_ ? QColor(255, 120, 200) : QColor(0, 200, 255));
      paintLabel(p, target, flickerB_ ? tr("Candidate") : tr("Probe"));
      break;
    case FaceViewMode::SideBySide: break;
  }
}

void FacePairCanvas::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), QColor(0x30, 0x33, 0x37));
  p.setRenderHint(QPainter::Antialiasing);
  p.setRenderHint(QPainter::SmoothPixmapTransform);
  if (a_.isNull() || b_.isNull()) {
    p.setPen(QColor(0xe3, 0xe6, 0xea));
    p.drawText(rect(), Qt::AlignCenter, tr("No faces to show"));
    return;
  }
  if (mode_ != FaceViewMode::SideBySide) return paintOverlaid(p);
  const QRectF left = targetOf(0), right = targetOf(1);
  paintFace(p, left, a_, landmarksA_, highlightA_, QColor(0, 200, 255));
  paintFace(p, right, b_, landmarksB_, highlightB_, QColor(255, 120, 200));
  paintLabel(p, left, tr("Probe"));
  paintLabel(p, right, tr("Candidate"));
}

void FacePairCanvas::mousePressEvent(QMouseEvent* event) { mouseMoveEvent(event); }

void FacePairCanvas::mouseMoveEvent(QMouseEvent* event) {
  if (mode_ != FaceViewMode::Wipe || !(event->buttons() & Qt::LeftButton)) return;
  const QRectF target = targetOf(0);
  setWipe((event->position().x() - target.left()) / std::max(1.0, target.width()));
}

}  // namespace ridgeline::views
