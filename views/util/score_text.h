#pragma once
// Scores as the examiner reads them. Hubs and matchers use different scales
// (0..1, 0..100, 0..10000), so a fixed number of decimals either hides the
// gap to the threshold (0.1 vs 0.15 shown as 0.1 / 0.1) or adds noise; four
// significant digits keep both readable.
#include <QString>

namespace ridgeline::views {

inline QString scoreText(double score) { return QString::number(score, 'g', 4); }

}  // namespace ridgeline::views
