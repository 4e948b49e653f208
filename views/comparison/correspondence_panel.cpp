#include "views/comparison/correspondence_panel.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include "views/comparison/correspondence_document.h"
#include "views/comparison/glyph_style.h"
#include "views/comparison/markup_commands.h"

namespace ridgeline::views {

CorrespondencePanel::CorrespondencePanel(CorrespondenceDocument* links, QUndoStack* undo, QWidget* parent)
    : QWidget(parent), links_(links), undo_(undo), table_(new QTableWidget(0, 4, this)), summary_(new QLabel(this)) {
  setObjectName("correspondencePanel");
  // Short headers: four columns fit the panel's width at 1280 x 800 without scrolling.
  table_->setHorizontalHeaderLabels({tr("#"), tr("Minutiae"), tr("Type"), tr("Ridges")});
  table_->horizontalHeaderItem(1)->setToolTip(tr("The probe's minutia ↔ the candidate's"));
  table_->horizontalHeaderItem(3)->setToolTip(
      tr("Ridge counts from this correspondence to its nearest others (up to three): how many agree within one ridge "
         "on both prints, of how many could be read"));
  table_->verticalHeader()->hide();
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);

  auto* buttons = new QGridLayout;
  auto add = [&](const QString& text, const QString& tip, void (CorrespondencePanel::*slot)(), int row, int col) {
    auto* b = new QPushButton(text, this);
    b->setToolTip(tip);
    connect(b, &QPushButton::clicked, this, slot);
    buttons->addWidget(b, row, col);
  };
  add(tr("Definite"), tr("Accept the selected correspondence as definite (Enter)"),
      &CorrespondencePanel::acceptSelected, 0, 0);
  add(tr("Possible"), tr("Keep it as possible"), &CorrespondencePanel::markSelectedPossible, 0, 1);
  add(tr("Does not exist"), tr("The feature is absent in the other print"),
      &CorrespondencePanel::markSelectedDoesNotExist, 1, 0);
  add(tr("Remove"), tr("Remove the selected correspondence"), &CorrespondencePanel::removeSelected, 1, 1);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(summary_);
  layout->addWidget(table_, 1);
  layout->addLayout(buttons);
  connect(links_, &CorrespondenceDocument::changed, this, &CorrespondencePanel::refresh);
  connect(table_, &QTableWidget::itemSelectionChanged, this, [this] { emit correspondenceSelected(selectedPosition()); });
  refresh();
}

int CorrespondencePanel::selectedPosition() const {
  const auto rows = table_->selectionModel()->selectedRows();
  return rows.isEmpty() ? -1 : rows.first().row();
}

void CorrespondencePanel::refresh() {
  const int keep = selectedPosition();
  table_->setRowCount(links_->count());
  int definite = 0, possible = 0;
  for (int row = 0; row < links_->count(); ++row) {
    const auto& c = links_->correspondences()[static_cast<size_t>(row)];
    definite += c.type == CorrespondenceType::Definite;
    possible += c.type == CorrespondenceType::Possible;
    auto* number = new QTableWidgetItem(QString::number(c.label));
    number->setForeground(glyph::correspondenceColour(c.type));
    QFont bold = number->font();
    bold.setBold(true);
    number->setFont(bold);
    table_->setItem(row, 0, number);
    table_->setItem(row, 1, new QTableWidgetItem(tr("m%1 ↔ m%2").arg(c.probeMinutia + 1).arg(c.candidateMinutia + 1)));
    table_->setItem(row, 2, new QTableWidgetItem(QString::fromUtf8(toLabel(c.type).data())));
  }
  fillRidgeCounts();
  summary_->setText(tr("%1 definite, %2 possible, %3 in all").arg(definite).arg(possible).arg(links_->count()));
  if (keep >= 0 && keep < links_->count()) table_->selectRow(keep);
}

void CorrespondencePanel::setRidgeCountCheck(RidgeCountCheck check) {
  ridgeCounts_ = std::move(check);
  refresh();
}

// "2/3": two of the three counts read agree within one ridge. More than half
// disagreeing is shown in red: the ridges between this correspondence and its
// neighbours do not add up, which an examiner checks before accepting it.
void CorrespondencePanel::fillRidgeCounts() {
  const std::vector<fingerprint::RidgeCountAgreement> counts =
      ridgeCounts_ ? ridgeCounts_(links_->correspondences()) : std::vector<fingerprint::RidgeCountAgreement>{};
  for (int row = 0; row < links_->count(); ++row) {
    auto* item = new QTableWidgetItem(QStringLiteral("–"));
    if (size_t(row) < counts.size() && counts[size_t(row)].compared > 0) {
      const auto& c = counts[size_t(row)];
      item->setText(QStringLiteral("%1/%2").arg(c.withinOne).arg(c.compared));
      item->setToolTip(tr("%1 of %2 ridge counts to the nearest correspondences agree within one ridge (%3 exactly)")
                           .arg(c.withinOne)
                           .arg(c.compared)
                           .arg(c.exact));
      if (2 * (c.compared - c.withinOne) > c.compared) item->setForeground(QColor(200, 30, 30));
    } else {
      item->setToolTip(tr("No ridge count: no other correspondence within reach, or no ridge image"));
    }
    table_->setItem(row, 3, item);
  }
}

static void setType(CorrespondenceDocument* links, QUndoStack* undo, int position, CorrespondenceType type) {
  if (position < 0 || links->correspondences()[static_cast<size_t>(position)].type == type) return;
  undo->push(new SetCorrespondenceTypeCommand(links, position, type));
}

void CorrespondencePanel::acceptSelected() { setType(links_, undo_, selectedPosition(), CorrespondenceType::Definite); }
void CorrespondencePanel::markSelectedPossible() {
  setType(links_, undo_, selectedPosition(), CorrespondenceType::Possible);
}
void CorrespondencePanel::markSelectedDoesNotExist() {
  setType(links_, undo_, selectedPosition(), CorrespondenceType::DoesNotExist);
}

void CorrespondencePanel::removeSelected() {
  if (const int p = selectedPosition(); p >= 0) undo_->push(new RemoveCorrespondenceCommand(links_, p));
}

void CorrespondencePanel::acceptAllPossible() {
  undo_->beginMacro(tr("Accept all possible correspondences"));
  for (int p = 0; p < links_->count(); ++p)
    setType(links_, undo_, p, CorrespondenceType::Definite);
  undo_->endMacro();
}

}  // namespace ridgeline::views
