#pragma once
// Parameters of the Minutia Cylinder-Code as published by Cappelli, Ferrara &
// Maltoni, "Minutia Cylinder-Code: a new representation and matching
// technique for fingerprint recognition", IEEE PAMI 32(12), 2010 (Table 1,
// the bit-based MCC16b variant), and of its LSS-R consolidation. Lengths in
// pixels at 500 ppi; templates are rescaled to 500 ppi before use.
#include <numbers>

namespace ridgeline::fingerprint::mcc {

inline constexpr double kRadius = 70;                       // R: cylinder radius
inline constexpr int kSpatialCells = 16;                    // NS: cells per side
inline constexpr int kDirectionCells = 6;                   // ND: direction sections
inline constexpr double kSigmaS = 28.0 / 3.0;               // spatial Gaussian
inline constexpr double kSigmaD = 2 * std::numbers::pi / 9; // directional Gaussian
inline constexpr double kMuPsi = 0.01;                      // cell threshold (bit version)
inline constexpr double kHullOffset = 50;                   // Omega: convex hull enlargement
inline constexpr double kMinValidCells = 0.75;              // minVC, of the cells inside R
inline constexpr int kMinNeighbours = 2;                    // minM
inline constexpr double kMinMatchableCells = 0.60;          // minME, of the cells inside R
inline constexpr double kMaxDirectionDifference = std::numbers::pi / 2;  // delta-theta

// LSS-R: number of pairs that make the score, and the relaxation.
inline constexpr int kMinPairs = 4, kMaxPairs = 12;        // min_nP, max_nP
inline constexpr double kMuP = 20, kTauP = 2.0 / 5.0;      // sigmoid over min(nA, nB)
inline constexpr int kRelaxationIterations = 5;            // n_rel
inline constexpr double kRelaxationWeight = 0.5;           // w_R
inline constexpr double kMu1 = 5, kTau1 = -8.0 / 5.0;      // distance difference
inline constexpr double kMu2 = std::numbers::pi / 12, kTau2 = -30;  // direction difference
inline constexpr double kMu3 = std::numbers::pi / 12, kTau3 = -30;  // radial angle difference

inline constexpr int kCellsPerLayer = kSpatialCells * kSpatialCells;
inline constexpr int kBits = kCellsPerLayer * kDirectionCells;
inline constexpr int kWords = (kBits + 63) / 64;
inline constexpr int kLayerWords = kCellsPerLayer / 64;
static_assert(kCellsPerLayer % 64 == 0, "a direction section must fill whole words");
// Bits of a count of set direction sections (0..kDirectionCells).
inline constexpr int kSectionCountBits = 3;
static_assert(kDirectionCells < (1 << kSectionCountBits));

}  // namespace ridgeline::fingerprint::mcc
