#include "core/fingerprint/thinning.h"

#include <array>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace ridgeline::fingerprint {

namespace {
// Neighbour bits in Zhang & Suen's order P2..P9: N, NE, E, SE, S, SW, W, NW.
constexpr int kDx[8] = {0, 1, 1, 1, 0, -1, -1, -1};
constexpr int kDy[8] = {-1, -1, 0, 1, 1, 1, 0, -1};

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
  int code = 0;
  for (int i = 0; i < 8; ++i)
    if (img.at<uchar>(y + kDy[i], x + kDx[i])) code |= 1 << i;
  return code;
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
