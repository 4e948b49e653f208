#include "core/fingerprint/greedy_pairing.h"

#include <algorithm>
#include <bit>
#include <cstdint>

namespace ridgeline::fingerprint {

namespace {
// Pairing keys: similarity bits high (non-negative floats order like their
// bit patterns), then the inverted row and column, so ties break by position
// and the order is total; the indices are read back from the key without a
// division. Keys stay below 2^63, so they compare as signed integers, which
// the AVX2 clone below compares four at a time.
using Key = std::int64_t;
constexpr std::int32_t kInfinityBits = 0x7F800000;
Key rowPart(size_t a) { return Key(0xFFFFu - a) << 16; }
size_t rowOfKey(Key key) { return 0xFFFFu - size_t(key >> 16 & 0xFFFF); }
size_t columnOfKey(Key key) { return 0xFFFFu - size_t(key & 0xFFFF); }

// The row scans are most of the pairing's time. Where the compiler can, an
// AVX2 clone sits next to the portable one and the loader picks the one the
// CPU supports; the loops are written without branches (entries out of the
// running are masked to 0, not skipped) so that clone vectorises them.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define RIDGELINE_PAIRING_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define RIDGELINE_PAIRING_CLONES
#endif

// The best key of a row among the columns not yet paired, 0 if none has a
// similarity. A similarity counts when its bits lie in (0, infinity]: above
// +0, and never a NaN. The row part of the key is the same for every entry,
// so it is added to the best one only.
RIDGELINE_PAIRING_CLONES
Key bestInRow(const float* __restrict row, const char* __restrict usedB, size_t nb, size_t a) {
  Key best = 0;
  for (size_t b = 0; b < nb; ++b) {
    const std::int32_t bits = std::bit_cast<std::int32_t>(row[b]);
    const Key inRunning = -Key((bits > 0) & (bits <= kInfinityBits) & (usedB[b] == 0));
    const Key key = (Key(bits) << 32 | Key(0xFFFFu - b)) & inRunning;
    best = best > key ? best : key;
  }
  return best == 0 ? 0 : best | rowPart(a);
}

RIDGELINE_PAIRING_CLONES
Key bestOfRows(const Key* __restrict rowBest, size_t na) {
  Key best = 0;
  for (size_t a = 0; a < na; ++a) best = best > rowBest[a] ? best : rowBest[a];
  return best;
}
}  // namespace

// Instead of sorting the matrix, each row keeps its best free column: the
// best of those is the next greedy pair, and pairing a column only sends the
// rows whose best it was back to a new search. The pairs and their order are
// those of a pass over all entries sorted by key, at a fraction of the cost.
std::vector<RelaxedPair> bestOneToOnePairs(const std::vector<float>& similarity, size_t na, size_t nb) {
  std::vector<char> usedB(nb, 0);
  std::vector<Key> rowBest(na);  // 0 once the row is paired
  for (size_t a = 0; a < na; ++a) rowBest[a] = bestInRow(&similarity[a * nb], usedB.data(), nb, a);
  std::vector<RelaxedPair> pairs;
  const size_t wanted = std::min(na, nb);
  pairs.reserve(wanted);
  while (pairs.size() < wanted) {
    const Key key = bestOfRows(rowBest.data(), na);
    if (key == 0) break;  // no similar pair left
    const size_t a = rowOfKey(key), b = columnOfKey(key);
    const float s = std::bit_cast<float>(std::uint32_t(std::uint64_t(key) >> 32));
    pairs.push_back({int(a), int(b), s, s});
    rowBest[a] = 0;  // its column reads as 0xFFFF, never a real one
    usedB[b] = 1;
    for (size_t r = 0; r < na; ++r)
      if (columnOfKey(rowBest[r]) == b) rowBest[r] = bestInRow(&similarity[r * nb], usedB.data(), nb, r);
  }
  return pairs;
}

}  // namespace ridgeline::fingerprint
