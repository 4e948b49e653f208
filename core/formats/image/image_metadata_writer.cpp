#include "core/formats/image/image_metadata_writer.h"

#include <array>
#include <cmath>
#include <cstring>

namespace ridgeline {
namespace {

constexpr double kMetresPerInch = 0.0254;

void putBe32(std::uint8_t* p, std::uint32_t v) {
  p[0] = static_cast<std::uint8_t>(v >> 24);
  p[1] = static_cast<std::uint8_t>(v >> 16);
  p[2] = static_cast<std::uint8_t>(v >> 8);
  p[3] = static_cast<std::uint8_t>(v);
}
void putLe32(std::uint8_t* p, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

}  // namespace

std::uint32_t crc32(const std::uint8_t* data, std::size_t n, std::uint32_t crc) {
  // CRC-32 (ISO 3309 / PNG), reflected polynomial 0xEDB88320.
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  crc = ~crc;
  for (std::size_t i = 0; i < n; ++i) crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

void addPngResolution(std::vector<std::uint8_t>& png, double ppi) {
  // Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC) = 33 bytes.
  if (ppi <= 0 || png.size() < 33) return;
  const auto ppm = static_cast<std::uint32_t>(std::lround(ppi / kMetresPerInch));
  std::uint8_t chunk[4 + 4 + 9 + 4];
  putBe32(chunk, 9);
  std::memcpy(chunk + 4, "pHYs", 4);
  putBe32(chunk + 8, ppm);
  putBe32(chunk + 12, ppm);
  chunk[16] = 1;  // unit: metre
  putBe32(chunk + 17, crc32(chunk + 4, 13));
  png.insert(png.begin() + 33, chunk, chunk + sizeof chunk);
}

void setJfifResolution(std::vector<std::uint8_t>& jpeg, double ppi) {
  // SOI, then APP0 "JFIF\0" version(2) units(1) Xdensity(2) Ydensity(2).
  if (ppi <= 0 || jpeg.size() < 18 || jpeg[2] != 0xFF || jpeg[3] != 0xE0 || std::memcmp(&jpeg[6], "JFIF", 5) != 0)
    return;
  const long d = std::lround(ppi);
  if (d <= 0 || d > 65535) return;
  jpeg[13] = 1;  // dots per inch
  jpeg[14] = static_cast<std::uint8_t>(d >> 8);
  jpeg[15] = static_cast<std::uint8_t>(d);
  jpeg[16] = static_cast<std::uint8_t>(d >> 8);
  jpeg[17] = static_cast<std::uint8_t>(d);
}

void setBmpResolution(std::vector<std::uint8_t>& bmp, double ppi) {
  if (ppi <= 0 || bmp.size() < 46) return;
  const auto ppm = static_cast<std::uint32_t>(std::lround(ppi / kMetresPerInch));
  putLe32(&bmp[38], ppm);
  putLe32(&bmp[42], ppm);
}

void addJp2Resolution(std::vector<std::uint8_t>& jp2, double ppi) {
  if (ppi <= 0) return;
  // Grid points per metre as N/D * 10^E with 16-bit N (ISO/IEC 15444-1 I.5.3.7).
  double ppm = ppi / kMetresPerInch;
  int exponent = 0;
  while (ppm > 65535.0 && exponent < 9) {
    ppm /= 10.0;
    ++exponent;
  }
  const auto n = static_cast<std::uint16_t>(std::lround(ppm));
  // Find the top-level jp2h superbox (plain 32-bit lengths, as OpenJPEG writes them).
  std::size_t o = 0;
  while (o + 8 <= jp2.size()) {
    const std::uint32_t len = (std::uint32_t{jp2[o]} << 24) | (std::uint32_t{jp2[o + 1]} << 16) |
                              (std::uint32_t{jp2[o + 2]} << 8) | jp2[o + 3];
    if (len < 8 || o + len > jp2.size()) return;
    if (std::memcmp(&jp2[o + 4], "jp2h", 4) == 0) {
      std::uint8_t box[26];
      putBe32(box, 26);
      std::memcpy(box + 4, "res ", 4);
      putBe32(box + 8, 18);
      std::memcpy(box + 12, "resc", 4);
      for (int i = 0; i < 2; ++i) {  // vertical, then horizontal: N, D
        box[16 + 4 * i] = static_cast<std::uint8_t>(n >> 8);
        box[17 + 4 * i] = static_cast<std::uint8_t>(n);
        box[18 + 4 * i] = 0;
        box[19 + 4 * i] = 1;
      }
      box[24] = box[25] = static_cast<std::uint8_t>(exponent);
      jp2.insert(jp2.begin() + static_cast<std::ptrdiff_t>(o + len), box, box + sizeof box);
      putBe32(&jp2[o], len + 26);
      return;
    }
    o += len;
  }
}

}  // namespace ridgeline
