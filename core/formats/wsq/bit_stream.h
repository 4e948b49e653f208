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
  int bit() {
    if (count_ == 0 && fill() == 0) return endOfBits();
    --count_;
    return static_cast<int>((buffer_ >> count_) & 1u);
  }
  // The next 8 bits without consuming them; false when fewer are left before a marker.
  bool peek8(unsigned& bits) {
    if (count_ < 8 && fill() < 8) return false;
    bits = static_cast<unsigned>((buffer_ >> (count_ - 8)) & 0xFFu);
    return true;
  }
  void consume(int n) { count_ -= n; }
  // Byte offset of the next unread byte (the marker, once the bits before it are used up).
  std::size_t offset() const { return pos_ - static_cast<std::size_t>(count_ / 8); }
  // Drops the remaining padding bits (after a restart marker).
  void alignToByte() { count_ = 0; }
  void skip(std::size_t n) {
    pos_ += n;
    atMarker_ = false;
  }
  std::uint16_t markerAt() const;  // marker code at offset(); requires a marker there

 private:
  int fill();  // loads whole bytes up to a marker; returns the bits available
  int endOfBits();

  std::span<const std::uint8_t> data_;
  std::size_t pos_;  // next byte to load
  std::uint64_t buffer_ = 0;
  int count_ = 0;  // valid low bits of buffer_
  bool atMarker_ = false;
};

class BitWriter {
 public:
  explicit BitWriter(std::vector<std::uint8_t>& out) : out_(out) {}
  void put(std::uint32_t bits, int count);
  void flush();  // pads with 1-bits to a byte boundary

 private:
  void emitByte(std::uint8_t byte);
  std::vector<std::uint8_t>& out_;
  std::uint32_t acc_ = 0;
  int count_ = 0;
};

}  // namespace ridgeline::wsq
