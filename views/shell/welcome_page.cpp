#include "views/shell/welcome_page.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>
#include <QVBoxLayout>

namespace ridgeline::views {

// Rendered at device resolution so the icon stays crisp on 4K screens.
static QPixmap renderSvg(const QString& path, int side, qreal ratio) {
  QPixmap pixmap(QSize(side, side) * ratio);
  pixmap.fill(Qt::transparent);
  QSvgRenderer renderer(path);
  QPainter painter(&pixmap);
  renderer.render(&painter);
  pixmap.setDevicePixelRatio(ratio);
  return pixmap;
}

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent), summary_(new QLabel(this)) {
  setObjectName("welcomePage");
  auto* icon = new QLabel(this);
  icon->setPixmap(renderSvg(QStringLiteral(":/ridgeline/icon.svg"), 96, devicePixelRatioF()));
  auto* title = new QLabel(tr("<h1 style='font-weight:600'>Ridgeline</h1>"), this);
  auto* steps = new QLabel(
      tr("<p style='line-height:140%'>Cases come here when the hub's best candidate scores "
         "<b>below its threshold</b> and an examiner must decide.</p>"
         "<ol style='line-height:150%'>"
         "<li><b>Analysis</b>: the probe alone; mark minutiae, clarity and value, then lock it.</li>"
         "<li><b>Comparison</b>: probe and candidate side by side, numbered correspondences.</li>"
         "<li><b>Evaluation</b>: identification, inconclusive or exclusion, with a written rationale.</li>"
         "<li><b>Verification</b>: a second examiner repeats it blind.</li></ol>"),
      this);
  // Separate label: QLabel under-measures rich text that follows a list.
  auto* howTo = new QLabel(tr("Open a case from the <b>Review queue</b> (double-click or Enter). "
                              "Press <b>Ctrl+R</b> to sync with the hub, <b>F1</b> for keyboard shortcuts."),
                           this);
  howTo->setWordWrap(true);
  steps->setWordWrap(true);
  summary_->setObjectName("welcomeSummary");
  for (QLabel* centred : {icon, title, summary_}) centred->setAlignment(Qt::AlignHCenter);

  // A fixed-width column with no alignment flags inside: only then does the
  // layout give word-wrapped labels their height-for-width.
  auto* column = new QWidget(this);
  column->setFixedWidth(560);
  auto* inner = new QVBoxLayout(column);
  inner->setContentsMargins(0, 0, 0, 0);
  for (QWidget* w : std::initializer_list<QWidget*>{icon, title, summary_, steps, howTo}) inner->addWidget(w);
  inner->insertSpacing(3, 12);

  auto* row = new QHBoxLayout;
  row->addStretch();
  row->addWidget(column);
  row->addStretch();
  auto* layout = new QVBoxLayout(this);
  layout->addStretch(2);
  layout->addLayout(row);
  layout->addStretch(3);
  setQueueSummary(0, 0);
}

void WelcomePage::setQueueSummary(int waiting, int leasedByMe) {
  QString text = waiting == 0   ? tr("No cases waiting for review.")
                 : waiting == 1 ? tr("1 case waiting for review")
                                : tr("%1 cases waiting for review").arg(waiting);
  if (waiting > 0 && leasedByMe > 0) text += tr(", %1 leased by you").arg(leasedByMe);
  summary_->setText(text);
}

}  // namespace ridgeline::views
