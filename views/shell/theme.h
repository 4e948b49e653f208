#pragma once
// Light and dark palettes on the Fusion style: calm, neutral greys so the
// prints, not the chrome, carry the colour (an examiner judges ridge detail
// and overlay colours; a tinted UI would bias both).
#include <QString>

class QApplication;

namespace ridgeline::views {

enum class Theme { Light, Dark };

void applyTheme(QApplication& app, Theme theme);
Theme themeFromName(const QString& name);  // "dark" -> Dark, anything else Light
QString themeName(Theme theme);

}  // namespace ridgeline::views
