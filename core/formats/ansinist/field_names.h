#pragma once
// Names of record types and fields as ANSI/NIST-ITL 1-2011 (Update 2015)
// gives them, for inspect output and error messages an examiner can read.
#include <string>
#include <string_view>

namespace ridgeline::ansinist {

struct FieldName {
  std::string_view mnemonic;  // "LEN", "IDC", "MIN"... empty when unknown
  std::string_view name;      // "record header", "EFS minutiae"...
};

std::string_view recordTypeName(int type);  // "Transaction information", "Minutiae data"...
FieldName fieldName(int recordType, int fieldNumber);
// Names of the fixed header items of binary records (Types 3-8), in order.
std::string_view binaryHeaderLayout(int recordType);

}  // namespace ridgeline::ansinist
