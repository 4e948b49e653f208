#pragma once
// Type-9 minutiae records mapped onto the workstation's model: the EFS block
// (9.300-9.381), the INCITS 378 block (9.126-9.150), the legacy IAFIS fields
// (9.005-9.012) and the non-standard pairing field 9.255. The record itself
// stays in the Transaction unchanged; this is a reading of it.
//
// Units at this edge: EFS positions are in 10 micrometre units relative to
// the ROI's offset (9.300 EHO/EVO), directions in degrees counter-clockwise;
// legacy positions are 10 micrometre units from the image's lower-left
// corner; INCITS 378 positions are pixels, angles in 2-degree units. All
// become pixels of the associated image (same IDC) and radians.
#include <optional>
#include <string>
#include <vector>

#include "core/formats/ansinist/transaction.h"
#include "core/model/case.h"
#include "core/model/feature_set.h"

namespace ridgeline::ansinist {

struct EfsExaminer {
  std::string surname, givenName, affiliation, time;  // time: GMT "YYYYMMDDhhmmssZ"
  bool operator==(const EfsExaminer&) const = default;
};

// 9.353 EAA: the examiner's value assessment.
struct EfsAssessment {
  std::string valueCode;  // VALUE, LIMITED, NOVALUE, NONPRINT
  ValueDetermination value = ValueDetermination::Unset;
  EfsExaminer examiner;
  std::string comment;
  bool operator==(const EfsAssessment&) const = default;
};

// 9.360 AOC: a polygon of the area that corresponds to another image.
struct EfsAreaOfCorrespondence {
  int otherIdc = -1;
  std::vector<Point2> polygon;  // pixels
  bool operator==(const EfsAreaOfCorrespondence&) const = default;
};

// 9.361 CPF: a labelled point or feature; the same label in the other
// image's Type-9 record is its correspondent.
struct EfsCorrespondencePoint {
  std::string label;
  std::string typeCode;  // D, P, DNE, OOR, UNC
  CorrespondenceType type = CorrespondenceType::Definite;
  int fieldNumber = 0;   // the feature's field, e.g. 331 for MIN; 0 when a bare point
  int featureIndex = -1; // 0-based occurrence within that field; -1 none
  std::optional<Point2> position;  // pixels, when given
  bool operator==(const EfsCorrespondencePoint&) const = default;
};

// 9.362 ECD: the examiner's comparison determination against another image.
struct EfsDetermination {
  int otherIdc = -1;
  std::string code;      // as written (IND, EXC, INC ...)
  std::string decision;  // identification / exclusion / inconclusive, or "" when unknown
  std::string status;    // work status (PRELIMINARY / FINAL ...)
  EfsExaminer examiner;
  std::string comment;
  bool operator==(const EfsDetermination&) const = default;
};

struct RidgeCount {
  int minutiaA = -1, minutiaB = -1;  // 0-based indices into features.minutiae
  int count = 0;
  bool operator==(const RidgeCount&) const = default;
};

struct Type9Features {
  std::size_t recordIndex = 0;
  int idc = -1;
  std::string source;  // "EFS", "INCITS 378", "legacy IAFIS" or "none"
  FeatureSet features;
  int fingerPosition = 0;
  int imageWidth = 0, imageHeight = 0;  // pixels of the associated image (0 = unknown)
  std::optional<double> orientation;    // 9.301 EOD, radians
  std::vector<RidgeCount> ridgeCounts;
  std::optional<EfsAssessment> assessment;
  std::vector<EfsAreaOfCorrespondence> areasOfCorrespondence;
  std::vector<EfsCorrespondencePoint> correspondencePoints;
  std::vector<EfsDetermination> determinations;
  std::vector<Correspondence> pairings;  // 9.255, probe = this record
  int pairingOtherIdc = -1;
  std::vector<std::string> notes;        // assumptions made and content not mapped
};

// Geometry of the image the features sit on.
struct ImageGeometry {
  double ppi = 0;  // 0 = unknown (500 assumed, with a note)
  int width = 0, height = 0;
};

// The image record with the same IDC as Type-9 record `index` (Types 13, 14,
// 4, 15, 3, 6 in that order of preference); {} when there is none.
ImageGeometry associatedImageGeometry(const Transaction& t, std::size_t index);

// Reads Type-9 record `index`. Prefers EFS, then INCITS 378, then legacy when
// several blocks are present (the others are named in notes). Throws
// InputError naming record, field, subfield and item on malformed content.
Type9Features readType9Features(const Transaction& t, std::size_t index);

// The blocks one by one (features.minutiae empty when the block is absent).
void readEfsBlock(const Record& r, std::size_t index, const ImageGeometry& g, Type9Features& out);
void readIncits378Block(const Record& r, std::size_t index, Type9Features& out);
void readLegacyBlock(const Record& r, std::size_t index, const ImageGeometry& g, Type9Features& out);
void readPairingField(const Record& r, std::size_t index, Type9Features& out);

// Correspondences between two Type-9 readings, joined by CPF label: probe
// and candidate indices point into each side's features.minutiae.
std::vector<Correspondence> correspondencesByLabel(const Type9Features& probe, const Type9Features& candidate);

bool hasEfsBlock(const Record& r);
bool hasIncits378Block(const Record& r);
bool hasLegacyBlock(const Record& r);

}  // namespace ridgeline::ansinist
