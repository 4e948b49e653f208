// Small accessors of the transaction model.
#include "core/formats/ansinist/transaction.h"

#include <charconv>
#include <cstdio>

namespace ridgeline::ansinist {
namespace {
const std::string kEmpty;
}

const std::string& Field::value() const {
  const std::string* v = item(0, 0);
  return v ? *v : kEmpty;
}

const std::string* Field::item(std::size_t subfield, std::size_t index) const {
  if (subfield >= subfields.size() || index >= subfields[subfield].items.size()) return nullptr;
  return &subfields[subfield].items[index];
}

std::string Field::tag() const {
  if (!tagText.empty()) return tagText;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d.%03d", recordType, number);
  return buf;
}

// The last occurrence: a repeated field (malformed, reported by the reader)
// is read as its final value, as NBIS does for its x.999 test files.
const Field* Record::find(int fieldNumber) const {
  for (auto it = fields.rbegin(); it != fields.rend(); ++it)
    if (it->number == fieldNumber) return &*it;
  return nullptr;
}

Field* Record::find(int fieldNumber) {
  for (auto it = fields.rbegin(); it != fields.rend(); ++it)
    if (it->number == fieldNumber) return &*it;
  return nullptr;
}

void Record::set(int fieldNumber, const std::string& value) {
  Field* f = find(fieldNumber);
  if (!f) {
    // Fields stay in ascending order, as the standard asks; x.999 stays last.
    auto pos = fields.begin();
    while (pos != fields.end() && pos->number < fieldNumber) ++pos;
    f = &*fields.insert(pos, Field{type, fieldNumber, {}, false, {}});
  }
  f->subfields = {Subfield{{value}}};
}

int Record::idc() const {
  if (encoding == RecordEncoding::Binary) return binaryBytes.size() > 4 ? binaryBytes[4] : -1;
  if (type == 1) return -1;  // Type-1 has no IDC; its x.002 is the version
  const Field* f = find(2);
  if (!f) return -1;
  const std::string& v = f->value();
  int n = -1;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  return (ec == std::errc() && p == v.data() + v.size()) ? n : -1;
}

const Record* Transaction::recordWithIdc(int type, int idc) const {
  for (const Record& r : records)
    if (r.type == type && r.idc() == idc) return &r;
  return nullptr;
}

std::string describeRecord(const Record& record, std::size_t index) {
  return "record " + std::to_string(index + 1) + " (Type-" + std::to_string(record.type) + ", offset " +
         std::to_string(record.sourceOffset) + ")";
}

}  // namespace ridgeline::ansinist
