#include "core/formats/image/image_header.h"

#include <cmath>
#include <cstring>
#include <string>

#include "core/util/errors.h"

namespace ridgeline {
namespace {

constexpr double kMetresPerInch = 0.0254;

// Bounds-checked reads at absolute offsets, big- or little-endian.
class HeaderBytes {
 public:
  HeaderBytes(std::span<const std::uint8_t> b, ImageFormat f) : b_(b), format_(f) {}
  bool has(std::size_t offset, std::size_t n) const { return offset <= b_.size() && n <= b_.size() - offset; }
  std::uint8_t u8(std::size_t o, const char* what) const {
    need(o, 1, what);
    return b_[o];
  }
  std::uint32_t be(std::size_t o, int n, const char* what) const {
    need(o, static_cast<std::size_t>(n), what);
    std::uint32_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | b_[o + static_cast<std::size_t>(i)];
    return v;
  }
  std::uint32_t le(std::size_t o, int n, const char* what) const {
    need(o, static_cast<std::size_t>(n), what);
    std::uint32_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = (v << 8) | b_[o + static_cast<std::size_t>(i)];
    return v;
  }
  bool matches(std::size_t o, const char* text) const {
    const std::size_t n = std::strlen(text);
    return has(o, n) && std::memcmp(b_.data() + o, text, n) == 0;
  }
  std::size_t size() const { return b_.size(); }
  [[noreturn]] void fail(std::size_t o, const std::string& what) const {
    throw InputError(formatName(format_) + ": " + what + " (at byte offset " + std::to_string(o) + ")");
  }

 private:
  void need(std::size_t o, std::size_t n, const char* what) const {
    if (!has(o, n)) fail(o, std::string("file ends inside ") + what);
  }
  std::span<const std::uint8_t> b_;
  ImageFormat format_;
};

double roundPpi(double ppi) { return std::round(ppi * 100.0) / 100.0; }

ImageHeaderInfo probePng(const HeaderBytes& h) {
  ImageHeaderInfo info;
  std::size_t o = 8;
  bool sawHeader = false;
  while (h.has(o, 8)) {
    const std::uint32_t len = h.be(o, 4, "PNG chunk length");
    const std::size_t data = o + 8;
    if (len > 0x7FFFFFFFu || !h.has(data, static_cast<std::size_t>(len) + 4)) h.fail(o, "PNG chunk runs past the end of the file");
    if (h.matches(o + 4, "IHDR")) {
      if (len < 8) h.fail(o, "PNG IHDR chunk too short");
      info.width = static_cast<int>(std::min<std::uint32_t>(h.be(data, 4, "PNG width"), 0x7FFFFFFF));
      info.height = static_cast<int>(std::min<std::uint32_t>(h.be(data + 4, 4, "PNG height"), 0x7FFFFFFF));
      sawHeader = true;
    } else if (h.matches(o + 4, "pHYs") && len >= 9) {
      // Unit 1 = pixels per metre; unit 0 only states the aspect ratio.
      if (h.u8(data + 8, "PNG pHYs unit") == 1) info.ppi = roundPpi(h.be(data, 4, "PNG pHYs") * kMetresPerInch);
    } else if (h.matches(o + 4, "IDAT") || h.matches(o + 4, "IEND")) {
      break;
    }
    o = data + len + 4;
  }
  if (!sawHeader) h.fail(8, "no IHDR chunk");
  return info;
}

bool isJpegFrameMarker(std::uint8_t m) {
  return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

ImageHeaderInfo probeJpeg(const HeaderBytes& h) {
  ImageHeaderInfo info;
  std::size_t o = 2;
  for (;;) {
    if (h.u8(o, "JPEG marker") != 0xFF) h.fail(o, "expected a JPEG marker");
    std::uint8_t m = h.u8(o + 1, "JPEG marker");
    if (m == 0xFF) {  // fill byte
      ++o;
      continue;
    }
    if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
      o += 2;
      continue;
    }
    if (m == 0xD9 || m == 0xDA) h.fail(o, "no frame header before the image data");
    const std::uint32_t len = h.be(o + 2, 2, "JPEG segment length");
    if (len < 2 || !h.has(o + 2, len)) h.fail(o, "JPEG segment runs past the end of the file");
    const std::size_t d = o + 4;
    if (m == 0xE0 && len >= 14 && h.matches(d, "JFIF")) {
      const std::uint8_t units = h.u8(d + 7, "JFIF units");
      const double density = h.be(d + 8, 2, "JFIF density");
      if (units == 1) info.ppi = density;
      else if (units == 2) info.ppi = roundPpi(density * 2.54);
    } else if (isJpegFrameMarker(m)) {
      if (len < 8) h.fail(o, "JPEG frame header too short");
      info.height = static_cast<int>(h.be(d + 1, 2, "JPEG height"));
      info.width = static_cast<int>(h.be(d + 3, 2, "JPEG width"));
      // Height 0 would be defined by a later DNL marker; OpenCV does not support it.
      if (info.height == 0) h.fail(o, "JPEG frame height 0 (DNL) is not supported");
      // Lossless (process 14, SOF3/7/11/15) is used for iris and some ANSI/NIST
      // images; the system libjpeg does not implement it.
      if ((m & 0x03) == 0x03) info.unsupported = "lossless JPEG (SOF" + std::to_string(m - 0xC0) + ") is not supported";
      return info;
    }
    o += 2 + len;
  }
}

ImageHeaderInfo probeTiff(const HeaderBytes& h) {
  const bool little = h.matches(0, "II");
  auto rd = [&](std::size_t o, int n, const char* what) { return little ? h.le(o, n, what) : h.be(o, n, what); };
  if (rd(2, 2, "TIFF magic") != 42) h.fail(2, "not a classic TIFF (BigTIFF is not supported)");
  const std::size_t ifd = rd(4, 4, "TIFF first IFD offset");
  const std::uint32_t count = rd(ifd, 2, "TIFF IFD entry count");
  ImageHeaderInfo info;
  double xres = 0;
  std::uint32_t unit = 2;  // TIFF default: inches
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::size_t e = ifd + 2 + 12 * static_cast<std::size_t>(i);
    const std::uint32_t tag = rd(e, 2, "TIFF tag");
    const std::uint32_t type = rd(e + 2, 2, "TIFF field type");
    auto scalar = [&]() { return type == 3 ? rd(e + 8, 2, "TIFF value") : rd(e + 8, 4, "TIFF value"); };
    if (tag == 256) info.width = static_cast<int>(std::min<std::uint32_t>(scalar(), 0x7FFFFFFF));
    else if (tag == 257) info.height = static_cast<int>(std::min<std::uint32_t>(scalar(), 0x7FFFFFFF));
    else if (tag == 296) unit = scalar();
    else if (tag == 282 && type == 5) {
      const std::size_t at = rd(e + 8, 4, "TIFF XResolution offset");
      const double num = rd(at, 4, "TIFF XResolution"), den = rd(at + 4, 4, "TIFF XResolution");
      if (den > 0) xres = num / den;
    }
  }
  if (info.width <= 0 || info.height <= 0) h.fail(ifd, "TIFF has no image width/length");
  if (unit == 2) info.ppi = roundPpi(xres);
  else if (unit == 3) info.ppi = roundPpi(xres * 2.54);
  return info;
}

ImageHeaderInfo probeBmp(const HeaderBytes& h) {
  ImageHeaderInfo info;
  const std::uint32_t dib = h.le(14, 4, "BMP header size");
  if (dib == 12) {
    info.width = static_cast<int>(h.le(18, 2, "BMP width"));
    info.height = static_cast<int>(h.le(20, 2, "BMP height"));
    return info;
  }
  if (dib < 40) h.fail(14, "unknown BMP header size " + std::to_string(dib));
  const auto w = static_cast<std::int32_t>(h.le(18, 4, "BMP width"));
  const auto ht = static_cast<std::int32_t>(h.le(22, 4, "BMP height"));
  if (w <= 0 || ht == 0 || ht == INT32_MIN) h.fail(18, "BMP size invalid");
  info.width = w;
  info.height = ht < 0 ? -ht : ht;  // negative height: rows stored top-down
  const auto ppm = static_cast<std::int32_t>(h.le(38, 4, "BMP resolution"));
  if (ppm > 0) info.ppi = roundPpi(ppm * kMetresPerInch);
  return info;
}

ImageHeaderInfo probePnm(const HeaderBytes& h) {
  std::size_t o = 2;
  auto number = [&](const char* what) {
    for (;;) {  // whitespace and # comments
      const std::uint8_t c = h.u8(o, what);
      if (c == '#') {
        while (h.u8(o, what) != '\n') ++o;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        ++o;
      } else {
        break;
      }
    }
    long v = 0;
    const std::size_t start = o;
    while (h.has(o, 1) && h.u8(o, what) >= '0' && h.u8(o, what) <= '9') {
      v = v * 10 + (h.u8(o, what) - '0');
      if (v > 0x7FFFFFFF) h.fail(start, std::string(what) + " too large");
      ++o;
    }
    if (o == start) h.fail(start, std::string("expected a number for ") + what);
    return static_cast<int>(v);
  };
  ImageHeaderInfo info;
  info.width = number("PNM width");
  info.height = number("PNM height");
  return info;
}

// JPEG 2000: a JP2 box file (size in 'ihdr', resolution in 'res ') or a bare codestream (SIZ).
ImageHeaderInfo probeJp2(const HeaderBytes& h) {
  ImageHeaderInfo info;
  if (h.u8(0, "JPEG 2000 signature") == 0xFF) {  // bare codestream: SOC then SIZ
    if (h.be(2, 2, "J2K SIZ marker") != 0xFF51) h.fail(2, "codestream does not start with SIZ");
    const std::uint32_t xs = h.be(8, 4, "J2K Xsiz"), ys = h.be(12, 4, "J2K Ysiz");
    const std::uint32_t xo = h.be(16, 4, "J2K XOsiz"), yo = h.be(20, 4, "J2K YOsiz");
    if (xo >= xs || yo >= ys) h.fail(8, "J2K image offset beyond image size");
    info.width = static_cast<int>(std::min<std::uint32_t>(xs - xo, 0x7FFFFFFF));
    info.height = static_cast<int>(std::min<std::uint32_t>(ys - yo, 0x7FFFFFFF));
    return info;
  }
  // Walks boxes in [begin, end); descends into jp2h and res superboxes.
  double captured = 0, display = 0;
  auto walk = [&](auto&& self, std::size_t begin, std::size_t end, int depth) -> void {
    std::size_t o = begin;
    while (o + 8 <= end) {
      std::uint64_t len = h.be(o, 4, "JP2 box length");
      std::size_t header = 8;
      if (len == 1) {
        len = (static_cast<std::uint64_t>(h.be(o + 8, 4, "JP2 box length")) << 32) | h.be(o + 12, 4, "JP2 box length");
        header = 16;
      } else if (len == 0) {
        len = end - o;
      }
      if (len < header || len > end - o) h.fail(o, "JP2 box length runs past its container");
      const std::size_t d = o + header, boxEnd = o + static_cast<std::size_t>(len);
      if (depth < 3 && (h.matches(o + 4, "jp2h") || h.matches(o + 4, "res "))) self(self, d, boxEnd, depth + 1);
      else if (h.matches(o + 4, "ihdr")) {
        info.height = static_cast<int>(std::min<std::uint32_t>(h.be(d, 4, "JP2 height"), 0x7FFFFFFF));
        info.width = static_cast<int>(std::min<std::uint32_t>(h.be(d + 4, 4, "JP2 width"), 0x7FFFFFFF));
      } else if ((h.matches(o + 4, "resc") || h.matches(o + 4, "resd")) && boxEnd - d >= 10) {
        // Vertical then horizontal: numerator, denominator (16 bit), exponents (signed 8 bit); grid points per metre.
        const double hn = h.be(d + 4, 2, "JP2 resolution"), hd = h.be(d + 6, 2, "JP2 resolution");
        const auto he = static_cast<std::int8_t>(h.u8(d + 9, "JP2 resolution"));
        if (hd > 0 && he > -10 && he < 10) {
          const double ppi = roundPpi(hn / hd * std::pow(10.0, he) * kMetresPerInch);
          (h.matches(o + 4, "resc") ? captured : display) = ppi;
        }
      } else if (h.matches(o + 4, "jp2c")) {
        return;
      }
      o = boxEnd;
    }
  };
  walk(walk, 0, h.size(), 0);
  if (info.width <= 0 || info.height <= 0) h.fail(0, "no image header box (ihdr)");
  info.ppi = captured > 0 ? captured : display;
  return info;
}

}  // namespace

ImageHeaderInfo probeImageHeader(std::span<const std::uint8_t> bytes, ImageFormat format) {
  const HeaderBytes h(bytes, format);
  switch (format) {
    case ImageFormat::Png: return probePng(h);
    case ImageFormat::Jpeg: return probeJpeg(h);
    case ImageFormat::Tiff: return probeTiff(h);
    case ImageFormat::Bmp: return probeBmp(h);
    case ImageFormat::Pgm: return probePnm(h);
    case ImageFormat::Jpeg2000: return probeJp2(h);
    default: break;
  }
  throw InputError("no header reader for " + formatName(format));
}

}  // namespace ridgeline
