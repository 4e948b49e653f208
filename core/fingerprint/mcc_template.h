#pragma once
// The prepared form of a FeatureSet for matching: one bit-based Minutia
// Cylinder-Code (Cappelli, Ferrara & Maltoni, IEEE PAMI 2010) per minutia,
// plus the pairwise geometry the relaxation step reads. Build it once per
// impression; comparing two prepared templates is then fast enough for 1:N
// and for re-scoring while the examiner edits.
#include <array>
#include <cstdint>
#include <vector>

#include "core/fingerprint/flow_agreement.h"
#include "core/fingerprint/hull_mask.h"
#include "core/fingerprint/mcc_parameters.h"
#include "core/fingerprint/orientation_descriptor.h"
#include "core/fingerprint/ridge_count.h"
#include "core/fingerprint/ridge_detail.h"
#include "core/model/feature_set.h"

namespace ridgeline::fingerprint {

struct Cylinder {
  int minutia = -1;  // index into the FeatureSet's minutiae
  double x = 0, y = 0, direction = 0;  // 500 ppi, y up, radians CCW
  float cosDirection = 1, sinDirection = 0;  // for the quick direction test
  std::array<std::uint64_t, mcc::kWords> bits{};   // cell values, direction section by section
  // Cells inside the region: one spatial layer, the same for every direction section.
  std::array<std::uint64_t, mcc::kLayerWords> valid{};
  int ones = 0;           // cell values set in valid cells, all sections
  bool complete = false;  // every cell inside the radius is valid: no mask needed
  // Derived from bits and valid (countCylinderCells), for the similarity:
  // per valid cell, how many direction sections are set, bit-sliced (bit p of
  // each cell's count in sectionCount[p]), so the values inside a mask are
  // counted over one layer's words per bit of the count instead of over every
  // section; and how many cells are valid.
  std::array<std::array<std::uint64_t, mcc::kLayerWords>, mcc::kSectionCountBits> sectionCount{};
  int validCells = 0;
  // The ridge flow around the minutia (nothing sampled when the set has no
  // flow map): kept beside the cells, the similarity reads both for a pair.
  OrientationDescriptor orientation;
};

// Fills ones, sectionCount and validCells from bits and valid.
void countCylinderCells(Cylinder& cylinder);

struct TemplateMinutia {
  float x = 0, y = 0, direction = 0;  // 500 ppi, y up, radians CCW
  int cylinder = -1;                  // index into cylinders, -1 when its cylinder is not valid
  MinutiaType type = MinutiaType::Unknown;
};

struct PairGeometry {
  float distance = 0;       // Euclidean, px at 500 ppi
  float directionDiff = 0;  // direction of j minus direction of i, [-pi, pi)
  float radialAngle = 0;    // angle of the segment i->j relative to i's direction, [-pi, pi)
};

struct MccTemplate {
  double ppi = 500;
  std::vector<TemplateMinutia> minutiae;  // every minutia, in FeatureSet order
  // Convex hull of the minutiae (500 ppi, y up), widened and rasterised,
  // with where within it the print shows ridges (clarity; everywhere when unknown).
  HullMask area;
  std::vector<int> byX;             // minutia indices ordered by x, for range searches
  std::vector<float> sortedX;       // their x, same order
  std::vector<float> yByX;          // their y, same order (read with sortedX, kept beside it)
  std::vector<Cylinder> cylinders;  // valid cylinders only
  // Pairwise geometry between cylinders' minutiae (row-major n x n), kept
  // together because the relaxation reads all three for each pair. Empty
  // for a template of more than kGeometryKeptCylinders: see there.
  std::vector<PairGeometry> geometry;
  FlowField flow;                   // ridge flow, empty when the feature set has none
  RidgeDetail detail;               // enhanced ridges, empty when the feature set has none
  NeighbourRidgeCounts ridgeCounts;  // from the same image, empty when the feature set has none
  size_t size() const { return cylinders.size(); }
};

// The most minutiae one template may hold (pairwise tables are n x n).
inline constexpr size_t kMaxMatchableMinutiae = 4000;

// The geometry of cylinder b's minutia seen from cylinder a's: the same
// numbers whether the template keeps them in its table or the relaxation
// asks for one pair at a time.
PairGeometry pairGeometry(const Cylinder& a, const Cylinder& b);

// Up to this many cylinders a template keeps the whole geometry table
// (11 MB at 1,000; a print of 80 minutiae, 77 KB), read at every
// comparison. A palm's can hold 4,000, whose table would take 192 MB and a
// second to build; its relaxation computes the few pairs it reads instead
// (a latent against a palm relaxes some tens of pairs).
inline constexpr size_t kGeometryKeptCylinders = 1000;

// Fills the template's geometry table whatever its size (tests; a search
// that compares one large template with many).
void keepPairwiseGeometry(MccTemplate& t);

// Throws InputError when a minutia has a non-finite or absurd position or
// direction, when there are more than kMaxMatchableMinutiae, or when the
// ridge flow map is malformed.
MccTemplate prepareTemplate(const FeatureSet& features);

}  // namespace ridgeline::fingerprint
