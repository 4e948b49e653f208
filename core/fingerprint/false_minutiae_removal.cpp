#include "core/fingerprint/false_minutiae_removal.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <opencv2/imgproc.hpp>

#include "core/fingerprint/ridge_response.h"
#include "core/fingerprint/skeleton_tracing.h"

namespace ridgeline::fingerprint {

namespace {
constexpr float kPi = std::numbers::pi_v<float>;
// Lengths in ridge periods, so the rules hold at any finger size.
constexpr float kSpurPeriods = 1.0f;         // a branch shorter than this ending at a junction is a spur
constexpr float kBrokenRidgePeriods = 1.8f;  // gap two facing endings may span
constexpr float kClusterPeriods = 0.7f;      // two minutiae this close are one artefact
constexpr float kBorderPeriods = 1.0f;       // minutiae this close to the region edge are where the print stops
constexpr float kMinCoherence = 0.2f;        // flow too confused to trust a minutia

float angleDistance(float a, float b) {
  float d = std::fmod(std::abs(a - b), 2 * kPi);
  return d > kPi ? 2 * kPi - d : d;
}

// A grid field's value in the cell holding pixel p (the skeleton may reach
// past the last whole cell).
float cellValue(const FieldGrid& f, const cv::Mat& plane, cv::Point p) {
  return plane.at<float>(std::min(p.y / kCellSize, f.rows() - 1), std::min(p.x / kCellSize, f.cols() - 1));
}

float periodAt(const FieldGrid& f, cv::Point p) { return cellValue(f, f.period, p); }

// Without a response field (no enhancement ran) every minutia passes.
bool weakResponse(const FieldGrid& f, cv::Point p) {
  return !f.response.empty() && cellValue(f, f.response, p) < kMinMinutiaResponse;
}

// Index of the candidate at (or next to) a pixel, -1 if none.
int candidateAt(const cv::Mat& index, cv::Point p) {
  for (int dy = -1; dy <= 1; ++dy)
    for (int dx = -1; dx <= 1; ++dx) {
      const int x = p.x + dx, y = p.y + dy;
      if (x >= 0 && y >= 0 && x < index.cols && y < index.rows && index.at<int>(y, x) >= 0) return index.at<int>(y, x);
    }
  return -1;
}

// Spurs, short ridges and bridges: a short walk from one minutia meets another.
void markShortConnections(const std::vector<MinutiaCandidate>& c, const cv::Mat& skeleton, const cv::Mat& index,
                          const FieldGrid& fields, std::vector<bool>& drop) {
  for (size_t i = 0; i < c.size(); ++i) {
    const int maxSteps = int(kSpurPeriods * periodAt(fields, c[i].pos));
    for (const auto& start : branchStarts(skeleton, c[i].pos.x, c[i].pos.y)) {
      const auto trace = traceRidge(skeleton, c[i].pos, start, maxSteps);
      if (!trace.reachedJunction && !trace.reachedEnd) continue;
      const int j = candidateAt(index, trace.path.back());
      if (j < 0 || size_t(j) == i) continue;
      drop[i] = true;
      drop[size_t(j)] = true;
    }
  }
}

// Two endings facing each other across a small gap are one ridge broken by
// a crease or dryness. Endings point into their ridge, so each tip's
// direction points away from the other tip.
void markBrokenRidges(const std::vector<MinutiaCandidate>& c, const FieldGrid& fields, std::vector<bool>& drop) {
  for (size_t i = 0; i < c.size(); ++i) {
    if (c[i].type != MinutiaType::Ending) continue;
    const float maxGap = kBrokenRidgePeriods * periodAt(fields, c[i].pos);
    for (size_t j = i + 1; j < c.size(); ++j) {
      if (c[j].type != MinutiaType::Ending) continue;
      const float dx = float(c[j].pos.x - c[i].pos.x), dy = float(c[j].pos.y - c[i].pos.y);
      if (dx * dx + dy * dy > maxGap * maxGap) continue;
      const float towardJ = std::atan2(dy, dx);
      const bool facing = angleDistance(c[i].angle, towardJ) > 0.75f * kPi &&
                          angleDistance(c[j].angle, towardJ + kPi) > 0.75f * kPi;
      if (facing) drop[i] = drop[j] = true;
    }
  }
}

void markClusters(const std::vector<MinutiaCandidate>& c, const FieldGrid& fields, std::vector<bool>& drop) {
  for (size_t i = 0; i < c.size(); ++i) {
    const float d = kClusterPeriods * periodAt(fields, c[i].pos);
    for (size_t j = i + 1; j < c.size(); ++j) {
      const float dx = float(c[j].pos.x - c[i].pos.x), dy = float(c[j].pos.y - c[i].pos.y);
      if (dx * dx + dy * dy < d * d) drop[i] = drop[j] = true;
    }
  }
}
}  // namespace

std::vector<MinutiaCandidate> removeFalseMinutiae(const std::vector<MinutiaCandidate>& candidates,
                                                  const cv::Mat& skeleton, const cv::Mat& foreground,
                                                  const FieldGrid& fields) {
  cv::Mat index(skeleton.size(), CV_32S, cv::Scalar(-1));
  for (size_t i = 0; i < candidates.size(); ++i) index.at<int>(candidates[i].pos) = int(i);
  std::vector<bool> drop(candidates.size(), false);
  markShortConnections(candidates, skeleton, index, fields, drop);
  markBrokenRidges(candidates, fields, drop);
  markClusters(candidates, fields, drop);

  // Distance to the region edge, with the image frame counted as edge. The
  // region's box grown by one pixel is enough: its rim is all edge already.
  cv::Mat framed = foreground.clone();
  cv::rectangle(framed, cv::Rect(0, 0, framed.cols, framed.rows), 0, 1);
  const cv::Rect box = (cv::boundingRect(framed) + cv::Point(-1, -1) + cv::Size(2, 2)) & cv::Rect(0, 0, framed.cols, framed.rows);
  cv::Mat distance;
  cv::distanceTransform(framed(box), distance, cv::DIST_L2, 3);

  std::vector<MinutiaCandidate> kept;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (drop[i]) continue;
    MinutiaCandidate m = candidates[i];
    const float period = periodAt(fields, m.pos);
    const float border = distance.at<float>(m.pos - box.tl()) / (kBorderPeriods * period);
    if (border < 1.0f || m.quality < kMinCoherence || weakResponse(fields, m.pos)) continue;
    // Quality: coherent flow well inside the region is what an examiner would call clear.
    const float coherence = std::clamp((m.quality - kMinCoherence) / (0.8f - kMinCoherence), 0.0f, 1.0f);
    const float inside = std::clamp((border - 1.0f) / 2.0f, 0.0f, 1.0f);
    m.quality = std::sqrt(coherence * (0.5f + 0.5f * inside));
    kept.push_back(m);
  }
  std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.quality > b.quality; });
  if (kept.size() > kMaxMinutiae) kept.resize(kMaxMinutiae);
  return kept;
}

}  // namespace ridgeline::fingerprint
