// WSQ decoder: marker segments -> Huffman-coded quantizer indices ->
// dequantized subbands -> inverse wavelet transform -> 8-bit pixels.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>

#include "core/formats/wsq/byte_reader.h"
#include "core/formats/wsq/huffman.h"
#include "core/formats/wsq/markers.h"
#include "core/formats/wsq/nistcom.h"
#include "core/formats/wsq/quantization.h"
#include "core/formats/wsq/subband_tree.h"
#include "core/formats/wsq/transform.h"
#include "core/formats/wsq/wsq.h"

namespace ridgeline::wsq {
namespace {

struct DecoderState {
  std::optional<FrameHeader> frame;
  std::optional<TransformTable> filters;
  std::optional<QuantizationTable> quantizer;
  std::map<int, HuffmanDecoder> huffman;
  std::vector<std::string> comments;
  int blocks = 0;
};

void checkFrame(const FrameHeader& f, const DecodeLimits& limits, std::size_t offset) {
  if (f.width < kMinWsqSide || f.height < kMinWsqSide)
    ByteReader::failAt(offset, "image size " + std::to_string(f.width) + "x" + std::to_string(f.height) +
                                   " is below the 32x32 a WSQ decomposition needs");
  if (f.width > limits.maxWidth || f.height > limits.maxHeight ||
      static_cast<std::int64_t>(f.width) * f.height > limits.maxPixels)
    ByteReader::failAt(offset, "image size " + std::to_string(f.width) + "x" + std::to_string(f.height) +
                                   " exceeds the decode limit");
  if (!(f.rScale >= 0) || !std::isfinite(f.mShift)) ByteReader::failAt(offset, "frame header scale/shift invalid");
}

// Reads one table or comment segment (the marker is already consumed).
void readTableSegment(std::uint16_t marker, ByteReader& r, DecoderState& s) {
  const std::size_t at = r.offset() - 2;
  switch (marker) {
    case kDTT: {
      if (s.blocks) ByteReader::failAt(at, "DTT redefined after compressed data began");
      s.filters = readTransformTable(r);
      // Taps that do not invert each other would decode to plausible-looking
      // noise; a WSQ file's filters must form a perfect-reconstruction pair.
      const double err = reconstructionError(makeFilterBank(*s.filters));
      if (!(err < 0.01))
        ByteReader::failAt(at, "DTT filter taps do not form a perfect-reconstruction filter bank (relative error " +
                                   std::to_string(err) + ")");
      break;
    }
    case kDQT:
      if (s.blocks) ByteReader::failAt(at, "DQT redefined after compressed data began");
      s.quantizer = readQuantizationTable(r);
      break;
    case kDHT:
      for (const auto& t : readHuffmanTables(r)) s.huffman.insert_or_assign(t.id, HuffmanDecoder(t));
      break;
    case kDRT:
      readRestartInterval(r);  // restart markers are found in the data; the interval adds nothing
      break;
    case kCOM:
      s.comments.push_back(readComment(r));
      break;
    default:
      ByteReader::failAt(at, "unexpected marker " + markerName(marker));
  }
}

std::uint16_t readMarker(ByteReader& r) {
  const std::size_t at = r.offset();
  const std::uint16_t m = r.u16("marker");
  if ((m & 0xFF00) != 0xFF00) ByteReader::failAt(at, "expected a marker, found bytes " + markerName(m));
  return m;
}

// Coefficient sink with a hard bound: a hostile stream cannot write past
// what the frame's subbands hold. Space is reserved, not written: pages are
// only touched as coefficients arrive, so a tiny file claiming a huge frame
// costs address space, not memory, until it actually codes that much.
class IndexSink {
 public:
  explicit IndexSink(std::size_t capacity) : capacity_(capacity) { data_.reserve(capacity); }
  void zeros(std::size_t n, std::size_t offset) {
    room(n, offset);
    data_.resize(data_.size() + n, 0);
  }
  void value(std::int32_t v, std::size_t offset) {
    room(1, offset);
    data_.push_back(v);
  }
  std::size_t filled() const { return data_.size(); }
  std::size_t capacity() const { return capacity_; }
  std::vector<std::int32_t>& data() { return data_; }

 private:
  void room(std::size_t n, std::size_t offset) const {
    if (n > capacity_ - data_.size())
      ByteReader::failAt(offset, "compressed data holds more coefficients than the image's subbands (" +
                                     std::to_string(capacity_) + ")");
  }
  std::size_t capacity_;
  std::vector<std::int32_t> data_;
};

std::uint32_t extraBits(BitReader& bits, int count) {
  std::uint32_t v = 0;
  for (int i = 0; i < count; ++i) {
    const int b = bits.bit();
    if (b < 0) ByteReader::failAt(bits.offset(), "marker inside the extra bits of a coefficient");
    v = (v << 1) | static_cast<std::uint32_t>(b);
  }
  return v;
}

// Decodes the entropy-coded data of one block up to the marker that ends it.
// Symbols (spec table A.4): 1-100 zero runs, 101/102 8-bit +/- value,
// 103/104 16-bit +/- value, 105/106 8/16-bit zero run, 107-254 value symbol-180.
std::size_t decodeBlockData(std::span<const std::uint8_t> bytes, std::size_t offset, const HuffmanDecoder& huff,
                            IndexSink& sink) {
  BitReader bits(bytes, offset);
  for (;;) {
    const std::size_t at = bits.offset();
    const int sym = huff.decode(bits);
    if (sym == HuffmanDecoder::kMarker) {
      if (isRestartMarker(bits.markerAt())) {
        bits.skip(2);
        bits.alignToByte();
        continue;
      }
      return bits.offset();
    }
    if (sym >= 1 && sym <= 100) sink.zeros(static_cast<std::size_t>(sym), at);
    else if (sym == 101) sink.value(static_cast<std::int32_t>(extraBits(bits, 8)), at);
    else if (sym == 102) sink.value(-static_cast<std::int32_t>(extraBits(bits, 8)), at);
    else if (sym == 103) sink.value(static_cast<std::int32_t>(extraBits(bits, 16)), at);
    else if (sym == 104) sink.value(-static_cast<std::int32_t>(extraBits(bits, 16)), at);
    else if (sym == 105) sink.zeros(extraBits(bits, 8), at);
    else if (sym == 106) sink.zeros(extraBits(bits, 16), at);
    else if (sym >= 107 && sym <= 254) sink.value(sym - 180, at);
    else ByteReader::failAt(at, "Huffman symbol " + std::to_string(sym) + " has no meaning in WSQ");
  }
}

cv::Mat toPixels(const Plane& plane, const FrameHeader& f) {
  cv::Mat out(plane.height, plane.width, CV_8UC1);
  const float r = static_cast<float>(f.rScale), m = static_cast<float>(f.mShift);
  for (int y = 0; y < plane.height; ++y) {
    const float* src = plane.row(y);
    std::uint8_t* dst = out.ptr<std::uint8_t>(y);
    for (int x = 0; x < plane.width; ++x) {
      // Round half up and clamp: reconstruction can overshoot the 8-bit range.
      // Argument order matters: max(0, NaN) is 0, so even a pathological value lands in range.
      const float v = std::min(std::max(0.0f, src[x] * r + m + 0.5f), 255.0f);
      dst[x] = static_cast<std::uint8_t>(v);
    }
  }
  return out;
}

WsqHeader headerOf(const DecoderState& s) {
  WsqHeader h;
  if (s.frame) h.frame = *s.frame;
  if (s.filters) h.filters = *s.filters;
  h.comments = s.comments;
  h.ppi = ppiFromComments(s.comments);
  return h;
}

}  // namespace

WsqHeader readWsqHeader(std::span<const std::uint8_t> bytes) {
  ByteReader r(bytes);
  if (readMarker(r) != kSOI) ByteReader::failAt(0, "no SOI marker: not a WSQ file");
  DecoderState s;
  for (;;) {
    const std::size_t at = r.offset();
    const std::uint16_t m = readMarker(r);
    if (m == kSOB || m == kEOI) break;
    if (m == kSOF) {
      if (s.frame) ByteReader::failAt(at, "second SOF marker");
      s.frame = readFrameHeader(r);
    } else {
      readTableSegment(m, r, s);
    }
  }
  if (!s.frame) ByteReader::failAt(r.offset(), "no frame header (SOF) before the compressed data");
  return headerOf(s);
}

WsqDecoded decodeWsq(std::span<const std::uint8_t> bytes, const DecodeLimits& limits) {
  ByteReader r(bytes);
  if (readMarker(r) != kSOI) ByteReader::failAt(0, "no SOI marker: not a WSQ file");
  DecoderState s;
  std::optional<SubbandLayout> layout;
  std::optional<IndexSink> sink;
  std::vector<std::string> warnings;

  for (;;) {
    if (r.remaining() == 0) {
      if (sink && sink->filled() == sink->capacity() && s.blocks > 0) {
        warnings.push_back("WSQ file has no EOI marker after complete data");
        break;
      }
      r.fail("file ends before the EOI marker");
    }
    const std::size_t at = r.offset();
    const std::uint16_t m = readMarker(r);
    if (m == kEOI) break;
    if (m == kSOF) {
      if (s.frame) ByteReader::failAt(at, "second SOF marker");
      s.frame = readFrameHeader(r);
      checkFrame(*s.frame, limits, at);
      continue;
    }
    if (m != kSOB) {
      readTableSegment(m, r, s);
      continue;
    }
    if (!s.frame) ByteReader::failAt(at, "SOB before the frame header (SOF)");
    if (!s.filters) ByteReader::failAt(at, "SOB before the transform table (DTT)");
    if (!s.quantizer) ByteReader::failAt(at, "SOB before the quantization table (DQT)");
    const std::uint8_t tableId = readBlockHeader(r);
    const auto huff = s.huffman.find(tableId);
    if (huff == s.huffman.end())
      ByteReader::failAt(at, "block uses Huffman table " + std::to_string(tableId) + ", which no DHT defined");
    if (!layout) {
      layout = buildSubbandLayout(s.frame->width, s.frame->height);
      sink.emplace(static_cast<std::size_t>(codedCount(*s.quantizer, *layout, 0, kCodedSubbands)));
    }
    ++s.blocks;
    r.seek(decodeBlockData(bytes, r.offset(), huff->second, *sink));
  }

  if (!s.frame) ByteReader::failAt(r.offset(), "no frame header (SOF)");
  if (!sink) ByteReader::failAt(r.offset(), "no compressed data blocks");
  if (sink->filled() != sink->capacity())
    ByteReader::failAt(r.offset(), "compressed data holds " + std::to_string(sink->filled()) +
                                       " coefficients, the image's subbands need " + std::to_string(sink->capacity()));

  Plane plane;
  plane.width = s.frame->width;
  plane.height = s.frame->height;
  plane.data.assign(static_cast<std::size_t>(plane.width) * static_cast<std::size_t>(plane.height), 0.0f);
  dequantize(sink->data(), *s.quantizer, *layout, plane);
  reconstruct(plane, *layout, makeFilterBank(*s.filters));

  WsqDecoded out;
  out.pixels = toPixels(plane, *s.frame);
  out.header = headerOf(s);
  out.warnings = std::move(warnings);
  return out;
}

}  // namespace ridgeline::wsq
