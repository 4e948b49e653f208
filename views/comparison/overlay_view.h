#pragma once
// Overlay mode: the candidate laid over the probe, placed by the rigid fit
// of the examiner's correspondences (core/fingerprint/overlay_alignment).
// Opacity, tint (probe magenta, candidate green: ridges that coincide turn
// black, ridges of one print alone keep its colour) and flicker (the two
// prints alternate, so any ridge that moves catches the eye).
#include <QWidget>

#include "core/fingerprint/overlay_alignment.h"

class QCheckBox;
class QGraphicsPixmapItem;
class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QSlider;
class QTimer;

namespace ridgeline::views {

class OverlayView : public QWidget {
  Q_OBJECT
 public:
  explicit OverlayView(QWidget* parent = nullptr);

  // Greyscale prints as currently shown (working copies if enhanced).
  void setPrints(const QImage& probe, const QImage& candidate, const fingerprint::OverlayAlignment& alignment);
  const fingerprint::OverlayAlignment& alignment() const { return alignment_; }

  QSlider* opacitySlider() const { return opacity_; }
  QCheckBox* tintBox() const { return tint_; }
  QCheckBox* flickerBox() const { return flicker_; }
  QGraphicsView* view() const { return view_; }
  bool candidateShown() const;
  QString summary() const;

  void fit();

 protected:
  void resizeEvent(QResizeEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;
  void hideEvent(QHideEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void refreshImages();
  void refreshOpacity();
  void setFlicker(bool on);

  QGraphicsScene* scene_;
  QGraphicsView* view_;
  QGraphicsPixmapItem* probeItem_;
  QGraphicsPixmapItem* candidateItem_;
  QSlider* opacity_;
  QCheckBox* tint_;
  QCheckBox* flicker_;
  QLabel* summary_;
  QTimer* flickerTimer_;
  QImage probe_, candidate_;
  fingerprint::OverlayAlignment alignment_;
  bool navigated_ = false;  // the examiner zoomed: keep the view until overlay mode is left
};

// A grey print as coloured ink on white paper (dark ridges take the colour).
QImage inkPrint(const QImage& grey, const QColor& ink);

}  // namespace ridgeline::views
