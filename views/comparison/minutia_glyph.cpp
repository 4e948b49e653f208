#include "views/comparison/minutia_glyph.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <cmath>
#include <numbers>

#include "views/comparison/glyph_style.h"

namespace ridgeline::views {

MinutiaGlyph::MinutiaGlyph(const Minutia& minutia, double ppi, bool automatic, QGraphicsItem* parent)
    : QGraphicsItem(parent),
      radius_(glyph::mmToPixels(glyph::kCircleRadiusMm, ppi)),
      tail_(glyph::mmToPixels(glyph::kTailLengthMm, ppi)),
      automatic_(automatic) {
  setFlag(ItemIsSelectable);
  setAcceptHoverEvents(true);
  setMinutia(minutia);
}

QPointF MinutiaGlyph::screenDirection(double radians) { return {std::cos(radians), -std::sin(radians)}; }

void MinutiaGlyph::setMinutia(const Minutia& minutia) {
  prepareGeometryChange();
  minutia_ = minutia;
  setPos(minutia.x, minutia.y);
  update();
}

void MinutiaGlyph::setHighlighted(bool on) {
  highlighted_ = on;
  update();
}

QRectF MinutiaGlyph::boundingRect() const {
  const double reach = std::max({radius_ + tail_, minutia_.positionRadius, radius_}) + 4;
  return {-reach, -reach, 2 * reach, 2 * reach};
}

QPainterPath MinutiaGlyph::shape() const {
  QPainterPath path;
  path.addEllipse(QPointF(0, 0), radius_ * 1.6, radius_ * 1.6);
  return path;
}

void MinutiaGlyph::paintUncertainty(QPainter* painter, const QColor& colour) const {
  if (minutia_.positionRadius <= radius_ && minutia_.directionUncertainty <= 0) return;  // most minutiae: nothing to add
  if (moving_ && *moving_) return;  // back when the view settles
  QPen dashed(colour, 1.0, Qt::DotLine);
  dashed.setCosmetic(true);
  painter->setPen(dashed);
  painter->setBrush(Qt::NoBrush);
  if (minutia_.positionRadius > radius_)
    painter->drawEllipse(QPointF(0, 0), minutia_.positionRadius, minutia_.positionRadius);
  if (minutia_.directionUncertainty > 0) {
    const double reach = radius_ + tail_;
    for (double sign : {-1.0, 1.0}) {
      const QPointF d = screenDirection(minutia_.direction + sign * minutia_.directionUncertainty);
      painter->drawLine(d * radius_, d * reach);
    }
  }
}

void MinutiaGlyph::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  const QColor colour = glyph::colourFor(minutia_.type);
  painter->setRenderHint(QPainter::Antialiasing);
  // The canvas does not save painter state between items (for speed): set
  // everything used, or a label's fill would flood the halo below.
  painter->setBrush(Qt::NoBrush);
  if (highlighted_ || isSelected()) {
    // A dark halo keeps the selection visible on light and dark ridges alike.
    QPen halo(QColor(0, 0, 0, 160), glyph::kLineWidthPx + 3);
    halo.setCosmetic(true);
    painter->setPen(halo);
    painter->drawEllipse(QPointF(0, 0), radius_, radius_);
  }
  const bool dashed = automatic_ && !(moving_ && *moving_);
  const int widthPx = static_cast<int>(glyph::kLineWidthPx) + (isSelected() ? 1 : 0);
  paintRing(painter, colour, widthPx, dashed);
  QPen pen(colour, widthPx);
  pen.setCosmetic(true);
  painter->setPen(pen);
  const QPointF d = screenDirection(minutia_.direction);
  painter->drawLine(d * radius_, d * (radius_ + tail_));
  paintUncertainty(painter, colour);
}

void MinutiaGlyph::paintRing(QPainter* painter, const QColor& colour, int widthPx, bool dashed) const {
  // A ring `widthPx` screen pixels wide, drawn as that many one-pixel circles
  // a pixel apart: Qt rasterises one-pixel cosmetic pens on a fast path and
  // wider ones through the general stroker, ~1.7x slower a frame with 300
  // glyphs per print (bench_case_view).
  const QTransform& t = painter->worldTransform();
  const double scale = std::sqrt(std::abs(t.determinant()));
  const double pixel = scale > 0 ? 1.0 / scale : 1.0;
  QPen pen(colour, 1, dashed ? Qt::DashLine : Qt::SolidLine);
  pen.setCosmetic(true);
  painter->setPen(pen);
  painter->setBrush(Qt::NoBrush);
  for (int k = 0; k < widthPx; ++k) {
    const double r = radius_ + (k - (widthPx - 1) / 2.0) * pixel;
    painter->drawEllipse(QPointF(0, 0), r, r);
  }
}

}  // namespace ridgeline::views
