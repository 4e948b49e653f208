#pragma once
// Ridge detail around paired minutiae: evidence that does not count minutiae.
// Two impressions of one finger show the same ridges around a true
// correspondence (the same curvature, the same neighbouring endings, ridges
// in step), while a chance pairing between two fingers meets ridges that at
// best run parallel and out of step. After the minutiae have fixed the
// alignment, a window around each paired minutia in the one print's enhanced
// ridge image is compared with the same window in the other's (normalised
// cross-correlation, the best of the nine placements one pixel apart, for the
// skin's stretch), and the pairs whose ridges agree are counted. After
// Nandakumar & Jain, "Local correlation-based fingerprint matching", ICVGIP
// 2004, who correlate regions around minutiae pairs under the minutiae
// alignment; here the enhanced image is kept at 250 ppi (4-5 pixels a ridge
// period) so that a comparison stays within its time budget. Measured gains
// and what was tried: docs/matcher.md, section 2.
#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <utility>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/model/feature_set.h"

namespace ridgeline::fingerprint {

// The extractor's side: the enhanced image (8-bit, ridges dark, working
// resolution) reduced to half; workingScale = working pixels per source pixel.
RidgeDetailImage toRidgeDetailImage(const cv::Mat& enhancedBytes, double workingScale);

// Whether an image (a feature set's, so possibly stored or sent by someone
// else) can be read: pixels for its whole size, at a believable scale. Every
// reader of the image asks this first; a malformed one counts as none.
inline bool wellFormed(const RidgeDetailImage& image) {
  return image.cols > 0 && image.rows > 0 && image.pixels.size() == size_t(image.cols) * size_t(image.rows) &&
         image.pixelsPerFeaturePixel > 1e-3 && image.pixelsPerFeaturePixel < 1e3;
}

// The matcher's side: a square patch of the image around each minutia,
// stored one after another so that a comparison reads a few contiguous
// kilobytes instead of scattered rows of two whole images (which cost three
// times as much, measured). Empty when the features had no ridge detail.
inline constexpr int kDetailPatchRadius = 26;  // pixels; a window turned 45 degrees at 1.2 x scale fits
inline constexpr int kDetailPatchSide = 2 * kDetailPatchRadius + 1;
// Each patch row starts a 64-byte cache line, so a window row costs one fetch.
inline constexpr int kDetailPatchStride = 64;
// Storage that starts on a cache line, copies included.
template <class T>
struct LineAligned {
  using value_type = T;
  LineAligned() = default;
  template <class U>
  LineAligned(const LineAligned<U>&) {}
  T* allocate(size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t(kDetailPatchStride))); }
  void deallocate(T* p, size_t) { ::operator delete(p, std::align_val_t(kDetailPatchStride)); }
  template <class U>
  bool operator==(const LineAligned<U>&) const { return true; }
};

// The candidate's side of a comparison reads only the square its window's
// nine placements cover (31 x 31 around the minutia). Kept again apart, on
// rows of 32 bytes, so that a pair fetches half the cache lines it would from
// the patch: a window row is read 32 wide, and what it reads past the
// square's edge (from the next row) meets the zeros of the probe window's
// padding. 32 rows, the last one only read past.
inline constexpr int kDetailSpanStride = 32;
inline constexpr int kDetailSpanBytes = 32 * kDetailSpanStride;

struct RidgeDetail {
  std::vector<std::uint8_t, LineAligned<std::uint8_t>> patches;  // per minutia: side rows of stride bytes; 128 (no ridge) off the image
  std::vector<std::uint8_t, LineAligned<std::uint8_t>> spans;    // per minutia: kDetailSpanBytes, see above
  std::vector<float> offsetX, offsetY;  // each minutia's position less its patch centre, patch pixels
  // Per minutia, the sums of pixels and of their squares over each of the
  // nine windows a probe's window is compared with (ridge_detail.cpp): they
  // depend on the patch alone, so they are taken once, not per comparison.
  std::vector<std::int32_t> placementSums;
  double perTemplatePixel = 0;          // patch pixels per template pixel
  bool empty() const { return patches.empty(); }
  const std::uint8_t* patch(size_t minutia) const { return patches.data() + minutia * kDetailPatchSide * kDetailPatchStride; }
  const std::uint8_t* span(size_t minutia) const { return spans.data() + minutia * kDetailSpanBytes; }
};

// featurePpi: the feature set's resolution as the template reads it (a probe
// searched at another scale states another one, and its detail follows);
// x, y: the minutiae in feature-set pixels.
RidgeDetail prepareRidgeDetail(const std::optional<RidgeDetailImage>& image, double featurePpi,
                               const std::vector<Minutia>& minutiae);

// Correlation above which two windows count as the same ridges (0.4, 0.5 and
// 0.6 were measured; docs/matcher.md, section 5).
inline constexpr double kAgreeingCorrelation = 0.6;
// Counting stops here: the score reads min(1, count / kDetailPairsForFull).
inline constexpr int kDetailPairsForFull = 10;

// How many of the pairs (minutia indices: probe, candidate), up to
// kDetailPairsForFull, show the same ridges around both ends, under the
// rotation (radians, template frame) that maps the probe onto the candidate.
// A pair whose window does not fit its patch is not counted. Both details
// must be non-empty. With `needed`, counting stops as soon as fewer than
// that many can still agree (the count returned is then below `needed`):
// a caller that only asks whether an alignment reaches a bar pays less.
int agreeingRidgeDetail(const RidgeDetail& probe, const RidgeDetail& candidate, double rotation,
                        const std::vector<std::pair<int, int>>& pairs, int needed = 0);

}  // namespace ridgeline::fingerprint
