#pragma once
// FeatureSet -> a Type-9 record in EFS terms (the examiner's markup going out
// of the desk), plus the comparison fields that tie it to another image.
#include <optional>
#include <vector>

#include "core/formats/ansinist/transaction.h"
#include "core/formats/ansinist/type9_features.h"

namespace ridgeline::ansinist {

struct Type9Options {
  int impressionType = 0;   // 9.003 IMP (Table 7: 0 live-scan plain, 4 latent impression ...)
  int fingerPosition = 0;   // 9.302 FPP, 0 = unknown
  int imageWidth = 0, imageHeight = 0;  // pixels of the image, for 9.300 ROI (required)
  std::optional<EfsAssessment> assessment;                 // 9.353 EAA
  std::vector<EfsCorrespondencePoint> correspondencePoints;  // 9.361 CPF
  std::vector<EfsDetermination> determinations;            // 9.362 ECD
  std::vector<Correspondence> pairings;                    // 9.255 (this record = probe side)
  int pairingOtherIdc = -1;
};

// Builds the record (9.001 LEN is filled in by the writer). Throws UsageError
// when the options cannot describe the features (no image size, a minutia
// outside the image, a ridge quality level outside 0-5).
Record makeType9EfsRecord(int idc, const FeatureSet& features, const Type9Options& options);

// CPF entries for one side of a list of correspondences: label, type, field
// 331 and the minutia number on that side (probe side when `probeSide`).
std::vector<EfsCorrespondencePoint> correspondencePointsFor(const std::vector<Correspondence>& correspondences,
                                                            bool probeSide);

}  // namespace ridgeline::ansinist
