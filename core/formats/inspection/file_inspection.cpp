// Picks the report by the file's leading bytes, never by its name.
#include "core/formats/inspection/file_inspection.h"

#include <cstdio>

#include "core/formats/ansinist/transaction.h"
#include "core/formats/image/image_codec.h"
#include "core/formats/inspection/reports.h"
#include "core/util/errors.h"

namespace ridgeline {

JsonValue inspectBytes(const std::vector<std::uint8_t>& bytes, const InspectOptions& options) {
  if (bytes.empty()) throw InputError("the file is empty");
  if (ansinist::looksLikeAnsiNist(bytes.data(), bytes.size())) return inspection::ansiNistReport(bytes, options);
  if (bytes.size() >= 4 && bytes[0] == 'F' && bytes[1] == 'M' && bytes[2] == 'R' && bytes[3] == 0)
    return inspection::isoTemplateReport(bytes, options);
  if (sniffImageFormat(bytes) != ImageFormat::Unknown) return inspection::imageReport(bytes, options);
  std::string head;
  for (std::size_t i = 0; i < bytes.size() && i < 8; ++i) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02x", bytes[i]);
    head += buf;
  }
  throw InputError("not a recognised format (ANSI/NIST-ITL, ISO/IEC 19794-2, WSQ, JPEG, JPEG 2000, PNG, TIFF, "
                   "BMP, PGM); the file starts with bytes " + head);
}

}  // namespace ridgeline
