#pragma once
// How features are drawn, in one place so every canvas, the overlay and the
// PDF report agree. Colours follow common latent-workstation practice: type
// by hue, author by line style (examiner solid, automatic dashed).
#include <QColor>

#include "core/model/vocabulary.h"

namespace ridgeline::views::glyph {

inline QColor colourFor(MinutiaType type) {
  switch (type) {
    case MinutiaType::Ending: return QColor(0xe5, 0x3d, 0x34);       // red
    case MinutiaType::Bifurcation: return QColor(0x1f, 0x8f, 0xe0);  // blue
    case MinutiaType::Unknown: return QColor(0xe8, 0xb0, 0x00);      // amber
  }
  return Qt::magenta;
}

// EFS clarity colours for levels 1-5 (0 = background, not drawn).
inline QColor clarityColour(int level) {
  switch (level) {
    case 1: return QColor(230, 40, 40);    // red: debatable ridge flow
    case 2: return QColor(240, 210, 0);    // yellow: definitive ridge flow
    case 3: return QColor(40, 180, 60);    // green: definitive minutiae
    case 4: return QColor(40, 90, 230);    // blue: definitive ridge edges
    case 5: return QColor(0, 200, 220);    // aqua: definitive pores
    default: return Qt::transparent;
  }
}

inline QColor correspondenceColour(CorrespondenceType type) {
  switch (type) {
    case CorrespondenceType::Definite: return QColor(0x12, 0xb8, 0x6a);     // green
    case CorrespondenceType::Possible: return QColor(0xf0, 0x9a, 0x1a);     // orange
    case CorrespondenceType::DoesNotExist: return QColor(0xd0, 0x30, 0xa0); // magenta
    case CorrespondenceType::OutOfRegion: return QColor(0x80, 0x80, 0x80);
    case CorrespondenceType::Unclear: return QColor(0xa0, 0xa0, 0x40);
  }
  return Qt::white;
}

// Sizes in millimetres on the print, so glyphs mean the same at any ppi.
inline constexpr double kCircleRadiusMm = 0.32;
inline constexpr double kTailLengthMm = 0.85;
// Screen pixels; cosmetic pens keep lines crisp at any zoom.
inline constexpr double kLineWidthPx = 2.0;

inline double mmToPixels(double mm, double ppi) { return mm * ppi / 25.4; }

}  // namespace ridgeline::views::glyph
