#include "views/queue/queue_table_model.h"

#include <QBrush>
#include <QColor>
#include "views/util/score_text.h"

namespace ridgeline::views {

QString formatAge(qint64 seconds) {
  if (seconds < 0) return QStringLiteral("—");
  if (seconds < 60) return QObject::tr("%1 s").arg(seconds);
  if (seconds < 3600) return QObject::tr("%1 min").arg(seconds / 60);
  if (seconds < 86400) return QObject::tr("%1 h").arg(seconds / 3600);
  return QObject::tr("%1 d").arg(seconds / 86400);
}

QueueTableModel::QueueTableModel(QObject* parent)
    : QAbstractTableModel(parent), now_(QDateTime::currentDateTimeUtc()) {}

void QueueTableModel::setCases(std::vector<Case> cases) {
  beginResetModel();
  cases_ = std::move(cases);
  endResetModel();
}

const Case* QueueTableModel::caseAt(int row) const {
  return row >= 0 && row < static_cast<int>(cases_.size()) ? &cases_[static_cast<size_t>(row)] : nullptr;
}

void QueueTableModel::setNow(const QDateTime& now) {
  now_ = now;
  if (!cases_.empty()) emit dataChanged(index(0, Age), index(rowCount() - 1, Age));
}

int QueueTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(cases_.size());
}

int QueueTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

qint64 QueueTableModel::ageSeconds(const Case& c) const {
  const auto received = QDateTime::fromString(QString::fromStdString(c.receivedAt), Qt::ISODateWithMs);
  return received.isValid() ? received.secsTo(now_) : -1;
}

QVariant QueueTableModel::display(const Case& c, int column) const {
  switch (column) {
    case Priority: return c.priority;
    case HubId: return QString::fromStdString(c.hubId);
    case Modality: return QString::fromUtf8(toCode(c.modality).data(), static_cast<int>(toCode(c.modality).size()));
    case Score: return QStringLiteral("%1 / %2").arg(scoreText(c.bestHubScore)).arg(scoreText(c.hubThreshold));
    case Age: return formatAge(ageSeconds(c));
    case Lease: return c.leaseHolder.empty() ? QStringLiteral("—") : QString::fromStdString(c.leaseHolder);
    case Status: {
      auto label = toLabel(c.status);
      return QString::fromUtf8(label.data(), static_cast<int>(label.size()));
    }
  }
  return {};
}

QVariant QueueTableModel::sortValue(const Case& c, int column) const {
  switch (column) {
    case Priority: return c.priority;
    // How far below threshold: the hub's own margin, comparable across modalities.
    case Score: return c.hubThreshold > 0 ? c.bestHubScore / c.hubThreshold : c.bestHubScore;
    case Age: return ageSeconds(c);
    case Status: return static_cast<int>(c.status);
    default: return display(c, column);
  }
}

QVariant QueueTableModel::data(const QModelIndex& index, int role) const {
  const Case* c = caseAt(index.row());
  if (!c || index.column() < 0 || index.column() >= ColumnCount) return {};
  switch (role) {
    case Qt::DisplayRole: return display(*c, index.column());
    case SortRole: return sortValue(*c, index.column());
    case ModalityCodeRole: return QString::fromUtf8(toCode(c->modality).data());
    case StatusCodeRole: return QString::fromUtf8(toCode(c->status).data());
    case CaseIdRole: return QVariant::fromValue<qint64>(c->id);
    case Qt::TextAlignmentRole:
      return index.column() == Priority || index.column() == Score || index.column() == Age
                 ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                 : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
      if (index.column() == Score)
        return tr("Best hub score %1, hub threshold %2: below threshold, so a human decides.")
            .arg(c->bestHubScore)
            .arg(c->hubThreshold);
      return {};
    default: return {};
  }
}

QVariant QueueTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Priority: return tr("Pri");
    case HubId: return tr("Search");
    case Modality: return tr("Modality");
    case Score: return tr("Score / threshold");
    case Age: return tr("Age");
    case Lease: return tr("Lease");
    case Status: return tr("Status");
  }
  return {};
}

}  // namespace ridgeline::views
