#include "core/fingerprint/orientation_descriptor.h"

#include <cmath>
#include <numbers>
#include <utility>

namespace ridgeline::fingerprint {

namespace {
struct Ring {
  double radius;
  int samples;
};
// Concentric rings around the minutia as in Tico & Kuosmanen's sampling
// structure; the radii and counts are ours: 27-81 px at 500 ppi, two ridge
// periods apart, reaching about as far as the cylinder (70 px), with few
// samples on each ring because the flow map holds one direction per 16 px
// block and finer sampling would repeat it.
constexpr std::array<Ring, 4> kRings{{{27, 8}, {45, 12}, {63, 16}, {81, 20}}};
static_assert(8 + 12 + 16 + 20 == kDescriptorSamples && kDescriptorSamples <= 64);

// The samples around a minutia pointing along +x: ring by ring, counter-clockwise from its direction.
const std::array<std::pair<double, double>, kDescriptorSamples>& ringPoints() {
  static const auto points = [] {
    std::array<std::pair<double, double>, kDescriptorSamples> p{};
    size_t i = 0;
    for (const Ring& ring : kRings)
      for (int n = 0; n < ring.samples; ++n, ++i) {
        const double at = 2 * std::numbers::pi * n / ring.samples;
        p[i] = {ring.radius * std::cos(at), ring.radius * std::sin(at)};
      }
    return p;
  }();
  return points;
}

// The doubled ridge angle at (x, y), interpolated over the four nearest
// blocks in doubled-angle form; false where those blocks hold too little flow
// (under half the interpolation weight) or cancel out.
bool doubledAngleAt(const FlowField& flow, double x, double y, double& angle) {
  const double fc = x / flow.side - 0.5, fr = -y / flow.side - 0.5;  // block centres at (c + 0.5) side
  // Off the map (or absurdly far, at an absurd resolution): nothing to convert to a block index.
  if (!(fc > -1 && fr > -1 && fc < flow.cols && fr < flow.rows)) return false;
  const int c0 = int(std::floor(fc)), r0 = int(std::floor(fr));
  const double ax = fc - c0, ay = fr - r0;
  double sc = 0, ss = 0, w = 0;
  for (int dr = 0; dr < 2; ++dr)
    for (int dc = 0; dc < 2; ++dc) {
      const int c = c0 + dc, r = r0 + dr;
      if (c < 0 || r < 0 || c >= flow.cols || r >= flow.rows) continue;
      const FlowField::Block& b = flow.blocks[size_t(r) * size_t(flow.cols) + size_t(c)];
      if (!b.hasFlow) continue;
      const double k = (dc ? ax : 1 - ax) * (dr ? ay : 1 - ay);
      sc += k * b.cos2, ss += k * b.sin2, w += k;
    }
  if (w < 0.5 || std::hypot(sc, ss) < 1e-3 * w) return false;
  angle = std::atan2(ss, sc);
  return true;
}

// Bit k set when the doubled angle lies in steps [k, k + kDirectionBits) of
// a half-turn / kDirectionBits each (modulo a full turn): neighbouring steps
// differ in one bit, opposite ones (ridges at right angles) in all.
std::uint32_t circularCode(double doubledAngle) {
  const double turn = 2 * std::numbers::pi;
  const double a = doubledAngle - turn * std::floor(doubledAngle / turn);   // [0, 2 pi)
  const int step = int(a / (std::numbers::pi / kDirectionBits)) % (2 * kDirectionBits);  // 0 .. 2K-1
  std::uint32_t code = 0;
  for (int k = 0; k < kDirectionBits; ++k) code |= std::uint32_t(((step - k) & (2 * kDirectionBits - 1)) < kDirectionBits) << k;
  return code;
}
}  // namespace

OrientationDescriptor describeOrientation(const FlowField& flow, double x, double y, double direction) {
  OrientationDescriptor d;
  if (flow.empty()) return d;
  const double c = std::cos(direction), s = std::sin(direction);
  const auto& points = ringPoints();
  for (int i = 0; i < kDescriptorSamples; ++i) {
    // The ring's point turned by the minutia's direction.
    const auto [ux, uy] = points[size_t(i)];
    double doubled = 0;
    if (!doubledAngleAt(flow, x + c * ux - s * uy, y + s * ux + c * uy, doubled)) continue;
    d.sampled |= std::uint64_t(1) << i;
    // Relative to the minutia: turning by -direction turns a doubled angle by -2 direction.
    const std::uint32_t code = circularCode(doubled - 2 * direction);
    for (int k = 0; k < kDirectionBits; ++k) d.code[size_t(k)] |= std::uint64_t(code >> k & 1) << i;
  }
  return d;
}

}  // namespace ridgeline::fingerprint
