#include "views/comparison/print_canvas.h"

#include <QGraphicsLineItem>
#include <QGraphicsPixmapItem>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "core/fingerprint/ridge_count.h"
#include "views/comparison/clarity_overlay_item.h"
#include "views/comparison/feature_set_document.h"
#include "views/comparison/glyph_style.h"
#include "views/comparison/label_placement.h"
#include "views/comparison/minutia_glyph.h"

namespace ridgeline::views {
namespace {

constexpr double kMmPerInch = 25.4;

// The correspondence number: same number, same colour on both prints;
// drawn at screen size so it stays legible at any zoom. Its box sits where
// placeLabels puts it beside the minutia (label_placement.h); one moved out
// to make room keeps a thin line back to its minutia.
class CorrespondenceLabel : public QGraphicsItem {
 public:
  CorrespondenceLabel(int label, QColor colour) : text_(QString::number(label)), colour_(colour) {
    setFlag(ItemIgnoresTransformations);
    setZValue(3);
    // Same pixels at every zoom and position: draw once, then blit.
    setCacheMode(DeviceCoordinateCache);
    box_ = QRectF(kLabelGap, -kLabelGap - size().height(), size().width(), size().height());
  }
  QSizeF size() const { return {24.0 + 7 * (text_.size() - 1), 18}; }
  QRectF box() const { return box_; }
  void setBox(const QRectF& box) {
    if (box == box_) return;
    prepareGeometryChange();
    box_ = box;
  }
  QRectF boundingRect() const override { return box_.united(QRectF(-1, -1, 2, 2)); }
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override {
    p->setRenderHint(QPainter::Antialiasing);
    if (needsLeader(box_)) {
      p->setPen(QPen(colour_, 1.5));
      const QPointF nearest(std::clamp(0.0, box_.left(), box_.right()), std::clamp(0.0, box_.top(), box_.bottom()));
      p->drawLine(QPointF(0, 0), nearest);
    }
    p->setPen(QPen(QColor(0, 0, 0, 180), 1));
    p->setBrush(colour_);
    p->drawRoundedRect(box_, 4, 4);
    QFont f = p->font();
    f.setBold(true);
    f.setPixelSize(12);
    p->setFont(f);
    p->setPen(Qt::white);
    p->drawText(box_, Qt::AlignCenter, text_);
  }

 private:
  QString text_;
  QColor colour_;
  QRectF box_;
};

// The measuring readout: on a dark plate below and right of the cursor, so
// that it reads over light and dark ridges alike and the line's end stays
// in view.
class GestureLabel : public QGraphicsSimpleTextItem {
 public:
  QRectF boundingRect() const override { return plate(); }
  void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override {
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(0, 0, 0, 190));
    p->drawRoundedRect(plate(), 4, 4);
    p->translate(kOffset);
    QGraphicsSimpleTextItem::paint(p, option, widget);
  }

 private:
  static constexpr QPointF kOffset{14, 10};
  QRectF plate() const { return QGraphicsSimpleTextItem::boundingRect().translated(kOffset).adjusted(-5, -3, 5, 3); }
};

}  // namespace

PrintCanvas::PrintCanvas(Side side, QWidget* parent)
    : QGraphicsView(parent),
      side_(side),
      scene_(new QGraphicsScene(this)),
      imageItem_(new QGraphicsPixmapItem),
      clarity_(new ClarityOverlayItem),
      gesture_(new QGraphicsLineItem),
      gestureLabel_(new GestureLabel) {
  setScene(scene_);
  setObjectName(side == Side::Probe ? "probeCanvas" : "candidateCanvas");
  setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
  setTransformationAnchor(AnchorUnderMouse);
  setResizeAnchor(AnchorViewCenter);
  setViewportUpdateMode(SmartViewportUpdate);
  // Every item sets its own pens and hints, and bounding rects allow for
  // antialiasing, so the view need not guard each paint (measured by bench_case_view).
  setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
  setBackgroundBrush(QColor(0x30, 0x33, 0x37));
  // Navigation is by dragging and the wheel; scroll bars only take room.
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // neutral grey: no colour cast on the print
  imageItem_->setTransformationMode(Qt::SmoothTransformation);
  scene_->addItem(imageItem_);
  clarity_->setZValue(1);
  clarity_->setVisible(false);
  scene_->addItem(clarity_);
  QPen gesturePen(QColor(255, 220, 0), 2);
  gesturePen.setCosmetic(true);
  gesture_->setPen(gesturePen);
  gesture_->setZValue(4);
  gesture_->hide();
  scene_->addItem(gesture_);
  gestureLabel_->setFlag(QGraphicsItem::ItemIgnoresTransformations);
  gestureLabel_->setBrush(QColor(255, 220, 0));
  gestureLabel_->setZValue(4);
  gestureLabel_->hide();
  scene_->addItem(gestureLabel_);
  settle_.setSingleShot(true);
  settle_.setInterval(150);  // at rest after 150 ms without a move
  connect(&settle_, &QTimer::timeout, this, [this] {
    moving_ = false;
    layoutLabels();  // numbers keep their places while the view moves, then clear each other again
    viewport()->update();
    emit settled();
  });
  setTool(CanvasTool::Pan);
}

void PrintCanvas::setImage(const QImage& image, double ppi) {
  ppi_ = ppi > 0 ? ppi : 500;
  imageItem_->setPixmap(QPixmap::fromImage(image));
  scene_->setSceneRect(imageItem_->boundingRect().adjusted(-200, -200, 200, 200));
  rebuildGlyphs();
  fitOnResize_ = true;
  fitToView();
}

void PrintCanvas::replaceImage(const QImage& image) { imageItem_->setPixmap(QPixmap::fromImage(image)); }

QImage PrintCanvas::image() const { return imageItem_->pixmap().toImage(); }

void PrintCanvas::setDocument(FeatureSetDocument* doc, bool automatic) {
  if (doc_) disconnect(doc_, nullptr, this, nullptr);
  doc_ = doc;
  automatic_ = automatic;
  if (doc_) {
    for (auto signal : {&FeatureSetDocument::minutiaInserted, &FeatureSetDocument::minutiaRemoved})
      connect(doc_, signal, this, &PrintCanvas::rebuildGlyphs);
    connect(doc_, &FeatureSetDocument::resetDone, this, &PrintCanvas::rebuildGlyphs);
    connect(doc_, &FeatureSetDocument::minutiaChanged, this, [this](int i) {
      if (i >= 0 && i < glyphCount()) glyphs_[static_cast<size_t>(i)]->setMinutia(doc_->minutia(i));
      refreshLabels();
      emit viewChanged();  // correspondence lines follow a moved minutia
    });
  }
  rebuildGlyphs();
}

void PrintCanvas::setCorrespondences(const CorrespondenceDocument* links) {
  if (links_) disconnect(links_, nullptr, this, nullptr);
  links_ = links;
  if (links_) connect(links_, &CorrespondenceDocument::changed, this, &PrintCanvas::refreshLabels);
  refreshLabels();
}

void PrintCanvas::setReferenceFeatures(const std::vector<Minutia>& minutiae) {
  for (auto* g : reference_) delete g;
  reference_.clear();
  for (const Minutia& m : minutiae) {
    auto* g = new MinutiaGlyph(m, ppi_, true);
    g->setMotionFlag(&moving_);
    g->setFlag(QGraphicsItem::ItemIsSelectable, false);
    g->setZValue(1.5);
    g->setOpacity(0.75);
    g->setVisible(referenceVisible_);
    scene_->addItem(g);
    reference_.push_back(g);
  }
}

void PrintCanvas::setReferenceVisible(bool visible) {
  referenceVisible_ = visible;
  for (auto* g : reference_) g->setVisible(visible);
}

void PrintCanvas::setClarity(const std::optional<ClarityMap>& clarity) { clarity_->setMap(clarity); }
void PrintCanvas::setClarityVisible(bool visible) { clarity_->setVisible(visible); }

void PrintCanvas::setFeaturesVisible(bool visible) {
  for (auto* g : glyphs_) g->setVisible(visible);
  for (auto* l : labels_) l->setVisible(visible);
}

void PrintCanvas::setTool(CanvasTool tool) {
  tool_ = tool;
  setDragMode(tool == CanvasTool::Pan ? ScrollHandDrag : NoDrag);
  viewport()->setCursor(tool == CanvasTool::Pan ? Qt::OpenHandCursor
                        : tool == CanvasTool::Select ? Qt::ArrowCursor
                                                     : Qt::CrossCursor);
  gesture_->hide();
  gestureLabel_->hide();
}

void PrintCanvas::rebuildGlyphs() {
  for (auto* g : glyphs_) delete g;
  glyphs_.clear();
  if (doc_) {
    for (int i = 0; i < doc_->minutiaCount(); ++i) {
      auto* g = new MinutiaGlyph(doc_->minutia(i), ppi_, automatic_);
      g->setMotionFlag(&moving_);
      g->setIndex(i);
      g->setZValue(2);
      scene_->addItem(g);
      glyphs_.push_back(g);
    }
  }
  refreshLabels();
  emit viewChanged();
}

void PrintCanvas::setRidgeDetail(std::optional<RidgeDetailImage> detail) { ridgeDetail_ = std::move(detail); }

// Scene units are the image's pixels, which the feature set's coordinates
// (and so the ridge image's scale) are given in.
int PrintCanvas::ridgesAlong(const QLineF& line) const {
  if (!ridgeDetail_) return -1;
  const double s = ridgeDetail_->pixelsPerFeaturePixel;
  return fingerprint::ridgesCrossed(*ridgeDetail_, line.x1() * s, line.y1() * s, line.x2() * s, line.y2() * s);
}

void PrintCanvas::refreshLabels() {
  for (auto* l : labels_) delete l;
  labels_.clear();
  if (!links_ || !doc_) return;
  // Lowest numbers first: they are placed first and keep the usual spot.
  std::vector<Correspondence> byNumber = links_->correspondences();
  std::stable_sort(byNumber.begin(), byNumber.end(), [](const auto& a, const auto& b) { return a.label < b.label; });
  for (const auto& c : byNumber) {
    const int index = side_ == Side::Probe ? c.probeMinutia : c.candidateMinutia;
    if (index < 0 || index >= doc_->minutiaCount()) continue;
    auto* label = new CorrespondenceLabel(c.label, glyph::correspondenceColour(c.type));
    label->setPos(doc_->minutia(index).x, doc_->minutia(index).y);
    scene_->addItem(label);
    labels_.push_back(label);
  }
  layoutLabels();
}

// Numbers are drawn at screen size, so whether two collide depends on the
// zoom and the turn: placed again when the view comes to rest after either
// changes (not on every frame of a zoom: with a hundred numbers and three
// hundred minutiae that cost more than the frame), and when they change.
void PrintCanvas::layoutLabels() {
  if (labels_.empty()) return;
  const QTransform screen = transform();
  std::vector<QPointF> anchors, obstacles;
  std::vector<QSizeF> sizes;
  for (auto* item : labels_) {
    anchors.push_back(screen.map(item->pos()));
    sizes.push_back(static_cast<CorrespondenceLabel*>(item)->size());
  }
  for (auto* g : glyphs_) obstacles.push_back(screen.map(g->pos()));
  const std::vector<QRectF> boxes = placeLabels(anchors, sizes, obstacles);
  for (size_t i = 0; i < boxes.size(); ++i) static_cast<CorrespondenceLabel*>(labels_[i])->setBox(boxes[i]);
}

std::vector<QRectF> PrintCanvas::labelRects() const {
  std::vector<QRectF> out;
  for (auto* item : labels_) {
    if (!item->isVisible()) continue;
    const QPoint at = mapFromScene(item->pos());
    out.push_back(static_cast<const CorrespondenceLabel*>(item)->box().translated(at));
  }
  return out;
}

void PrintCanvas::applyTransform() {
  const double s = pixelsPerMm_ * kMmPerInch / ppi_;
  QTransform t;
  t.rotate(rotation_);
  t.scale(s, s);
  setTransform(t);
}

void PrintCanvas::noteMotion() {
  moving_ = true;
  settle_.start();
}

QPointF PrintCanvas::centreMm() const {
  return mapToScene(viewport()->rect().center()) * (kMmPerInch / ppi_);
}

void PrintCanvas::setView(double pixelsPerMm, double rotationDegrees, QPointF centreMm) {
  pixelsPerMm_ = std::clamp(pixelsPerMm, 0.5, 400.0);
  rotation_ = std::fmod(rotationDegrees, 360.0);
  applyTransform();
  centerOn(centreMm * (ppi_ / kMmPerInch));
  noteMotion();
  emit viewChanged();
}

void PrintCanvas::zoomBy(double factor) {
  const double target = std::clamp(pixelsPerMm_ * factor, 0.5, 400.0);
  factor = target / pixelsPerMm_;
  pixelsPerMm_ = target;
  scale(factor, factor);  // the view's own anchor keeps the point under the mouse
  noteMotion();
  emit viewChanged();
}

void PrintCanvas::rotateBy(double degrees) {
  setView(pixelsPerMm_, rotation_ + degrees, centreMm());
}

void PrintCanvas::fitToView() {
  const QRectF image = imageItem_->boundingRect();
  if (image.isEmpty()) return;
  const QRectF turned = QTransform().rotate(rotation_).mapRect(image);
  const QSizeF room = viewport()->size();
  const double s = 0.96 * std::min(room.width() / turned.width(), room.height() / turned.height());
  setView(s * ppi_ / kMmPerInch, rotation_, image.center() * (kMmPerInch / ppi_));
}

QPointF PrintCanvas::imageCentreMm() const {
  return imageItem_->boundingRect().center() * (kMmPerInch / ppi_);
}

std::optional<QPointF> PrintCanvas::minutiaWidgetPos(int index) const {
  if (index < 0 || index >= glyphCount() || !glyphs_[static_cast<size_t>(index)]->isVisible()) return std::nullopt;
  const QPoint inViewport = mapFromScene(glyphs_[static_cast<size_t>(index)]->pos());
  return viewport()->mapTo(this, inViewport);
}

int PrintCanvas::selectedMinutia() const {
  for (auto* g : glyphs_)
    if (g->isSelected()) return g->index();
  return -1;
}

void PrintCanvas::selectMinutia(int index) {
  scene_->clearSelection();
  if (index >= 0 && index < glyphCount()) glyphs_[static_cast<size_t>(index)]->setSelected(true);
}

MinutiaGlyph* PrintCanvas::glyphUnder(const QPoint& viewportPos) const {
  for (QGraphicsItem* item : items(viewportPos))
    if (item->type() == MinutiaGlyph::Type && item->flags().testFlag(QGraphicsItem::ItemIsSelectable))
      return static_cast<MinutiaGlyph*>(item);
  return nullptr;
}

double PrintCanvas::angleOnPrint(QPointF from, QPointF to) const {
  // Image y grows downwards; model directions are counter-clockwise, y up.
  return normalizeAngle(std::atan2(-(to.y() - from.y()), to.x() - from.x()));
}

void PrintCanvas::wheelEvent(QWheelEvent* event) {
  fitOnResize_ = false;
  zoomBy(std::pow(1.0015, event->angleDelta().y()));
  event->accept();
}

void PrintCanvas::mousePressEvent(QMouseEvent* event) {
  if (tool_ == CanvasTool::Pan) fitOnResize_ = false;
  const QPointF scenePos = mapToScene(event->position().toPoint());
  if (event->button() != Qt::LeftButton || tool_ == CanvasTool::Pan) return QGraphicsView::mousePressEvent(event);
  MinutiaGlyph* hit = glyphUnder(event->position().toPoint());
  switch (tool_) {
    case CanvasTool::Select:
      selectMinutia(hit ? hit->index() : -1);
      dragging_ = hit ? hit->index() : -1;
      break;
    case CanvasTool::Link:
      if (hit) emit minutiaActivated(hit->index());
      break;
    case CanvasTool::AddMinutia:
    case CanvasTool::Measure:
      pressScene_ = scenePos;
      gesture_->setLine(QLineF(scenePos, scenePos));
      gesture_->show();
      break;
    case CanvasTool::Pan: break;
  }
  event->accept();
}

void PrintCanvas::mouseMoveEvent(QMouseEvent* event) {
  const QPointF scenePos = mapToScene(event->position().toPoint());
  if (dragging_ >= 0) {
    emit minutiaMoved(dragging_, scenePos);
  } else if (pressScene_) {
    gesture_->setLine(QLineF(*pressScene_, scenePos));
    if (tool_ == CanvasTool::Measure) {
      const QLineF line(*pressScene_, scenePos);
      const double mm = line.length() * kMmPerInch / ppi_;
      const int ridges = ridgesAlong(line);
      const QString distance = QStringLiteral("%1 mm").arg(mm, 0, 'f', 2);
      gestureLabel_->setText(ridges < 0    ? distance
                             : ridges == 1 ? tr("%1, 1 ridge").arg(distance)
                                           : tr("%1, %2 ridges").arg(distance).arg(ridges));
      gestureLabel_->setPos(scenePos);
      gestureLabel_->show();
    }
  }
  QGraphicsView::mouseMoveEvent(event);
}

void PrintCanvas::mouseReleaseEvent(QMouseEvent* event) {
  const QPointF scenePos = mapToScene(event->position().toPoint());
  if (pressScene_) {
    const QLineF drag(*pressScene_, scenePos);
    if (tool_ == CanvasTool::AddMinutia) {
      // A click places the minutia pointing right; a drag sets its direction.
      const bool dragged = QLineF(mapFromScene(drag.p1()), mapFromScene(drag.p2())).length() > 4;
      emit minutiaPlaced(*pressScene_, dragged ? angleOnPrint(drag.p1(), drag.p2()) : 0.0);
      gesture_->hide();
    } else if (tool_ == CanvasTool::Measure) {
      emit measured(drag.length() * kMmPerInch / ppi_, ridgesAlong(drag));
    }
    pressScene_.reset();
  }
  dragging_ = -1;
  QGraphicsView::mouseReleaseEvent(event);
}

void PrintCanvas::scrollContentsBy(int dx, int dy) {
  QGraphicsView::scrollContentsBy(dx, dy);
  noteMotion();
  emit viewChanged();
}

void PrintCanvas::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  if (fitOnResize_) {
    autoFitting_ = true;
    fitToView();
    autoFitting_ = false;
  }
  emit viewChanged();
}

}  // namespace ridgeline::views
