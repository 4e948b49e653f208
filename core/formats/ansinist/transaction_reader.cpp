// Reads a whole transaction: the Type-1 record first, then every record its
// CNT field (1.003) lists, in that order. CNT is authoritative because binary
// records carry no type; disagreements that do not make the file ambiguous
// are collected as warnings naming the record and field.
#include <algorithm>
#include <charconv>
#include <cstring>
#include <string>
#include <unordered_set>

#include "core/formats/ansinist/record_readers.h"
#include "core/util/errors.h"

namespace ridgeline::ansinist {
namespace {

using detail::isBinaryRecordType;

struct ContentsEntry {
  int type = 0;
  int idc = -1;
};

bool parseInt(const std::string& s, int& out) {
  if (s.empty() || s.size() > 9) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

[[noreturn]] void failCnt(const std::string& message) {
  throw InputError("ANSI/NIST record 1 (Type-1), field 1.003 CNT: " + message);
}

std::vector<ContentsEntry> readContents(const Record& type1, std::vector<std::string>& warnings) {
  const Field* cnt = type1.find(3);
  if (!cnt) failCnt("missing; it lists the records of the transaction");
  std::vector<ContentsEntry> entries;
  for (std::size_t i = 1; i < cnt->subfields.size(); ++i) {
    const auto& items = cnt->subfields[i].items;
    ContentsEntry e;
    if (items.empty() || !parseInt(items[0], e.type) || e.type < 2 || e.type > 99)
      failCnt("subfield " + std::to_string(i + 1) + " does not start with a record type 2-99");
    if (items.size() < 2 || !parseInt(items[1], e.idc))
      warnings.push_back("record 1 (Type-1), field 1.003 CNT: subfield " + std::to_string(i + 1) +
                         " has no numeric IDC");
    entries.push_back(e);
  }
  if (entries.size() + 1 > kMaxRecords) failCnt("lists more than " + std::to_string(kMaxRecords) + " records");
  int declared = -1;
  const std::string* count = cnt->item(0, 1);
  if (!count || !parseInt(*count, declared))
    warnings.push_back("record 1 (Type-1), field 1.003 CNT: first subfield has no record count");
  else if (static_cast<std::size_t>(declared) != entries.size())
    warnings.push_back("record 1 (Type-1), field 1.003 CNT: declares " + std::to_string(declared) +
                       " further records but lists " + std::to_string(entries.size()));
  return entries;
}

// Checks declared character sets: invalid UTF-8 under DCS 3 is reported,
// never silently repaired (the bytes are evidence).
bool validUtf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || s.size() - i <= static_cast<std::size_t>(extra)) return false;
    for (int k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) >> 6) != 0x2) return false;
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

void checkCharacterSets(const Transaction& t, std::vector<std::string>& warnings) {
  const Field* dcs = t.records[0].find(15);
  const std::string csi = dcs ? dcs->value() : "";
  const bool utf8 = csi == "003" || csi == "3";
  if (csi == "002" || csi == "2" || csi == "004" || csi == "4")
    warnings.push_back("record 1 (Type-1), field 1.015 DCS: declares " + std::string(csi.back() == '2' ? "UTF-16" : "UTF-32") +
                       "; such text is kept as bytes and shown undecoded");
  for (std::size_t r = 0; r < t.records.size(); ++r) {
    for (const Field& f : t.records[r].fields) {
      if (f.binary) continue;
      bool reported = false;
      for (const auto& sub : f.subfields)
        for (const auto& item : sub.items) {
          if (reported) break;
          const bool ascii = std::all_of(item.begin(), item.end(), [](char c) { return (c & 0x80) == 0; });
          if (ascii) continue;
          if (utf8 && !validUtf8(item)) {
            warnings.push_back(describeRecord(t.records[r], r) + ", field " + f.tag() +
                               ": not valid UTF-8 although 1.015 DCS declares UTF-8");
            reported = true;
          } else if (!dcs) {
            warnings.push_back(describeRecord(t.records[r], r) + ", field " + f.tag() +
                               ": non-ASCII bytes but no 1.015 DCS declares a character set");
            reported = true;
          }
        }
    }
  }
}

// Versions this reader was written against (1-1993 .. 1-2011 Update 2015);
// anything else is read the same way but said so.
void checkVersion(const Record& type1, std::vector<std::string>& warnings) {
  static const char* const kKnown[] = {"0200", "0201", "0300", "0400", "0500", "0501", "0502", "0503"};
  const Field* ver = type1.find(2);
  const std::string v = ver ? ver->value() : "";
  for (const char* known : kKnown)
    if (v == known) return;
  warnings.push_back("record 1 (Type-1), field 1.002 VER: version '" + v +
                     "' is not one this reader knows (0200-0503); read as 1-2011");
}

void checkRepeatedFields(const Transaction& t, std::vector<std::string>& warnings) {
  for (std::size_t r = 0; r < t.records.size(); ++r) {
    std::unordered_set<int> seen;
    for (const Field& f : t.records[r].fields)
      if (!seen.insert(f.number).second)
        warnings.push_back(describeRecord(t.records[r], r) + ", field " + f.tag() +
                           ": appears more than once; the last occurrence is used");
  }
}

}  // namespace

bool looksLikeAnsiNist(const std::uint8_t* bytes, std::size_t size) {
  return (size >= 6 && std::memcmp(bytes, "1.001:", 6) == 0) || (size >= 5 && std::memcmp(bytes, "1.01:", 5) == 0) ||
         (size >= 4 && std::memcmp(bytes, "1.1:", 4) == 0);
}

Transaction readTransaction(const std::vector<std::uint8_t>& bytes) {
  if (bytes.size() > kMaxTransactionBytes)
    throw InputError("ANSI/NIST transaction of " + std::to_string(bytes.size()) + " bytes exceeds the " +
                     std::to_string(kMaxTransactionBytes) + "-byte limit");
  if (!looksLikeAnsiNist(bytes.data(), bytes.size()))
    throw InputError("not an ANSI/NIST-ITL transaction: it does not start with the Type-1 field 1.001");
  const std::span<const std::uint8_t> s(bytes);
  Transaction t;
  std::size_t length = 0;
  t.records.push_back(detail::readTaggedRecord(s, 0, 1, "record 1 (Type-1)", length));
  const std::vector<ContentsEntry> contents = readContents(t.records[0], t.warnings);
  std::size_t offset = length;
  for (std::size_t i = 0; i < contents.size(); ++i) {
    const ContentsEntry& e = contents[i];
    const std::string where = "record " + std::to_string(i + 2) + " (Type-" + std::to_string(e.type) +
                              " listed in 1.003 CNT)";
    if (offset >= bytes.size())
      throw InputError("ANSI/NIST " + where + ", byte offset " + std::to_string(offset) +
                       ": the file ends before this record (1.003 CNT lists " + std::to_string(contents.size() + 1) +
                       " records, " + std::to_string(i + 1) + " present)");
    Record r = isBinaryRecordType(e.type) ? detail::readBinaryRecord(s, offset, e.type, where, length)
                                          : detail::readTaggedRecord(s, offset, e.type, where, length);
    if (e.idc >= 0 && r.idc() != e.idc)
      t.warnings.push_back(describeRecord(r, i + 1) + ": IDC " + std::to_string(r.idc()) +
                           " differs from the IDC " + std::to_string(e.idc) + " that 1.003 CNT lists for it");
    t.records.push_back(std::move(r));
    offset += length;
  }
  if (offset != bytes.size())
    throw InputError("ANSI/NIST record 1 (Type-1), field 1.003 CNT: lists " + std::to_string(contents.size() + 1) +
                     " records ending at byte offset " + std::to_string(offset) + " but the file has " +
                     std::to_string(bytes.size() - offset) + " more bytes (unlisted records or trailing data)");
  checkVersion(t.records[0], t.warnings);
  checkCharacterSets(t, t.warnings);
  checkRepeatedFields(t, t.warnings);
  return t;
}

}  // namespace ridgeline::ansinist
