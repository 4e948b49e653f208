#include "views/comparison/correspondence_overlay.h"

#include <QPainter>
#include <map>

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
  for (PrintCanvas* c : {probe_, candidate_}) {
    connect(c, &PrintCanvas::viewChanged, this, qOverload<>(&QWidget::update));
    connect(c, &PrintCanvas::settled, this, qOverload<>(&QWidget::update));
  }
  connect(links_, &CorrespondenceDocument::changed, this, qOverload<>(&QWidget::update));
}

bool CorrespondenceOverlay::isDrawingSmooth() const { return !probe_->isMoving() && !candidate_->isMoving(); }

void CorrespondenceOverlay::setLinesVisible(bool visible) {
  visible_ = visible;
  update();
}

void CorrespondenceOverlay::paintEvent(QPaintEvent*) {
  drawn_ = 0;
  if (!visible_ || !probe_->isVisible() || !candidate_->isVisible()) return;
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing, isDrawingSmooth());
  const QRect probeArea(probe_->mapTo(parentWidget(), QPoint()), probe_->size());
  const QRect candidateArea(candidate_->mapTo(parentWidget(), QPoint()), candidate_->size());
  // One stroke per correspondence type: a pen change per line costs more
  // than the lines themselves (bench_case_view, 100 links).
  std::map<CorrespondenceType, QVector<QLineF>> byType;
  for (const auto& c : links_->correspondences()) {
    const auto a = probe_->minutiaWidgetPos(c.probeMinutia);
    const auto b = candidate_->minutiaWidgetPos(c.candidateMinutia);
    if (!a || !b) continue;
    const QPointF from = probe_->mapTo(parentWidget(), a->toPoint());
    const QPointF to = candidate_->mapTo(parentWidget(), b->toPoint());
    if (!probeArea.contains(from.toPoint()) || !candidateArea.contains(to.toPoint())) continue;
    byType[c.type].append(QLineF(mapFromParent(from.toPoint()), mapFromParent(to.toPoint())));
    ++drawn_;
  }
  for (const auto& [type, lines] : byType) {
    QColor colour = glyph::correspondenceColour(type);
    colour.setAlpha(200);
    p.setPen(QPen(colour, 1.5, type == CorrespondenceType::Definite ? Qt::SolidLine : Qt::DashLine));
    p.drawLines(lines);
  }
}

}  // namespace ridgeline::views
