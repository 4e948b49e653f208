#pragma once
// Huffman coding of WSQ (spec section A.3/A.4, the same canonical code
// construction as JPEG ITU-T T.81 annex C and K.2): tables are sent as the
// count of codes per length (1..16) and the symbols in code order.
#include <array>
#include <cstdint>
#include <vector>

#include "core/formats/wsq/bit_stream.h"
#include "core/formats/wsq/tables.h"

namespace ridgeline::wsq {

class HuffmanDecoder {
 public:
  static constexpr int kMarker = -1;  // decode() result when the block data ends

  // Validates the table (no over-full code space); throws InputError naming the table.
  explicit HuffmanDecoder(const HuffmanTableSpec& spec);
  // Next symbol, or kMarker when a marker follows (trailing 1-bit padding is skipped).
  int decode(BitReader& bits) const {
    unsigned next;
    if (bits.peek8(next) && fast_[next]) {
      bits.consume(fast_[next] >> 8);
      return fast_[next] & 0xFF;
    }
    return decodeSlowly(bits);
  }

 private:
  int decodeSlowly(BitReader& bits) const;

 public:

 private:
  std::array<std::int32_t, 17> maxCode_{};   // largest code of each length, -1 if none
  std::array<std::int32_t, 17> minCode_{};
  std::array<std::int32_t, 17> firstIndex_{};
  std::vector<std::uint8_t> values_;
  std::uint8_t id_ = 0;
  // Codes of up to 8 bits decoded with one lookup of the next 8 bits:
  // entry = length << 8 | symbol, 0 when the code is longer.
  std::array<std::uint16_t, 256> fast_{};
};

struct HuffmanCode {
  std::uint32_t code = 0;
  int length = 0;  // 0: symbol not in the table
};

// Builds a length-limited (16 bit) table for the given symbol frequencies.
HuffmanTableSpec buildHuffmanTable(const std::array<std::uint32_t, 256>& frequencies, std::uint8_t id);
// Code for every symbol of a table.
std::array<HuffmanCode, 256> huffmanCodes(const HuffmanTableSpec& spec);

}  // namespace ridgeline::wsq
