// EFS (9.300-9.381) -> FeatureSet and the EFS comparison fields. Positions are
// 10 micrometre units relative to the ROI offset (9.300 EHO, EVO).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "core/formats/ansinist/type9_features.h"
#include "core/formats/ansinist/type9_parsing.h"
#include "core/util/errors.h"

namespace ridgeline::ansinist {
namespace {

using detail::degreesToRadians;
using detail::ItemReader;
using detail::unitsToPixels;

// Cell side of the 9.308 ridge quality map in 10 micrometre units. Our reading
// of EFS; an assumption stated in docs/formats.md and in every reading's notes.
constexpr double kRqmCellUnits = 25;  // 0.25 mm

struct Frame {
  double ppi = 500;
  double originX = 0, originY = 0;  // ROI offset, 10 micrometre units
  Point2 toPixels(double x, double y) const {
    return {unitsToPixels(originX + x, ppi), unitsToPixels(originY + y, ppi)};
  }
};

Frame readRegionOfInterest(const Record& r, std::size_t index, double ppi, FeatureSet& fs) {
  Frame frame{ppi, 0, 0};
  const Field* f = r.find(300);
  if (!f) return frame;
  ItemReader in(r, index, *f);
  const long width = in.requiredInt(0, 0, "EWI");
  const long height = in.requiredInt(0, 1, "EHI");
  frame.originX = static_cast<double>(in.optionalInt(0, 2, "EHO").value_or(0));
  frame.originY = static_cast<double>(in.optionalInt(0, 3, "EVO").value_or(0));
  if (width <= 0 || height <= 0) in.fail(0, 0, "EWI", "ROI width and height must be positive");
  const auto polygon = in.path(0, 4, "ROP");
  if (!polygon.empty()) {
    for (const Point2& p : polygon) fs.regionOfInterest.push_back(frame.toPixels(p.x, p.y));
  } else {
    const double w = static_cast<double>(width), h = static_cast<double>(height);
    for (const Point2& p : {Point2{0, 0}, Point2{w, 0}, Point2{w, h}, Point2{0, h}})
      fs.regionOfInterest.push_back(frame.toPixels(p.x, p.y));
  }
  return frame;
}

void readMinutiae(const Record& r, std::size_t index, const Frame& frame, FeatureSet& fs) {
  const Field* f = r.find(331);
  if (!f) return;
  ItemReader in(r, index, *f);
  for (std::size_t s = 0; s < in.subfieldCount(); ++s) {
    Minutia m;
    const Point2 p = frame.toPixels(static_cast<double>(in.requiredInt(s, 0, "MXC")),
                                    static_cast<double>(in.requiredInt(s, 1, "MYC")));
    m.x = p.x;
    m.y = p.y;
    m.direction = degreesToRadians(static_cast<double>(in.requiredInt(s, 2, "MTD")));
    const std::string& type = in.text(s, 3);
    const auto t = minutiaTypeFromCode(type);
    if (!t) in.fail(s, 3, "MTY", "'" + type + "' is not E, B or X");
    m.type = *t;
    m.positionRadius = unitsToPixels(static_cast<double>(in.optionalInt(s, 4, "MRU").value_or(0)), frame.ppi);
    m.directionUncertainty = degreesToRadians(static_cast<double>(in.optionalInt(s, 5, "MDU").value_or(0)));
    fs.minutiae.push_back(m);
  }
}

void readCoresAndDeltas(const Record& r, std::size_t index, const Frame& frame, FeatureSet& fs) {
  if (const Field* f = r.find(320)) {
    ItemReader in(r, index, *f);
    for (std::size_t s = 0; s < in.subfieldCount(); ++s) {
      Core c;
      const Point2 p = frame.toPixels(static_cast<double>(in.requiredInt(s, 0, "CXC")),
                                      static_cast<double>(in.requiredInt(s, 1, "CYC")));
      c.x = p.x;
      c.y = p.y;
      if (auto d = in.optionalInt(s, 2, "CDI")) c.direction = degreesToRadians(static_cast<double>(*d));
      c.positionRadius = unitsToPixels(static_cast<double>(in.optionalInt(s, 3, "RPU").value_or(0)), frame.ppi);
      fs.cores.push_back(c);
    }
  }
  if (const Field* f = r.find(321)) {
    ItemReader in(r, index, *f);
    for (std::size_t s = 0; s < in.subfieldCount(); ++s) {
      Delta d;
      const Point2 p = frame.toPixels(static_cast<double>(in.requiredInt(s, 0, "DXC")),
                                      static_cast<double>(in.requiredInt(s, 1, "DYC")));
      d.x = p.x;
      d.y = p.y;
      const char* names[] = {"DUP", "DLF", "DRT"};
      for (std::size_t k = 0; k < 3; ++k)
        if (auto a = in.optionalInt(s, 2 + k, names[k])) d.directions.push_back(degreesToRadians(static_cast<double>(*a)));
      d.positionRadius = unitsToPixels(static_cast<double>(in.optionalInt(s, 6, "RPU").value_or(0)), frame.ppi);
      fs.deltas.push_back(d);
    }
  }
}

void readQualityMap(const Record& r, std::size_t index, double ppi, Type9Features& out) {
  const Field* f = r.find(308);
  if (!f) return;
  ItemReader in(r, index, *f);
  ClarityMap map;
  map.rows = static_cast<int>(in.subfieldCount());
  for (std::size_t s = 0; s < in.subfieldCount(); ++s)
    map.cols = std::max(map.cols, static_cast<int>(in.text(s, 0).size()));
  if (static_cast<long long>(map.rows) * map.cols > 4'000'000) in.fail(0, 0, "RQM", "map larger than 4 million cells");
  map.levels.assign(static_cast<std::size_t>(map.rows) * static_cast<std::size_t>(map.cols), 0);
  for (std::size_t s = 0; s < in.subfieldCount(); ++s) {
    const std::string& row = in.text(s, 0);
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (row[c] < '0' || row[c] > '5') in.fail(s, 0, "RQM", std::string("cell value '") + row[c] + "' is not 0-5");
      map.levels[s * static_cast<std::size_t>(map.cols) + c] = static_cast<std::uint8_t>(row[c] - '0');
    }
  }
  map.blockSize = std::max(1, static_cast<int>(std::lround(unitsToPixels(kRqmCellUnits, ppi))));
  out.features.clarity = std::move(map);
  out.notes.push_back("9.308 RQM cells read as 0.25 mm squares (" +
                      std::to_string(out.features.clarity->blockSize) + " px) from the ROI origin");
}

void readAssessment(const Record& r, std::size_t index, Type9Features& out) {
  const Field* f = r.find(353);
  if (!f) return;
  ItemReader in(r, index, *f);
  EfsAssessment a;
  a.valueCode = in.text(0, 0);
  if (a.valueCode == "VALUE") a.value = ValueDetermination::Value;
  else if (a.valueCode == "LIMITED") a.value = ValueDetermination::LimitedValue;
  else if (a.valueCode == "NOVALUE" || a.valueCode == "NONPRINT") a.value = ValueDetermination::NoValue;
  else in.fail(0, 0, "AAV", "'" + a.valueCode + "' is not VALUE, LIMITED, NOVALUE or NONPRINT");
  a.examiner = {in.text(0, 1), in.text(0, 2), in.text(0, 3), in.text(0, 4)};
  a.comment = in.text(0, 5);
  out.features.value = a.value;
  out.assessment = std::move(a);
}

void readComparisonFields(const Record& r, std::size_t index, const Frame& frame, Type9Features& out) {
  if (const Field* f = r.find(360)) {
    ItemReader in(r, index, *f);
    for (std::size_t s = 0; s < in.subfieldCount(); ++s) {
      EfsAreaOfCorrespondence area;
      // IDC of the other image, then the closed path.
      area.otherIdc = static_cast<int>(in.optionalInt(s, 0, "IDC").value_or(-1));
      for (const Point2& p : in.path(s, 1, "path")) area.polygon.push_back(frame.toPixels(p.x, p.y));
      out.areasOfCorrespondence.push_back(std::move(area));
    }
  }
  if (const Field* f = r.find(361)) {
    ItemReader in(r, index, *f);
    for (std::size_t s = 0; s < in.subfieldCount(); ++s) {
      EfsCorrespondencePoint p;
      p.label = in.text(s, 0);
      if (p.label.empty()) in.fail(s, 0, "label", "missing");
      p.typeCode = in.text(s, 1);
      const auto type = correspondenceTypeFromCode(p.typeCode);
      if (!type) in.fail(s, 1, "type", "'" + p.typeCode + "' is not D, P, DNE, OOR or UNC");
      p.type = *type;
      std::string fieldText = in.text(s, 2);
      if (fieldText.rfind("9.", 0) == 0) fieldText = fieldText.substr(2);
      if (!fieldText.empty()) {
        auto [end, ec] = std::from_chars(fieldText.data(), fieldText.data() + fieldText.size(), p.fieldNumber);
        if (ec != std::errc() || end != fieldText.data() + fieldText.size())
          in.fail(s, 2, "field number", "'" + in.text(s, 2) + "' is not a Type-9 field number");
      }
      if (auto occurrence = in.optionalInt(s, 3, "feature number")) p.featureIndex = static_cast<int>(*occurrence) - 1;
      auto x = in.optionalInt(s, 4, "X");
      auto y = in.optionalInt(s, 5, "Y");
      if (x && y) p.position = frame.toPixels(static_cast<double>(*x), static_cast<double>(*y));
      out.correspondencePoints.push_back(std::move(p));
    }
  }
  if (const Field* f = r.find(362)) {
    ItemReader in(r, index, *f);
    for (std::size_t s = 0; s < in.subfieldCount(); ++s) {
      EfsDetermination d;
      d.otherIdc = static_cast<int>(in.optionalInt(s, 0, "IDC").value_or(-1));
      d.code = in.text(s, 1);
      if (d.code == "IND" || d.code == "IDENT") d.decision = "identification";
      else if (d.code == "EXC" || d.code == "EXCL") d.decision = "exclusion";
      else if (d.code == "INC" || d.code == "INCL") d.decision = "inconclusive";
      else out.notes.push_back("9.362 ECD subfield " + std::to_string(s + 1) + ": determination code '" + d.code +
                               "' kept as written, not mapped");
      d.status = in.text(s, 2);
      d.examiner = {in.text(s, 3), in.text(s, 4), in.text(s, 5), in.text(s, 6)};
      d.comment = in.text(s, 7);
      out.determinations.push_back(std::move(d));
    }
  }
}

void readPositionAndPattern(const Record& r, std::size_t index, Type9Features& out) {
  if (const Field* f = r.find(301)) {
    ItemReader in(r, index, *f);
    if (auto d = in.optionalInt(0, 0, "EOD")) out.orientation = degreesToRadians(static_cast<double>(*d));
  }
  if (const Field* f = r.find(302)) {
    ItemReader in(r, index, *f);
    out.fingerPosition = static_cast<int>(in.requiredInt(0, 0, "FGP"));
  }
  if (const Field* f = r.find(307)) out.features.patternClass = ItemReader(r, index, *f).text(0, 0);
}

}  // namespace

bool hasEfsBlock(const Record& r) {
  for (const Field& f : r.fields)
    if (f.number >= 300 && f.number <= 399) return true;
  return false;
}

void readEfsBlock(const Record& r, std::size_t index, const ImageGeometry& g, Type9Features& out) {
  const double ppi = g.ppi > 0 ? g.ppi : 500;
  out.features.ppi = ppi;
  const Frame frame = readRegionOfInterest(r, index, ppi, out.features);
  readPositionAndPattern(r, index, out);
  readMinutiae(r, index, frame, out.features);
  readCoresAndDeltas(r, index, frame, out.features);
  readQualityMap(r, index, ppi, out);
  readAssessment(r, index, out);
  readComparisonFields(r, index, frame, out);
  if (const Field* f = r.find(333)) {
    ItemReader in(r, index, *f);
    for (std::size_t s = 0; s < in.subfieldCount(); ++s)
      out.ridgeCounts.push_back({static_cast<int>(in.requiredInt(s, 0, "MIA")) - 1,
                                 static_cast<int>(in.requiredInt(s, 1, "MIB")) - 1,
                                 static_cast<int>(in.requiredInt(s, 2, "MIR"))});
  }
}

}  // namespace ridgeline::ansinist
