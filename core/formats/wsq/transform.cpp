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

// Applies a plan along x to every row of the region: the boundary outputs
// term by term, the interior stretch of each parity as a contiguous FIR.
void applyRows(Plane& plane, const Rect& r, const LinePlan& plan, std::vector<float>& scratch) {
  scratch.resize(2 * static_cast<size_t>(r.width));
  float* in = scratch.data();
  float* acc = scratch.data() + r.width;
  for (int y = 0; y < r.height; ++y) {
    float* row = plane.row(r.y + y) + r.x;
    std::copy(row, row + r.width, in);
    for (const int m : plan.boundary) {
      float sum = 0;
      for (int e = plan.rowStart[static_cast<size_t>(m)]; e < plan.rowStart[static_cast<size_t>(m) + 1]; ++e)
        sum += plan.weight[static_cast<size_t>(e)] * in[plan.index[static_cast<size_t>(e)]];
      row[m] = sum;
    }
    for (const LinePlan::Interior& s : plan.interior) {
      if (s.count == 0) continue;
      std::fill(acc, acc + s.count, 0.0f);
      size_t e = 0;
      for (; e + 4 <= s.index.size(); e += 4) {
        const float *s0 = in + s.index[e], *s1 = in + s.index[e + 1], *s2 = in + s.index[e + 2], *s3 = in + s.index[e + 3];
        const float w0 = s.weight[e], w1 = s.weight[e + 1], w2 = s.weight[e + 2], w3 = s.weight[e + 3];
        for (int t = 0; t < s.count; ++t) acc[t] = acc[t] + w0 * s0[t] + w1 * s1[t] + w2 * s2[t] + w3 * s3[t];
      }
      for (; e < s.index.size(); ++e) {
        const float w = s.weight[e];
        const float* src = in + s.index[e];
        for (int t = 0; t < s.count; ++t) acc[t] += w * src[t];
      }
      for (int t = 0; t < s.count; ++t) row[s.first + 2 * t] = acc[t];
    }
  }
}

// Applies a plan along y: whole rows are combined, so the inner loop runs
// over contiguous memory and vectorizes; four terms per pass keep the output
// row in registers.
void applyColumns(Plane& plane, const Rect& r, const LinePlan& plan, std::vector<float>& scratch) {
  const size_t w = static_cast<size_t>(r.width);
  scratch.resize(w * static_cast<size_t>(r.height));
  for (int y = 0; y < r.height; ++y) {
    const float* row = plane.row(r.y + y) + r.x;
    std::copy(row, row + r.width, scratch.begin() + static_cast<std::ptrdiff_t>(w * static_cast<size_t>(y)));
  }
  auto src = [&](int e) { return scratch.data() + w * static_cast<size_t>(plan.index[static_cast<size_t>(e)]); };
  auto wt = [&](int e) { return plan.weight[static_cast<size_t>(e)]; };
  for (int m = 0; m < r.height; ++m) {
    float* out = plane.row(r.y + m) + r.x;
    std::fill(out, out + r.width, 0.0f);
    int e = plan.rowStart[static_cast<size_t>(m)];
    const int end = plan.rowStart[static_cast<size_t>(m) + 1];
    for (; e + 4 <= end; e += 4) {
      const float *s0 = src(e), *s1 = src(e + 1), *s2 = src(e + 2), *s3 = src(e + 3);
      const float w0 = wt(e), w1 = wt(e + 1), w2 = wt(e + 2), w3 = wt(e + 3);
      for (size_t x = 0; x < w; ++x) out[x] = out[x] + w0 * s0[x] + w1 * s1[x] + w2 * s2[x] + w3 * s3[x];
    }
    for (; e < end; ++e) {
      const float* s0 = src(e);
      const float w0 = wt(e);
      for (size_t x = 0; x < w; ++x) out[x] += w0 * s0[x];
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
