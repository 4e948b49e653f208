#pragma once
// The extractor's orientation field in the model's form: one ridge direction
// per 16 x 16 px block at 500 ppi (the EFS ridge flow map), averaged over the
// block in doubled-angle form so the two senses of one ridge flow reinforce.
#include <opencv2/core/mat.hpp>

#include "core/fingerprint/field_grid.h"
#include "core/model/feature_set.h"

namespace ridgeline::fingerprint {

inline constexpr int kFlowBlockCells = 4;  // 16 px at 500 ppi

// A block has flow when the cell at its centre lies in the segmented region.
// Periods are filled when the fields hold the ridge period.
// The block size is expressed in source-image pixels (workingScale = working / source).
RidgeFlowMap toRidgeFlowMap(const FieldGrid& fields, double workingScale);

}  // namespace ridgeline::fingerprint
