#include <numbers>

#include "core/formats/inspection/reports.h"
#include "core/formats/iso/iso19794_2.h"

namespace ridgeline::inspection {
namespace {

const char* minutiaTypeName(int code) {
  switch (code) {
    case iso19794_2::kTypeEnding: return "ending";
    case iso19794_2::kTypeBifurcation: return "bifurcation";
    default: return "other";
  }
}

JsonValue viewReport(const iso19794_2::IsoFingerView& v, bool full) {
  JsonValue j = JsonValue::object();
  j.set("fingerPosition", v.fingerPosition);
  j.set("viewNumber", v.viewNumber);
  j.set("impressionType", v.impressionType);
  j.set("quality", v.quality);
  j.set("minutiaeCount", v.minutiae.size());
  JsonValue areas = JsonValue::array();
  for (const auto& a : v.extendedData)
    areas.push(JsonValue::Object{{"type", static_cast<int>(a.type)}, {"length", a.data.size()}});
  j.set("extendedDataAreas", std::move(areas));
  if (full) {
    JsonValue list = JsonValue::array();
    for (const auto& m : v.minutiae)
      list.push(JsonValue::Object{{"x", m.x}, {"y", m.y}, {"angleDegrees", m.angle * iso19794_2::kDegreesPerAngleUnit},
                                  {"type", minutiaTypeName(m.type)}, {"quality", m.quality}});
    j.set("minutiae", std::move(list));
  }
  return j;
}

}  // namespace

JsonValue isoTemplateReport(const std::vector<std::uint8_t>& bytes, const InspectOptions& options) {
  const auto t = iso19794_2::readIso19794_2(bytes);
  JsonValue r = JsonValue::object();
  r.set("format", "ISO/IEC 19794-2:2005 finger minutiae record");
  r.set("size", bytes.size());
  r.set("width", t.width);
  r.set("height", t.height);
  r.set("xResolutionPerCm", t.xResolution);
  r.set("yResolutionPerCm", t.yResolution);
  r.set("ppi", iso19794_2::ppiFromPixelsPerCm(t.xResolution));
  r.set("deviceType", t.deviceType);
  JsonValue views = JsonValue::array();
  for (const auto& v : t.views) views.push(viewReport(v, options.full));
  r.set("views", std::move(views));
  return r;
}

}  // namespace ridgeline::inspection
