#include "views/comparison/overlay_view.h"

#include <QCheckBox>
#include <QGraphicsPixmapItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <cmath>

namespace ridgeline::views {
namespace {

constexpr int kFlickerMs = 400;  // ~1.25 Hz full cycle: slow enough to follow one ridge
const QColor kProbeInk(200, 0, 160);    // magenta
const QColor kCandidateInk(0, 150, 60);  // green; magenta x green multiplies to near black

// The candidate multiplies onto the probe when tinted, so ink only adds
// darkness and the coincidence of two ridges reads as black.
class MultiplyPixmapItem : public QGraphicsPixmapItem {
 public:
  bool multiply = false;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override {
    if (multiply) painter->setCompositionMode(QPainter::CompositionMode_Multiply);
    QGraphicsPixmapItem::paint(painter, option, widget);
    painter->setCompositionMode(QPainter::CompositionMode_SourceOver);
  }
};

}  // namespace

QImage inkPrint(const QImage& grey, const QColor& ink) {
  const QImage g = grey.convertToFormat(QImage::Format_Grayscale8);
  QImage out(g.size(), QImage::Format_RGB32);
  for (int y = 0; y < g.height(); ++y) {
    const uchar* in = g.constScanLine(y);
    auto* line = reinterpret_cast<QRgb*>(out.scanLine(y));
    for (int x = 0; x < g.width(); ++x) {
      const int paper = in[x];  // 255 white paper .. 0 full ink
      auto mix = [paper](int c) { return (255 * paper + c * (255 - paper)) / 255; };
      line[x] = qRgb(mix(ink.red()), mix(ink.green()), mix(ink.blue()));
    }
  }
  return out;
}

OverlayView::OverlayView(QWidget* parent)
    : QWidget(parent),
      scene_(new QGraphicsScene(this)),
      view_(new QGraphicsView(scene_)),
      probeItem_(new QGraphicsPixmapItem),
      candidateItem_(new MultiplyPixmapItem),
      opacity_(new QSlider(Qt::Horizontal)),
      tint_(new QCheckBox(tr("Tint (probe magenta, candidate green)"))),
      flicker_(new QCheckBox(tr("Flicker"))),
      summary_(new QLabel),
      flickerTimer_(new QTimer(this)) {
  setObjectName("overlayView");
  scene_->addItem(probeItem_);
  scene_->addItem(candidateItem_);
  probeItem_->setTransformationMode(Qt::SmoothTransformation);
  candidateItem_->setTransformationMode(Qt::SmoothTransformation);
  view_->setDragMode(QGraphicsView::ScrollHandDrag);
  view_->setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
  // White paper: the tinted candidate multiplies onto it, so its ridges stay
  // visible where it reaches past the probe's edges.
  view_->setBackgroundBrush(Qt::white);
  view_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  view_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  view_->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  view_->viewport()->installEventFilter(this);
  opacity_->setRange(0, 100);
  opacity_->setValue(50);
  opacity_->setMaximumWidth(220);
  opacity_->setToolTip(tr("How much of the candidate covers the probe"));
  tint_->setChecked(true);
  summary_->setWordWrap(true);
  flickerTimer_->setInterval(kFlickerMs);

  auto* controls = new QHBoxLayout;
  controls->addWidget(new QLabel(tr("Candidate opacity")));
  controls->addWidget(opacity_);
  controls->addSpacing(12);
  controls->addWidget(tint_);
  controls->addWidget(flicker_);
  controls->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(controls);
  layout->addWidget(summary_);
  layout->addWidget(view_, 1);

  connect(opacity_, &QSlider::valueChanged, this, [this] { refreshOpacity(); });
  connect(tint_, &QCheckBox::toggled, this, [this] { refreshImages(); });
  connect(flicker_, &QCheckBox::toggled, this, [this](bool on) { setFlicker(on); });
  connect(flickerTimer_, &QTimer::timeout, this,
          [this] { candidateItem_->setVisible(!candidateItem_->isVisible()); });
}

void OverlayView::setPrints(const QImage& probe, const QImage& candidate,
                            const fingerprint::OverlayAlignment& alignment) {
  probe_ = probe;
  candidate_ = candidate;
  alignment_ = alignment;
  const auto& a = alignment;
  candidateItem_->setTransform(QTransform(a.m11, a.m21, a.m12, a.m22, a.dx, a.dy));
  candidateItem_->setVisible(a.valid);
  refreshImages();
  summary_->setText(summary());
  if (!navigated_) fit();  // a new correspondence must not throw away the examiner's zoom
}

QString OverlayView::summary() const {
  const auto& a = alignment_;
  if (!a.valid)
    return tr("Mark at least two correspondences (definite or possible) to lay the candidate over the probe; "
              "%1 marked so far.")
        .arg(a.pairs);
  return tr("Candidate laid over the probe by a rigid fit of %1 correspondences: turned %2°, "
            "residual %3 mm RMS (skin distortion and misplaced pairs raise it).")
      .arg(a.pairs)
      .arg(a.rotationDegrees, 0, 'f', 1)
      .arg(a.rmsResidualMm, 0, 'f', 2);
}

bool OverlayView::candidateShown() const { return candidateItem_->isVisible(); }

void OverlayView::refreshImages() {
  const bool tinted = tint_->isChecked();
  probeItem_->setPixmap(QPixmap::fromImage(tinted ? inkPrint(probe_, kProbeInk) : probe_));
  candidateItem_->setPixmap(QPixmap::fromImage(tinted ? inkPrint(candidate_, kCandidateInk) : candidate_));
  static_cast<MultiplyPixmapItem*>(candidateItem_)->multiply = tinted;
  refreshOpacity();
}

void OverlayView::refreshOpacity() {
  // Flicker alternates whole prints; a half-transparent one would hide the change.
  candidateItem_->setOpacity(flicker_->isChecked() ? 1.0 : opacity_->value() / 100.0);
  scene_->update();
}

void OverlayView::setFlicker(bool on) {
  if (on && alignment_.valid)
    flickerTimer_->start();
  else {
    flickerTimer_->stop();
    candidateItem_->setVisible(alignment_.valid);
  }
  opacity_->setEnabled(!on);
  refreshOpacity();
}

void OverlayView::fit() {
  const QRectF bounds = probeItem_->sceneBoundingRect().united(
      candidateItem_->isVisible() || flicker_->isChecked() ? candidateItem_->sceneBoundingRect() : QRectF());
  scene_->setSceneRect(bounds.adjusted(-50, -50, 50, 50));
  view_->fitInView(bounds, Qt::KeepAspectRatio);
}

bool OverlayView::eventFilter(QObject* watched, QEvent* event) {
  // The wheel zooms about the pointer, as on the side-by-side canvases.
  if (watched == view_->viewport() && event->type() == QEvent::Wheel) {
    const double steps = static_cast<QWheelEvent*>(event)->angleDelta().y() / 120.0;
    view_->scale(std::pow(1.15, steps), std::pow(1.15, steps));
    navigated_ = true;
    return true;
  }
  return QWidget::eventFilter(watched, event);
}

void OverlayView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (!navigated_) fit();
}

void OverlayView::showEvent(QShowEvent* event) {
  navigated_ = false;  // each visit to overlay mode starts fitted
  QWidget::showEvent(event);
  fit();
}

void OverlayView::hideEvent(QHideEvent* event) {
  flicker_->setChecked(false);  // no timer running behind the side-by-side view
  QWidget::hideEvent(event);
}

}  // namespace ridgeline::views
