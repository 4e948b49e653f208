#include "views/comparison/shortcut_help_overlay.h"

#include <QAction>
#include <QPainter>

namespace ridgeline::views {

ShortcutHelpOverlay::ShortcutHelpOverlay(const QList<QAction*>& actions, QWidget* parent) : QWidget(parent) {
  setObjectName("shortcutHelp");
  for (QAction* a : actions)
    if (!a->shortcut().isEmpty())
      entries_.append({a->text().remove('&'), a->shortcut().toString(QKeySequence::NativeText)});
}

void ShortcutHelpOverlay::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.fillRect(rect(), QColor(0, 0, 0, 150));
  QFont f = font();
  f.setPixelSize(15);
  p.setFont(f);
  const int lineHeight = p.fontMetrics().height() + 8;
  const int width = 520, height = lineHeight * (static_cast<int>(entries_.size()) + 2);
  const QRect box((this->width() - width) / 2, std::max(20, (this->height() - height) / 2), width, height);
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(30, 33, 38, 240));
  p.drawRoundedRect(box, 10, 10);
  p.setPen(Qt::white);
  f.setBold(true);
  p.setFont(f);
  p.drawText(box.adjusted(24, 12, -24, 0), Qt::AlignTop | Qt::AlignLeft, tr("Keyboard shortcuts (press ? to close)"));
  f.setBold(false);
  p.setFont(f);
  int y = box.top() + 12 + lineHeight + 4;
  for (const auto& [action, keys] : entries_) {
    p.setPen(QColor(0xe3, 0xe6, 0xea));
    p.drawText(QRect(box.left() + 24, y, 330, lineHeight), Qt::AlignVCenter | Qt::AlignLeft, action);
    p.setPen(QColor(0xf2, 0xb1, 0x34));
    p.drawText(QRect(box.left() + 354, y, 150, lineHeight), Qt::AlignVCenter | Qt::AlignRight, keys);
    y += lineHeight;
  }
}

void ShortcutHelpOverlay::mousePressEvent(QMouseEvent*) { hide(); }

}  // namespace ridgeline::views
