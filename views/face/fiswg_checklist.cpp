#include "views/face/fiswg_checklist.h"

#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/face/fiswg_components.h"

namespace ridgeline::views {
namespace {
const QStringList kAssessments{"", "similar", "dissimilar", "not visible"};
}

FiswgChecklist::FiswgChecklist(QWidget* parent) : QWidget(parent), table_(new QTableWidget(this)) {
  setObjectName("fiswgChecklist");
  const auto& regions = face::fiswgRegions();
  table_->setColumnCount(3);
  table_->setRowCount(static_cast<int>(regions.size()));
  table_->setHorizontalHeaderLabels({tr("FISWG component"), tr("Assessment"), tr("Note")});
  table_->verticalHeader()->hide();
  // Rows as tall as the assessment box needs and no taller: more of the
  // nineteen components in view at once.
  table_->verticalHeader()->setDefaultSectionSize(QComboBox().sizeHint().height() + 2);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);
  for (int row = 0; row < table_->rowCount(); ++row) {
    const auto& region = regions[static_cast<size_t>(row)];
    auto* name = new QTableWidgetItem(QString::fromUtf8(region.name.data(), static_cast<int>(region.name.size())));
    name->setFlags(name->flags() & ~Qt::ItemIsEditable);
    if (region.coverage == face::LandmarkCoverage::None)
      name->setToolTip(tr("Not located by the landmarks: look for it on the photos"));
    table_->setItem(row, 0, name);
    auto* combo = new QComboBox;
    combo->addItems({tr("—"), tr("similar"), tr("dissimilar"), tr("not visible")});
    connect(combo, &QComboBox::currentIndexChanged, this, &FiswgChecklist::changed);
    table_->setCellWidget(row, 1, combo);
    table_->setItem(row, 2, new QTableWidgetItem);
  }
  connect(table_, &QTableWidget::itemChanged, this, &FiswgChecklist::changed);
  connect(table_, &QTableWidget::currentCellChanged, this, [this](int row) { emit componentSelected(row); });
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(table_);
}

int FiswgChecklist::componentCount() const { return table_->rowCount(); }

void FiswgChecklist::setNote(int row, const QString& note) { table_->item(row, 2)->setText(note); }

QString FiswgChecklist::note(int row) const { return table_->item(row, 2)->text().trimmed(); }

void FiswgChecklist::setAssessment(int row, const QString& assessment) {
  static_cast<QComboBox*>(table_->cellWidget(row, 1))->setCurrentIndex(std::max(0, int(kAssessments.indexOf(assessment))));
}

QString FiswgChecklist::assessment(int row) const {
  return kAssessments.value(static_cast<QComboBox*>(table_->cellWidget(row, 1))->currentIndex());
}

int FiswgChecklist::assessedCount() const {
  int n = 0;
  for (int row = 0; row < table_->rowCount(); ++row) n += !assessment(row).isEmpty();
  return n;
}

QString FiswgChecklist::summary() const {
  QStringList lines;
  for (int row = 0; row < table_->rowCount(); ++row) {
    if (assessment(row).isEmpty()) continue;
    const QString note = table_->item(row, 2)->text().trimmed();
    lines << QStringLiteral("%1: %2%3").arg(table_->item(row, 0)->text(), assessment(row),
                                            note.isEmpty() ? QString() : " (" + note + ")");
  }
  return lines.join('\n');
}

QString FiswgChecklist::toJson() const {
  QJsonArray rows;
  for (int row = 0; row < table_->rowCount(); ++row)
    rows.append(QJsonObject{{"component", table_->item(row, 0)->text()},
                            {"assessment", assessment(row)},
                            {"note", table_->item(row, 2)->text().trimmed()}});
  return QString::fromUtf8(QJsonDocument(QJsonObject{{"fiswg", rows}}).toJson(QJsonDocument::Compact));
}

}  // namespace ridgeline::views
