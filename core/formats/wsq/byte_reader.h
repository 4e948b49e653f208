#pragma once
// Bounds-checked big-endian reader over an untrusted byte buffer. Every
// failure throws InputError naming what was being read and the byte offset,
// so a bad file is reported as "what and where", never read past its end.
#include <cstdint>
#include <span>
#include <string>

#include "core/util/errors.h"

namespace ridgeline::wsq {

class ByteReader {
 public:
  explicit ByteReader(std::span<const std::uint8_t> data, std::size_t offset = 0) : data_(data), pos_(offset) {}

  std::size_t offset() const { return pos_; }
  std::size_t size() const { return data_.size(); }
  std::size_t remaining() const { return pos_ < data_.size() ? data_.size() - pos_ : 0; }
  std::span<const std::uint8_t> data() const { return data_; }
  void seek(std::size_t offset) { pos_ = offset; }

  std::uint8_t u8(const char* what) {
    need(1, what);
    return data_[pos_++];
  }
  std::uint16_t u16(const char* what) {
    need(2, what);
    std::uint16_t v = static_cast<std::uint16_t>((data_[pos_] << 8) | data_[pos_ + 1]);
    pos_ += 2;
    return v;
  }
  std::uint32_t u32(const char* what) {
    need(4, what);
    std::uint32_t v = (std::uint32_t{data_[pos_]} << 24) | (std::uint32_t{data_[pos_ + 1]} << 16) |
                      (std::uint32_t{data_[pos_ + 2]} << 8) | std::uint32_t{data_[pos_ + 3]};
    pos_ += 4;
    return v;
  }
  std::span<const std::uint8_t> bytes(std::size_t n, const char* what) {
    need(n, what);
    auto s = data_.subspan(pos_, n);
    pos_ += n;
    return s;
  }

  [[noreturn]] void fail(const std::string& message) const { failAt(pos_, message); }
  [[noreturn]] static void failAt(std::size_t offset, const std::string& message) {
    throw InputError("WSQ: " + message + " (at byte offset " + std::to_string(offset) + ")");
  }

 private:
  void need(std::size_t n, const char* what) const {
    if (remaining() < n)
      fail(std::string("file ends while reading ") + what + " (" + std::to_string(n) + " bytes needed, " +
           std::to_string(remaining()) + " left)");
  }

  std::span<const std::uint8_t> data_;
  std::size_t pos_;
};

}  // namespace ridgeline::wsq
