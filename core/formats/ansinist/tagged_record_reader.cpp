// Tagged records of the traditional encoding: "T.NNN:value" fields separated
// by GS, ended by FS. The record's length comes from its first field (LEN),
// which is read before anything else so a binary image field can be taken
// whole even when its bytes happen to contain separators.
#include <algorithm>
#include <string>

#include "core/formats/ansinist/record_readers.h"
#include "core/util/errors.h"

namespace ridgeline::ansinist::detail {
namespace {

constexpr int kMaxTagDigits = 9;

struct Tag {
  int type = 0;
  int number = 0;
  std::size_t textLength = 0;  // "9.012" without the colon
};

[[noreturn]] void fail(const std::string& where, std::size_t offset, const std::string& message) {
  throw InputError("ANSI/NIST " + where + ", byte offset " + std::to_string(offset) + ": " + message);
}

// Reads decimal digits in [pos, end); returns the count read (0..kMaxTagDigits+1).
int readDigits(std::span<const std::uint8_t> s, std::size_t& pos, std::size_t end, long long& value) {
  int n = 0;
  value = 0;
  while (pos < end && s[pos] >= '0' && s[pos] <= '9' && n <= kMaxTagDigits) {
    value = value * 10 + (s[pos] - '0');
    ++pos;
    ++n;
  }
  return n;
}

Tag readTag(std::span<const std::uint8_t> s, std::size_t& pos, std::size_t end, const std::string& where) {
  const std::size_t start = pos;
  long long type = 0, number = 0;
  const int typeDigits = readDigits(s, pos, end, type);
  if (typeDigits == 0 || typeDigits > 2 || pos >= end || s[pos] != '.')
    fail(where, start, "expected a field tag like \"14.001:\" here");
  ++pos;
  const int numberDigits = readDigits(s, pos, end, number);
  if (numberDigits == 0 || numberDigits > kMaxTagDigits || pos >= end || s[pos] != ':')
    fail(where, start, "malformed field tag (expected digits, '.', digits, ':')");
  Tag tag{static_cast<int>(type), static_cast<int>(number), pos - start};
  ++pos;  // colon
  return tag;
}

void splitValue(std::span<const std::uint8_t> s, std::size_t begin, std::size_t end, Field& field,
                const std::string& where) {
  field.subfields.emplace_back();
  std::string current;
  for (std::size_t i = begin; i < end; ++i) {
    const char c = static_cast<char>(s[i]);
    if (c == kRS) {
      field.subfields.back().items.push_back(std::move(current));
      current.clear();
      field.subfields.emplace_back();
    } else if (c == kUS) {
      field.subfields.back().items.push_back(std::move(current));
      current.clear();
    } else if (c == kFS) {
      // Only the record's last byte may be FS; one earlier means LEN and
      // content disagree, and writing it back would split the record.
      fail(where, i, "field " + field.tag() + " contains an FS separator before the end of the record given by LEN");
    } else {
      current.push_back(c);
    }
  }
  field.subfields.back().items.push_back(std::move(current));
}

std::size_t readLength(std::span<const std::uint8_t> s, std::size_t offset, const Tag& tag, std::size_t pos,
                       const std::string& where) {
  if (tag.number != 1)
    fail(where, offset, "the first field is " + std::to_string(tag.type) + "." + std::to_string(tag.number) +
                            ", not the record length " + std::to_string(tag.type) + ".001 LEN");
  long long len = 0;
  const std::size_t digitsAt = pos;
  const int digits = readDigits(s, pos, s.size(), len);
  if (digits == 0 || digits > kMaxTagDigits || pos >= s.size() || (s[pos] != kGS && s[pos] != kFS))
    fail(where, digitsAt, "field " + std::to_string(tag.type) + ".001 LEN is not a whole number ended by a separator");
  const std::size_t minimum = pos - offset + 1;
  if (static_cast<std::size_t>(len) < minimum)
    fail(where, digitsAt, "field " + std::to_string(tag.type) + ".001 LEN says " + std::to_string(len) +
                              " bytes, shorter than the LEN field itself");
  if (static_cast<std::size_t>(len) > s.size() - offset)
    fail(where, digitsAt, "field " + std::to_string(tag.type) + ".001 LEN says " + std::to_string(len) +
                              " bytes but only " + std::to_string(s.size() - offset) + " remain in the file");
  const std::size_t last = offset + static_cast<std::size_t>(len) - 1;
  if (s[last] != kFS)
    fail(where, last, "field " + std::to_string(tag.type) + ".001 LEN says " + std::to_string(len) +
                          " bytes but the record does not end with the FS separator there");
  return static_cast<std::size_t>(len);
}

// NBIS test transactions write "T.999:<length>" GS "T.999:<data>": a text
// field before the real data field with the same tag. When the value up to
// the next GS is followed by the same tag again, this one is text.
bool repeatsTag(std::span<const std::uint8_t> s, std::size_t pos, std::size_t end, std::span<const std::uint8_t> tag) {
  std::size_t gs = pos;
  while (gs < end && s[gs] != kGS) ++gs;
  if (gs >= end || end - gs - 1 < tag.size()) return false;
  return std::equal(tag.begin(), tag.end(), s.begin() + static_cast<long>(gs + 1));
}

}  // namespace

bool isBinaryRecordType(int type) { return type >= 3 && type <= 8; }

bool hasBinaryDataField(int type) { return type != 1 && type != 2 && type != 9 && type != 98; }

Record readTaggedRecord(std::span<const std::uint8_t> s, std::size_t offset, int expectedType,
                        const std::string& where, std::size_t& length) {
  std::size_t pos = offset;
  const Tag first = readTag(s, pos, s.size(), where);
  if (expectedType >= 0 && first.type != expectedType)
    fail(where, offset, "1.003 CNT lists a Type-" + std::to_string(expectedType) +
                            " record here but the record's tag says Type-" + std::to_string(first.type));
  length = readLength(s, offset, first, pos, where);
  const std::size_t end = offset + length - 1;  // the FS

  Record record;
  record.type = first.type;
  record.encoding = RecordEncoding::Tagged;
  record.sourceOffset = offset;
  pos = offset;
  while (pos < end) {
    const std::size_t fieldStart = pos;
    const Tag tag = readTag(s, pos, end, where);
    if (tag.type != record.type)
      fail(where, fieldStart, "field tag " + std::to_string(tag.type) + "." + std::to_string(tag.number) +
                                  " inside a Type-" + std::to_string(record.type) + " record");
    if (!record.fields.empty() && tag.number == 1)
      fail(where, fieldStart, "a second LEN field " + std::to_string(tag.type) + ".001");
    Field field{record.type, tag.number, {}, false, {}};
    const std::string text(reinterpret_cast<const char*>(&s[fieldStart]), tag.textLength);
    if (text != field.tag()) field.tagText = text;
    if (tag.number == 999 && hasBinaryDataField(record.type) && !repeatsTag(s, pos, end, s.subspan(fieldStart, tag.textLength + 1))) {
      field.binary = true;
      field.subfields.push_back({{std::string(reinterpret_cast<const char*>(s.data()) + pos, end - pos)}});
      pos = end;
    } else {
      std::size_t valueEnd = pos;
      while (valueEnd < end && s[valueEnd] != kGS) ++valueEnd;
      splitValue(s, pos, valueEnd, field, where);
      pos = valueEnd < end ? valueEnd + 1 : end;
      if (valueEnd + 1 == end)
        fail(where, valueEnd, "a GS separator directly before the record's FS (an empty field with no tag)");
    }
    record.fields.push_back(std::move(field));
  }
  return record;
}

}  // namespace ridgeline::ansinist::detail
