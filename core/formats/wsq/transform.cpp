#include "core/formats/wsq/transform.h"

#include <algorithm>
#include <map>
#include <utility>

namespace ridgeline::wsq {
namespace {

// Plans depend only on (length, inverted); a 20-split tree reuses a handful.
class PlanCache {
 public:
  PlanCache(const FilterBank& bank, bool synthesis) : bank_(bank), synthesis_(synthesis) {}
  const LinePlan& get(int n, bool inverted) {
    auto key = std::make_pair(n, inverted);
    auto it = plans_.find(key);
    if (it == plans_.end())
      it = plans_.emplace(key, synthesis_ ? makeSynthesisPlan(bank_, n, inverted) : makeAnalysisPlan(bank_, n, inverted)).first;
    return it->second;
  }

 private:
  const FilterBank& bank_;
  bool synthesis_;
  std::map<std::pair<int, bool>, LinePlan> plans_;
};

// Applies a plan along x to every row of the region.
void applyRows(Plane& plane, const Rect& r, const LinePlan& plan, std::vector<float>& scratch) {
  scratch.resize(static_cast<size_t>(r.width));
  for (int y = 0; y < r.height; ++y) {
    float* row = plane.row(r.y + y) + r.x;
    std::copy(row, row + r.width, scratch.begin());
    for (int m = 0; m < r.width; ++m) {
      float acc = 0;
      for (int e = plan.rowStart[static_cast<size_t>(m)]; e < plan.rowStart[static_cast<size_t>(m) + 1]; ++e)
        acc += plan.weight[static_cast<size_t>(e)] * scratch[static_cast<size_t>(plan.index[static_cast<size_t>(e)])];
      row[m] = acc;
    }
  }
}

// Applies a plan along y: whole rows are combined, so the inner loop runs
// over contiguous memory and vectorizes.
void applyColumns(Plane& plane, const Rect& r, const LinePlan& plan, std::vector<float>& scratch) {
  const size_t w = static_cast<size_t>(r.width);
  scratch.resize(w * static_cast<size_t>(r.height));
  for (int y = 0; y < r.height; ++y) {
    const float* row = plane.row(r.y + y) + r.x;
    std::copy(row, row + r.width, scratch.begin() + static_cast<std::ptrdiff_t>(w * static_cast<size_t>(y)));
  }
  for (int m = 0; m < r.height; ++m) {
    float* out = plane.row(r.y + m) + r.x;
    std::fill(out, out + r.width, 0.0f);
    for (int e = plan.rowStart[static_cast<size_t>(m)]; e < plan.rowStart[static_cast<size_t>(m) + 1]; ++e) {
      const float wgt = plan.weight[static_cast<size_t>(e)];
      const float* src = scratch.data() + w * static_cast<size_t>(plan.index[static_cast<size_t>(e)]);
      for (size_t x = 0; x < w; ++x) out[x] += wgt * src[x];
    }
  }
}

}  // namespace

void decompose(Plane& plane, const SubbandLayout& layout, const FilterBank& bank) {
  PlanCache plans(bank, false);
  std::vector<float> scratch;
  for (const SplitNode& s : layout.splits) {
    applyRows(plane, s.region, plans.get(s.region.width, s.invertX), scratch);
    applyColumns(plane, s.region, plans.get(s.region.height, s.invertY), scratch);
  }
}

void reconstruct(Plane& plane, const SubbandLayout& layout, const FilterBank& bank) {
  PlanCache plans(bank, true);
  std::vector<float> scratch;
  for (auto it = layout.splits.rbegin(); it != layout.splits.rend(); ++it) {
    applyColumns(plane, it->region, plans.get(it->region.height, it->invertY), scratch);
    applyRows(plane, it->region, plans.get(it->region.width, it->invertX), scratch);
  }
}

}  // namespace ridgeline::wsq
