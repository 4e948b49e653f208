// libFuzzer target: the store's feature set document reader (what a damaged
// or hand-edited profile database could hand it). Any input must either decode
// or throw InputError; a decoded set must re-encode to a document that decodes
// to the same set, and the matcher must take it (minutiae, ridge flow map,
// resolution as stated) or refuse it with InputError, scoring it 0..1 against itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/fingerprint/matcher.h"
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
    try {
      const auto prepared = ridgeline::fingerprint::prepareTemplate(decoded);
      const double score = ridgeline::fingerprint::matchTemplates(prepared, prepared).score;
      if (!(score >= 0 && score <= 1)) std::abort();
    } catch (const ridgeline::InputError&) {
    }
  } catch (const ridgeline::InputError&) {
  }
  return 0;
}
