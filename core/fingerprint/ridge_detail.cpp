#include "core/fingerprint/ridge_detail.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/fingerprint/cache_fetch.h"
#include "core/fingerprint/turned_window.h"
#include "core/fingerprint/window_product.h"

namespace ridgeline::fingerprint {
namespace {
// The probe's window (turned_window.h).
constexpr int kRadius = kWindowRadius;
constexpr int kSide = kWindowSide;
constexpr int kRowStep = kWindowRowStep;
constexpr int kRows = kWindowRows;
constexpr int kRow = kWindowRow;
using Window = TurnedWindow;
constexpr int kWindow = kRows * kSide;
constexpr int kShift = 1;    // placements tried each way, detail pixels

constexpr int kSpan = kSide + 2 * kShift;  // pixels the placements cover, each way
constexpr int kPatchSide = kDetailPatchSide;
constexpr int kStride = kDetailPatchStride;
constexpr int kSpanStride = kDetailSpanStride;
constexpr int kCentre = kDetailPatchRadius;
constexpr std::uint8_t kNoRidge = 128;  // the enhanced image's grey where it found no ridge

// Sums of b and b^2 over each of the nine window placements around a
// patch's centre: per row of the span the sums of its three placements (one
// sliding step apart), then down the rows each placement reads. Stored as
// kPlacements^2 sums, then as many sums of squares (at most 435 x 255^2: an
// int32 holds them).
constexpr int kPlacements = 2 * kShift + 1;
constexpr int kSumsPerPatch = 2 * kPlacements * kPlacements;

// The span's top-left pixel in a patch.
const std::uint8_t* spanOf(const std::uint8_t* patch) {
  return patch + (kCentre - kRadius - kShift) * kStride + (kCentre - kRadius - kShift);
}
static_assert(kSpan < kSpanStride && kSpan < kDetailSpanBytes / kSpanStride, "the span fits its rows, with a row to spare");

void placementSums(const std::uint8_t* span, std::int32_t* out) {
  std::array<std::array<std::int32_t, kSpan>, kPlacements> rowSum{}, rowSquares{};
  for (int y = 0; y < kSpan; ++y) {
    const std::uint8_t* row = span + y * kSpanStride;
    std::int32_t s = 0, q = 0;
    for (int x = 0; x < kSide; ++x) s += row[x], q += std::int32_t(row[x]) * row[x];
    for (int k = 0; k < kPlacements; ++k) {
      if (k > 0) {
        const std::int32_t in = row[kSide + k - 1], gone = row[k - 1];
        s += in - gone, q += in * in - gone * gone;
      }
      rowSum[size_t(k)][size_t(y)] = s, rowSquares[size_t(k)][size_t(y)] = q;
    }
  }
  for (int x = 0; x < kPlacements; ++x)
    for (int y = 0; y < kPlacements; ++y) {
      std::int32_t s = 0, q = 0;
      for (int v = 0; v < kRows; ++v) s += rowSum[size_t(x)][size_t(y + v * kRowStep)], q += rowSquares[size_t(x)][size_t(y + v * kRowStep)];
      out[y * kPlacements + x] = s, out[kPlacements * kPlacements + y * kPlacements + x] = q;
    }
}

// Sum of squared deviations from the mean, times kWindow (exact in integers).
double spread(std::int64_t sum, std::int64_t squares) { return double(kWindow * squares - sum * sum); }

// Whether the probe's window correlates above kAgreeingCorrelation
// (normalised) with one of the candidate's nine windows in its span; false
// when either is flat. Compared as squares, so no root or division per
// placement, and done at the first placement that agrees.
bool ridgesAgree(const Window& a, const std::uint8_t* span, const std::int32_t* sums) {
  std::int32_t aSum = 0, aSquares = 0;  // at most 435 x 255^2: no overflow
  for (std::int32_t p : a) aSum += p, aSquares += p * p;
  const double aSpread = spread(aSum, aSquares);
  if (aSpread <= 0) return false;  // a flat window: no ridges to compare
  constexpr double kSquared = kAgreeingCorrelation * kAgreeingCorrelation;
  const WindowProducts products(a);
  for (int sy = 0; sy < kPlacements; ++sy)
    for (int sx = 0; sx < kPlacements; ++sx) {
      const std::int64_t bSum = sums[sy * kPlacements + sx];
      const double bSpread = spread(bSum, sums[kPlacements * kPlacements + sy * kPlacements + sx]);
      if (bSpread <= 0) continue;
      // Covariance and spreads share the factor kWindow, which cancels.
      const double covariance =
          double(kWindow) * products.with(span + sy * kSpanStride + sx, std::int32_t(bSum)) - double(aSum) * double(bSum);
      if (covariance > 0 && covariance * covariance > kSquared * aSpread * bSpread) return true;
    }
  return false;
}
static_assert((2 * kShift + (kRows - 1) * kRowStep) * kSpanStride + 2 * kShift + kRow <= kDetailSpanBytes,
              "the last placement's last 32-wide row ends inside the span");
}  // namespace

RidgeDetailImage toRidgeDetailImage(const cv::Mat& enhancedBytes, double workingScale) {
  CV_Assert(enhancedBytes.type() == CV_8UC1);
  cv::Mat half;
  cv::resize(enhancedBytes, half, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
  RidgeDetailImage out;
  out.cols = half.cols, out.rows = half.rows;
  out.pixelsPerFeaturePixel = workingScale * double(half.cols) / double(enhancedBytes.cols);
  out.pixels.assign(half.datastart, half.dataend);
  return out;
}

RidgeDetail prepareRidgeDetail(const std::optional<RidgeDetailImage>& image, double featurePpi,
                               const std::vector<Minutia>& minutiae) {
  RidgeDetail d;
  // Template pixels are feature pixels * 500 / ppi.
  const double perTemplatePixel = image ? image->pixelsPerFeaturePixel * (featurePpi > 0 ? featurePpi : 500) / 500.0 : 0;
  if (!image || !wellFormed(*image) || !(perTemplatePixel > 1e-3 && perTemplatePixel < 1e3) || minutiae.empty())
    return d;  // a malformed image is as good as none: the minutiae are scored alone
  d.perTemplatePixel = perTemplatePixel;
  d.patches.assign(minutiae.size() * kPatchSide * kStride, kNoRidge);
  for (size_t i = 0; i < minutiae.size(); ++i) {
    const double x = minutiae[i].x * image->pixelsPerFeaturePixel, y = minutiae[i].y * image->pixelsPerFeaturePixel;
    // Far off the image (or not a number): the patch stays blank and never agrees.
    if (!(std::abs(x) < 1e7 && std::abs(y) < 1e7)) {
      d.offsetX.push_back(0), d.offsetY.push_back(0);
      continue;
    }
    const long cx = std::lround(x), cy = std::lround(y);
    d.offsetX.push_back(float(x - double(cx)));
    d.offsetY.push_back(float(y - double(cy)));
    std::uint8_t* out = d.patches.data() + i * kPatchSide * kStride;
    for (int v = 0; v < kPatchSide; ++v) {
      const long row = cy - kCentre + v;
      if (row < 0 || row >= image->rows) continue;
      for (int u = 0; u < kPatchSide; ++u) {
        const long col = cx - kCentre + u;
        if (col >= 0 && col < image->cols) out[v * kStride + u] = image->pixels[size_t(row) * size_t(image->cols) + size_t(col)];
      }
    }
  }
  d.spans.assign(minutiae.size() * kDetailSpanBytes, 0);
  d.placementSums.resize(minutiae.size() * kSumsPerPatch);
  for (size_t i = 0; i < minutiae.size(); ++i) {
    std::uint8_t* span = d.spans.data() + i * kDetailSpanBytes;
    for (int y = 0; y < kSpan; ++y) std::copy_n(spanOf(d.patch(i)) + y * kStride, kSpan, span + y * kSpanStride);
    placementSums(span, d.placementSums.data() + i * kSumsPerPatch);
  }
  return d;
}

namespace {
// Every per-minutia part holds as many minutiae as the offsets (as
// prepareRidgeDetail makes it): none is read past its end.
bool consistent(const RidgeDetail& d) {
  const size_t n = d.offsetX.size();
  return !d.empty() && d.offsetY.size() == n && d.patches.size() == n * kPatchSide * kStride &&
         d.spans.size() == n * kDetailSpanBytes && d.placementSums.size() == n * kSumsPerPatch;
}
}  // namespace

int agreeingRidgeDetail(const RidgeDetail& probe, const RidgeDetail& candidate, double rotation,
                        const std::vector<std::pair<int, int>>& pairs, int needed) {
  const double cosA = std::cos(rotation), sinA = std::sin(rotation);
  const double step = probe.perTemplatePixel / candidate.perTemplatePixel;
  // Scales this far apart leave no window inside a patch; NaN rotation or scale compares nothing.
  if (!consistent(probe) || !consistent(candidate) || !(step > 0.1 && step < 10) || !std::isfinite(cosA + sinA))
    return 0;
  const auto known = [&](const std::pair<int, int>& p) {
    return p.first >= 0 && size_t(p.first) < probe.offsetX.size() && p.second >= 0 && size_t(p.second) < candidate.offsetX.size();
  };
  Window a;
  int agreeing = 0;
  // Only the lines a pair reads: the probe's patch rows within the turned
  // window's reach at this rotation, and the candidate's span.
  const int reach = std::min(kCentre, int(std::ceil(kRadius * step * (std::abs(cosA) + std::abs(sinA)))) + 2);
  // Patch rows are whole cache lines (kStride), so the rows are one run of lines.
  static_assert(kStride == 64);
  const auto prefetchRows = [](const std::uint8_t* patch, int from, int to) {
    fetchIntoCache(patch + from * kStride, size_t(std::max(0, to - from)) * kStride);
  };
  const auto prefetchSpan = [](const std::uint8_t* span) { fetchIntoCache(span, kDetailSpanBytes); };
  for (size_t k = 0; k < pairs.size(); ++k) {
    if (agreeing + int(pairs.size() - k) < needed) break;  // the bar is out of reach
    if (!known(pairs[k])) continue;
    const size_t i = size_t(pairs[k].first), j = size_t(pairs[k].second);
    // The next pair's patches are fetched while this one is compared: each
    // is a few contiguous kilobytes, usually not yet in the cache.
    if (k + 1 < pairs.size() && known(pairs[k + 1]))
      prefetchRows(probe.patch(size_t(pairs[k + 1].first)), kCentre - reach, kCentre + reach + 1),
          prefetchSpan(candidate.span(size_t(pairs[k + 1].second)));
    if (!readTurnedWindow(probe.patch(i), kCentre + probe.offsetX[i], kCentre + probe.offsetY[i], cosA, sinA, step, a))
      continue;
    if (ridgesAgree(a, candidate.span(j), candidate.placementSums.data() + j * kSumsPerPatch) && ++agreeing == kDetailPairsForFull)
      break;
  }
  return agreeing;
}

}  // namespace ridgeline::fingerprint
