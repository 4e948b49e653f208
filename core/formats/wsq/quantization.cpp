#include "core/formats/wsq/quantization.h"

#include <algorithm>
#include <cmath>

namespace ridgeline::wsq {

long codedCount(const QuantizationTable& t, const SubbandLayout& layout, int first, int last) {
  long n = 0;
  for (int k = first; k < last; ++k)
    if (t.q[static_cast<size_t>(k)] != 0.0) n += layout.subbands[static_cast<size_t>(k)].area();
  return n;
}

void dequantize(const std::vector<std::int32_t>& indices, const QuantizationTable& t, const SubbandLayout& layout,
                Plane& plane) {
  size_t next = 0;
  const double c = t.binCenter;
  for (int k = 0; k < kCodedSubbands; ++k) {
    const double q = t.q[static_cast<size_t>(k)];
    if (q == 0.0) continue;
    const double halfZ = t.z[static_cast<size_t>(k)] / 2.0;
    const Rect& r = layout.subbands[static_cast<size_t>(k)];
    for (int y = 0; y < r.height; ++y) {
      float* out = plane.row(r.y + y) + r.x;
      for (int x = 0; x < r.width; ++x) {
        const std::int32_t p = indices[next++];
        out[x] = p == 0 ? 0.0f
                 : p > 0 ? static_cast<float>(q * (p - c) + halfZ)
                         : static_cast<float>(q * (p + c) - halfZ);
      }
    }
  }
}

namespace {

// Sample variance of a window of a subband.
double windowVariance(const Plane& plane, int x0, int y0, int w, int h) {
  double sum = 0, sumSq = 0;
  for (int y = 0; y < h; ++y) {
    const float* p = plane.row(y0 + y) + x0;
    for (int x = 0; x < w; ++x) {
      sum += p[x];
      sumSq += static_cast<double>(p[x]) * p[x];
    }
  }
  const double n = static_cast<double>(w) * h;
  if (n < 2) return 0;
  return (sumSq - sum * sum / n) / (n - 1.0);
}

// The spec measures variance on a central window of each subband (3/4 of its
// width, 7/16 of its height, offset 1/8 and 9/32), where the ridges are.
double centralVariance(const Plane& plane, const Rect& r) {
  const int skipX = r.width / 8, skipY = (9 * r.height) / 32;
  const int w = (3 * r.width) / 4, h = (7 * r.height) / 16;
  return windowVariance(plane, r.x + skipX, r.y + skipY, w, h);
}

}  // namespace

std::array<double, kCodedSubbands> subbandVariances(const Plane& plane, const SubbandLayout& layout) {
  std::array<double, kCodedSubbands> v{};
  double lowSum = 0;
  for (int k = 0; k < 4; ++k) lowSum += v[static_cast<size_t>(k)] = centralVariance(plane, layout.subbands[static_cast<size_t>(k)]);
  // A faint image (low-band variance under 20000) is measured over whole subbands.
  const bool whole = lowSum < 20000.0;
  for (int k = whole ? 0 : 4; k < kCodedSubbands; ++k) {
    const Rect& r = layout.subbands[static_cast<size_t>(k)];
    v[static_cast<size_t>(k)] = whole ? windowVariance(plane, r.x, r.y, r.width, r.height) : centralVariance(plane, r);
  }
  return v;
}

QuantizationTable quantizerForBitrate(const std::array<double, kCodedSubbands>& variance, double bitsPerPixel) {
  constexpr double kVarianceFloor = 1.01;  // subbands below carry no information: not coded
  // Relative weights of the finest subbands (spec table of A_k).
  std::array<double, kCodedSubbands> weight;
  weight.fill(1.0);
  const double fine[8] = {1.32, 1.08, 1.42, 1.08, 1.32, 1.42, 1.08, 1.08};
  for (int k = 52; k < 60; ++k) weight[static_cast<size_t>(k)] = fine[k - 52];
  // Fraction of the image area each subband covers (1/m_k in the spec).
  auto areaFraction = [](int k) { return k < 4 ? 1.0 / 1024 : k < 51 ? 1.0 / 256 : 1.0 / 16; };

  std::array<double, kCodedSubbands> relative{};  // Q'_k before the common factor 1/q
  std::array<double, kCodedSubbands> sigma{};
  std::vector<int> active;
  for (int k = 0; k < kCodedSubbands; ++k) {
    const double var = variance[static_cast<size_t>(k)];
    if (var < kVarianceFloor) continue;
    relative[static_cast<size_t>(k)] = k < 4 ? 1.0 : 10.0 / (weight[static_cast<size_t>(k)] * std::log(var));
    sigma[static_cast<size_t>(k)] = std::sqrt(var);
    active.push_back(k);
  }
  const std::vector<int> initial = active;

  // Solve for q so the subbands with positive bit rate spend the target,
  // dropping subbands whose share would be negative and repeating.
  double q = 1.0;
  while (!active.empty()) {
    double s = 0, logP = 0;
    for (int k : active) {
      s += areaFraction(k);
      logP += areaFraction(k) * std::log(sigma[static_cast<size_t>(k)] / relative[static_cast<size_t>(k)]);
    }
    q = std::pow(2.0, bitsPerPixel / s - 1.0) / 2.5 / std::exp(logP / s);
    std::vector<int> kept;
    for (int k : active)
      if (relative[static_cast<size_t>(k)] / q < 5.0 * sigma[static_cast<size_t>(k)]) kept.push_back(k);
    if (kept.size() == active.size()) break;
    active = std::move(kept);
  }

  QuantizationTable t;
  t.binCenter = 0.44;
  for (int k : initial) {
    // Bin widths go through the file's 16-bit decimal format; quantize with
    // exactly what the decoder will read back.
    const double width = roundTrip16(relative[static_cast<size_t>(k)] / q);
    t.q[static_cast<size_t>(k)] = width;
    t.z[static_cast<size_t>(k)] = roundTrip16(1.2 * width);
  }
  t.binCenter = roundTrip16(t.binCenter);
  return t;
}

constexpr double kMaxIndex = 65535.0;  // largest magnitude a 16-bit escape carries

void limitToSixteenBitIndices(QuantizationTable& t, const Plane& plane, const SubbandLayout& layout) {
  for (int k = 0; k < kCodedSubbands; ++k) {
    double& q = t.q[static_cast<size_t>(k)];
    if (q == 0.0) continue;
    const Rect& r = layout.subbands[static_cast<size_t>(k)];
    double peak = 0;
    for (int y = 0; y < r.height; ++y) {
      const float* p = plane.row(r.y + y) + r.x;
      for (int x = 0; x < r.width; ++x) peak = std::max(peak, static_cast<double>(std::abs(p[x])));
    }
    // Index = (|a| - Z/2)/Q + 1 with Z = 1.2 Q: keep it below the limit with margin for rounding.
    const double smallest = peak / (kMaxIndex - 2.0);
    if (q < smallest) {
      q = roundTrip16(smallest * 1.001);
      t.z[static_cast<size_t>(k)] = roundTrip16(1.2 * q);
    }
  }
}

std::vector<std::int32_t> quantize(const Plane& plane, const QuantizationTable& t, const SubbandLayout& layout) {
  std::vector<std::int32_t> out;
  for (int k = 0; k < kCodedSubbands; ++k) {
    const double q = t.q[static_cast<size_t>(k)];
    if (q == 0.0) continue;
    const double halfZ = t.z[static_cast<size_t>(k)] / 2.0;
    const Rect& r = layout.subbands[static_cast<size_t>(k)];
    for (int y = 0; y < r.height; ++y) {
      const float* p = plane.row(r.y + y) + r.x;
      for (int x = 0; x < r.width; ++x) {
        const double a = p[x];
        std::int32_t idx = 0;
        if (a > halfZ) idx = static_cast<std::int32_t>(std::min((a - halfZ) / q + 1.0, kMaxIndex));
        else if (a < -halfZ) idx = static_cast<std::int32_t>(std::max((a + halfZ) / q - 1.0, -kMaxIndex));
        out.push_back(idx);
      }
    }
  }
  return out;
}

}  // namespace ridgeline::wsq
