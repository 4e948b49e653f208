#include "core/formats/wsq/bit_stream.h"

#include "core/formats/wsq/byte_reader.h"

namespace ridgeline::wsq {

int BitReader::bit() {
  if (bitsLeft_ == 0) {
    if (pos_ >= data_.size()) ByteReader::failAt(pos_, "compressed data ends before the EOI marker");
    const std::uint8_t b = data_[pos_];
    if (b == 0xFF) {
      if (pos_ + 1 >= data_.size()) ByteReader::failAt(pos_, "compressed data ends inside a 0xFF byte pair");
      if (data_[pos_ + 1] != 0x00) return -1;  // a marker: leave it for the caller
      pos_ += 2;                               // stuffed zero
    } else {
      pos_ += 1;
    }
    current_ = b;
    bitsLeft_ = 8;
  }
  --bitsLeft_;
  return static_cast<int>((current_ >> bitsLeft_) & 1u);
}

std::uint16_t BitReader::markerAt() const {
  if (pos_ + 1 >= data_.size()) ByteReader::failAt(pos_, "compressed data ends where a marker was expected");
  return static_cast<std::uint16_t>((data_[pos_] << 8) | data_[pos_ + 1]);
}

void BitWriter::emit(std::uint8_t byte) {
  out_.push_back(byte);
  if (byte == 0xFF) out_.push_back(0x00);
}

void BitWriter::put(std::uint32_t bits, int count) {
  for (int i = count - 1; i >= 0; --i) {
    acc_ = (acc_ << 1) | ((bits >> i) & 1u);
    if (++count_ == 8) {
      emit(static_cast<std::uint8_t>(acc_));
      acc_ = 0;
      count_ = 0;
    }
  }
}

void BitWriter::flush() {
  while (count_ != 0) put(1, 1);
}

}  // namespace ridgeline::wsq
