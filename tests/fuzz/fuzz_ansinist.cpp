// libFuzzer target for the ANSI/NIST-ITL reader and everything layered on it
// (Type-9 mapping, record image headers, inspection report). Any input must
// end in a transaction or an InputError; a transaction read must write back
// byte-identical.
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "core/formats/ansinist/record_image.h"
#include "core/formats/ansinist/transaction.h"
#include "core/formats/ansinist/type98_audit_log.h"
#include "core/formats/ansinist/type9_features.h"
#include "core/formats/inspection/file_inspection.h"
#include "core/util/errors.h"

using namespace ridgeline;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::uint8_t> bytes(data, data + size);
  ansinist::Transaction t;
  try {
    t = ansinist::readTransaction(bytes);
  } catch (const InputError&) {
    return 0;
  }
  if (ansinist::writeTransaction(t) != bytes) std::abort();  // read-write must be lossless
  for (std::size_t i = 0; i < t.records.size(); ++i) {
    try {
      if (t.records[i].type == 9) (void)ansinist::readType9Features(t, i);
      (void)ansinist::recordImageInfo(t, i);
    } catch (const InputError&) {
    }
  }
  (void)ansinist::readAuditLogs(t);
  try {
    InspectOptions options;
    options.decodeImages = false;  // the codecs have their own fuzz targets
    (void)renderInspectionText(inspectBytes(bytes, options));
  } catch (const InputError&) {
  }
  return 0;
}
