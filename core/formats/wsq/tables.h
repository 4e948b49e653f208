#pragma once
// The WSQ marker segments that carry parameters (spec section A.2/A.3):
// frame header, transform table (filter taps), quantization table, Huffman
// tables, block header, restart interval and comments. Parsing is strict and
// bounds-checked; writing produces the exact byte layout the spec defines.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/formats/wsq/byte_reader.h"

namespace ridgeline::wsq {

constexpr int kMaxSubbands = 64;   // quantization table entries
constexpr int kCodedSubbands = 60; // subbands 60-63 are never transmitted

struct FrameHeader {
  std::uint8_t black = 0;
  std::uint8_t white = 255;
  std::uint16_t height = 0;
  std::uint16_t width = 0;
  double mShift = 0;  // M: mean the encoder subtracted
  double rScale = 1;  // R: scale the encoder divided by
  std::uint8_t encoder = 2;
  std::uint16_t software = 0;
};

// Analysis filters as transmitted: half of each symmetric filter, centre tap first.
struct TransformTable {
  int lowpassLength = 0;   // L1: taps of the analysis lowpass filter
  int highpassLength = 0;  // L0: taps of the analysis highpass filter
  std::vector<double> lowpassHalf;
  std::vector<double> highpassHalf;
};

struct QuantizationTable {
  double binCenter = 0;                 // C
  std::array<double, kMaxSubbands> q{};  // bin widths; 0 = subband not transmitted
  std::array<double, kMaxSubbands> z{};  // zero-bin widths
};

struct HuffmanTableSpec {
  std::uint8_t id = 0;
  std::array<std::uint8_t, 16> counts{};  // BITS: number of codes of length 1..16
  std::vector<std::uint8_t> values;       // HUFFVAL in code order
};

// Readers: `r` is positioned just after the marker; each consumes its segment.
FrameHeader readFrameHeader(ByteReader& r);
TransformTable readTransformTable(ByteReader& r);
QuantizationTable readQuantizationTable(ByteReader& r);
std::vector<HuffmanTableSpec> readHuffmanTables(ByteReader& r);
std::uint8_t readBlockHeader(ByteReader& r);  // returns the Huffman table id
std::uint16_t readRestartInterval(ByteReader& r);
std::string readComment(ByteReader& r);

// Writers append marker + segment to `out`.
void writeMarker(std::vector<std::uint8_t>& out, std::uint16_t marker);
void writeFrameHeader(std::vector<std::uint8_t>& out, const FrameHeader& h);
void writeTransformTable(std::vector<std::uint8_t>& out, const TransformTable& t);
void writeQuantizationTable(std::vector<std::uint8_t>& out, const QuantizationTable& t);
void writeHuffmanTable(std::vector<std::uint8_t>& out, const HuffmanTableSpec& t);
void writeBlockHeader(std::vector<std::uint8_t>& out, std::uint8_t tableId);
void writeComment(std::vector<std::uint8_t>& out, const std::string& text);

// The spec stores real numbers as an integer mantissa and a decimal exponent.
// These return the value as the decoder will read it back.
double scaledValue(std::uint32_t mantissa, int scale);
struct Scaled16 {
  std::uint8_t scale;
  std::uint16_t mantissa;
};
Scaled16 toScaled16(double value);
double roundTrip16(double value);  // value after a write/read round trip

}  // namespace ridgeline::wsq
