#include "views/shell/theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

namespace ridgeline::views {
namespace {

QPalette lightPalette() {
  QPalette p;
  p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
  p.setColor(QPalette::WindowText, QColor(0x1d, 0x23, 0x2a));
  p.setColor(QPalette::Base, Qt::white);
  p.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf8, 0xfa));
  p.setColor(QPalette::Text, QColor(0x1d, 0x23, 0x2a));
  p.setColor(QPalette::Button, QColor(0xe9, 0xeb, 0xee));
  p.setColor(QPalette::ButtonText, QColor(0x1d, 0x23, 0x2a));
  p.setColor(QPalette::Highlight, QColor(0x2a, 0x6f, 0x97));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xfb, 0xe6));
  p.setColor(QPalette::ToolTipText, QColor(0x1d, 0x23, 0x2a));
  p.setColor(QPalette::Link, QColor(0x2a, 0x6f, 0x97));
  p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x80));
  p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9a, 0xa0, 0xa6));
  p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9a, 0xa0, 0xa6));
  p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9a, 0xa0, 0xa6));
  return p;
}

QPalette darkPalette() {
  QPalette p;
  p.setColor(QPalette::Window, QColor(0x25, 0x28, 0x2c));
  p.setColor(QPalette::WindowText, QColor(0xe3, 0xe6, 0xea));
  p.setColor(QPalette::Base, QColor(0x1b, 0x1d, 0x20));
  p.setColor(QPalette::AlternateBase, QColor(0x22, 0x25, 0x29));
  p.setColor(QPalette::Text, QColor(0xe3, 0xe6, 0xea));
  p.setColor(QPalette::Button, QColor(0x30, 0x34, 0x39));
  p.setColor(QPalette::ButtonText, QColor(0xe3, 0xe6, 0xea));
  p.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xb8));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x34, 0x39));
  p.setColor(QPalette::ToolTipText, QColor(0xe3, 0xe6, 0xea));
  p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xde));
  p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x90, 0x98));
  p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6b, 0x70, 0x76));
  p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6b, 0x70, 0x76));
  p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6b, 0x70, 0x76));
  return p;
}

}  // namespace

void applyTheme(QApplication& app, Theme theme) {
  app.setStyle(QStyleFactory::create("Fusion"));
  app.setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
}

Theme themeFromName(const QString& name) { return name.compare("dark", Qt::CaseInsensitive) == 0 ? Theme::Dark : Theme::Light; }

QString themeName(Theme theme) { return theme == Theme::Dark ? "dark" : "light"; }

}  // namespace ridgeline::views
