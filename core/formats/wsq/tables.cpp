#include "core/formats/wsq/tables.h"

#include <cmath>

#include "core/formats/wsq/markers.h"

namespace ridgeline::wsq {
namespace {

// Reads the 2-byte length that opens every segment and returns the offset
// just past the segment, after checking it lies inside the buffer.
std::size_t segmentEnd(ByteReader& r, const char* name, std::size_t minLength) {
  const std::size_t start = r.offset();
  const std::size_t length = r.u16(name);
  if (length < minLength)
    ByteReader::failAt(start, std::string(name) + " segment length " + std::to_string(length) + " is below the minimum " +
                                  std::to_string(minLength));
  if (start + length > r.size())
    ByteReader::failAt(start, std::string(name) + " segment length " + std::to_string(length) +
                                  " runs past the end of the file");
  return start + length;
}

void expectEnd(const ByteReader& r, std::size_t end, const char* name) {
  if (r.offset() != end)
    r.fail(std::string(name) + " segment length does not match its content (" + std::to_string(end - r.offset()) +
           " bytes unaccounted)");
}

double scaled16(ByteReader& r, const char* what) {
  const int scale = r.u8(what);
  const std::uint16_t mantissa = r.u16(what);
  return scaledValue(mantissa, scale);
}

void put8(std::vector<std::uint8_t>& out, unsigned v) { out.push_back(static_cast<std::uint8_t>(v)); }
void put16(std::vector<std::uint8_t>& out, unsigned v) {
  out.push_back(static_cast<std::uint8_t>(v >> 8));
  out.push_back(static_cast<std::uint8_t>(v));
}
void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  put16(out, v >> 16);
  put16(out, v & 0xFFFF);
}
void putScaled16(std::vector<std::uint8_t>& out, double v) {
  const Scaled16 s = toScaled16(v);
  put8(out, s.scale);
  put16(out, s.mantissa);
}

// Filter taps need more precision than 16 bits: sign byte, scale byte, 32-bit mantissa.
void putTap(std::vector<std::uint8_t>& out, double v) {
  put8(out, v < 0 ? 1 : 0);
  double a = std::fabs(v);
  int scale = 0;
  while (scale < 20 && a * 10.0 < 4294967295.0 && a != 0) {
    a *= 10.0;
    ++scale;
  }
  put8(out, static_cast<unsigned>(scale));
  put32(out, static_cast<std::uint32_t>(std::llround(a)));
}

std::vector<double> readTaps(ByteReader& r, int count) {
  std::vector<double> taps;
  for (int i = 0; i < count; ++i) {
    const std::uint8_t sign = r.u8("DTT filter tap sign");
    const std::uint8_t scale = r.u8("DTT filter tap scale");
    const std::uint32_t mantissa = r.u32("DTT filter tap value");
    if (sign > 1) r.fail("DTT filter tap sign byte " + std::to_string(sign) + " is neither 0 nor 1");
    const double v = scaledValue(mantissa, scale);
    taps.push_back(sign ? -v : v);
  }
  return taps;
}

}  // namespace

double scaledValue(std::uint32_t mantissa, int scale) {
  double v = mantissa;
  // The spec divides by ten `scale` times; pow is exact enough and bounded.
  if (scale > 0) v /= std::pow(10.0, scale);
  return v;
}

Scaled16 toScaled16(double value) {
  if (!(value > 0)) return {0, 0};
  double a = value;
  std::uint8_t scale = 0;
  // Keep as many decimal digits as fit in 16 bits.
  while (scale < 30 && a * 10.0 < 65535.0) {
    a *= 10.0;
    ++scale;
  }
  while (a > 65535.0 && scale > 0) {
    a /= 10.0;
    --scale;
  }
  const long m = std::lround(a);
  return {scale, static_cast<std::uint16_t>(m > 65535 ? 65535 : m)};
}

double roundTrip16(double value) {
  const Scaled16 s = toScaled16(value);
  return scaledValue(s.mantissa, s.scale);
}

FrameHeader readFrameHeader(ByteReader& r) {
  const std::size_t end = segmentEnd(r, "SOF", 17);
  FrameHeader h;
  h.black = r.u8("SOF black level");
  h.white = r.u8("SOF white level");
  h.height = r.u16("SOF height");
  h.width = r.u16("SOF width");
  h.mShift = scaled16(r, "SOF shift M");
  h.rScale = scaled16(r, "SOF scale R");
  h.encoder = r.u8("SOF encoder number");
  h.software = r.u16("SOF software number");
  expectEnd(r, end, "SOF");
  return h;
}

TransformTable readTransformTable(ByteReader& r) {
  const std::size_t end = segmentEnd(r, "DTT", 4);
  TransformTable t;
  t.lowpassLength = r.u8("DTT lowpass length");
  t.highpassLength = r.u8("DTT highpass length");
  // Two taps is the shortest filter with a meaning; 32 is far beyond any published set
  // and keeps a hostile table from costing more than it should.
  for (int len : {t.lowpassLength, t.highpassLength})
    if (len < 2 || len > 32) r.fail("DTT filter length " + std::to_string(len) + " outside 2..32");
  if ((t.lowpassLength % 2) != (t.highpassLength % 2))
    r.fail("DTT filter lengths " + std::to_string(t.lowpassLength) + " and " + std::to_string(t.highpassLength) +
           " differ in parity (no symmetric filter bank has that)");
  t.lowpassHalf = readTaps(r, (t.lowpassLength + 1) / 2);
  t.highpassHalf = readTaps(r, (t.highpassLength + 1) / 2);
  expectEnd(r, end, "DTT");
  return t;
}

QuantizationTable readQuantizationTable(ByteReader& r) {
  const std::size_t end = segmentEnd(r, "DQT", 2 + 3 + kMaxSubbands * 6);
  QuantizationTable t;
  t.binCenter = scaled16(r, "DQT bin centre");
  for (int k = 0; k < kMaxSubbands; ++k) {
    t.q[k] = scaled16(r, "DQT bin width");
    t.z[k] = scaled16(r, "DQT zero-bin width");
  }
  expectEnd(r, end, "DQT");
  return t;
}

std::vector<HuffmanTableSpec> readHuffmanTables(ByteReader& r) {
  const std::size_t end = segmentEnd(r, "DHT", 2 + 1 + 16);
  std::vector<HuffmanTableSpec> tables;
  while (r.offset() < end) {
    HuffmanTableSpec t;
    t.id = r.u8("DHT table id");
    int total = 0;
    for (auto& c : t.counts) {
      c = r.u8("DHT code-length counts");
      total += c;
    }
    if (total == 0 || total > 256) r.fail("DHT table " + std::to_string(t.id) + " declares " + std::to_string(total) + " codes (1..256 allowed)");
    if (r.offset() + static_cast<std::size_t>(total) > end) r.fail("DHT table values run past the segment end");
    auto v = r.bytes(static_cast<std::size_t>(total), "DHT values");
    t.values.assign(v.begin(), v.end());
    tables.push_back(std::move(t));
  }
  expectEnd(r, end, "DHT");
  return tables;
}

std::uint8_t readBlockHeader(ByteReader& r) {
  const std::size_t end = segmentEnd(r, "SOB", 3);
  const std::uint8_t id = r.u8("SOB Huffman table id");
  expectEnd(r, end, "SOB");
  return id;
}

std::uint16_t readRestartInterval(ByteReader& r) {
  const std::size_t end = segmentEnd(r, "DRT", 4);
  const std::uint16_t interval = r.u16("DRT restart interval");
  expectEnd(r, end, "DRT");
  return interval;
}

std::string readComment(ByteReader& r) {
  const std::size_t end = segmentEnd(r, "COM", 2);
  auto bytes = r.bytes(end - r.offset(), "COM text");
  return std::string(bytes.begin(), bytes.end());
}

void writeMarker(std::vector<std::uint8_t>& out, std::uint16_t marker) { put16(out, marker); }

void writeFrameHeader(std::vector<std::uint8_t>& out, const FrameHeader& h) {
  writeMarker(out, kSOF);
  put16(out, 17);
  put8(out, h.black);
  put8(out, h.white);
  put16(out, h.height);
  put16(out, h.width);
  putScaled16(out, h.mShift);
  putScaled16(out, h.rScale);
  put8(out, h.encoder);
  put16(out, h.software);
}

void writeTransformTable(std::vector<std::uint8_t>& out, const TransformTable& t) {
  writeMarker(out, kDTT);
  put16(out, static_cast<unsigned>(4 + 6 * (t.lowpassHalf.size() + t.highpassHalf.size())));
  put8(out, static_cast<unsigned>(t.lowpassLength));
  put8(out, static_cast<unsigned>(t.highpassLength));
  for (double v : t.lowpassHalf) putTap(out, v);
  for (double v : t.highpassHalf) putTap(out, v);
}

void writeQuantizationTable(std::vector<std::uint8_t>& out, const QuantizationTable& t) {
  writeMarker(out, kDQT);
  put16(out, 2 + 3 + kMaxSubbands * 6);
  putScaled16(out, t.binCenter);
  for (int k = 0; k < kMaxSubbands; ++k) {
    putScaled16(out, t.q[k]);
    putScaled16(out, t.z[k]);
  }
}

void writeHuffmanTable(std::vector<std::uint8_t>& out, const HuffmanTableSpec& t) {
  writeMarker(out, kDHT);
  put16(out, static_cast<unsigned>(2 + 1 + 16 + t.values.size()));
  put8(out, t.id);
  for (auto c : t.counts) put8(out, c);
  out.insert(out.end(), t.values.begin(), t.values.end());
}

void writeBlockHeader(std::vector<std::uint8_t>& out, std::uint8_t tableId) {
  writeMarker(out, kSOB);
  put16(out, 3);
  put8(out, tableId);
}

void writeComment(std::vector<std::uint8_t>& out, const std::string& text) {
  writeMarker(out, kCOM);
  const std::size_t n = std::min<std::size_t>(text.size(), 65533);
  put16(out, static_cast<unsigned>(n + 2));
  out.insert(out.end(), text.begin(), text.begin() + static_cast<std::ptrdiff_t>(n));
}

}  // namespace ridgeline::wsq
