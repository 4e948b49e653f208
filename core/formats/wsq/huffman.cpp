#include "core/formats/wsq/huffman.h"

#include <algorithm>
#include <string>

#include "core/formats/wsq/byte_reader.h"

namespace ridgeline::wsq {

HuffmanDecoder::HuffmanDecoder(const HuffmanTableSpec& spec) : values_(spec.values), id_(spec.id) {
  // Canonical codes: codes of one length are consecutive, and the first code
  // of the next length is (last + 1) << 1 (T.81 figure C.2).
  std::int32_t code = 0;
  std::int32_t index = 0;
  for (int len = 1; len <= 16; ++len) {
    const int n = spec.counts[static_cast<size_t>(len - 1)];
    firstIndex_[static_cast<size_t>(len)] = index;
    minCode_[static_cast<size_t>(len)] = code;
    code += n;
    index += n;
    maxCode_[static_cast<size_t>(len)] = n ? code - 1 : -1;
    if (code > (1 << len))
      throw InputError("WSQ: Huffman table " + std::to_string(spec.id) + " has more codes of length " +
                       std::to_string(len) + " than fit (code space over-full)");
    code <<= 1;
  }
  if (static_cast<size_t>(index) != values_.size())
    throw InputError("WSQ: Huffman table " + std::to_string(spec.id) + " value count does not match its code counts");
  // Every 8-bit window that starts with a short code maps to it.
  std::uint32_t next = 0;
  std::size_t k = 0;
  for (int len = 1; len <= 8; ++len, next <<= 1)
    for (int i = 0; i < spec.counts[static_cast<size_t>(len - 1)]; ++i, ++next, ++k) {
      const std::uint32_t first = next << (8 - len), span = 1u << (8 - len);
      for (std::uint32_t j = 0; j < span; ++j)
        fast_[first + j] = static_cast<std::uint16_t>((len << 8) | values_[k]);
    }
}

int HuffmanDecoder::decodeSlowly(BitReader& bits) const {
  std::int32_t code = 0;
  bool allOnes = true;
  for (int len = 1; len <= 16; ++len) {
    const int b = bits.bit();
    if (b < 0) {
      // A marker after fewer than 8 one-bits: that was the encoder's padding.
      if (allOnes && len <= 8) return kMarker;
      ByteReader::failAt(bits.offset(), "marker inside a Huffman code (table " + std::to_string(id_) + ")");
    }
    code = (code << 1) | b;
    if (!b) allOnes = false;
    if (maxCode_[static_cast<size_t>(len)] >= 0 && code <= maxCode_[static_cast<size_t>(len)] &&
        code >= minCode_[static_cast<size_t>(len)])
      return values_[static_cast<size_t>(firstIndex_[static_cast<size_t>(len)] + code - minCode_[static_cast<size_t>(len)])];
  }
  ByteReader::failAt(bits.offset(), "bit pattern is no code of Huffman table " + std::to_string(id_));
}

std::array<HuffmanCode, 256> huffmanCodes(const HuffmanTableSpec& spec) {
  std::array<HuffmanCode, 256> codes{};
  std::uint32_t code = 0;
  size_t k = 0;
  for (int len = 1; len <= 16; ++len) {
    for (int i = 0; i < spec.counts[static_cast<size_t>(len - 1)]; ++i) codes[spec.values[k++]] = {code++, len};
    code <<= 1;
  }
  return codes;
}

HuffmanTableSpec buildHuffmanTable(const std::array<std::uint32_t, 256>& frequencies, std::uint8_t id) {
  // T.81 annex K.2: Huffman code sizes by repeatedly merging the two least
  // frequent entries; one reserved pseudo-symbol (index 256) keeps any code
  // from being all 1-bits, so padding can never be mistaken for a code.
  std::array<std::int64_t, 257> freq{};
  for (int i = 0; i < 256; ++i) freq[static_cast<size_t>(i)] = frequencies[static_cast<size_t>(i)];
  freq[256] = 1;
  std::array<int, 257> codeSize{};
  std::array<int, 257> others;
  others.fill(-1);
  for (;;) {
    int v1 = -1, v2 = -1;
    for (int i = 0; i <= 256; ++i) {  // least frequent, highest index on ties
      if (freq[static_cast<size_t>(i)] == 0) continue;
      if (v1 < 0 || freq[static_cast<size_t>(i)] <= freq[static_cast<size_t>(v1)]) v1 = i;
    }
    for (int i = 0; i <= 256; ++i) {
      if (freq[static_cast<size_t>(i)] == 0 || i == v1) continue;
      if (v2 < 0 || freq[static_cast<size_t>(i)] <= freq[static_cast<size_t>(v2)]) v2 = i;
    }
    if (v2 < 0) break;
    freq[static_cast<size_t>(v1)] += freq[static_cast<size_t>(v2)];
    freq[static_cast<size_t>(v2)] = 0;
    for (++codeSize[static_cast<size_t>(v1)]; others[static_cast<size_t>(v1)] >= 0; ++codeSize[static_cast<size_t>(v1)])
      v1 = others[static_cast<size_t>(v1)];
    others[static_cast<size_t>(v1)] = v2;
    for (++codeSize[static_cast<size_t>(v2)]; others[static_cast<size_t>(v2)] >= 0; ++codeSize[static_cast<size_t>(v2)])
      v2 = others[static_cast<size_t>(v2)];
  }
  std::array<int, 33> bits{};
  for (int i = 0; i <= 256; ++i)
    if (codeSize[static_cast<size_t>(i)]) ++bits[static_cast<size_t>(std::min(codeSize[static_cast<size_t>(i)], 32))];
  // Limit lengths to 16 (T.81 figure K.3).
  for (int i = 32; i > 16; --i) {
    while (bits[static_cast<size_t>(i)] > 0) {
      int j = i - 2;
      while (bits[static_cast<size_t>(j)] == 0) --j;
      bits[static_cast<size_t>(i)] -= 2;
      bits[static_cast<size_t>(i - 1)] += 1;
      bits[static_cast<size_t>(j + 1)] += 2;
      bits[static_cast<size_t>(j)] -= 1;
    }
  }
  int longest = 16;
  while (longest > 0 && bits[static_cast<size_t>(longest)] == 0) --longest;
  if (longest > 0) bits[static_cast<size_t>(longest)] -= 1;  // drop the reserved pseudo-symbol

  HuffmanTableSpec spec;
  spec.id = id;
  for (int i = 1; i <= 16; ++i) spec.counts[static_cast<size_t>(i - 1)] = static_cast<std::uint8_t>(bits[static_cast<size_t>(i)]);
  // Symbols sorted by code size, then by value (T.81 figure K.4).
  for (int size = 1; size <= 32; ++size)
    for (int s = 0; s < 256; ++s)
      if (codeSize[static_cast<size_t>(s)] == size) spec.values.push_back(static_cast<std::uint8_t>(s));
  return spec;
}

}  // namespace ridgeline::wsq
