// ISO/IEC 19794-2:2005 <-> FeatureSet. Both use pixels with the origin top
// left and angles counter-clockwise from the +x axis as seen on screen, so the
// mapping is a change of units only.
#include <cmath>
#include <numbers>
#include <string>

#include "core/formats/binary_cursor.h"
#include "core/formats/iso/iso19794_2.h"
#include "core/util/errors.h"

namespace ridgeline::iso19794_2 {
namespace {

double angleToRadians(int angle) { return normalizeAngle(angle * kDegreesPerAngleUnit * std::numbers::pi / 180.0); }

int radiansToAngle(double radians) {
  const double units = std::round(normalizeAngle(radians) * 128.0 / std::numbers::pi);
  return static_cast<int>(units) % 256;
}

MinutiaType typeFromCode(int code) {
  if (code == kTypeEnding) return MinutiaType::Ending;
  if (code == kTypeBifurcation) return MinutiaType::Bifurcation;
  return MinutiaType::Unknown;
}

int codeFromType(MinutiaType type) {
  if (type == MinutiaType::Ending) return kTypeEnding;
  if (type == MinutiaType::Bifurcation) return kTypeBifurcation;
  return kTypeOther;
}

// Core/delta area: a byte with the info type (2 bits: 1 = angles present) and
// the count (4 bits), then per core x, y (14 bits each) and an optional angle;
// the same for deltas with three angles each.
void readCoresAndDeltas(const IsoExtendedArea& area, FeatureSet& fs) {
  formats::BinaryCursor in(area.data, "ISO/IEC 19794-2 core/delta extended data area");
  const std::uint8_t coreHeader = in.u8("core information");
  const bool coreAngles = (coreHeader >> 6) == 1;
  for (int i = 0, n = coreHeader & 0x0F; i < n; ++i) {
    Core c;
    c.x = in.u16("core x") & 0x3FFF;
    c.y = in.u16("core y") & 0x3FFF;
    if (coreAngles) c.direction = angleToRadians(in.u8("core angle"));
    fs.cores.push_back(c);
  }
  if (in.atEnd()) return;  // cores only
  const std::uint8_t deltaHeader = in.u8("delta information");
  const bool deltaAngles = (deltaHeader >> 6) == 1;
  for (int i = 0, n = deltaHeader & 0x0F; i < n; ++i) {
    Delta d;
    d.x = in.u16("delta x") & 0x3FFF;
    d.y = in.u16("delta y") & 0x3FFF;
    if (deltaAngles)
      for (int k = 0; k < 3; ++k) d.directions.push_back(angleToRadians(in.u8("delta angle")));
    fs.deltas.push_back(d);
  }
}

int toField(double value, const char* what, int max);

// The core/delta area from the feature set: angles present (info type 1) when
// every core has a direction and every delta three, else positions only.
IsoExtendedArea coreDeltaArea(const FeatureSet& fs) {
  if (fs.cores.size() > 15 || fs.deltas.size() > 15)
    throw UsageError("ISO/IEC 19794-2 writer: at most 15 cores and 15 deltas fit the core/delta area");
  IsoExtendedArea area;
  area.type = kAreaCoreDelta;
  bool coreAngles = !fs.cores.empty(), deltaAngles = !fs.deltas.empty();
  for (const Core& c : fs.cores) coreAngles = coreAngles && c.direction.has_value();
  for (const Delta& d : fs.deltas) deltaAngles = deltaAngles && d.directions.size() == 3;
  auto& out = area.data;
  formats::putU8(out, (coreAngles ? 0x40u : 0u) | static_cast<unsigned>(fs.cores.size()));
  for (const Core& c : fs.cores) {
    formats::putU16(out, static_cast<unsigned>(toField(c.x, "core x", 0x3FFF)));
    formats::putU16(out, static_cast<unsigned>(toField(c.y, "core y", 0x3FFF)));
    if (coreAngles) formats::putU8(out, static_cast<unsigned>(radiansToAngle(*c.direction)));
  }
  formats::putU8(out, (deltaAngles ? 0x40u : 0u) | static_cast<unsigned>(fs.deltas.size()));
  for (const Delta& d : fs.deltas) {
    formats::putU16(out, static_cast<unsigned>(toField(d.x, "delta x", 0x3FFF)));
    formats::putU16(out, static_cast<unsigned>(toField(d.y, "delta y", 0x3FFF)));
    if (deltaAngles)
      for (double a : d.directions) formats::putU8(out, static_cast<unsigned>(radiansToAngle(a)));
  }
  return area;
}

int toField(double value, const char* what, int max) {
  const double r = std::round(value);
  if (!(r >= 0 && r <= max))
    throw UsageError(std::string("ISO/IEC 19794-2 writer: ") + what + " " + std::to_string(value) +
                     " is outside 0.." + std::to_string(max));
  return static_cast<int>(r);
}

}  // namespace

double ppiFromPixelsPerCm(int pixelsPerCm) {
  // Pixels per centimetre carries ~0.5% precision; whole ppi loses nothing and
  // gives back the familiar 500 for 197 px/cm.
  return std::round(pixelsPerCm * 2.54);
}

int pixelsPerCmFromPpi(double ppi) { return static_cast<int>(std::lround(ppi / 2.54)); }

FeatureSet toFeatureSet(const IsoTemplate& record, std::size_t viewIndex) {
  if (viewIndex >= record.views.size())
    throw InputError("ISO/IEC 19794-2 record has " + std::to_string(record.views.size()) + " finger views, no view " +
                     std::to_string(viewIndex + 1));
  const IsoFingerView& view = record.views[viewIndex];
  FeatureSet fs;
  fs.author = FeatureAuthor::LocalMatcher;
  fs.ppi = record.xResolution > 0 ? ppiFromPixelsPerCm(record.xResolution) : 500;
  fs.quality = view.quality <= 100 ? view.quality : -1;
  fs.minutiae.reserve(view.minutiae.size());
  for (const IsoMinutia& m : view.minutiae) {
    Minutia out;
    out.x = m.x;
    out.y = m.y;
    out.direction = angleToRadians(m.angle);
    out.type = typeFromCode(m.type);
    out.quality = (m.quality >= 1 && m.quality <= 100) ? m.quality : -1;
    fs.minutiae.push_back(out);
  }
  for (const auto& area : view.extendedData)
    if (area.type == kAreaCoreDelta) readCoresAndDeltas(area, fs);
  return fs;
}

IsoTemplate fromFeatureSet(const FeatureSet& features, int imageWidth, int imageHeight, int fingerPosition,
                           int impressionType) {
  IsoTemplate t;
  t.width = toField(imageWidth, "image width", 0xFFFF);
  t.height = toField(imageHeight, "image height", 0xFFFF);
  t.xResolution = t.yResolution = toField(pixelsPerCmFromPpi(features.ppi), "resolution (px/cm)", 0xFFFF);
  IsoFingerView view;
  view.fingerPosition = fingerPosition;
  view.impressionType = impressionType;
  view.quality = (features.quality >= 0 && features.quality <= 100) ? features.quality : 0;
  if (features.minutiae.size() > 255)
    throw UsageError("ISO/IEC 19794-2 writer: " + std::to_string(features.minutiae.size()) +
                     " minutiae; a finger view holds at most 255");
  for (const Minutia& m : features.minutiae) {
    IsoMinutia out;
    out.x = toField(m.x, "minutia x", 0x3FFF);
    out.y = toField(m.y, "minutia y", 0x3FFF);
    out.angle = radiansToAngle(m.direction);
    out.type = codeFromType(m.type);
    out.quality = (m.quality >= 1 && m.quality <= 100) ? m.quality : 0;
    view.minutiae.push_back(out);
  }
  if (!features.cores.empty() || !features.deltas.empty()) view.extendedData.push_back(coreDeltaArea(features));
  t.views.push_back(std::move(view));
  return t;
}

}  // namespace ridgeline::iso19794_2
