#pragma once
// Do two prints agree between their minutiae? Under the alignment the
// minutiae found, the ridge flow of the probe is compared with the
// candidate's over the area both show: the mean of cos 2(difference), 1 when
// the flows run parallel everywhere, about 0 when unrelated. Combining
// minutiae with the orientation field this way follows Gu, Zhou & Yang,
// "Fingerprint recognition by combining global structure and local cues",
// IEEE Trans. Image Processing 15(7), 2006. It answers what minutiae cannot:
// a wrong finger can line up a few chance minutiae, rarely its whole flow.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/model/feature_set.h"

namespace ridgeline::fingerprint {

// A ridge flow map at 500 ppi in the template's y-up frame, in doubled-angle
// form (cos 2a, sin 2a) so comparing two flows is a dot product.
struct FlowField {
  // Sixteen bytes: where a probe block lands on the candidate, all the
  // comparison reads of the candidate's block is one aligned read (the
  // candidate's map is seldom in cache; two reads there were two misses).
  struct alignas(16) Block {
    float cos2 = 1, sin2 = 0;      // doubled ridge direction, counter-clockwise
    float logPeriod = 0;           // log of the ridge period in px at 500 ppi; 0 when not measured
    std::uint32_t hasFlow = 0;     // 1 when the block has a direction
  };
  // A probe block: where it lies and what the comparison reads of it.
  struct Sample {
    float x = 0, y = 0;            // block centre, 500 ppi, y up
    float cos2 = 1, sin2 = 0, logPeriod = 0;  // as in its Block
    std::uint32_t block = 0;       // its index in blocks
  };
  // The probe's blocks as the comparison reads them, a field to an array:
  // they are read in order, eight at a time where the processor has AVX2,
  // and eight blocks' fields are then one load each, not a gathering of
  // forty-eight.
  struct Samples {
    std::vector<float> x, y, cos2, sin2, logPeriod;
    std::vector<std::uint32_t> block;
    std::size_t size() const { return x.size(); }
    bool empty() const { return x.empty(); }
    void push_back(const Sample& s);
    Sample operator[](std::size_t k) const { return {x[k], y[k], cos2[k], sin2[k], logPeriod[k], block[k]}; }
  };
  double side = 0;                 // block side, px at 500 ppi
  int cols = 0, rows = 0;
  std::vector<Block> blocks;       // rows * cols, row-major
  Samples samples;                 // every block with flow, row by row
  // The blocks with flow at every third row and column: one in nine, on a
  // grid three times as coarse, enough to rank alignments by.
  Samples coarse;
  bool hasPeriods = false;
  bool empty() const { return samples.empty(); }
};

// Empty when the feature set has no flow map. Throws InputError when the map's
// size does not match its directions (or periods), or a direction is not
// 0-179 or kNoFlow.
FlowField prepareFlowField(const std::optional<RidgeFlowMap>& map, double ppi);

struct FlowAgreement {
  double agreement = 0;   // mean cos 2(difference) over the shared blocks, -1..1
  double sharedArea = 0;  // px^2 at 500 ppi of probe blocks that land on the candidate's flow
  // Ridge spacing: mean |log(probe period / candidate period)| over the shared
  // blocks where both were measured, and their area (0 when none).
  double periodMismatch = 0;
  double periodArea = 0;
};

// Every probe block with flow, or only the coarse grid's (FlowField::coarse),
// the shared areas then scaled up to the whole: about nine times cheaper, for
// ranking several alignments before the chosen one is compared in full.
enum class FlowSampling { Every, Coarse };

// rotation, tx, ty: the rigid map of probe onto candidate (500 ppi, y up, counter-clockwise).
FlowAgreement compareFlow(const FlowField& probe, const FlowField& candidate, double rotation, double tx, double ty,
                          FlowSampling sampling = FlowSampling::Every);

}  // namespace ridgeline::fingerprint
