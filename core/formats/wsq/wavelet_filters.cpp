#include "core/formats/wsq/wavelet_filters.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace ridgeline::wsq {
namespace {

// Positions are kept in doubled units so half-sample centres stay integers.
// Tap k of a filter of length len sits at doubled offset 2k - (len - 1).
int tapOffset2(int k, int len) { return 2 * k - (len - 1); }

// Doubled centre of low/high output i.
int lowCentre2(bool even, int i) { return even ? 4 * i + 1 : 4 * i; }
int highCentre2(bool even, int i) { return even ? 4 * i + 1 : 4 * i + 2; }

// Mirror points (doubled units) of the symmetric extension of n samples.
struct Mirrors {
  int a, b;
};
Mirrors mirrorsFor(bool even, int n) { return even ? Mirrors{-1, 2 * n - 1} : Mirrors{0, 2 * n - 2}; }

// Folds a doubled position into [a, b]; returns the number of reflections.
int fold(int& p, Mirrors m) {
  int flips = 0;
  while (p < m.a || p > m.b) {
    p = p < m.a ? 2 * m.a - p : 2 * m.b - p;
    ++flips;
  }
  return flips;
}

// Builds a symmetric (or antisymmetric) filter of length len from its half,
// given the value at each non-negative doubled offset.
template <typename ValueAt>
std::vector<float> expand(int len, ValueAt valueAt) {
  std::vector<float> taps(static_cast<size_t>(len));
  for (int k = 0; k < len; ++k) taps[static_cast<size_t>(k)] = static_cast<float>(valueAt(tapOffset2(k, len)));
  return taps;
}

double alternate(int c) { return (c % 2) ? -1.0 : 1.0; }

struct Term {
  int source;
  float weight;
};

// True when output b's terms are output a's with every source index + 1.
bool shiftedByOne(const LinePlan& p, int a, int b) {
  const int a0 = p.rowStart[static_cast<size_t>(a)], a1 = p.rowStart[static_cast<size_t>(a) + 1];
  const int b0 = p.rowStart[static_cast<size_t>(b)], b1 = p.rowStart[static_cast<size_t>(b) + 1];
  if (a1 - a0 != b1 - b0) return false;
  for (int i = 0; i < a1 - a0; ++i)
    if (p.index[static_cast<size_t>(b0 + i)] != p.index[static_cast<size_t>(a0 + i)] + 1 ||
        p.weight[static_cast<size_t>(b0 + i)] != p.weight[static_cast<size_t>(a0 + i)])
      return false;
  return true;
}

// Longest stretch per parity where consecutive same-parity outputs are shifts.
void findInterior(LinePlan& plan) {
  for (int parity = 0; parity < 2; ++parity) {
    int bestFirst = 0, bestCount = 0;
    for (int m = parity; m < plan.length;) {
      int count = 1;
      while (m + 2 * count < plan.length && shiftedByOne(plan, m + 2 * (count - 1), m + 2 * count)) ++count;
      if (count > bestCount) {
        bestFirst = m;
        bestCount = count;
      }
      m += 2 * count;
    }
    if (bestCount < 4) continue;  // not worth a separate path
    LinePlan::Interior& s = plan.interior[parity];
    s.first = bestFirst;
    s.count = bestCount;
    const int e0 = plan.rowStart[static_cast<size_t>(bestFirst)], e1 = plan.rowStart[static_cast<size_t>(bestFirst) + 1];
    s.index.assign(plan.index.begin() + e0, plan.index.begin() + e1);
    s.weight.assign(plan.weight.begin() + e0, plan.weight.begin() + e1);
  }
  for (int m = 0; m < plan.length; ++m) {
    const LinePlan::Interior& s = plan.interior[m & 1];
    const bool inside = s.count > 0 && m >= s.first && m < s.first + 2 * s.count;
    if (!inside) plan.boundary.push_back(m);
  }
}

LinePlan toPlan(int n, std::vector<std::vector<Term>>& rows) {
  LinePlan plan;
  plan.length = n;
  plan.rowStart.push_back(0);
  for (auto& row : rows) {
    std::sort(row.begin(), row.end(), [](const Term& x, const Term& y) { return x.source < y.source; });
    for (size_t i = 0; i < row.size();) {
      double w = 0;
      const int s = row[i].source;
      for (; i < row.size() && row[i].source == s; ++i) w += row[i].weight;
      plan.index.push_back(s);
      plan.weight.push_back(static_cast<float>(w));
    }
    plan.rowStart.push_back(static_cast<std::int32_t>(plan.index.size()));
  }
  findInterior(plan);
  return plan;
}

void checkLength(int n) {
  if (n < 2) throw std::invalid_argument("WSQ wavelet step needs at least 2 samples");
}

}  // namespace

FilterBank makeFilterBank(const TransformTable& t) {
  FilterBank fb;
  fb.evenLength = (t.lowpassLength % 2) == 0;
  const auto& lo = t.lowpassHalf;   // centre tap first
  const auto& hi = t.highpassHalf;
  if (!fb.evenLength) {
    // Whole-sample symmetric filters: value at offset c is half[|c|].
    fb.analysisLow = expand(t.lowpassLength, [&](int d2) { return lo[static_cast<size_t>(std::abs(d2) / 2)]; });
    fb.analysisHigh = expand(t.highpassLength, [&](int d2) { return hi[static_cast<size_t>(std::abs(d2) / 2)]; });
    // Synthesis filters are the analysis filters of the other channel,
    // modulated by (-1)^c (spec A.1.2): lowpass from highpass and vice versa.
    fb.synthesisLow = expand(t.highpassLength, [&](int d2) {
      const int c = std::abs(d2) / 2;
      return alternate(c) * hi[static_cast<size_t>(c)];
    });
    fb.synthesisHigh = expand(t.lowpassLength, [&](int d2) {
      const int c = std::abs(d2) / 2;
      return alternate(c) * lo[static_cast<size_t>(c)];
    });
  } else {
    // Half-sample filters: offsets +-(c + 1/2). The highpass filters are antisymmetric.
    auto idx = [](int d2) { return static_cast<size_t>((std::abs(d2) - 1) / 2); };
    fb.analysisLow = expand(t.lowpassLength, [&](int d2) { return lo[idx(d2)]; });
    // (Only tests analyse with even filters; this orientation is the one the
    // synthesis below inverts exactly.)
    fb.analysisHigh = expand(t.highpassLength, [&](int d2) { return d2 > 0 ? -hi[idx(d2)] : hi[idx(d2)]; });
    fb.synthesisLow = expand(t.highpassLength, [&](int d2) {
      return -alternate(static_cast<int>(idx(d2))) * hi[idx(d2)];
    });
    fb.synthesisHigh = expand(t.lowpassLength, [&](int d2) {
      const double v = alternate(static_cast<int>(idx(d2))) * lo[idx(d2)];
      return d2 > 0 ? v : -v;
    });
  }
  return fb;
}

TransformTable standardTransformTable() {
  TransformTable t;
  t.lowpassLength = 9;
  t.highpassLength = 7;
  // Spec A.1.1 table of the 9/7 biorthogonal analysis filters, centre tap first.
  t.lowpassHalf = {0.852698679009, 0.377402855613, -0.110624404418, -0.023849465020, 0.037828455507};
  t.highpassHalf = {0.788485616406, -0.418092273222, -0.040689417609, 0.064538882629};
  return t;
}

LinePlan makeAnalysisPlan(const FilterBank& bank, int n, bool inverted) {
  checkLength(n);
  const bool even = bank.evenLength;
  const int lowCount = (n + 1) / 2, highCount = n / 2;
  const Mirrors mir = mirrorsFor(even, n);
  std::vector<std::vector<Term>> rows(static_cast<size_t>(n));
  auto fill = [&](std::vector<Term>& row, const std::vector<float>& taps, int centre2) {
    const int len = static_cast<int>(taps.size());
    for (int k = 0; k < len; ++k) {
      int p = centre2 + tapOffset2(k, len);
      fold(p, mir);
      row.push_back({p / 2, taps[static_cast<size_t>(k)]});
    }
  };
  for (int i = 0; i < lowCount; ++i)
    fill(rows[static_cast<size_t>(inverted ? highCount + i : i)], bank.analysisLow, lowCentre2(even, i));
  for (int i = 0; i < highCount; ++i)
    fill(rows[static_cast<size_t>(inverted ? i : lowCount + i)], bank.analysisHigh, highCentre2(even, i));
  return toPlan(n, rows);
}

LinePlan makeSynthesisPlan(const FilterBank& bank, int n, bool inverted) {
  checkLength(n);
  const bool even = bank.evenLength;
  const int lowCount = (n + 1) / 2, highCount = n / 2;
  const Mirrors mir = mirrorsFor(even, n);
  std::vector<std::vector<Term>> rows(static_cast<size_t>(n));

  // Every output sample gathers the (extended) subband samples whose synthesis
  // filter reaches it. An extended subband sample is a reflection of a real
  // one; for the antisymmetric highpass band of even filters each reflection
  // flips its sign and a sample on a mirror point is zero.
  auto scatter = [&](const std::vector<float>& taps, bool high, int count) {
    if (count == 0) return;
    const int len = static_cast<int>(taps.size());
    const int reach = len / 2 + 2;
    const int base = high ? highCentre2(even, 0) : lowCentre2(even, 0);
    const bool antisymmetric = even && high;
    for (int i = -reach; i < count + reach; ++i) {
      int centre = (high ? highCentre2(even, i) : lowCentre2(even, i));
      int folded = centre;
      const int flips = fold(folded, mir);
      if (antisymmetric && (folded == mir.a || folded == mir.b)) continue;
      const int src = (folded - base) / 4;
      if ((folded - base) % 4 != 0 || src < 0 || src >= count)
        throw std::logic_error("WSQ synthesis: reflected subband index out of range");
      const float sign = (antisymmetric && (flips % 2)) ? -1.0f : 1.0f;
      const int layoutIndex = high ? (inverted ? src : lowCount + src) : (inverted ? highCount + src : src);
      for (int k = 0; k < len; ++k) {
        const int m2 = centre + tapOffset2(k, len);
        if (m2 < 0 || m2 > 2 * (n - 1) || (m2 % 2) != 0) continue;
        rows[static_cast<size_t>(m2 / 2)].push_back({layoutIndex, sign * taps[static_cast<size_t>(k)]});
      }
    }
  };
  scatter(bank.synthesisLow, false, lowCount);
  scatter(bank.synthesisHigh, true, highCount);
  return toPlan(n, rows);
}

namespace {
double reconstructionErrorOf(const FilterBank& bank) {
  auto apply = [](const LinePlan& p, const std::vector<double>& in) {
    std::vector<double> out(static_cast<size_t>(p.length), 0.0);
    for (int m = 0; m < p.length; ++m)
      for (int e = p.rowStart[static_cast<size_t>(m)]; e < p.rowStart[static_cast<size_t>(m) + 1]; ++e)
        out[static_cast<size_t>(m)] += p.weight[static_cast<size_t>(e)] * in[static_cast<size_t>(p.index[static_cast<size_t>(e)])];
    return out;
  };
  double worst = 0;
  for (int n : {16, 17})
    for (bool inverted : {false, true}) {
      std::vector<double> x(static_cast<size_t>(n));
      for (int i = 0; i < n; ++i) x[static_cast<size_t>(i)] = ((i * 37) % 11) - 5.0 + (i % 2 ? 3.0 : -3.0);
      const auto y = apply(makeSynthesisPlan(bank, n, inverted), apply(makeAnalysisPlan(bank, n, inverted), x));
      for (int i = 0; i < n; ++i) {
        const double e = std::abs(y[static_cast<size_t>(i)] - x[static_cast<size_t>(i)]) / 8.0;
        if (!(e <= worst)) worst = e;  // NaN propagates as the worst
      }
    }
  return worst;
}
}  // namespace

double reconstructionError(const FilterBank& bank) {
  double best = reconstructionErrorOf(bank);
  if (best < 1e-4) return best;
  // The DTT fixes the synthesis filters (that is what the decoder uses) but
  // for even-length taps leaves the convention of the analysis pair open (the
  // NIST 6/10 and 10/10 sets differ). A PR analysis pair is the synthesis
  // pair modulated by (-1)^k up to sign, so try those.
  for (float s0 : {1.0f, -1.0f})
    for (float s1 : {1.0f, -1.0f}) {
      FilterBank candidate = bank;
      candidate.analysisLow = bank.synthesisHigh;
      candidate.analysisHigh = bank.synthesisLow;
      for (size_t k = 0; k < candidate.analysisLow.size(); ++k) candidate.analysisLow[k] *= (k % 2 ? -s0 : s0);
      for (size_t k = 0; k < candidate.analysisHigh.size(); ++k) candidate.analysisHigh[k] *= (k % 2 ? -s1 : s1);
      const double e = reconstructionErrorOf(candidate);
      if (e < best || std::isnan(best)) best = e;
    }
  return best;
}

}  // namespace ridgeline::wsq
