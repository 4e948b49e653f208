#pragma once
// One print on screen (probe or candidate). Zoom is physical, in screen
// pixels per millimetre of skin, so two prints of different resolution can be
// shown at the same scale; pan, rotate and fit; the examiner's tools (place,
// move, link, measure) turn mouse gestures into signals the workspace makes
// undoable commands of. Feature glyphs follow a FeatureSetDocument.
#include <QGraphicsView>
#include <QTimer>
#include <optional>
#include <vector>

#include "core/model/feature_set.h"
#include "views/comparison/correspondence_document.h"

class QGraphicsPixmapItem;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;

namespace ridgeline::views {

class FeatureSetDocument;
class MinutiaGlyph;
class ClarityOverlayItem;

enum class CanvasTool { Pan, Select, AddMinutia, Link, Measure };

class PrintCanvas : public QGraphicsView {
  Q_OBJECT
 public:
  explicit PrintCanvas(Side side, QWidget* parent = nullptr);

  void setImage(const QImage& image, double ppi);
  // Same print, other pixels (an enhanced working copy): the view stays put.
  void replaceImage(const QImage& image);
  void setDocument(FeatureSetDocument* doc, bool automatic);
  void setCorrespondences(const CorrespondenceDocument* links);
  // Read-only features drawn dashed under the examiner's (automatic minutiae).
  void setReferenceFeatures(const std::vector<Minutia>& minutiae);
  void setReferenceVisible(bool visible);
  void setClarity(const std::optional<ClarityMap>& clarity);
  // The extractor's enhanced ridges of this print: with them the measuring
  // tool also counts the ridges between its two ends.
  void setRidgeDetail(std::optional<RidgeDetailImage> detail);
  const std::optional<RidgeDetailImage>& ridgeDetail() const { return ridgeDetail_; }
  void setClarityVisible(bool visible);
  void setFeaturesVisible(bool visible);
  void setTool(CanvasTool tool);
  CanvasTool tool() const { return tool_; }
  Side side() const { return side_; }
  double ppi() const { return ppi_; }
  QImage image() const;

  // View state in physical terms (for linking two canvases).
  double pixelsPerMm() const { return pixelsPerMm_; }
  double rotationDegrees() const { return rotation_; }
  QPointF centreMm() const;
  void setView(double pixelsPerMm, double rotationDegrees, QPointF centreMm);
  void zoomBy(double factor);
  void rotateBy(double degrees);
  void fitToView();

  // Where minutia `index` is on screen, in this widget's coordinates.
  std::optional<QPointF> minutiaWidgetPos(int index) const;
  int selectedMinutia() const;
  void selectMinutia(int index);
  int glyphCount() const { return static_cast<int>(glyphs_.size()); }
  // True while the canvas refits itself to a new size (not the examiner navigating).
  bool isAutoFitting() const { return autoFitting_; }
  // True while the examiner pans, zooms or turns, until 150 ms after the last
  // move; markup is drawn in its cheap form meanwhile (settled() then).
  bool isMoving() const { return moving_; }
  QPointF imageCentreMm() const;
  // The correspondence numbers on show, in this widget's viewport coordinates.
  std::vector<QRectF> labelRects() const;

 signals:
  void viewChanged();
  void minutiaPlaced(QPointF imagePos, double direction);
  void minutiaMoved(int index, QPointF imagePos);
  void minutiaActivated(int index);
  // ridges: crossed between the two ends, -1 when not known (no ridge
  // image, or the line leaves it).
  void measured(double millimetres, int ridges);
  void settled();

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void scrollContentsBy(int dx, int dy) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void applyTransform();
  void rebuildGlyphs();
  void refreshLabels();
  void layoutLabels();
  MinutiaGlyph* glyphUnder(const QPoint& viewportPos) const;
  double angleOnPrint(QPointF from, QPointF to) const;
  int ridgesAlong(const QLineF& sceneLine) const;
  // Navigation in progress: glyphs draw their cheap form until it settles.
  void noteMotion();

  Side side_;
  QGraphicsScene* scene_;
  QGraphicsPixmapItem* imageItem_;
  ClarityOverlayItem* clarity_;
  QGraphicsLineItem* gesture_;
  QGraphicsSimpleTextItem* gestureLabel_;
  FeatureSetDocument* doc_ = nullptr;
  const CorrespondenceDocument* links_ = nullptr;
  bool automatic_ = false;
  std::vector<MinutiaGlyph*> glyphs_;
  std::vector<MinutiaGlyph*> reference_;
  bool referenceVisible_ = false;
  std::vector<QGraphicsItem*> labels_;
  std::optional<RidgeDetailImage> ridgeDetail_;
  CanvasTool tool_ = CanvasTool::Pan;
  double ppi_ = 500;
  double pixelsPerMm_ = 20;
  double rotation_ = 0;
  std::optional<QPointF> pressScene_;
  int dragging_ = -1;
  // Keep the print fitted while the window settles, until the examiner navigates.
  bool fitOnResize_ = true;
  bool moving_ = false;
  QTimer settle_;
  bool autoFitting_ = false;
};

}  // namespace ridgeline::views
