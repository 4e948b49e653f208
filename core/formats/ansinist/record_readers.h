#pragma once
// Internal to the ANSI/NIST reader: one function per record encoding.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "core/formats/ansinist/transaction.h"

namespace ridgeline::ansinist::detail {

// Reads the tagged record starting at `offset`. expectedType < 0 accepts any
// type (the tag decides). `where` prefixes error messages ("record 3").
// Returns the record; `length` receives its size in bytes (its LEN).
Record readTaggedRecord(std::span<const std::uint8_t> file, std::size_t offset, int expectedType,
                        const std::string& where, std::size_t& length);

// Reads the binary record (Types 3-8) of the given type starting at `offset`.
Record readBinaryRecord(std::span<const std::uint8_t> file, std::size_t offset, int type, const std::string& where,
                        std::size_t& length);

bool isBinaryRecordType(int type);  // 3-8
// Types whose x.999 field holds binary data rather than text.
bool hasBinaryDataField(int type);
// Minimum size of a binary record's fixed header.
std::size_t binaryHeaderSize(int type);

}  // namespace ridgeline::ansinist::detail
