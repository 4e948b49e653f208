#pragma once
// The inner product of a ridge-detail comparison (ridge_detail.cpp): the sum
// of probe window times candidate pixels, at each of up to nine placements a
// pair. On processors with AVX-512 VNNI the window is turned once into
// signed bytes (less 128) and each product takes one instruction a row; else
// (and as the reference the fast one must equal, tested) in 16-bit integers.
#include <array>
#include <cstdint>

#include "core/fingerprint/turned_window.h"

namespace ridgeline::fingerprint {

enum class ProductKernel { Fastest, Plain };

class WindowProducts {
 public:
  // a: pixel values 0..255 on the window's kWindowSide columns, 0 on its padding.
  explicit WindowProducts(const TurnedWindow& a, ProductKernel kernel = ProductKernel::Fastest);
  // Sum of a * b over the window, b read kWindowRow wide from rows
  // kWindowRowStep * kDetailSpanStride apart; bSum: the sum of b over the
  // window's own pixels (its placement's sum), which the fast kernel needs.
  std::int32_t with(const std::uint8_t* b, std::int32_t bSum) const;

 private:
  const TurnedWindow& a_;
  bool bytes_ = false;  // the fast kernel, with centred_
  alignas(32) std::array<std::int8_t, kWindowRows * kWindowRow> centred_;
};

// Whether this build and processor have the fast kernel.
bool fastWindowProductsAvailable();

}  // namespace ridgeline::fingerprint
