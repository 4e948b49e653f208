#include "core/formats/wsq/bit_stream.h"

#include "core/formats/wsq/byte_reader.h"

namespace ridgeline::wsq {

int BitReader::fill() {
  while (count_ <= 56 && !atMarker_ && pos_ < data_.size()) {
    const std::uint8_t b = data_[pos_];
    if (b == 0xFF) {
      if (pos_ + 1 >= data_.size()) break;  // a lone 0xFF at the end: reported by endOfBits()
      if (data_[pos_ + 1] != 0x00) {       // a marker: leave it for the caller
        atMarker_ = true;
        break;
      }
      pos_ += 2;  // stuffed zero
    } else {
      pos_ += 1;
    }
    buffer_ = (buffer_ << 8) | b;
    count_ += 8;
  }
  return count_;
}

int BitReader::endOfBits() {
  if (atMarker_) return -1;
  if (pos_ < data_.size()) ByteReader::failAt(pos_, "compressed data ends inside a 0xFF byte pair");
  ByteReader::failAt(pos_, "compressed data ends before the EOI marker");
}

std::uint16_t BitReader::markerAt() const {
  if (pos_ + 1 >= data_.size()) ByteReader::failAt(pos_, "compressed data ends where a marker was expected");
  return static_cast<std::uint16_t>((data_[pos_] << 8) | data_[pos_ + 1]);
}

void BitWriter::emitByte(std::uint8_t byte) {
  out_.push_back(byte);
  if (byte == 0xFF) out_.push_back(0x00);
}

void BitWriter::put(std::uint32_t bits, int count) {
  for (int i = count - 1; i >= 0; --i) {
    acc_ = (acc_ << 1) | ((bits >> i) & 1u);
    if (++count_ == 8) {
      emitByte(static_cast<std::uint8_t>(acc_));
      acc_ = 0;
      count_ = 0;
    }
  }
}

void BitWriter::flush() {
  while (count_ != 0) put(1, 1);
}

}  // namespace ridgeline::wsq
