#include "views/comparison/correspondence_overlay.h"

#include <QPainter>

#include "views/comparison/correspondence_document.h"
#include "views/comparison/glyph_style.h"
#include "views/comparison/print_canvas.h"

namespace ridgeline::views {

CorrespondenceOverlay::CorrespondenceOverlay(PrintCanvas* probe, PrintCanvas* candidate,
                                             const CorrespondenceDocument* links, QWidget* parent)
    : QWidget(parent), probe_(probe), candidate_(candidate), links_(links) {
  setAttribute(Qt::WA_TransparentForMouseEvents);
  setAttribute(Qt::WA_NoSystemBackground);
  setObjectName("correspondenceOverlay");
  for (PrintCanvas* c : {probe_, candidate_})
    connect(c, &PrintCanvas::viewChanged, this, qOverload<>(&QWidget::update));
  connect(links_, &CorrespondenceDocument::changed, this, qOverload<>(&QWidget::update));
}

void CorrespondenceOverlay::setLinesVisible(bool visible) {
  visible_ = visible;
  update();
}

void CorrespondenceOverlay::paintEvent(QPaintEvent*) {
  drawn_ = 0;
  if (!visible_ || !probe_->isVisible() || !candidate_->isVisible()) return;
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QRect probeArea(probe_->mapTo(parentWidget(), QPoint()), probe_->size());
  const QRect candidateArea(candidate_->mapTo(parentWidget(), QPoint()), candidate_->size());
  for (const auto& c : links_->correspondences()) {
    const auto a = probe_->minutiaWidgetPos(c.probeMinutia);
    const auto b = candidate_->minutiaWidgetPos(c.candidateMinutia);
    if (!a || !b) continue;
    const QPointF from = probe_->mapTo(parentWidget(), a->toPoint());
    const QPointF to = candidate_->mapTo(parentWidget(), b->toPoint());
    if (!probeArea.contains(from.toPoint()) || !candidateArea.contains(to.toPoint())) continue;
    QColor colour = glyph::correspondenceColour(c.type);
    colour.setAlpha(200);
    QPen pen(colour, 1.5, c.type == CorrespondenceType::Definite ? Qt::SolidLine : Qt::DashLine);
    p.setPen(pen);
    p.drawLine(mapFromParent(from.toPoint()), mapFromParent(to.toPoint()));
    ++drawn_;
  }
}

}  // namespace ridgeline::views
