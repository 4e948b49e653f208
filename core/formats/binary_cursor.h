#pragma once
// Bounds-checked big-endian reading of binary records (ISO templates,
// ANSI/NIST Types 3-8). Every read names what it was reading and where, so a
// truncated or corrupt file fails with a message an examiner can act on.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "core/util/errors.h"

namespace ridgeline::formats {

class BinaryCursor {
 public:
  // context: prefix for error messages, e.g. "ISO/IEC 19794-2 record".
  BinaryCursor(std::span<const std::uint8_t> bytes, std::string context, std::size_t baseOffset = 0)
      : bytes_(bytes), context_(std::move(context)), base_(baseOffset) {}

  std::size_t offset() const { return pos_; }
  std::size_t absoluteOffset() const { return base_ + pos_; }
  std::size_t remaining() const { return bytes_.size() - pos_; }
  bool atEnd() const { return pos_ == bytes_.size(); }

  std::uint8_t u8(const char* what) { return static_cast<std::uint8_t>(take(1, what)[0]); }
  std::uint16_t u16(const char* what) {
    auto b = take(2, what);
    return static_cast<std::uint16_t>((b[0] << 8) | b[1]);
  }
  std::uint32_t u32(const char* what) {
    auto b = take(4, what);
    return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) | b[3];
  }
  std::span<const std::uint8_t> bytes(std::size_t n, const char* what) { return take(n, what); }

  [[noreturn]] void fail(const std::string& message) const {
    throw InputError(context_ + ", byte offset " + std::to_string(absoluteOffset()) + ": " + message);
  }

 private:
  std::span<const std::uint8_t> take(std::size_t n, const char* what) {
    if (n > remaining())
      fail(std::string("truncated while reading ") + what + " (needs " + std::to_string(n) + " bytes, " +
           std::to_string(remaining()) + " left)");
    auto s = bytes_.subspan(pos_, n);
    pos_ += n;
    return s;
  }

  std::span<const std::uint8_t> bytes_;
  std::string context_;
  std::size_t base_;
  std::size_t pos_ = 0;
};

// Appends big-endian integers to a byte container (std::string or
// std::vector<std::uint8_t>); the writers' counterpart of BinaryCursor.
template <class Bytes>
void putU8(Bytes& out, unsigned v) {
  out.push_back(static_cast<typename Bytes::value_type>(v & 0xFF));
}
template <class Bytes>
void putU16(Bytes& out, unsigned v) {
  putU8(out, v >> 8);
  putU8(out, v);
}
template <class Bytes>
void putU32(Bytes& out, std::uint32_t v) {
  putU16(out, v >> 16);
  putU16(out, v & 0xFFFF);
}

}  // namespace ridgeline::formats
