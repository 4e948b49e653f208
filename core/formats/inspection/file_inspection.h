#pragma once
// What a file is and what is inside it, for `ridgeline-cli inspect` and any
// screen that wants the same answer: ANSI/NIST-ITL transactions (records,
// fields with numbers and names, images, Type-9 features), ISO/IEC 19794-2
// templates, and images the shared codec knows (WSQ, JPEG, JPEG 2000, PNG...).
#include <cstdint>
#include <string>
#include <vector>

#include "core/formats/inspection/json_value.h"

namespace ridgeline {

struct InspectOptions {
  bool decodeImages = true;  // decode every image to prove it reads and report its size
  bool full = false;         // every subfield and minutia, not a summary
};

// A structured report (the --json output). Throws InputError when the bytes
// are not a recognised format or are malformed (message names where).
JsonValue inspectBytes(const std::vector<std::uint8_t>& bytes, const InspectOptions& options = {});

// The same report as an indented, readable tree.
std::string renderInspectionText(const JsonValue& report);

}  // namespace ridgeline
