#pragma once
// Marker codes of the FBI WSQ specification (v3.1, section A.2). They share
// JPEG's 0xFFxx syntax but use the 0xFFA0-0xFFB7 range.
#include <cstdint>
#include <string>

namespace ridgeline::wsq {

enum Marker : std::uint16_t {
  kSOI = 0xFFA0,  // start of image
  kEOI = 0xFFA1,  // end of image
  kSOF = 0xFFA2,  // start of frame
  kSOB = 0xFFA3,  // start of block
  kDTT = 0xFFA4,  // define transform table (wavelet filter taps)
  kDQT = 0xFFA5,  // define quantization table
  kDHT = 0xFFA6,  // define Huffman table(s)
  kDRT = 0xFFA7,  // define restart interval
  kCOM = 0xFFA8,  // comment
  kRST0 = 0xFFB0, // restart markers RST0..RST7
  kRST7 = 0xFFB7,
};

inline bool isRestartMarker(std::uint16_t m) { return m >= kRST0 && m <= kRST7; }

inline std::string markerName(std::uint16_t m) {
  switch (m) {
    case kSOI: return "SOI";
    case kEOI: return "EOI";
    case kSOF: return "SOF";
    case kSOB: return "SOB";
    case kDTT: return "DTT";
    case kDQT: return "DQT";
    case kDHT: return "DHT";
    case kDRT: return "DRT";
    case kCOM: return "COM";
    default: break;
  }
  if (isRestartMarker(m)) return "RST" + std::to_string(m - kRST0);
  static const char* hex = "0123456789ABCDEF";
  std::string s = "0x";
  for (int shift = 12; shift >= 0; shift -= 4) s += hex[(m >> shift) & 0xF];
  return s;
}

}  // namespace ridgeline::wsq
