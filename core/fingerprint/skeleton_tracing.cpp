#include "core/fingerprint/skeleton_tracing.h"

#include <algorithm>
#include <cstdlib>

namespace ridgeline::fingerprint {

namespace {
// Circular order N, NE, E, SE, S, SW, W, NW.
constexpr int kDx[8] = {0, 1, 1, 1, 0, -1, -1, -1};
constexpr int kDy[8] = {-1, -1, 0, 1, 1, 1, 0, -1};

bool inside(const cv::Mat& m, int x, int y) { return x > 0 && y > 0 && x < m.cols - 1 && y < m.rows - 1; }
bool set(const cv::Mat& m, int x, int y) { return m.at<uchar>(y, x) != 0; }
}  // namespace

int crossingNumber(const cv::Mat& skeleton, int x, int y) {
  int changes = 0;
  for (int i = 0; i < 8; ++i) {
    const int j = (i + 1) % 8;
    changes += set(skeleton, x + kDx[i], y + kDy[i]) != set(skeleton, x + kDx[j], y + kDy[j]);
  }
  return changes / 2;
}

std::vector<cv::Point> branchStarts(const cv::Mat& skeleton, int x, int y) {
  std::vector<cv::Point> starts;
  int first = -1;  // start scanning just after an unset neighbour so runs are not split
  for (int i = 0; i < 8; ++i)
    if (!set(skeleton, x + kDx[i], y + kDy[i])) first = i;
  if (first < 0) return starts;
  for (int k = 1; k <= 8; ++k) {
    const int i = (first + k) % 8;
    if (!set(skeleton, x + kDx[i], y + kDy[i])) continue;
    const int prev = (i + 7) % 8;
    if (set(skeleton, x + kDx[prev], y + kDy[prev])) {
      // Same run: a 4-connected pixel is the better start of the branch.
      if (i % 2 == 0 && !starts.empty()) starts.back() = {x + kDx[i], y + kDy[i]};
      continue;
    }
    starts.emplace_back(x + kDx[i], y + kDy[i]);
  }
  return starts;
}

RidgeTrace traceRidge(const cv::Mat& skeleton, cv::Point origin, cv::Point first, int maxSteps) {
  RidgeTrace trace;
  cv::Point prev = origin, cur = first;
  auto nearOrigin = [&](cv::Point p) { return std::abs(p.x - origin.x) <= 1 && std::abs(p.y - origin.y) <= 1; };
  for (int step = 0; step < maxSteps; ++step) {
    trace.path.push_back(cur);
    if (!inside(skeleton, cur.x, cur.y)) return trace;
    const int cn = crossingNumber(skeleton, cur.x, cur.y);
    if (cn == 1) return trace.reachedEnd = true, trace;
    if (cn >= 3) return trace.reachedJunction = true, trace;
    cv::Point next(-1, -1);
    for (int i = 0; i < 8; ++i) {
      const cv::Point p(cur.x + kDx[i], cur.y + kDy[i]);
      if (!set(skeleton, p.x, p.y) || p == prev || p == origin) continue;
      if (step < 3 && nearOrigin(p)) continue;  // do not slip into a sibling branch of a bifurcation
      // Skip pixels already walked (staircase corners touch the last few).
      const size_t n = trace.path.size();
      bool walked = false;
      for (size_t k = n > 4 ? n - 4 : 0; k < n; ++k) walked = walked || trace.path[k] == p;
      if (walked) continue;
      next = p;
      if (i % 2 == 0) break;  // prefer 4-connected continuation
    }
    if (next.x < 0) return trace;
    prev = cur;
    cur = next;
  }
  return trace;
}

}  // namespace ridgeline::fingerprint
