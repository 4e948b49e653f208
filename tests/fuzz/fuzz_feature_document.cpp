// libFuzzer target: the store's feature set document reader (what a damaged
// or hand-edited profile database could hand it). Any input must either decode
// or throw InputError; a decoded set must re-encode to a document that decodes
// to the same set.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/store/feature_document.h"
#include "core/util/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const ridgeline::FeatureSet decoded = ridgeline::store::decodeFeatureDocument(text);
    try {
      const std::string again = ridgeline::store::encodeFeatureDocument(decoded);
      if (!(ridgeline::store::decodeFeatureDocument(again) == decoded)) std::abort();
    } catch (const ridgeline::InputError&) {
      // Decoded text that cannot be re-encoded (e.g. invalid UTF-8 in a name) is refused on save: fine.
    }
  } catch (const ridgeline::InputError&) {
  }
  return 0;
}
