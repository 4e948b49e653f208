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
// Away from the signal ends, output m+2 uses the terms of output m with every
// source index one higher; that stretch is kept as one template per parity
// so it can run as a plain contiguous FIR.
struct LinePlan {
  int length = 0;
  std::vector<std::int32_t> rowStart;  // length + 1 entries
  std::vector<std::int32_t> index;
  std::vector<float> weight;

  struct Interior {
    int first = 0;  // first output of the stretch
    int count = 0;  // outputs first, first+2, ... first+2*(count-1)
    std::vector<std::int32_t> index;  // terms of output `first`
    std::vector<float> weight;
  };
  Interior interior[2];                 // by output parity
  std::vector<std::int32_t> boundary;   // outputs outside both interior stretches
};

// Analysis: n samples -> [low | high] (or [high | low] when inverted).
LinePlan makeAnalysisPlan(const FilterBank& bank, int n, bool inverted);
// Synthesis: the inverse layout back to n samples.
LinePlan makeSynthesisPlan(const FilterBank& bank, int n, bool inverted);

// Largest error of analysis followed by synthesis on test signals, relative
// to their amplitude: about 1e-7 for a valid bank, NaN/large for garbage taps.
double reconstructionError(const FilterBank& bank);

}  // namespace ridgeline::wsq
