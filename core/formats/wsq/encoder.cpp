// WSQ encoder: shift/scale -> wavelet decomposition -> bit allocation and
// scalar quantization -> run-length/Huffman coding in three blocks.
#include <algorithm>
#include <cmath>
#include <string>

#include "core/formats/wsq/bit_stream.h"
#include "core/formats/wsq/huffman.h"
#include "core/formats/wsq/markers.h"
#include "core/formats/wsq/nistcom.h"
#include "core/formats/wsq/quantization.h"
#include "core/formats/wsq/subband_tree.h"
#include "core/formats/wsq/transform.h"
#include "core/formats/wsq/wsq.h"
#include "core/util/errors.h"

namespace ridgeline::wsq {
namespace {

// One coded symbol plus the extra bits that follow it.
struct Symbol {
  std::uint8_t code;
  std::uint16_t extra;
  std::uint8_t extraBits;
};

void emitZeroRun(std::uint32_t run, std::vector<Symbol>& out) {
  while (run > 0) {
    const std::uint32_t n = std::min<std::uint32_t>(run, 0xFFFF);
    if (n <= 100) out.push_back({static_cast<std::uint8_t>(n), 0, 0});
    else if (n <= 0xFF) out.push_back({105, static_cast<std::uint16_t>(n), 8});
    else out.push_back({106, static_cast<std::uint16_t>(n), 16});
    run -= n;
  }
}

void emitValue(std::int32_t v, std::vector<Symbol>& out) {
  // Spec table A.4: -73..74 map to symbol v+180; larger magnitudes escape.
  const std::uint32_t a = static_cast<std::uint32_t>(std::min(std::abs(v), 0xFFFF));
  if (v >= -73 && v <= 74) out.push_back({static_cast<std::uint8_t>(v + 180), 0, 0});
  else if (a <= 0xFF) out.push_back({static_cast<std::uint8_t>(v > 0 ? 101 : 102), static_cast<std::uint16_t>(a), 8});
  else out.push_back({static_cast<std::uint8_t>(v > 0 ? 103 : 104), static_cast<std::uint16_t>(a), 16});
}

std::vector<Symbol> toSymbols(const std::int32_t* values, std::size_t n) {
  std::vector<Symbol> out;
  std::uint32_t run = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (values[i] == 0) {
      ++run;
      continue;
    }
    emitZeroRun(run, out);
    run = 0;
    emitValue(values[i], out);
  }
  emitZeroRun(run, out);
  return out;
}

void countSymbols(const std::vector<Symbol>& s, std::array<std::uint32_t, 256>& freq) {
  for (const Symbol& x : s) ++freq[x.code];
}

void writeBlock(std::vector<std::uint8_t>& out, const std::vector<Symbol>& symbols, const std::array<HuffmanCode, 256>& codes) {
  BitWriter bits(out);
  for (const Symbol& s : symbols) {
    bits.put(codes[s.code].code, codes[s.code].length);
    if (s.extraBits) bits.put(s.extra, s.extraBits);
  }
  bits.flush();
}

HuffmanTableSpec tableFor(std::array<std::uint32_t, 256> freq, std::uint8_t id) {
  // A table must hold at least one code even when its blocks are empty.
  if (std::all_of(freq.begin(), freq.end(), [](std::uint32_t f) { return f == 0; })) freq[1] = 1;
  return buildHuffmanTable(freq, id);
}

// Shift by the mean and scale into +-128 (spec A.2.1); M and R go through the
// file's 16-bit decimal format first so encoder and decoder use the same values.
void normalise(const cv::Mat& gray, Plane& plane, FrameHeader& frame) {
  double lo = 255, hi = 0, sum = 0;
  for (int y = 0; y < gray.rows; ++y) {
    const std::uint8_t* p = gray.ptr<std::uint8_t>(y);
    for (int x = 0; x < gray.cols; ++x) {
      sum += p[x];
      lo = std::min<double>(lo, p[x]);
      hi = std::max<double>(hi, p[x]);
    }
  }
  const double mean = sum / (static_cast<double>(gray.rows) * gray.cols);
  double scale = std::max(mean - lo, hi - mean) / 128.0;
  if (scale <= 0) scale = 1.0;  // flat image: any scale gives all-zero coefficients
  frame.mShift = roundTrip16(mean);
  frame.rScale = roundTrip16(scale);
  const float m = static_cast<float>(frame.mShift), r = static_cast<float>(frame.rScale);
  for (int y = 0; y < gray.rows; ++y) {
    const std::uint8_t* p = gray.ptr<std::uint8_t>(y);
    float* out = plane.row(y);
    for (int x = 0; x < gray.cols; ++x) out[x] = (static_cast<float>(p[x]) - m) / r;
  }
}

}  // namespace

std::vector<std::uint8_t> encodeWsq(const cv::Mat& gray, const WsqEncodeOptions& options) {
  if (gray.empty() || gray.type() != CV_8UC1) throw InputError("WSQ encoder needs an 8-bit grey image");
  if (gray.cols < kMinWsqSide || gray.rows < kMinWsqSide || gray.cols > 0xFFFF || gray.rows > 0xFFFF)
    throw InputError("WSQ encoder: image size " + std::to_string(gray.cols) + "x" + std::to_string(gray.rows) +
                     " outside 32..65535 per side");
  if (!(options.bitrate > 0 && options.bitrate <= 8))
    throw InputError("WSQ encoder: bit rate " + std::to_string(options.bitrate) + " outside (0, 8] bits per pixel");

  FrameHeader frame;
  frame.width = static_cast<std::uint16_t>(gray.cols);
  frame.height = static_cast<std::uint16_t>(gray.rows);
  Plane plane;
  plane.width = gray.cols;
  plane.height = gray.rows;
  plane.data.resize(static_cast<std::size_t>(gray.cols) * static_cast<std::size_t>(gray.rows));
  normalise(gray, plane, frame);

  const SubbandLayout layout = buildSubbandLayout(gray.cols, gray.rows);
  const TransformTable filters = standardTransformTable();
  decompose(plane, layout, makeFilterBank(filters));
  QuantizationTable quantizer = quantizerForBitrate(subbandVariances(plane, layout), options.bitrate);
  limitToSixteenBitIndices(quantizer, plane, layout);
  const std::vector<std::int32_t> indices = quantize(plane, quantizer, layout);

  // Block boundaries in the index stream.
  std::size_t begin[4];
  for (int b = 0; b < 4; ++b) begin[b] = static_cast<std::size_t>(codedCount(quantizer, layout, 0, kBlockStart[b]));
  std::vector<Symbol> blocks[3];
  for (int b = 0; b < 3; ++b) blocks[b] = toSymbols(indices.data() + begin[b], begin[b + 1] - begin[b]);

  // Table 0 codes block 1 (the low-frequency subbands); table 1 codes blocks 2 and 3.
  std::array<std::uint32_t, 256> freq0{}, freq1{};
  countSymbols(blocks[0], freq0);
  countSymbols(blocks[1], freq1);
  countSymbols(blocks[2], freq1);
  const HuffmanTableSpec table0 = tableFor(freq0, 0), table1 = tableFor(freq1, 1);

  std::vector<std::uint8_t> out;
  writeMarker(out, kSOI);
  writeComment(out, makeNistcom(gray.cols, gray.rows, options.ppi, options.bitrate));
  if (!options.comment.empty()) writeComment(out, options.comment);
  writeTransformTable(out, filters);
  writeQuantizationTable(out, quantizer);
  writeFrameHeader(out, frame);
  writeHuffmanTable(out, table0);
  writeBlockHeader(out, 0);
  writeBlock(out, blocks[0], huffmanCodes(table0));
  writeHuffmanTable(out, table1);
  const auto codes1 = huffmanCodes(table1);
  for (int b = 1; b < 3; ++b) {
    writeBlockHeader(out, 1);
    writeBlock(out, blocks[b], codes1);
  }
  writeMarker(out, kEOI);
  return out;
}

}  // namespace ridgeline::wsq
