// Reads image header fields of records; no pixel decoding here (that is
// record_image_decode.cpp, through the shared image codec).
#include <charconv>
#include <cmath>
#include <string>

#include "core/formats/ansinist/record_image.h"
#include "core/formats/binary_cursor.h"
#include "core/util/errors.h"

namespace ridgeline::ansinist {
namespace {

[[noreturn]] void fail(const Record& r, std::size_t index, const std::string& message) {
  throw InputError("ANSI/NIST " + describeRecord(r, index) + ": " + message);
}

int numericField(const Record& r, std::size_t index, int number, int fallback, int max) {
  const Field* f = r.find(number);
  if (!f) return fallback;
  const std::string& v = f->value();
  int n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size() || n < 0 || n > max)
    fail(r, index, "field " + f->tag() + " is not a whole number 0.." + std::to_string(max) + " ('" + v + "')");
  return n;
}

// Type-1 NSR (1.011) / NTR (1.012) in pixels per millimetre, "19.69".
double nativeResolutionPpi(const Transaction& t, int fieldNumber) {
  const Field* f = t.records[0].find(fieldNumber);
  if (!f) return 0;
  try {
    const double ppmm = std::stod(f->value());
    return ppmm > 0 ? std::round(ppmm * 25.4) : 0;
  } catch (const std::exception&) {
    return 0;
  }
}

std::span<const std::uint8_t> asBytes(const std::string& s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

RecordImageInfo binaryImage(const Transaction& t, std::size_t index) {
  const Record& r = t.records[index];
  RecordImageInfo info;
  if (r.type == 8) {
    const SignatureHeader h = readSignatureHeader(r, index);
    info.width = h.width;
    info.height = h.height;
    info.compression = std::to_string(h.representation);
    info.data = std::span(r.binaryBytes).subspan(12);
    info.ppi = h.scanResolution ? nativeResolutionPpi(t, 11) : 500;
    if (h.representation == 2) {
      info.decodable = false;
      info.note = "vector signature data (SRT 2), not an image";
    } else if (h.representation == 1) {
      info.format = ImageFormat::Unknown;  // left to sniffing
    } else {
      info.format = ImageFormat::Raw;
    }
  } else {
    const BinaryImageHeader h = readBinaryImageHeader(r, index);
    info.width = h.width;
    info.height = h.height;
    info.compression = std::to_string(h.compression);
    info.fingerPosition = h.fingerPositions[0] == 255 ? 0 : h.fingerPositions[0];
    info.data = std::span(r.binaryBytes).subspan(18);
    const bool lowResolution = r.type == 3 || r.type == 5;
    info.ppi = h.scanResolution ? nativeResolutionPpi(t, lowResolution ? 12 : 11) : (lowResolution ? 250 : 500);
    info.bitsPerPixel = (r.type == 5 || r.type == 6) ? 1 : 8;
    info.format = formatFromCompressionCode(info.compression, true);
  }
  if (info.format == ImageFormat::Raw && info.bitsPerPixel == 8 &&
      static_cast<std::uint64_t>(info.width) * static_cast<std::uint64_t>(info.height) != info.data.size()) {
    // Some Type-8 scans and Types 5/6 are packed 1-bit images.
    if (static_cast<std::uint64_t>((info.width + 7) / 8) * static_cast<std::uint64_t>(info.height) == info.data.size())
      info.bitsPerPixel = 1;
  }
  if (info.bitsPerPixel == 1 && info.decodable) {
    info.decodable = false;
    info.note = "1-bit binary image (deprecated Types 5/6/8); not decoded";
  }
  return info;
}

RecordImageInfo taggedImage(const Transaction& t, std::size_t index) {
  const Record& r = t.records[index];
  RecordImageInfo info;
  const Field* dat = r.find(999);
  if (dat) info.data = asBytes(dat->value());
  info.width = numericField(r, index, 6, 0, 0xFFFFFF);
  info.height = numericField(r, index, 7, 0, 0xFFFFFF);
  const int slc = numericField(r, index, 8, 0, 2);
  const int thps = numericField(r, index, 9, 0, 0xFFFFFF);
  info.ppi = slc == 1 ? thps : slc == 2 ? std::round(thps * 2.54) : 0;
  if (const Field* cga = r.find(11)) info.compression = cga->value();
  // Type-10 field 12 is the colour space, not BPX.
  const int bpxField = r.type == 10 ? 0 : 12;
  info.bitsPerPixel = bpxField ? numericField(r, index, bpxField, 8, 99) : 8;
  if (r.type == 13 || r.type == 14 || r.type == 15)
    if (const Field* fgp = r.find(13)) {
      const std::string& v = fgp->value();
      std::from_chars(v.data(), v.data() + v.size(), info.fingerPosition);
    }
  info.format = formatFromCompressionCode(info.compression, false);
  if (info.format == ImageFormat::Raw && info.bitsPerPixel != 8) {
    info.decodable = false;
    info.note = std::to_string(info.bitsPerPixel) + "-bit uncompressed image; only 8-bit grey is decoded";
  }
  if (!dat) {
    info.decodable = false;
    info.note = "no image data field " + std::to_string(r.type) + ".999";
  }
  return info;
}

}  // namespace

BinaryImageHeader readBinaryImageHeader(const Record& r, std::size_t index) {
  if (r.encoding != RecordEncoding::Binary || r.type < 3 || r.type > 6)
    fail(r, index, "not a binary image record (Types 3-6)");
  formats::BinaryCursor in(r.binaryBytes, "ANSI/NIST " + describeRecord(r, index), r.sourceOffset);
  BinaryImageHeader h;
  h.length = in.u32("LEN");
  h.idc = in.u8("IDC");
  h.impressionType = in.u8("IMP");
  for (int& fgp : h.fingerPositions) fgp = in.u8("FGP");
  h.scanResolution = in.u8("ISR");
  h.width = in.u16("HLL");
  h.height = in.u16("VLL");
  h.compression = in.u8("CGA");
  return h;
}

SignatureHeader readSignatureHeader(const Record& r, std::size_t index) {
  if (r.encoding != RecordEncoding::Binary || r.type != 8) fail(r, index, "not a Type-8 signature record");
  formats::BinaryCursor in(r.binaryBytes, "ANSI/NIST " + describeRecord(r, index), r.sourceOffset);
  SignatureHeader h;
  h.length = in.u32("LEN");
  h.idc = in.u8("IDC");
  h.signatureType = in.u8("SIG");
  h.representation = in.u8("SRT");
  h.scanResolution = in.u8("ISR");
  h.width = in.u16("HLL");
  h.height = in.u16("VLL");
  return h;
}

ImageFormat formatFromCompressionCode(const std::string& code, bool binaryRecord) {
  if (binaryRecord) {
    static const ImageFormat byNumber[] = {ImageFormat::Raw,      ImageFormat::Wsq,      ImageFormat::Jpeg,
                                           ImageFormat::Jpeg,     ImageFormat::Jpeg2000, ImageFormat::Jpeg2000,
                                           ImageFormat::Png};
    int n = -1;
    std::from_chars(code.data(), code.data() + code.size(), n);
    return (n >= 0 && n <= 6) ? byNumber[n] : ImageFormat::Unknown;
  }
  if (code.empty() || code == "NONE") return ImageFormat::Raw;
  if (code == "WSQ20" || code == "WSQ") return ImageFormat::Wsq;
  if (code == "JPEGB" || code == "JPEGL") return ImageFormat::Jpeg;
  if (code == "JP2" || code == "JP2L") return ImageFormat::Jpeg2000;
  if (code == "PNG") return ImageFormat::Png;
  return ImageFormat::Unknown;  // e.g. the 1-2007 "BMP" / vendor codes: the bytes decide
}

std::optional<RecordImageInfo> recordImageInfo(const Transaction& t, std::size_t index) {
  if (index >= t.records.size())
    throw InputError("ANSI/NIST transaction has " + std::to_string(t.records.size()) + " records, no record " +
                     std::to_string(index + 1));
  const Record& r = t.records[index];
  if (r.encoding == RecordEncoding::Binary) {
    if (r.type == 7) return std::nullopt;  // user-defined layout
    return binaryImage(t, index);
  }
  switch (r.type) {
    case 10: case 13: case 14: case 15: case 16: case 17: return taggedImage(t, index);
    default: return std::nullopt;
  }
}

}  // namespace ridgeline::ansinist
