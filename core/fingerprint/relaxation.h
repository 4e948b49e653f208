#pragma once
// LSS-R consolidation (Cappelli, Ferrara & Maltoni 2010, section 4.2, after
// Feng's relaxation): the candidate pairs vote for each other in proportion
// to how well their mutual distances, direction differences and radial
// angles agree; pairs that fit no consistent layout lose their weight.
#include <vector>

#include "core/fingerprint/mcc_template.h"

namespace ridgeline::fingerprint {

struct RelaxedPair {
  int probe = -1, candidate = -1;  // cylinder indices
  double initial = 0;              // local similarity
  double relaxed = 0;              // after relaxation
};

// pairs: the selected one-to-one pairs with their local similarity in `initial`.
// Returns them with `relaxed` filled in.
std::vector<RelaxedPair> relax(const MccTemplate& probe, const MccTemplate& candidate, std::vector<RelaxedPair> pairs);

}  // namespace ridgeline::fingerprint
