// Reads ISO/IEC 19794-2:2005 records. Every count and length in the file is
// checked against the bytes actually present before it is used.
#include <cstring>
#include <string>

#include "core/formats/binary_cursor.h"
#include "core/formats/iso/iso19794_2.h"

namespace ridgeline::iso19794_2 {
namespace {

using formats::BinaryCursor;

constexpr std::uint8_t kMagic[8] = {'F', 'M', 'R', 0, ' ', '2', '0', 0};

IsoMinutia readMinutia(BinaryCursor& in) {
  IsoMinutia m;
  const std::uint16_t typeAndX = in.u16("minutia type and x");
  const std::uint16_t reservedAndY = in.u16("minutia y");
  m.type = typeAndX >> 14;
  m.x = typeAndX & 0x3FFF;
  m.reservedBits = reservedAndY >> 14;
  m.y = reservedAndY & 0x3FFF;
  m.angle = in.u8("minutia angle");
  m.quality = in.u8("minutia quality");
  return m;
}

std::vector<IsoExtendedArea> readExtendedData(BinaryCursor& in, const std::string& where) {
  std::vector<IsoExtendedArea> areas;
  const std::uint16_t blockLength = in.u16("extended data block length");
  if (blockLength == 0) return areas;
  if (blockLength > in.remaining())
    in.fail(where + ": extended data block length " + std::to_string(blockLength) + " exceeds the " +
            std::to_string(in.remaining()) + " bytes left");
  const std::size_t end = in.offset() + blockLength;
  while (in.offset() < end) {
    if (end - in.offset() < 4) in.fail(where + ": extended data block ends inside an area header");
    IsoExtendedArea area;
    area.type = in.u16("extended data area type");
    const std::uint16_t length = in.u16("extended data area length");
    if (length > end - in.offset())
      in.fail(where + ": extended data area (type " + std::to_string(area.type) + ") length " +
              std::to_string(length) + " runs past its block");
    auto data = in.bytes(length, "extended data area");
    area.data.assign(data.begin(), data.end());
    areas.push_back(std::move(area));
  }
  return areas;
}

IsoFingerView readView(BinaryCursor& in, int index) {
  const std::string where = "finger view " + std::to_string(index + 1);
  IsoFingerView v;
  v.fingerPosition = in.u8("finger position");
  const std::uint8_t viewAndImpression = in.u8("view number and impression type");
  v.viewNumber = viewAndImpression >> 4;
  v.impressionType = viewAndImpression & 0x0F;
  v.quality = in.u8("finger quality");
  const int count = in.u8("number of minutiae");
  if (static_cast<std::size_t>(count) * 6 > in.remaining())
    in.fail(where + " declares " + std::to_string(count) + " minutiae (" + std::to_string(count * 6) +
            " bytes) but only " + std::to_string(in.remaining()) + " bytes remain");
  v.minutiae.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) v.minutiae.push_back(readMinutia(in));
  v.extendedData = readExtendedData(in, where);
  return v;
}

}  // namespace

bool looksLikeIso19794_2(std::span<const std::uint8_t> bytes) {
  return bytes.size() >= sizeof kMagic && std::memcmp(bytes.data(), kMagic, sizeof kMagic) == 0;
}

IsoTemplate readIso19794_2(std::span<const std::uint8_t> bytes) {
  BinaryCursor in(bytes, "ISO/IEC 19794-2 record");
  if (bytes.size() < 4 || std::memcmp(bytes.data(), kMagic, 4) != 0)
    in.fail("not an ISO/IEC 19794-2 finger minutiae record (format identifier is not \"FMR\")");
  if (!looksLikeIso19794_2(bytes))
    in.fail("unsupported version (only ISO/IEC 19794-2:2005, version \" 20\", is read)");
  in.bytes(8, "format identifier and version");
  const std::uint32_t length = in.u32("record length");
  if (length < kHeaderSize || length > kMaxRecordSize)
    in.fail("record length " + std::to_string(length) + " is outside " + std::to_string(kHeaderSize) + ".." +
            std::to_string(kMaxRecordSize));
  if (length != bytes.size())
    in.fail("record length field says " + std::to_string(length) + " bytes but the data has " +
            std::to_string(bytes.size()));

  IsoTemplate t;
  const std::uint16_t device = in.u16("capture equipment");
  t.certificationFlag = device >> 12;
  t.deviceType = device & 0x0FFF;
  t.width = in.u16("image width");
  t.height = in.u16("image height");
  t.xResolution = in.u16("x resolution");
  t.yResolution = in.u16("y resolution");
  const int viewCount = in.u8("number of finger views");
  t.reserved = in.u8("reserved byte");
  for (int i = 0; i < viewCount; ++i) t.views.push_back(readView(in, i));
  if (!in.atEnd())
    in.fail(std::to_string(in.remaining()) + " bytes after the last of " + std::to_string(viewCount) +
            " finger views");
  return t;
}

}  // namespace ridgeline::iso19794_2
