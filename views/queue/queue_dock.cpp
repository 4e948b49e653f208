#include "views/queue/queue_dock.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedLayout>
#include <QTableView>
#include <QVBoxLayout>

#include "views/queue/queue_table_model.h"

namespace ridgeline::views {
namespace {

// Free text matches the search id; the modality combo matches the code.
class QueueFilterProxy : public QSortFilterProxyModel {
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;
  QString modality;
  QString text;
  void refresh() { invalidateFilter(); }

 protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
    const auto idx = sourceModel()->index(row, QueueTableModel::HubId, parent);
    if (!modality.isEmpty() && idx.data(QueueTableModel::ModalityCodeRole).toString() != modality) return false;
    return text.isEmpty() || idx.data().toString().contains(text, Qt::CaseInsensitive);
  }
};

}  // namespace

QueueDock::QueueDock(QWidget* parent)
    : QDockWidget(tr("Review queue"), parent),
      model_(new QueueTableModel(this)),
      proxy_(new QueueFilterProxy(this)),
      table_(new QTableView),
      search_(new QLineEdit),
      modality_(new QComboBox),
      sync_(new QPushButton(tr("Sync"))),
      empty_(new QLabel),
      stack_(new QStackedLayout) {
  setObjectName("queueDock");
  proxy_->setSourceModel(model_);
  proxy_->setSortRole(QueueTableModel::SortRole);
  table_->setModel(proxy_);
  table_->setObjectName("queueTable");
  table_->setSortingEnabled(true);
  table_->sortByColumn(QueueTableModel::Priority, Qt::AscendingOrder);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setAlternatingRowColors(true);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  // Uniform rows keep 10,000-row queues fast: no per-row size computation.
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);

  search_->setPlaceholderText(tr("Filter by search id"));
  search_->setClearButtonEnabled(true);
  modality_->addItem(tr("All modalities"), QString());
  modality_->addItem(tr("Fingerprint"), QStringLiteral("fingerprint"));
  modality_->addItem(tr("Palm"), QStringLiteral("palm"));
  modality_->addItem(tr("Face"), QStringLiteral("face"));
  sync_->setToolTip(tr("Pull the queue from the hub and send waiting decisions (Ctrl+R)"));

  empty_->setWordWrap(true);
  empty_->setAlignment(Qt::AlignCenter);
  empty_->setObjectName("queueEmptyMessage");
  empty_->setMargin(16);

  auto* bar = new QHBoxLayout;
  bar->addWidget(search_, 1);
  bar->addWidget(modality_);
  bar->addWidget(sync_);
  stack_->addWidget(table_);
  stack_->addWidget(empty_);
  auto* body = new QWidget;
  auto* layout = new QVBoxLayout(body);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addLayout(bar);
  layout->addLayout(stack_, 1);
  setWidget(body);
  setEmptyMessage(tr("The queue is empty. Press Sync to pull cases from the hub."));

  connect(search_, &QLineEdit::textChanged, this, &QueueDock::applyFilters);
  connect(modality_, &QComboBox::currentIndexChanged, this, &QueueDock::applyFilters);
  connect(sync_, &QPushButton::clicked, this, &QueueDock::syncRequested);
  connect(table_, &QTableView::activated, this, [this](const QModelIndex& index) {
    emit caseActivated(index.data(QueueTableModel::CaseIdRole).toLongLong());
  });
  connect(model_, &QAbstractItemModel::modelReset, this, &QueueDock::updateEmptyState);
  updateEmptyState();
}

void QueueDock::setEmptyMessage(const QString& message) {
  empty_->setText(message);
  updateEmptyState();
}

void QueueDock::applyFilters() {
  auto* proxy = static_cast<QueueFilterProxy*>(proxy_);
  proxy->text = search_->text();
  proxy->modality = modality_->currentData().toString();
  proxy->refresh();
}

void QueueDock::updateEmptyState() {
  stack_->setCurrentIndex(model_->rowCount() == 0 ? 1 : 0);
}

}  // namespace ridgeline::views
