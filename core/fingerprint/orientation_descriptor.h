#pragma once
// The ridge flow around a minutia, seen from the minutia: the orientation-
// based minutia descriptor of Tico & Kuosmanen, "Fingerprint matching using
// an orientation-based minutia descriptor", IEEE PAMI 25(8), 2003. Ridge
// directions are sampled on four rings around the minutia, at angles and in
// directions relative to its own, so the descriptor turns with the print. It
// describes what the cylinder cannot: the ridges between minutiae, which a
// noisy print keeps where it reports false minutiae or loses true ones.
//
// Made ours in the bit-based spirit of MCC16b: each sample's relative
// direction is a circular code of kDirectionBits bits (bit k set when the
// doubled angle lies in the half-turn starting at k/kDirectionBits of a half-
// turn), so the number of differing bits grows with the angle between two
// samples, and comparing two descriptors is a few population counts.
#include <array>
#include <bit>
#include <cstdint>

#include "core/fingerprint/flow_agreement.h"

namespace ridgeline::fingerprint {

inline constexpr int kDescriptorSamples = 56;  // rings of 8, 12, 16 and 20 samples (at most 64)
inline constexpr int kDirectionBits = 8;       // 11.25 degrees of ridge direction a bit

struct OrientationDescriptor {
  std::uint64_t sampled = 0;  // bit i: sample i fell on the print's flow
  // Bit plane k holds bit k of every sample's code (0 where not sampled).
  std::array<std::uint64_t, kDirectionBits> code{};
};

// x, y, direction: the minutia at 500 ppi, y up, radians counter-clockwise.
// Empty (nothing sampled) when the flow is.
OrientationDescriptor describeOrientation(const FlowField& flow, double x, double y, double direction);

// Inline, so that they count with the instructions of the kernels they run in (local_similarity.cpp).
// The samples both descriptors hold, and the code bits that differ there.
struct OrientationCounts {
  int shared = 0;
  int differing = 0;  // 0 (same directions) .. kDirectionBits x shared (crossing everywhere)
};
inline OrientationCounts countOrientation(const OrientationDescriptor& a, const OrientationDescriptor& b) {
  const std::uint64_t both = a.sampled & b.sampled;
  OrientationCounts out{std::popcount(both), 0};
  for (int k = 0; k < kDirectionBits; ++k) out.differing += std::popcount((a.code[size_t(k)] ^ b.code[size_t(k)]) & both);
  return out;
}

// How much one differing code bit lowers the agreement below, when `shared`
// samples are compared: all kDirectionBits bits of every sample differing
// (crossing everywhere) take it from 1 to -1.
constexpr float disagreementPerBit(int shared) { return 2.0f / float(kDirectionBits * shared); }

// How closely the ridge directions agree over the shared samples: 1 the same
// everywhere, 0 unrelated (a quarter-turn apart on average), -1 crossing at
// right angles everywhere; 0 when nothing is shared.
struct OrientationAgreement {
  int shared = 0;
  float agreement = 0;
};
inline OrientationAgreement compareOrientation(const OrientationDescriptor& a, const OrientationDescriptor& b) {
  const OrientationCounts c = countOrientation(a, b);
  if (c.shared == 0) return {};
  return {c.shared, 1.0f - float(c.differing) * disagreementPerBit(c.shared)};
}

}  // namespace ridgeline::fingerprint
