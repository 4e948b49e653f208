#pragma once
// Geometry of the WSQ 64-subband wavelet decomposition (spec section A.1,
// figures A.1/A.2). The decomposition is a tree of 2-D splits; every split
// cuts a region into four quadrants. A quadrant on the right half came out
// of a highpass filter along x, one on the bottom half out of a highpass
// along y; when such a quadrant is split again its spectrum is mirrored, so
// the spec puts its highpass half first ("inverted" split). Odd lengths give
// the extra sample to the lowpass half. Subbands are numbered in depth-first
// quadrant order (TL, TR, BL, BR), which is the order they are transmitted.
#include <array>
#include <vector>

namespace ridgeline::wsq {

struct Rect {
  int x = 0, y = 0, width = 0, height = 0;
  long area() const { return static_cast<long>(width) * height; }
};

struct SplitNode {
  Rect region;
  bool invertX = false;  // highpass half first along x
  bool invertY = false;  // highpass half first along y
};

struct SubbandLayout {
  std::vector<SplitNode> splits;  // parents before children: analysis order
  std::array<Rect, 60> subbands;  // coded subbands 0..59
  Rect discarded;                 // finest diagonal quadrant (subbands 60-63): never coded, always zero
};

// Smallest image side for which every split region keeps at least 2 samples.
constexpr int kMinWsqSide = 32;

SubbandLayout buildSubbandLayout(int width, int height);

// Subbands 0-18 go in block 1, 19-51 in block 2, 52-59 in block 3.
constexpr int kBlockStart[4] = {0, 19, 52, 60};

}  // namespace ridgeline::wsq
