#include "core/face/fiswg_components.h"

#include <algorithm>
#include <set>

#include <opencv2/imgproc.hpp>

namespace ridgeline::face {
namespace {

std::vector<int> range(int first, int last) {
  std::vector<int> v;
  for (int i = first; i <= last; ++i) v.push_back(i);
  return v;
}

LandmarkPath open(int first, int last) { return {range(first, last), false}; }
LandmarkPath loop(int first, int last) { return {range(first, last), true}; }

// The landmark list is derived from the paths so the two never disagree.
FiswgRegion region(FiswgComponent c, std::string_view name, LandmarkCoverage coverage, std::vector<LandmarkPath> paths,
                   std::string_view note, std::vector<int> extra = {}) {
  std::set<int> all(extra.begin(), extra.end());
  for (const auto& p : paths) all.insert(p.indices.begin(), p.indices.end());
  return {c, name, coverage, {all.begin(), all.end()}, std::move(paths), note};
}

// iBUG 300-W 68-point layout: jaw 0-16, brows 17-21 / 22-26, nose bridge
// 27-30, nostrils 31-35, eyes 36-41 / 42-47, outer lip 48-59, inner lip 60-67.
std::vector<FiswgRegion> buildRegions() {
  using C = FiswgComponent;
  using L = LandmarkCoverage;
  const std::vector<LandmarkPath> wholeFace{open(0, 16), open(17, 21), open(22, 26)};
  return {
      region(C::Skin, "Skin", L::WholeFace, wholeFace, "all visible skin; the landmarks only bound the face"),
      region(C::FaceHeadOutline, "Face/Head Outline", L::Partial, {open(0, 16)},
             "the jaw contour (0-16); the top of the head and the hairline are not marked"),
      region(C::FaceHeadComposition, "Face/Head Composition", L::Full,
             {open(0, 16), open(17, 21), open(22, 26), open(27, 30), open(31, 35), loop(36, 41), loop(42, 47),
              loop(48, 59)},
             "proportions and placement of all features: every landmark"),
      region(C::Hair, "Hair", L::None, {}, "above the forehead; not in the 68-point scheme"),
      region(C::Forehead, "Forehead", L::Partial, {open(17, 21), open(22, 26)},
             "above the eyebrows (17-26), which bound it from below only"),
      region(C::Eyebrows, "Eyebrows", L::Full, {open(17, 21), open(22, 26)}, ""),
      region(C::Eyes, "Eyes", L::Full, {loop(36, 41), loop(42, 47)}, "eyelid contours; iris and pupil not marked"),
      region(C::Cheeks, "Cheeks", L::Partial, {{{1, 2, 3, 4, 5, 48, 31, 39, 40, 41, 36}, true},
                                                {{15, 14, 13, 12, 11, 54, 35, 42, 47, 46, 45}, true}},
             "between the jaw contour, the lower eyelids, the nostrils and the mouth corners"),
      region(C::Nose, "Nose", L::Full, {open(27, 30), open(31, 35)}, "bridge (27-30) and base with nostrils (31-35)"),
      region(C::Ears, "Ears", L::None, {}, "outward of the jaw contour ends (0, 16); not in the 68-point scheme"),
      region(C::Mouth, "Mouth", L::Full, {loop(48, 59), loop(60, 67)}, "outer (48-59) and inner (60-67) lip contours"),
      region(C::ChinJawline, "Chin/Jawline", L::Full, {open(0, 16)}, "jawline 0-16, chin around 6-10"),
      region(C::Neck, "Neck", L::None, {}, "below the chin (8); not in the 68-point scheme"),
      region(C::FacialHair, "Facial Hair", L::Partial, {open(2, 14), {{31, 32, 33, 34, 35}, false}, loop(48, 59)},
             "moustache and beard areas: upper lip, mouth, chin and jaw; sideburns not marked"),
      region(C::FacialLines, "Facial Lines", L::WholeFace, wholeFace, "wrinkles and creases anywhere on the face"),
      region(C::Scars, "Scars", L::WholeFace, wholeFace, "anywhere; the examiner marks them"),
      region(C::FacialMarks, "Facial Marks", L::WholeFace, wholeFace, "moles, freckles, tattoos anywhere; the examiner marks them"),
      region(C::Alterations, "Alterations", L::WholeFace, wholeFace, "surgical or cosmetic changes anywhere"),
      region(C::Other, "Other", L::None, {}, "anything else the examiner notes (e.g. piercings, glasses)"),
  };
}

}  // namespace

const std::vector<FiswgRegion>& fiswgRegions() {
  static const std::vector<FiswgRegion> regions = buildRegions();
  return regions;
}

const FiswgRegion& fiswgRegion(FiswgComponent component) {
  // The table is built in enum order, which a test checks.
  return fiswgRegions().at(static_cast<size_t>(component));
}

std::string_view fiswgName(FiswgComponent component) { return fiswgRegion(component).name; }

}  // namespace ridgeline::face

namespace ridgeline::face {

std::vector<Polyline> fiswgOutline(FiswgComponent component, const Landmarks68& landmarks) {
  const FiswgRegion& region = fiswgRegion(component);
  if (region.coverage == LandmarkCoverage::WholeFace) {
    std::vector<cv::Point2f> hull;
    cv::convexHull(std::vector<cv::Point2f>(landmarks.begin(), landmarks.end()), hull);
    return {{hull, true}};
  }
  std::vector<Polyline> out;
  for (const auto& path : region.paths) {
    Polyline line{{}, path.closed};
    for (int i : path.indices) line.points.push_back(landmarks[i]);
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace ridgeline::face
