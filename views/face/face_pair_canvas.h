#pragma once
// Two faces laid out at the same inter-eye distance (eyes level, same
// place), shown side by side, blended, wiped (a split line the examiner
// drags) or flickered, with the 68 landmarks and the outline of the FISWG
// component under discussion drawn on both.
#include <QImage>
#include <QTimer>
#include <QWidget>
#include <array>
#include <vector>

namespace ridgeline::views {

enum class FaceViewMode { SideBySide, Blend, Wipe, Flicker };

struct FaceOutline {
  std::vector<QPointF> points;  // in crop pixels
  bool closed = false;
};

class FacePairCanvas : public QWidget {
  Q_OBJECT
 public:
  explicit FacePairCanvas(QWidget* parent = nullptr);

  void setFaces(const QImage& a, const std::vector<QPointF>& landmarksA, const QImage& b,
                const std::vector<QPointF>& landmarksB);
  void setHighlight(const std::vector<FaceOutline>& onA, const std::vector<FaceOutline>& onB);
  void setMode(FaceViewMode mode);
  FaceViewMode mode() const { return mode_; }
  void setBlend(double weightOfB);     // 0 = A only, 1 = B only
  void setWipe(double fraction);       // where the split line is, 0..1 of the width
  double wipe() const { return wipe_; }
  double blend() const { return blend_; }
  void setLandmarksVisible(bool visible);
  bool showingB() const { return flickerB_; }
  bool hasFaces() const { return !a_.isNull() && !b_.isNull(); }
  // Where face 0 (probe) or 1 (candidate) is drawn in the current mode, and
  // its landmarks there: what the examiner sees, in widget pixels.
  QRectF targetOf(int face) const;
  std::vector<QPointF> landmarksOnScreen(int face) const;

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;

 private:
  QRectF faceRect(const QRectF& area) const;
  void paintFace(QPainter& p, const QRectF& target, const QImage& image, const std::vector<QPointF>& landmarks,
                 const std::vector<FaceOutline>& highlight, const QColor& tint) const;
  void paintOverlaid(QPainter& p);
  void paintLabel(QPainter& p, const QRectF& face, const QString& text) const;

  QImage a_, b_;
  std::vector<QPointF> landmarksA_, landmarksB_;
  std::vector<FaceOutline> highlightA_, highlightB_;
  FaceViewMode mode_ = FaceViewMode::SideBySide;
  double blend_ = 0.5;
  double wipe_ = 0.5;
  bool landmarks_ = true;
  bool flickerB_ = false;
  QTimer flicker_;
};

}  // namespace ridgeline::views
