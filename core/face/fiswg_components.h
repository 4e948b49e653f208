#pragma once
// The facial components of the FISWG feature list for morphological
// analysis, in the order an examiner works through them, and what part of
// the 68-point landmark scheme each concerns, so a view can highlight the
// component under discussion.
#include <string_view>
#include <vector>

#include <opencv2/core/types.hpp>

#include "core/face/face_types.h"

namespace ridgeline::face {

enum class FiswgComponent {
  Skin,
  FaceHeadOutline,
  FaceHeadComposition,
  Hair,
  Forehead,
  Eyebrows,
  Eyes,
  Cheeks,
  Nose,
  Ears,
  Mouth,
  ChinJawline,
  Neck,
  FacialHair,
  FacialLines,
  Scars,
  FacialMarks,
  Alterations,
  Other,
};

// How well the 68 landmarks describe where the component is.
enum class LandmarkCoverage {
  Full,       // the landmarks outline the component
  Partial,    // they bound it on some sides only (say which in `note`)
  WholeFace,  // it can be anywhere on the face: highlight the whole face
  None,       // outside the 68-point scheme: no highlight, the examiner looks
};

// An ordered run of landmark indices to draw as a line; closed = polygon.
struct LandmarkPath {
  std::vector<int> indices;
  bool closed = false;
};

struct FiswgRegion {
  FiswgComponent component;
  std::string_view name;      // as FISWG words it: "Chin/Jawline"
  LandmarkCoverage coverage;
  std::vector<int> landmarks; // every index concerned, ascending
  std::vector<LandmarkPath> paths;
  std::string_view note;      // where the region extends beyond the landmarks
};

// All nineteen components in FISWG order.
const std::vector<FiswgRegion>& fiswgRegions();
const FiswgRegion& fiswgRegion(FiswgComponent component);
std::string_view fiswgName(FiswgComponent component);

// What a view draws to highlight a component on one face (photo or crop
// coordinates, whichever the landmarks are in): the region's paths as
// points; for WholeFace components the convex hull of all 68 landmarks;
// nothing for components the landmarks do not cover.
struct Polyline {
  std::vector<cv::Point2f> points;
  bool closed = false;
};
std::vector<Polyline> fiswgOutline(FiswgComponent component, const Landmarks68& landmarks);

}  // namespace ridgeline::face
