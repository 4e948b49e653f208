#include "core/fingerprint/minutiae_detection.h"

#include <cmath>
#include <numbers>

#include "core/fingerprint/skeleton_tracing.h"

namespace ridgeline::fingerprint {

namespace {
constexpr int kDirectionSteps = 10;  // ~1 ridge period: long enough to average pixel steps
constexpr float kPi = std::numbers::pi_v<float>;

float angleDistance(float a, float b) {
  float d = std::fmod(std::abs(a - b), 2 * kPi);
  return d > kPi ? 2 * kPi - d : d;
}

// The orientation field is smoother than a ten-pixel trace; keep its angle,
// taking the sense (which of the two opposite directions) from the trace.
float snapToField(float traced, float fieldOrientation) {
  const float opposite = fieldOrientation + kPi;
  return angleDistance(traced, fieldOrientation) <= angleDistance(traced, opposite) ? fieldOrientation : opposite;
}

// Bifurcation: the stem is the branch farthest in angle from the other two;
// the minutia points the other way, between the forks.
bool bifurcationAngle(const cv::Mat& skeleton, cv::Point p, float& angle) {
  const auto starts = branchStarts(skeleton, p.x, p.y);
  if (starts.size() != 3) return false;
  float a[3];
  for (int i = 0; i < 3; ++i) {
    const auto trace = traceRidge(skeleton, p, starts[size_t(i)], kDirectionSteps);
    if (trace.path.size() < 3) return false;  // a stub, not a branch
    a[i] = tracedAngle(p, trace.path, kDirectionSteps);
  }
  int stem = 0;
  float best = -1;
  for (int i = 0; i < 3; ++i) {
    const float separation = angleDistance(a[i], a[(i + 1) % 3]) + angleDistance(a[i], a[(i + 2) % 3]);
    if (separation > best) best = separation, stem = i;
  }
  angle = a[stem] + kPi;
  return true;
}

bool endingAngle(const cv::Mat& skeleton, cv::Point p, float& angle) {
  const auto starts = branchStarts(skeleton, p.x, p.y);
  if (starts.size() != 1) return false;
  const auto trace = traceRidge(skeleton, p, starts[0], kDirectionSteps);
  if (trace.path.size() < 5) return false;  // an isolated dot or stub
  angle = tracedAngle(p, trace.path, kDirectionSteps);
  return true;
}

bool nearSameType(const std::vector<MinutiaCandidate>& found, cv::Point p, MinutiaType type) {
  for (auto it = found.rbegin(); it != found.rend() && it->pos.y >= p.y - 3; ++it)
    if (it->type == type && std::abs(it->pos.x - p.x) <= 3 && std::abs(it->pos.y - p.y) <= 3) return true;
  return false;
}
}  // namespace

float tracedAngle(cv::Point origin, const std::vector<cv::Point>& path, size_t steps) {
  const cv::Point& to = path[std::min(steps, path.size()) - 1];
  return std::atan2(float(to.y - origin.y), float(to.x - origin.x));
}

std::vector<MinutiaCandidate> detectMinutiae(const cv::Mat& skeleton, const FieldGrid& fields) {
  std::vector<MinutiaCandidate> found;
  for (int y = 1; y < skeleton.rows - 1; ++y) {
    const uchar* row = skeleton.ptr<uchar>(y);
    for (int x = 1; x < skeleton.cols - 1; ++x) {
      if (!row[x]) continue;
      const int cn = crossingNumber(skeleton, x, y);
      if (cn != 1 && cn != 3) continue;
      const MinutiaType type = cn == 1 ? MinutiaType::Ending : MinutiaType::Bifurcation;
      const cv::Point p(x, y);
      if (nearSameType(found, p, type)) continue;
      float angle = 0;
      const bool ok = type == MinutiaType::Ending ? endingAngle(skeleton, p, angle) : bifurcationAngle(skeleton, p, angle);
      if (!ok) continue;
      const int gr = std::min(y / kCellSize, fields.rows() - 1), gc = std::min(x / kCellSize, fields.cols() - 1);
      MinutiaCandidate m;
      m.pos = p;
      m.type = type;
      m.angle = snapToField(angle, fields.orientation.at<float>(gr, gc));
      m.quality = fields.coherence.at<float>(gr, gc);
      found.push_back(m);
    }
  }
  return found;
}

}  // namespace ridgeline::fingerprint
