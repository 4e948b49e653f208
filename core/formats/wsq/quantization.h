#pragma once
// Scalar quantization of the wavelet subbands (spec section A.2 decoder
// dequantizer, appendix A encoder bit allocation).
#include <array>
#include <cstdint>
#include <vector>

#include "core/formats/wsq/subband_tree.h"
#include "core/formats/wsq/tables.h"

namespace ridgeline::wsq {

// Coefficient image: row-major floats, width x height.
struct Plane {
  int width = 0, height = 0;
  std::vector<float> data;
  float* row(int y) { return data.data() + static_cast<size_t>(y) * static_cast<size_t>(width); }
  const float* row(int y) const { return data.data() + static_cast<size_t>(y) * static_cast<size_t>(width); }
};

// Number of quantized values the coded subbands of [first, last) carry.
long codedCount(const QuantizationTable& t, const SubbandLayout& layout, int first, int last);

// Spreads quantizer indices (subband order, raster order within each) into
// the coefficient plane: 0 -> 0, p > 0 -> Q(p - C) + Z/2, p < 0 -> Q(p + C) - Z/2.
void dequantize(const std::vector<std::int32_t>& indices, const QuantizationTable& t, const SubbandLayout& layout,
                Plane& plane);

// Encoder: subband variances, measured on the central part of each subband as the spec prescribes.
std::array<double, kCodedSubbands> subbandVariances(const Plane& plane, const SubbandLayout& layout);
// Encoder: bin widths that spend `bitsPerPixel` on average (spec's iterative bit allocation).
QuantizationTable quantizerForBitrate(const std::array<double, kCodedSubbands>& variance, double bitsPerPixel);
// Encoder: widens bin widths where the rate model asks for indices beyond the
// 16 bits the format can carry (it does when only a few subbands carry
// energy: the whole bit budget lands on them).
void limitToSixteenBitIndices(QuantizationTable& t, const Plane& plane, const SubbandLayout& layout);
// Encoder: quantizer indices in transmission order (saturated at +-65535).
std::vector<std::int32_t> quantize(const Plane& plane, const QuantizationTable& t, const SubbandLayout& layout);

}  // namespace ridgeline::wsq
