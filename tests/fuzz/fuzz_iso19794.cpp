// libFuzzer target for the ISO/IEC 19794-2:2005 reader: any input ends in a
// template or an InputError; a template read writes back byte-identical and
// maps to a FeatureSet.
#include <cstdint>
#include <algorithm>
#include <cstdlib>
#include <span>

#include "core/formats/iso/iso19794_2.h"
#include "core/util/errors.h"

using namespace ridgeline;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> bytes(data, size);
  iso19794_2::IsoTemplate t;
  try {
    t = iso19794_2::readIso19794_2(bytes);
  } catch (const InputError&) {
    return 0;
  }
  const auto written = iso19794_2::writeIso19794_2(t);
  if (written.size() != size || !std::equal(written.begin(), written.end(), data)) std::abort();
  for (std::size_t v = 0; v < t.views.size(); ++v) {
    try {
      (void)iso19794_2::toFeatureSet(t, v);
    } catch (const InputError&) {
    }
  }
  return 0;
}
