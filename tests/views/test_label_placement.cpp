// Correspondence numbers beside their minutiae (views/comparison/label_placement.h):
// none overlaps another, none hides a minutia where there is room, and a lone
// number keeps its usual place above and to the right.
#include <QtTest>

#include "views/comparison/label_placement.h"

using ridgeline::views::kLabelGap;
using ridgeline::views::needsLeader;
using ridgeline::views::placeLabels;

namespace {
const QSizeF kBox(24, 18);

std::vector<QRectF> onScreen(const std::vector<QPointF>& anchors, const std::vector<QRectF>& boxes) {
  std::vector<QRectF> out;
  for (size_t i = 0; i < boxes.size(); ++i) out.push_back(boxes[i].translated(anchors[i]));
  return out;
}

// Overlapping, or closer than the 3 px that keep two numbers apart ("1" "4" is not 14).
bool anyOverlap(const std::vector<QRectF>& rects) {
  for (size_t i = 0; i < rects.size(); ++i)
    for (size_t j = i + 1; j < rects.size(); ++j)
      if (rects[i].adjusted(-2.9, -2.9, 2.9, 2.9).intersects(rects[j])) return true;
  return false;
}
}  // namespace

class TestLabelPlacement : public QObject {
  Q_OBJECT
 private slots:
  void aLoneNumberSitsAboveRight() {
    const auto boxes = placeLabels({QPointF(100, 100)}, {kBox}, {QPointF(100, 100)});
    QCOMPARE(boxes.size(), size_t(1));
    QCOMPARE(boxes[0], QRectF(kLabelGap, -kLabelGap - 18, 24, 18));
    QVERIFY(!needsLeader(boxes[0]));
  }

  void twoNumbersSideBySideDoNotOverlap() {
    // The demo case's "1" and "4": minutiae 10 px apart on one ridge.
    const std::vector<QPointF> anchors{QPointF(100, 100), QPointF(110, 101)};
    const auto boxes = placeLabels(anchors, {kBox, kBox}, anchors);
    QVERIFY(!anyOverlap(onScreen(anchors, boxes)));
    QCOMPARE(boxes[0], QRectF(kLabelGap, -kLabelGap - 18, 24, 18));  // the first keeps its place
  }

  void aClusterOfTwelveStaysLegible() {
    std::vector<QPointF> anchors;
    for (int i = 0; i < 12; ++i) anchors.emplace_back(200 + 9 * (i % 4), 200 + 9 * (i / 4));
    const auto boxes = placeLabels(anchors, std::vector<QSizeF>(anchors.size(), kBox), anchors);
    QCOMPARE(boxes.size(), anchors.size());
    QVERIFY(!anyOverlap(onScreen(anchors, boxes)));
    int led = 0;
    for (const auto& b : boxes) led += needsLeader(b);
    QVERIFY2(led > 0, "a crowded number moved out shows a line back to its minutia");
  }

  void aNumberAvoidsCoveringAnotherMinutia() {
    // Another minutia where the usual box would go: the number moves beside it.
    const QPointF anchor(100, 100), other(118, 90);
    const auto boxes = placeLabels({anchor}, {kBox}, {anchor, other});
    QVERIFY(!boxes[0].translated(anchor).adjusted(-4, -4, 4, 4).contains(other));
    QVERIFY(!needsLeader(boxes[0]));
  }

  void wideNumbersAndNoInput() {
    QVERIFY(placeLabels({}, {}, {}).empty());
    const std::vector<QPointF> anchors{QPointF(0, 0), QPointF(5, 0)};
    const auto boxes = placeLabels(anchors, {QSizeF(38, 18), QSizeF(38, 18)}, {});
    QVERIFY(!anyOverlap(onScreen(anchors, boxes)));
    // Fewer sizes than anchors: only those with a size are placed.
    QCOMPARE(placeLabels(anchors, {kBox}, {}).size(), size_t(1));
  }
};

QTEST_APPLESS_MAIN(TestLabelPlacement)
#include "test_label_placement.moc"
