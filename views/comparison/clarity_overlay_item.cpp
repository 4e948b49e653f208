#include "views/comparison/clarity_overlay_item.h"

#include <QPainter>

#include "views/comparison/glyph_style.h"

namespace ridgeline::views {

ClarityOverlayItem::ClarityOverlayItem(QGraphicsItem* parent) : QGraphicsItem(parent) {}

void ClarityOverlayItem::setMap(const std::optional<ClarityMap>& map) {
  prepareGeometryChange();
  map_ = map;
  update();
}

QRectF ClarityOverlayItem::boundingRect() const {
  if (!map_) return {};
  return {0, 0, double(map_->cols * map_->blockSize), double(map_->rows * map_->blockSize)};
}

void ClarityOverlayItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  if (!map_) return;
  painter->setPen(Qt::NoPen);
  const int b = map_->blockSize;
  for (int row = 0; row < map_->rows; ++row)
    for (int col = 0; col < map_->cols; ++col) {
      const int level = map_->at(col, row);
      if (level <= 0) continue;
      QColor c = glyph::clarityColour(level);
      c.setAlpha(70);  // translucent: ridges must stay readable underneath
      painter->setBrush(c);
      painter->drawRect(QRectF(col * b, row * b, b, b));
    }
}

}  // namespace ridgeline::views
