#pragma once
// Friction-ridge features of one impression, in EFS terms. Positions are in
// pixels of the impression's image (origin top-left, x right, y down) at the
// feature set's ppi; directions in radians, counter-clockwise from the +x axis
// as seen on screen (so y up), pointing along the ridge away from the minutia,
// as EFS and ISO/IEC 19794-2 define it. Formats convert at their edge.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/vocabulary.h"

namespace ridgeline {

struct Point2 {
  double x = 0, y = 0;
  bool operator==(const Point2&) const = default;
};

struct Minutia {
  double x = 0, y = 0;
  double direction = 0;                 // radians, [0, 2pi)
  MinutiaType type = MinutiaType::Unknown;
  double positionRadius = 0;            // EFS MRU-style position uncertainty, px (0 = not stated)
  double directionUncertainty = 0;      // EFS MDU-style, radians (0 = not stated)
  int quality = -1;                     // 0-100, -1 when unknown
  bool operator==(const Minutia&) const = default;
};

struct Core {
  double x = 0, y = 0;
  std::optional<double> direction;  // radians, pointing out of the innermost recurve
  double positionRadius = 0;
  bool operator==(const Core&) const = default;
};

struct Delta {
  double x = 0, y = 0;
  std::vector<double> directions;  // up to three, radians
  double positionRadius = 0;
  bool operator==(const Delta&) const = default;
};

// EFS clarity (9.353 CLQ-style local quality) per square block: 0 background,
// 1 debatable ridge flow, 2 definitive ridge flow, 3 definitive minutiae,
// 4 definitive ridge edges, 5 definitive pores. Shown as red, yellow, green,
// blue, aqua for 1-5.
struct ClarityMap {
  int blockSize = 16;  // pixels per block side
  int cols = 0, rows = 0;
  std::vector<std::uint8_t> levels;  // rows * cols, row-major
  std::uint8_t at(int col, int row) const { return levels[static_cast<size_t>(row * cols + col)]; }
  bool operator==(const ClarityMap&) const = default;
};

// Ridge flow per square block (the EFS ridge flow map, ANSI/NIST-ITL 1-2011
// field 9.310 RFM): the ridge direction in whole degrees 0-179, counter-
// clockwise from +x as seen (the model's convention; a ridge has no sense, so
// 0 and 180 are the same flow), kNoFlow where the block is outside the print.
// The matcher reads it to check that two prints agree between the minutiae.
// Ridgeline adds the ridge period per block (EFS has no field for it), which
// the matcher compares the same way.
struct RidgeFlowMap {
  static constexpr std::uint8_t kNoFlow = 255;
  int blockSize = 16;  // pixels per block side
  int cols = 0, rows = 0;
  std::vector<std::uint8_t> directions;  // rows * cols, row-major
  // Ridge period per block in tenths of a pixel, 0 where not measured; empty when not measured at all.
  std::vector<std::uint16_t> periods;
  std::uint8_t at(int col, int row) const { return directions[static_cast<size_t>(row * cols + col)]; }
  bool operator==(const RidgeFlowMap&) const = default;
};

// The print's ridges as the local extractor enhanced them, 8-bit (ridges
// dark), at half its working resolution. Not a feature an examiner marks nor
// one any format carries: it is kept beside the features so the matcher can
// compare the ridges around paired minutiae (core/fingerprint/ridge_detail.h),
// and is not saved, because it is read again from the image when needed.
struct RidgeDetailImage {
  int cols = 0, rows = 0;
  double pixelsPerFeaturePixel = 0.5;  // detail pixels per pixel of the feature set's coordinates
  std::vector<std::uint8_t> pixels;    // rows * cols, row-major
  bool operator==(const RidgeDetailImage&) const = default;
};

struct FeatureSet {
  FeatureAuthor author = FeatureAuthor::Examiner;
  std::string authorName;  // examiner's user name or extractor's name/version
  double ppi = 500;
  std::vector<Minutia> minutiae;
  std::vector<Core> cores;
  std::vector<Delta> deltas;
  std::vector<Point2> regionOfInterest;  // polygon; empty = whole image
  std::optional<ClarityMap> clarity;
  std::optional<RidgeFlowMap> ridgeFlow;
  std::optional<RidgeDetailImage> ridgeDetail;  // not saved (see above)
  ValueDetermination value = ValueDetermination::Unset;
  std::string patternClass;  // EFS PAT general class code: "AU", "WU", "RS", "LS"... or empty
  int quality = -1;          // overall 0-100, -1 when unknown
  bool operator==(const FeatureSet&) const = default;
};

// Normalises an angle to [0, 2pi).
double normalizeAngle(double radians);

}  // namespace ridgeline
