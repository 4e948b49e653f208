// libFuzzer target for the WSQ decoder. Any input must end in a decoded
// image or an InputError; anything else (crash, sanitizer report, other
// exception, hang) is a finding. Decoded images are re-encoded and decoded
// once more so the encoder sees odd sizes and contents too.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/formats/wsq/wsq.h"
#include "core/util/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ridgeline::DecodeLimits limits;
  limits.maxPixels = 4'000'000;  // keeps each run fast; the cap itself is exercised
  try {
    const auto decoded = ridgeline::wsq::decodeWsq(std::span<const std::uint8_t>(data, size), limits);
    if (decoded.pixels.total() <= 70'000) {  // re-encoding big images would slow the search
      const auto again = ridgeline::wsq::encodeWsq(decoded.pixels);
      (void)ridgeline::wsq::decodeWsq(again, limits);
    }
  } catch (const ridgeline::InputError&) {
  }
  return 0;
}
