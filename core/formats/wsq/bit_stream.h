#pragma once
// Entropy-coded data as WSQ stores it (JPEG-style): bits MSB first, a 0xFF
// data byte is followed by a stuffed 0x00, and the data of a block ends at
// the next marker. The reader stops at a marker without consuming it; the
// writer pads the last byte with 1-bits.
#include <cstdint>
#include <span>
#include <vector>

namespace ridgeline::wsq {

class BitReader {
 public:
  BitReader(std::span<const std::uint8_t> data, std::size_t offset) : data_(data), pos_(offset) {}

  // Next bit (0/1), or -1 when the next byte starts a marker.
  int bit();
  // Byte offset of the next unread byte (the marker, after bit() returned -1).
  std::size_t offset() const { return pos_; }
  // Drops the rest of the current byte (after a restart marker).
  void alignToByte() { bitsLeft_ = 0; }
  void skip(std::size_t n) { pos_ += n; }
  std::uint16_t markerAt() const;  // marker code at offset(); requires a marker there

 private:
  std::span<const std::uint8_t> data_;
  std::size_t pos_;
  std::uint32_t current_ = 0;
  int bitsLeft_ = 0;
};

class BitWriter {
 public:
  explicit BitWriter(std::vector<std::uint8_t>& out) : out_(out) {}
  void put(std::uint32_t bits, int count);
  void flush();  // pads with 1-bits to a byte boundary

 private:
  void emit(std::uint8_t byte);
  std::vector<std::uint8_t>& out_;
  std::uint32_t acc_ = 0;
  int count_ = 0;
};

}  // namespace ridgeline::wsq
