#include "core/fingerprint/thinning.h"

#include <array>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace ridgeline::fingerprint {

namespace {

using Table = std::array<std::array<bool, 256>, 2>;

Table buildDeletionTable() {
  Table table{};
  for (int code = 0; code < 256; ++code) {
    auto p = [code](int i) { return (code >> ((i - 2) % 8)) & 1; };  // p(2)..p(9)
    int neighbours = 0, transitions = 0;
    for (int i = 2; i <= 9; ++i) {
      neighbours += p(i);
      transitions += (!p(i) && p(i == 9 ? 2 : i + 1));
    }
    const bool common = neighbours >= 2 && neighbours <= 6 && transitions == 1;
    table[0][size_t(code)] = common && !(p(2) && p(4) && p(6)) && !(p(4) && p(6) && p(8));
    table[1][size_t(code)] = common && !(p(2) && p(4) && p(8)) && !(p(2) && p(6) && p(8));
  }
  return table;
}

// Pixels are addressed by offset into the framed buffer: the hot loops do
// no bounds or Point arithmetic.
int neighbourCode(const uchar* p, int step) {
  const uchar* up = p - step;
  const uchar* down = p + step;
  // Zhang & Suen's order P2..P9: N, NE, E, SE, S, SW, W, NW, as bits 0..7.
  return (up[0] != 0) | (up[1] != 0) << 1 | (p[1] != 0) << 2 | (down[1] != 0) << 3 | (down[0] != 0) << 4 |
         (down[-1] != 0) << 5 | (p[-1] != 0) << 6 | (up[-1] != 0) << 7;
}
}  // namespace

cv::Mat thinRidges(const cv::Mat& binary) {
  static const Table table = buildDeletionTable();
  cv::Mat skeleton = cv::Mat::zeros(binary.size(), CV_8U);
  // Only the ridges' bounding box can change.
  const cv::Rect box = cv::boundingRect(binary);
  if (box.empty()) return skeleton;
  cv::Mat img;
  // One-pixel frame so every neighbour read is in bounds.
  cv::copyMakeBorder(binary(box) != 0, img, 1, 1, 1, 1, cv::BORDER_CONSTANT, 0);
  uchar* data = img.data;
  const int step = int(img.step);
  std::vector<int> candidates;
  for (int y = 1; y < img.rows - 1; ++y) {
    const uchar* row = img.ptr<uchar>(y);
    for (int x = 1; x < img.cols - 1; ++x)
      if (row[x]) candidates.push_back(y * step + x);
  }

  std::vector<int> toDelete;
  for (bool changed = true; changed;) {
    changed = false;
    for (int pass = 0; pass < 2; ++pass) {
      toDelete.clear();
      for (const int i : candidates)
        if (data[i] && table[size_t(pass)][size_t(neighbourCode(data + i, step))]) toDelete.push_back(i);
      for (const int i : toDelete) data[i] = 0;
      changed = changed || !toDelete.empty();
    }
    // Only pixels still set can change later: shrink the work list as the ridges thin.
    std::erase_if(candidates, [&](int i) { return !data[i]; });
  }
  img(cv::Rect(1, 1, box.width, box.height)).copyTo(skeleton(box));
  return skeleton;
}

}  // namespace ridgeline::fingerprint
