#include "core/formats/wsq/subband_tree.h"

#include <stdexcept>

namespace ridgeline::wsq {
namespace {

// The shapes of the WSQ tree. Each non-leaf shape lists its four quadrants
// in TL, TR, BL, BR order (spec figure A.1).
enum class Shape { Leaf, Discard, Four, Sixteen, C, B, A, Root };

struct Children {
  Shape q[4];
};

Children childrenOf(Shape s) {
  switch (s) {
    case Shape::Root: return {{Shape::A, Shape::Four, Shape::Four, Shape::Discard}};
    case Shape::A: return {{Shape::B, Shape::Sixteen, Shape::Sixteen, Shape::Leaf}};
    case Shape::B: return {{Shape::C, Shape::Four, Shape::Four, Shape::Four}};
    case Shape::C: return {{Shape::Four, Shape::Leaf, Shape::Leaf, Shape::Leaf}};
    case Shape::Sixteen: return {{Shape::Four, Shape::Four, Shape::Four, Shape::Four}};
    case Shape::Four: return {{Shape::Leaf, Shape::Leaf, Shape::Leaf, Shape::Leaf}};
    default: break;
  }
  throw std::logic_error("WSQ subband tree: leaf has no children");
}

struct Builder {
  SubbandLayout layout;
  int nextSubband = 0;

  void visit(Shape shape, Rect r, bool invX, bool invY) {
    if (shape == Shape::Leaf) {
      if (nextSubband >= 60) throw std::logic_error("WSQ subband tree: more than 60 subbands");
      layout.subbands[static_cast<size_t>(nextSubband++)] = r;
      return;
    }
    if (shape == Shape::Discard) {
      layout.discarded = r;
      return;
    }
    layout.splits.push_back({r, invX, invY});
    // The lowpass half gets ceil(n/2) samples; an inverted split puts the
    // highpass half (floor(n/2)) first.
    const int left = invX ? r.width / 2 : (r.width + 1) / 2;
    const int top = invY ? r.height / 2 : (r.height + 1) / 2;
    const Children c = childrenOf(shape);
    visit(c.q[0], {r.x, r.y, left, top}, false, false);
    visit(c.q[1], {r.x + left, r.y, r.width - left, top}, true, false);
    visit(c.q[2], {r.x, r.y + top, left, r.height - top}, false, true);
    visit(c.q[3], {r.x + left, r.y + top, r.width - left, r.height - top}, true, true);
  }
};

}  // namespace

SubbandLayout buildSubbandLayout(int width, int height) {
  if (width < kMinWsqSide || height < kMinWsqSide)
    throw std::invalid_argument("WSQ subband layout needs at least 32x32 pixels");
  Builder b;
  b.visit(Shape::Root, {0, 0, width, height}, false, false);
  if (b.nextSubband != 60) throw std::logic_error("WSQ subband tree: expected 60 coded subbands");
  return b.layout;
}

}  // namespace ridgeline::wsq
