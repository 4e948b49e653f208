#pragma once
// A minutia drawn as the field draws it: a circle on the point with a tail
// along the ridge direction; colour by type, dashed when automatic; position
// and direction uncertainty visible as a dashed ring and a wedge.
#include <QGraphicsItem>

#include "core/model/feature_set.h"

namespace ridgeline::views {

class MinutiaGlyph : public QGraphicsItem {
 public:
  enum { Type = UserType + 1 };

  MinutiaGlyph(const Minutia& minutia, double ppi, bool automatic, QGraphicsItem* parent = nullptr);

  void setMinutia(const Minutia& minutia);
  const Minutia& minutia() const { return minutia_; }
  void setIndex(int index) { index_ = index; }
  int index() const { return index_; }
  void setHighlighted(bool on);
  // The canvas's "view is moving" flag: dashes are drawn solid meanwhile
  // (dashed circles are the slowest part of a frame), dashed again at rest.
  void setMotionFlag(const bool* moving) { moving_ = moving; }

  int type() const override { return Type; }
  QRectF boundingRect() const override;
  QPainterPath shape() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  // Unit vector of a direction on screen (y down), from the model's y-up angle.
  static QPointF screenDirection(double radians);

 private:
  void paintUncertainty(QPainter* painter, const QColor& colour) const;
  void paintRing(QPainter* painter, const QColor& colour, int widthPx, bool dashed) const;

  Minutia minutia_;
  double radius_, tail_;
  bool automatic_;
  bool highlighted_ = false;
  const bool* moving_ = nullptr;
  int index_ = -1;
};

}  // namespace ridgeline::views
