#pragma once
// The image a record carries (Types 3-8 binary, Types 10/13/14/15/16/17
// tagged), described from its header fields and decoded through the shared
// image interface (core/formats/image/image_codec.h).
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/formats/ansinist/transaction.h"
#include "core/formats/image/image_codec.h"

namespace ridgeline::ansinist {

// Fixed header of binary image records Types 3-6 (18 bytes).
struct BinaryImageHeader {
  std::uint32_t length = 0;
  int idc = 0;
  int impressionType = 0;         // IMP
  int fingerPositions[6] = {};    // FGP, 255 = unused
  int scanResolution = 0;         // ISR: 0 minimum (500 / 250 ppi), 1 native (1.011 NSR / 1.012 NTR)
  int width = 0, height = 0;      // HLL, VLL
  int compression = 0;            // Type-4 CGA: 0 none, 1 WSQ, 2 JPEGB, 3 JPEGL, 4 JP2, 5 JP2L, 6 PNG
};
// Fixed header of Type-8 signature records (12 bytes).
struct SignatureHeader {
  std::uint32_t length = 0;
  int idc = 0;
  int signatureType = 0;   // SIG: 0 subject, 1 official
  int representation = 0;  // SRT: 0 scanned uncompressed, 1 scanned compressed, 2 vector data
  int scanResolution = 0;  // ISR
  int width = 0, height = 0;
};

// Throw InputError naming the record when the record is not of that kind.
BinaryImageHeader readBinaryImageHeader(const Record& record, std::size_t index);
SignatureHeader readSignatureHeader(const Record& record, std::size_t index);

struct RecordImageInfo {
  int width = 0, height = 0;
  double ppi = 0;               // 0 = the record does not state a scale
  int bitsPerPixel = 8;
  std::string compression;      // as coded in the record: "WSQ20", "JPEGB", "NONE", "1"...
  ImageFormat format = ImageFormat::Unknown;  // from the compression code; Raw for uncompressed
  std::span<const std::uint8_t> data;         // the image bytes, inside the record
  int fingerPosition = 0;       // first FGP / PLP, 0 when none
  bool decodable = true;        // false for 1-bit and vector data
  std::string note;             // why not decodable
};

// The record's image, or nullopt when the record type carries none (1, 2, 9,
// 98...). Throws InputError naming record and field when the image header
// fields are malformed (e.g. a non-numeric HLL).
std::optional<RecordImageInfo> recordImageInfo(const Transaction& transaction, std::size_t index);

// Maps a compression code (tagged CGA text or the Type-4 number) to a format.
ImageFormat formatFromCompressionCode(const std::string& code, bool binaryRecord);

// Decodes the record's image as 8-bit grey (decodeImage / decodeRawImage),
// with the record's ppi when the codestream does not give one. Throws
// InputError naming the record when there is no decodable image.
GrayImage decodeRecordImage(const Transaction& transaction, std::size_t index, const DecodeLimits& limits = {});

}  // namespace ridgeline::ansinist
