#pragma once
// The probe's side of a ridge-detail comparison (ridge_detail.h): the window
// around a paired probe minutia, read from its patch turned into the
// candidate's frame. Every pair compared needs one, and reading it pixel by
// pixel was a fifth of the ridge detail's time; where the processor has
// AVX2 it is read eight pixels at a time. The plain reading stays as the
// reference the fast one must equal, pixel for pixel (tested).
#include <array>
#include <cstdint>

#include "core/fingerprint/ridge_detail.h"

namespace ridgeline::fingerprint {

inline constexpr int kWindowRadius = 14;  // half-side, detail pixels (28 at 500 ppi: about three ridge periods)
inline constexpr int kWindowSide = 2 * kWindowRadius + 1;
// Every other row of the window is compared: as telling (measured,
// docs/matcher.md) at half the memory reads, which are most of the cost.
inline constexpr int kWindowRowStep = 2;
inline constexpr int kWindowRows = (kWindowSide - 1) / kWindowRowStep + 1;
// Rows are padded to 32 with zeros, so the products run in whole vectors.
inline constexpr int kWindowRow = 32;
using TurnedWindow = std::array<std::int16_t, kWindowRows * kWindowRow>;

enum class WindowReading { Fastest, Plain };

// The window centred on (cx, cy) of a patch (kDetailPatchSide pixels square,
// rows kDetailPatchStride bytes apart), each pixel the nearest (bilinear
// sampling measured no better and cost more). Offsets (u, v) in the
// candidate's pixels (y down) map to step * (cos u - sin v, sin u + cos v)
// in the probe's: the rotation undone, seen in y-down images. False, and
// nothing read, when the window would leave the patch.
bool readTurnedWindow(const std::uint8_t* patch, double cx, double cy, double cosA, double sinA, double step,
                      TurnedWindow& out, WindowReading reading = WindowReading::Fastest);

// Whether this build and processor have the fast reading.
bool fastWindowReadingAvailable();

}  // namespace ridgeline::fingerprint
