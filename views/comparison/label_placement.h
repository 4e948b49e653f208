#pragma once
// Where each correspondence number goes beside its minutia, so that no two
// numbers overlap and, where there is room, no number hides a minutia. An
// examiner reads the numbers to pair the two prints: one covering another
// ("1" under "4") is a misreading waiting to happen. Greedy, in the order
// given (the caller gives the lowest numbers first, so they keep the usual
// place above and to the right): each number takes the first free spot among
// eight around its minutia, then on three rings further out (drawn with a
// line back to the minutia), or the least crowded one when none is free. The map-labelling
// literature's simplest scheme (Christensen, Marks & Shieber, "An empirical
// study of algorithms for point-feature label placement", ACM TOG 14(3),
// 1995); a few dozen labels need nothing cleverer.
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <vector>

namespace ridgeline::views {

// Gap between a minutia and the near edge of its number, screen pixels.
inline constexpr double kLabelGap = 6;

// anchors: the minutiae the labels belong to; sizes: each label's box;
// obstacles: other points not to cover (every minutia on the print). All in
// one screen frame. Returns each label's box, relative to its anchor.
std::vector<QRectF> placeLabels(const std::vector<QPointF>& anchors, const std::vector<QSizeF>& sizes,
                                const std::vector<QPointF>& obstacles);

// True when a box (relative to its anchor) sits further out than the first
// ring, where a line back to the minutia shows whose number it is.
bool needsLeader(const QRectF& box);

}  // namespace ridgeline::views
