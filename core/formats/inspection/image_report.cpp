#include "core/formats/image/image_codec.h"
#include "core/formats/inspection/reports.h"

namespace ridgeline::inspection {

JsonValue imageReport(const std::vector<std::uint8_t>& bytes, const InspectOptions&) {
  const ImageFormat format = sniffImageFormat(bytes);
  JsonValue r = JsonValue::object();
  r.set("format", formatName(format));
  r.set("size", bytes.size());
  const GrayImage image = decodeImage(bytes, format);
  r.set("width", image.pixels.cols);
  r.set("height", image.pixels.rows);
  r.set("ppi", image.ppi);
  JsonValue warnings = JsonValue::array();
  for (const auto& w : image.warnings) warnings.push(w);
  r.set("warnings", std::move(warnings));
  return r;
}

}  // namespace ridgeline::inspection
