#pragma once
// The EFS clarity map over a print: one translucent block per cell, coloured
// 1 red, 2 yellow, 3 green, 4 blue, 5 aqua; background (0) left clear.
#include <QGraphicsItem>
#include <optional>

#include "core/model/feature_set.h"

namespace ridgeline::views {

class ClarityOverlayItem : public QGraphicsItem {
 public:
  explicit ClarityOverlayItem(QGraphicsItem* parent = nullptr);
  void setMap(const std::optional<ClarityMap>& map);
  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  std::optional<ClarityMap> map_;
};

}  // namespace ridgeline::views
