#pragma once
// 2-D wavelet decomposition and reconstruction over the WSQ subband tree:
// each split filters the rows of its region, then the columns.
#include "core/formats/wsq/quantization.h"
#include "core/formats/wsq/subband_tree.h"
#include "core/formats/wsq/wavelet_filters.h"

namespace ridgeline::wsq {

void decompose(Plane& plane, const SubbandLayout& layout, const FilterBank& bank);
void reconstruct(Plane& plane, const SubbandLayout& layout, const FilterBank& bank);

}  // namespace ridgeline::wsq
