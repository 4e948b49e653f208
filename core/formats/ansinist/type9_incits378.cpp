// The INCITS 378 block of Type-9 (9.126-9.150): pixel coordinates with the
// origin top left, minutia angles in 2-degree units, resolution from
// 9.130 SLC / 9.131 THPS.
#include <cmath>
#include <string>

#include "core/formats/ansinist/type9_features.h"
#include "core/formats/ansinist/type9_parsing.h"

namespace ridgeline::ansinist {
namespace {

using detail::ItemReader;

constexpr double kDegreesPerUnit = 2.0;

double readResolution(const Record& r, std::size_t index, Type9Features& out) {
  const Field* slc = r.find(130);
  const Field* thps = r.find(131);
  if (!slc || !thps) {
    out.notes.push_back("INCITS 378 block without 9.130 SLC / 9.131 THPS: 500 ppi assumed");
    return 500;
  }
  const long units = ItemReader(r, index, *slc).requiredInt(0, 0, "SLC");
  const long scale = ItemReader(r, index, *thps).requiredInt(0, 0, "THPS");
  if (units == 1 && scale > 0) return static_cast<double>(scale);
  if (units == 2 && scale > 0) return std::round(static_cast<double>(scale) * 2.54);
  out.notes.push_back("INCITS 378 block states no usable scale (SLC " + std::to_string(units) + "): 500 ppi assumed");
  return 500;
}

MinutiaType typeFromCode(long code) {
  if (code == 1) return MinutiaType::Ending;
  if (code == 2) return MinutiaType::Bifurcation;
  return MinutiaType::Unknown;
}

}  // namespace

bool hasIncits378Block(const Record& r) { return r.find(137) != nullptr || r.find(136) != nullptr; }

void readIncits378Block(const Record& r, std::size_t index, Type9Features& out) {
  FeatureSet& fs = out.features;
  fs.ppi = readResolution(r, index, out);
  if (const Field* f = r.find(128)) out.imageWidth = static_cast<int>(ItemReader(r, index, *f).requiredInt(0, 0, "HLL"));
  if (const Field* f = r.find(129)) out.imageHeight = static_cast<int>(ItemReader(r, index, *f).requiredInt(0, 0, "VLL"));
  if (const Field* f = r.find(134)) out.fingerPosition = static_cast<int>(ItemReader(r, index, *f).requiredInt(0, 0, "FGP"));
  if (const Field* f = r.find(135)) {
    const long q = ItemReader(r, index, *f).requiredInt(0, 0, "FQD");
    fs.quality = (q >= 0 && q <= 100) ? static_cast<int>(q) : -1;
  }
  if (const Field* f = r.find(137)) {
    ItemReader in(r, index, *f);
    for (std::size_t s = 0; s < in.subfieldCount(); ++s) {
      Minutia m;
      m.x = static_cast<double>(in.requiredInt(s, 1, "X"));
      m.y = static_cast<double>(in.requiredInt(s, 2, "Y"));
      const long theta = in.requiredInt(s, 3, "theta");
      if (theta < 0 || theta > 179) in.fail(s, 3, "theta", "outside 0-179 (2-degree units)");
      m.direction = detail::degreesToRadians(static_cast<double>(theta) * kDegreesPerUnit);
      m.type = typeFromCode(in.requiredInt(s, 4, "type"));
      const long q = in.optionalInt(s, 5, "quality").value_or(0);
      m.quality = (q >= 1 && q <= 100) ? static_cast<int>(q) : -1;
      fs.minutiae.push_back(m);
    }
  }
  if (const Field* f = r.find(138)) {
    ItemReader in(r, index, *f);
    // First subfield: the ridge count extraction method; then index pairs.
    for (std::size_t s = 1; s < in.subfieldCount(); ++s)
      out.ridgeCounts.push_back({static_cast<int>(in.requiredInt(s, 0, "index 1")) - 1,
                                 static_cast<int>(in.requiredInt(s, 1, "index 2")) - 1,
                                 static_cast<int>(in.requiredInt(s, 2, "count"))});
  }
  if (const Field* f = r.find(139)) {
    ItemReader in(r, index, *f);
    for (std::size_t s = 0; s < in.subfieldCount(); ++s) {
      Core c;
      c.x = static_cast<double>(in.requiredInt(s, 0, "X"));
      c.y = static_cast<double>(in.requiredInt(s, 1, "Y"));
      if (auto a = in.optionalInt(s, 2, "angle"))
        c.direction = detail::degreesToRadians(static_cast<double>(*a) * kDegreesPerUnit);
      fs.cores.push_back(c);
    }
  }
  if (const Field* f = r.find(140)) {
    ItemReader in(r, index, *f);
    for (std::size_t s = 0; s < in.subfieldCount(); ++s) {
      Delta d;
      d.x = static_cast<double>(in.requiredInt(s, 0, "X"));
      d.y = static_cast<double>(in.requiredInt(s, 1, "Y"));
      if (auto a = in.optionalInt(s, 2, "angle"))
        d.directions.push_back(detail::degreesToRadians(static_cast<double>(*a) * kDegreesPerUnit));
      fs.deltas.push_back(d);
    }
  }
}

}  // namespace ridgeline::ansinist
