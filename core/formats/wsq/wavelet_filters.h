#pragma once
// The two-channel filter bank of WSQ (spec section A.1): symmetric analysis
// filters transmitted in the DTT table, synthesis filters derived from them
// by modulation, and symmetric extension at the signal ends.
//
// Odd-length filters (the standard 9/7 pair) use whole-sample symmetric
// extension: lowpass outputs sit on even samples, highpass on odd ones.
// Even-length filters use half-sample extension: both outputs sit between
// samples 2i and 2i+1, and the highpass band is antisymmetric at the ends.
//
// A 1-D step on n samples is a sparse linear map; we build it once per
// (length, inverted) as a list of (source, weight) terms per output, with the
// boundary reflections folded in. Applying it is then branch-free.
#include <cstdint>
#include <vector>

#include "core/formats/wsq/tables.h"

namespace ridgeline::wsq {

struct FilterBank {
  bool evenLength = false;
  std::vector<float> analysisLow, analysisHigh;
  std::vector<float> synthesisLow, synthesisHigh;
};

FilterBank makeFilterBank(const TransformTable& table);
// The spec's default 9/7 filters, as the NIST reference encoder transmits them.
TransformTable standardTransformTable();

// Sparse n x n map in compressed-row form: out[m] = sum w[e] * in[index[e]].
struct LinePlan {
  int length = 0;
  std::vector<std::int32_t> rowStart;  // length + 1 entries
  std::vector<std::int32_t> index;
  std::vector<float> weight;
};

// Analysis: n samples -> [low | high] (or [high | low] when inverted).
LinePlan makeAnalysisPlan(const FilterBank& bank, int n, bool inverted);
// Synthesis: the inverse layout back to n samples.
LinePlan makeSynthesisPlan(const FilterBank& bank, int n, bool inverted);

}  // namespace ridgeline::wsq
