// Binary records (Types 3-8): a 4-byte big-endian length, a 1-byte IDC and a
// fixed header; the rest is image or signature data. They carry no type of
// their own, so the Type-1 CNT field decides what they are.
#include <string>

#include "core/formats/ansinist/record_readers.h"
#include "core/formats/binary_cursor.h"
#include "core/util/errors.h"

namespace ridgeline::ansinist::detail {

std::size_t binaryHeaderSize(int type) {
  switch (type) {
    case 3: case 4: case 5: case 6: return 18;  // LEN IDC IMP FGP(6) ISR HLL VLL GCA/CGA
    case 8: return 12;                          // LEN IDC SIG SRT ISR HLL VLL
    default: return 5;                          // Type-7: LEN IDC, the rest user-defined
  }
}

Record readBinaryRecord(std::span<const std::uint8_t> s, std::size_t offset, int type, const std::string& where,
                        std::size_t& length) {
  formats::BinaryCursor in(s.subspan(offset), "ANSI/NIST " + where, offset);
  const std::uint32_t len = in.u32("binary record length (LEN)");
  const std::size_t header = binaryHeaderSize(type);
  if (len < header)
    in.fail("Type-" + std::to_string(type) + " LEN " + std::to_string(len) + " is shorter than its " +
            std::to_string(header) + "-byte header");
  if (len > s.size() - offset)
    in.fail("Type-" + std::to_string(type) + " LEN says " + std::to_string(len) + " bytes but only " +
            std::to_string(s.size() - offset) + " remain in the file");
  Record record;
  record.type = type;
  record.encoding = RecordEncoding::Binary;
  record.sourceOffset = offset;
  record.binaryBytes.assign(s.begin() + static_cast<long>(offset), s.begin() + static_cast<long>(offset + len));
  length = len;
  return record;
}

}  // namespace ridgeline::ansinist::detail
