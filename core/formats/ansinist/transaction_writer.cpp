// Writes the traditional encoding. Untouched records come out byte-identical
// (tags, LEN text and field order as read); records whose length changed get
// a recomputed LEN.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/formats/ansinist/record_readers.h"
#include "core/formats/ansinist/transaction.h"
#include "core/formats/binary_cursor.h"
#include "core/util/errors.h"

namespace ridgeline::ansinist {
namespace {

void appendValue(std::string& out, const Field& field, const std::string& where) {
  for (std::size_t s = 0; s < field.subfields.size(); ++s) {
    if (s) out.push_back(kRS);
    const auto& items = field.subfields[s].items;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) out.push_back(kUS);
      if (!field.binary && std::any_of(items[i].begin(), items[i].end(),
                                       [](char c) { return c == kFS || c == kGS || c == kRS || c == kUS; }))
        throw UsageError("ANSI/NIST writer: " + where + ", field " + field.tag() +
                         ": an item contains a separator character");
      out += items[i];
    }
  }
}

// Everything after the LEN field, starting with its GS (or just the FS).
std::string serialiseBody(const Record& r, const std::string& where) {
  std::string body;
  for (const Field& f : r.fields) {
    if (f.number == 1) continue;
    body.push_back(kGS);
    body += f.tag();
    body.push_back(':');
    appendValue(body, f, where);
  }
  body.push_back(kFS);
  return body;
}

// True when the LEN text (digits, possibly with leading zeros) states `total`.
bool lenMatches(const std::string& text, std::size_t total) {
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string::npos) return false;
  return std::stoull(text) == total;
}

std::string lenPrefix(const Record& r) {
  const Field* len = r.find(1);
  return (len ? len->tag() : Field{r.type, 1, {}, false, {}}.tag()) + ":";
}

void writeTagged(std::vector<std::uint8_t>& out, const Record& r, const std::string& where) {
  if (r.fields.empty() || r.fields.front().number != 1)
    throw UsageError("ANSI/NIST writer: " + where + ": the first field must be " + std::to_string(r.type) + ".001 LEN");
  const std::string prefix = lenPrefix(r);
  const std::string body = serialiseBody(r, where);
  // Keep the LEN text as read when it is right (it may have leading zeros).
  std::string lenText = r.fields.front().value();
  if (!lenMatches(lenText, prefix.size() + lenText.size() + body.size())) {
    std::size_t digits = 1;
    for (;;) {
      const std::size_t total = prefix.size() + digits + body.size();
      if (std::to_string(total).size() == digits) {
        lenText = std::to_string(total);
        break;
      }
      ++digits;
    }
  }
  out.insert(out.end(), prefix.begin(), prefix.end());
  out.insert(out.end(), lenText.begin(), lenText.end());
  out.insert(out.end(), body.begin(), body.end());
}

void writeBinary(std::vector<std::uint8_t>& out, const Record& r, const std::string& where) {
  if (r.binaryBytes.size() < detail::binaryHeaderSize(r.type))
    throw UsageError("ANSI/NIST writer: " + where + ": binary record shorter than its header");
  if (r.binaryBytes.size() > 0xFFFFFFFFu) throw UsageError("ANSI/NIST writer: " + where + ": record too large");
  const std::size_t start = out.size();
  out.insert(out.end(), r.binaryBytes.begin(), r.binaryBytes.end());
  const auto len = static_cast<std::uint32_t>(r.binaryBytes.size());
  for (int i = 0; i < 4; ++i) out[start + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(len >> (24 - 8 * i));
}

}  // namespace

std::vector<std::uint8_t> writeTransaction(const Transaction& t) {
  if (t.records.empty() || t.records[0].type != 1)
    throw UsageError("ANSI/NIST writer: a transaction starts with its Type-1 record");
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i < t.records.size(); ++i) {
    const Record& r = t.records[i];
    const std::string where = "record " + std::to_string(i + 1) + " (Type-" + std::to_string(r.type) + ")";
    if (r.encoding == RecordEncoding::Binary)
      writeBinary(out, r, where);
    else
      writeTagged(out, r, where);
  }
  return out;
}

void rebuildContentsField(Transaction& t) {
  if (t.records.empty() || t.records[0].type != 1)
    throw UsageError("ANSI/NIST: a transaction starts with its Type-1 record");
  Field cnt{1, 3, {}, false, {}};
  cnt.subfields.push_back({{"1", std::to_string(t.records.size() - 1)}});
  for (std::size_t i = 1; i < t.records.size(); ++i) {
    const int idc = t.records[i].idc();
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", idc < 0 ? 0 : idc);
    cnt.subfields.push_back({{std::to_string(t.records[i].type), buf}});
  }
  Record& type1 = t.records[0];
  if (Field* existing = type1.find(3))
    *existing = cnt;
  else {
    auto pos = std::find_if(type1.fields.begin(), type1.fields.end(), [](const Field& f) { return f.number > 3; });
    type1.fields.insert(pos, cnt);
  }
}

}  // namespace ridgeline::ansinist
