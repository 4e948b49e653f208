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

int neighbourCode(const cv::Mat& img, int x, int y) {
  const uchar* up = img.ptr<uchar>(y - 1) + x;
  const uchar* mid = img.ptr<uchar>(y) + x;
  const uchar* down = img.ptr<uchar>(y + 1) + x;
  // Zhang & Suen's order P2..P9: N, NE, E, SE, S, SW, W, NW, as bits 0..7.
  return (up[0] != 0) | (up[1] != 0) << 1 | (mid[1] != 0) << 2 | (down[1] != 0) << 3 | (down[0] != 0) << 4 |
         (down[-1] != 0) << 5 | (mid[-1] != 0) << 6 | (up[-1] != 0) << 7;
}
}  // namespace

cv::Mat thinRidges(const cv::Mat& binary) {
  static const Table table = buildDeletionTable();
  cv::Mat img;
  // One-pixel frame so every neighbour read is in bounds.
  cv::copyMakeBorder(binary != 0, img, 1, 1, 1, 1, cv::BORDER_CONSTANT, 0);
  std::vector<cv::Point> candidates;
  for (int y = 1; y < img.rows - 1; ++y)
    for (int x = 1; x < img.cols - 1; ++x)
      if (img.at<uchar>(y, x)) candidates.emplace_back(x, y);

  std::vector<cv::Point> toDelete;
  for (bool changed = true; changed;) {
    changed = false;
    for (int pass = 0; pass < 2; ++pass) {
      toDelete.clear();
      for (const auto& p : candidates)
        if (img.at<uchar>(p) && table[size_t(pass)][size_t(neighbourCode(img, p.x, p.y))]) toDelete.push_back(p);
      for (const auto& p : toDelete) img.at<uchar>(p) = 0;
      changed = changed || !toDelete.empty();
    }
    // Only pixels still set can change later: shrink the work list as the ridges thin.
    std::erase_if(candidates, [&](const cv::Point& p) { return !img.at<uchar>(p); });
  }
  return img(cv::Rect(1, 1, binary.cols, binary.rows)).clone();
}

}  // namespace ridgeline::fingerprint
