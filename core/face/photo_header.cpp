#include "core/face/photo_header.h"

#include <cctype>
#include <cstdlib>

#include "core/util/errors.h"

namespace ridgeline::face {
namespace {

using Bytes = std::span<const std::uint8_t>;

struct Cursor {
  Bytes b;
  const std::string& what;

  void need(size_t end) const {
    if (end > b.size()) throw InputError(what + ": image header is cut short (the file is truncated)");
  }
  unsigned be16(size_t i) const { return need(i + 2), (unsigned(b[i]) << 8) | b[i + 1]; }
  std::uint32_t be32(size_t i) const { return need(i + 4), (std::uint32_t(be16(i)) << 16) | be16(i + 2); }
  std::uint32_t le32(size_t i) const {
    need(i + 4);
    return std::uint32_t(b[i]) | std::uint32_t(b[i + 1]) << 8 | std::uint32_t(b[i + 2]) << 16 | std::uint32_t(b[i + 3]) << 24;
  }
  unsigned le16(size_t i) const { return need(i + 2), unsigned(b[i]) | unsigned(b[i + 1]) << 8; }
};

bool startsWith(Bytes b, std::initializer_list<std::uint8_t> sig) {
  if (b.size() < sig.size()) return false;
  size_t i = 0;
  for (auto s : sig)
    if (b[i++] != s) return false;
  return true;
}

cv::Size checkedSize(std::int64_t w, std::int64_t h, const std::string& what) {
  if (w <= 0 || h <= 0 || w > 1'000'000 || h > 1'000'000)
    throw InputError(what + ": image header declares an impossible size " + std::to_string(w) + "x" + std::to_string(h));
  return {int(w), int(h)};
}

// Walks the marker segments to the first start-of-frame (SOF0-SOF15 but
// not DHT C4, JPG C8, DAC CC), which holds height then width.
cv::Size jpegSize(const Cursor& c) {
  size_t i = 2;
  while (true) {
    c.need(i + 2);
    if (c.b[i] != 0xFF) throw InputError(c.what + ": JPEG markers are corrupt");
    while (c.b[i + 1] == 0xFF) c.need(++i + 2);  // fill bytes
    const unsigned m = c.b[i + 1];
    i += 2;
    if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) continue;  // markers without a length
    if (m == 0xD9 || m == 0xDA) throw InputError(c.what + ": JPEG has no frame header");
    const unsigned length = c.be16(i);
    if (length < 2) throw InputError(c.what + ": JPEG segment length is corrupt");
    if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) return checkedSize(c.be16(i + 5), c.be16(i + 3), c.what);
    i += length;
  }
}

cv::Size bmpSize(const Cursor& c) {
  const std::uint32_t dib = c.le32(14);
  if (dib == 12) return checkedSize(c.le16(18), c.le16(20), c.what);  // OS/2 core header
  if (dib < 40) throw InputError(c.what + ": BMP header is corrupt");
  const auto w = static_cast<std::int32_t>(c.le32(18)), h = static_cast<std::int32_t>(c.le32(22));
  return checkedSize(w, std::llabs(std::int64_t(h)), c.what);  // negative height = top-down rows
}

// "P6 <w> <h> <max>" with whitespace and # comments between the fields.
cv::Size pnmSize(const Cursor& c) {
  size_t i = 2;
  auto number = [&]() -> std::int64_t {
    while (true) {
      c.need(i + 1);
      if (c.b[i] == '#') {
        while (c.b[i] != '\n') c.need(++i + 1);
      } else if (std::isspace(c.b[i])) {
        ++i;
      } else {
        break;
      }
    }
    std::int64_t v = 0;
    size_t digits = 0;
    for (; i < c.b.size() && std::isdigit(c.b[i]) && digits < 9; ++i, ++digits) v = v * 10 + (c.b[i] - '0');
    if (digits == 0) throw InputError(c.what + ": PNM header is corrupt");
    return v;
  };
  const std::int64_t w = number();
  return checkedSize(w, number(), c.what);
}

}  // namespace

PhotoHeader readPhotoHeader(Bytes bytes, const std::string& what) {
  const Cursor c{bytes, what};
  if (startsWith(bytes, {0xFF, 0xD8, 0xFF})) return {PhotoFormat::Jpeg, jpegSize(c)};
  if (startsWith(bytes, {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
    if (c.be32(12) != 0x49484452) throw InputError(what + ": PNG does not start with its IHDR header");
    return {PhotoFormat::Png, checkedSize(c.be32(16), c.be32(20), what)};
  }
  if (startsWith(bytes, {'B', 'M'})) return {PhotoFormat::Bmp, bmpSize(c)};
  if (bytes.size() >= 2 && bytes[0] == 'P' && bytes[1] >= '1' && bytes[1] <= '6') return {PhotoFormat::Pnm, pnmSize(c)};
  throw InputError(what + ": not a photo format the face engine reads (JPEG, PNG, BMP or PNM); "
                          "convert it first, e.g. with 'ridgeline-cli convert'");
}

std::string photoFormatName(PhotoFormat format) {
  switch (format) {
    case PhotoFormat::Jpeg: return "JPEG";
    case PhotoFormat::Png: return "PNG";
    case PhotoFormat::Bmp: return "BMP";
    case PhotoFormat::Pnm: return "PNM";
  }
  return "?";
}

}  // namespace ridgeline::face
