#pragma once
// ANSI/NIST-ITL 1-2011 (Update 2015) transaction in the traditional encoding,
// held exactly as read: ordered records; a tagged record is an ordered list
// of fields, each field subfields (RS-separated) of items (US-separated).
// Nothing is normalised on reading, so writing what was read gives back the
// same bytes; meaning (images, minutiae, names) is layered on top by the
// other files of this folder.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ridgeline::ansinist {

// Information separators of the traditional encoding.
inline constexpr char kFS = 0x1C;  // ends a record
inline constexpr char kGS = 0x1D;  // separates fields
inline constexpr char kRS = 0x1E;  // separates subfields
inline constexpr char kUS = 0x1F;  // separates information items

// Hostile-input caps: far above any real transaction (NIST samples reach
// ~10 MB; a 1000 ppi palm WSQ a few tens), far below what would exhaust memory.
inline constexpr std::size_t kMaxTransactionBytes = 512u * 1024 * 1024;
inline constexpr std::size_t kMaxRecords = 10000;

struct Subfield {
  std::vector<std::string> items;  // bytes as stored (ASCII, Latin-1 or UTF-8 per 1.015 DCS)
  bool operator==(const Subfield&) const = default;
};

struct Field {
  int recordType = 0;
  int number = 0;            // 1 = LEN, 2 = IDC, 999 = DAT ...
  std::string tagText;       // the tag as written ("9.12") when not the canonical "9.012"; else empty
  bool binary = false;       // image data field (x.999): one subfield, one item, raw bytes
  std::vector<Subfield> subfields;

  // First item of the first subfield ("" when absent): the value of a one-item field.
  const std::string& value() const;
  // Item by position, or nullptr when the field has fewer subfields/items.
  const std::string* item(std::size_t subfield, std::size_t item) const;
  std::string tag() const;  // "9.012" (or the original tagText)
  bool operator==(const Field&) const = default;
};

enum class RecordEncoding { Tagged, Binary };

struct Record {
  int type = 0;
  RecordEncoding encoding = RecordEncoding::Tagged;
  std::vector<Field> fields;              // tagged records
  std::vector<std::uint8_t> binaryBytes;  // binary records (Types 3-8): the whole record, LEN first
  std::size_t sourceOffset = 0;           // where it started in the file read (0 for built records)

  const Field* find(int fieldNumber) const;
  Field* find(int fieldNumber);
  // Sets a one-item field, appending it (before x.999) when missing.
  void set(int fieldNumber, const std::string& value);
  // IDC: x.002 for tagged records, byte 5 for binary ones; -1 when absent or malformed.
  int idc() const;
  bool operator==(const Record&) const = default;
};

struct Transaction {
  std::vector<Record> records;  // records[0] is the Type-1 record
  // Problems that do not stop the transaction from being read, e.g. a CNT
  // count that disagrees with the records present, IDC mismatches, invalid
  // UTF-8 under DCS 3. Each names the record and field.
  std::vector<std::string> warnings;

  const Record* recordWithIdc(int type, int idc) const;
};

// "record 3 (Type-14, offset 1234)": the prefix every message uses.
std::string describeRecord(const Record& record, std::size_t index);

// Parses a whole transaction. Throws InputError naming the record, field and
// byte offset of the first structural error; never returns a partial one.
Transaction readTransaction(const std::vector<std::uint8_t>& bytes);
// Sniffs the leading bytes ("1.001:" or "1.01:").
bool looksLikeAnsiNist(const std::uint8_t* bytes, std::size_t size);

// Serialises a transaction. LEN fields (tagged x.001 and the binary 4-byte
// length) are kept as read when they are right and recomputed when they are
// not, so edited or built records come out consistent and untouched ones
// byte-identical. Throws UsageError when a record cannot be written (e.g. a
// separator inside an item).
std::vector<std::uint8_t> writeTransaction(const Transaction& transaction);

// Rebuilds Type-1 field 1.003 CNT from the records (for built transactions).
void rebuildContentsField(Transaction& transaction);

}  // namespace ridgeline::ansinist
