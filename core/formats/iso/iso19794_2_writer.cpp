// Writes ISO/IEC 19794-2:2005 records. Values that do not fit their field are
// refused rather than masked: a silently wrapped coordinate would move a
// minutia on someone else's screen.
#include <string>

#include "core/formats/binary_cursor.h"
#include "core/formats/iso/iso19794_2.h"
#include "core/util/errors.h"

namespace ridgeline::iso19794_2 {
namespace {

using formats::putU16;
using formats::putU32;
using formats::putU8;

void check(bool ok, const std::string& what, int value, int max) {
  if (!ok)
    throw UsageError("ISO/IEC 19794-2 writer: " + what + " " + std::to_string(value) + " does not fit (0.." +
                     std::to_string(max) + ")");
}

void checkRange(const std::string& what, int value, int max) { check(value >= 0 && value <= max, what, value, max); }

void writeView(std::vector<std::uint8_t>& out, const IsoFingerView& v, std::size_t index) {
  const std::string where = "view " + std::to_string(index + 1) + " ";
  checkRange(where + "finger position", v.fingerPosition, 255);
  checkRange(where + "view number", v.viewNumber, 15);
  checkRange(where + "impression type", v.impressionType, 15);
  checkRange(where + "quality", v.quality, 255);
  checkRange(where + "minutiae count", static_cast<int>(v.minutiae.size()), 255);
  putU8(out, static_cast<unsigned>(v.fingerPosition));
  putU8(out, static_cast<unsigned>((v.viewNumber << 4) | v.impressionType));
  putU8(out, static_cast<unsigned>(v.quality));
  putU8(out, static_cast<unsigned>(v.minutiae.size()));
  for (std::size_t i = 0; i < v.minutiae.size(); ++i) {
    const IsoMinutia& m = v.minutiae[i];
    const std::string mw = where + "minutia " + std::to_string(i + 1) + " ";
    checkRange(mw + "type", m.type, 3);
    checkRange(mw + "x", m.x, 0x3FFF);
    checkRange(mw + "y", m.y, 0x3FFF);
    checkRange(mw + "reserved bits", m.reservedBits, 3);
    checkRange(mw + "angle", m.angle, 255);
    checkRange(mw + "quality", m.quality, 255);
    putU16(out, static_cast<unsigned>((m.type << 14) | m.x));
    putU16(out, static_cast<unsigned>((m.reservedBits << 14) | m.y));
    putU8(out, static_cast<unsigned>(m.angle));
    putU8(out, static_cast<unsigned>(m.quality));
  }
  std::size_t blockLength = 0;
  for (const auto& a : v.extendedData) {
    checkRange(where + "extended data area length", static_cast<int>(a.data.size()), 0xFFFF);
    blockLength += 4 + a.data.size();
  }
  checkRange(where + "extended data block length", static_cast<int>(blockLength), 0xFFFF);
  putU16(out, static_cast<unsigned>(blockLength));
  for (const auto& a : v.extendedData) {
    putU16(out, a.type);
    putU16(out, static_cast<unsigned>(a.data.size()));
    out.insert(out.end(), a.data.begin(), a.data.end());
  }
}

}  // namespace

std::vector<std::uint8_t> writeIso19794_2(const IsoTemplate& t) {
  checkRange("certification flag", t.certificationFlag, 15);
  checkRange("device type", t.deviceType, 0x0FFF);
  checkRange("image width", t.width, 0xFFFF);
  checkRange("image height", t.height, 0xFFFF);
  checkRange("x resolution", t.xResolution, 0xFFFF);
  checkRange("y resolution", t.yResolution, 0xFFFF);
  checkRange("number of finger views", static_cast<int>(t.views.size()), 255);
  checkRange("reserved byte", t.reserved, 255);

  std::vector<std::uint8_t> out = {'F', 'M', 'R', 0, ' ', '2', '0', 0};
  putU32(out, 0);  // record length, patched below
  putU16(out, static_cast<unsigned>((t.certificationFlag << 12) | t.deviceType));
  putU16(out, static_cast<unsigned>(t.width));
  putU16(out, static_cast<unsigned>(t.height));
  putU16(out, static_cast<unsigned>(t.xResolution));
  putU16(out, static_cast<unsigned>(t.yResolution));
  putU8(out, static_cast<unsigned>(t.views.size()));
  putU8(out, static_cast<unsigned>(t.reserved));
  for (std::size_t i = 0; i < t.views.size(); ++i) writeView(out, t.views[i], i);
  if (out.size() > kMaxRecordSize) throw UsageError("ISO/IEC 19794-2 writer: record too large");
  const auto length = static_cast<std::uint32_t>(out.size());
  for (int i = 0; i < 4; ++i) out[8 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(length >> (24 - 8 * i));
  return out;
}

}  // namespace ridgeline::iso19794_2
