// Writes the EFS fields from model types. The ROI is the whole image with
// offset 0, so EFS coordinates are the image's own in 10 micrometre units.
#include "core/formats/ansinist/type9_efs_writer.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "core/formats/ansinist/type9_parsing.h"
#include "core/util/errors.h"

namespace ridgeline::ansinist {
namespace {

using detail::pixelsToUnits;
using detail::radiansToDegrees;

constexpr double kRqmCellUnits = 25;  // must match type9_efs_mapping.cpp

std::string units(double pixels, double ppi, const std::string& what) {
  if (!(pixels >= 0) || !std::isfinite(pixels))
    throw UsageError("Type-9 EFS writer: " + what + " " + std::to_string(pixels) + " is outside the image");
  return std::to_string(pixelsToUnits(pixels, ppi));
}

Field field(int number, std::vector<Subfield> subfields) { return Field{9, number, {}, false, std::move(subfields)}; }

std::string path(const std::vector<Point2>& points, double ppi) {
  std::string out;
  for (const Point2& p : points) {
    if (!out.empty()) out += '-';
    out += units(p.x, ppi, "ROI vertex x") + "," + units(p.y, ppi, "ROI vertex y");
  }
  return out;
}

Field regionOfInterest(const FeatureSet& fs, const Type9Options& o) {
  Subfield s{{units(o.imageWidth, fs.ppi, "image width"), units(o.imageHeight, fs.ppi, "image height"), "0", "0"}};
  if (!fs.regionOfInterest.empty()) s.items.push_back(path(fs.regionOfInterest, fs.ppi));
  return field(300, {s});
}

std::string optionalUnits(double pixels, double ppi) {
  return pixels > 0 ? std::to_string(pixelsToUnits(pixels, ppi)) : std::string();
}

Field minutiae(const FeatureSet& fs) {
  std::vector<Subfield> subs;
  for (std::size_t i = 0; i < fs.minutiae.size(); ++i) {
    const Minutia& m = fs.minutiae[i];
    const std::string where = "minutia " + std::to_string(i + 1);
    Subfield s{{units(m.x, fs.ppi, where + " x"), units(m.y, fs.ppi, where + " y"),
                std::to_string(radiansToDegrees(m.direction)), std::string(toCode(m.type))}};
    const std::string mru = optionalUnits(m.positionRadius, fs.ppi);
    const std::string mdu = m.directionUncertainty > 0 ? std::to_string(radiansToDegrees(m.directionUncertainty)) : "";
    if (!mru.empty() || !mdu.empty()) s.items.insert(s.items.end(), {mru, mdu});
    while (!s.items.empty() && s.items.back().empty()) s.items.pop_back();
    subs.push_back(std::move(s));
  }
  return field(331, std::move(subs));
}

Field cores(const FeatureSet& fs) {
  std::vector<Subfield> subs;
  for (const Core& c : fs.cores) {
    Subfield s{{units(c.x, fs.ppi, "core x"), units(c.y, fs.ppi, "core y"),
                c.direction ? std::to_string(radiansToDegrees(*c.direction)) : "", optionalUnits(c.positionRadius, fs.ppi)}};
    while (!s.items.empty() && s.items.back().empty()) s.items.pop_back();
    subs.push_back(std::move(s));
  }
  return field(320, std::move(subs));
}

Field deltas(const FeatureSet& fs) {
  std::vector<Subfield> subs;
  for (const Delta& d : fs.deltas) {
    if (d.directions.size() > 3) throw UsageError("Type-9 EFS writer: a delta has more than three directions");
    Subfield s{{units(d.x, fs.ppi, "delta x"), units(d.y, fs.ppi, "delta y"), "", "", "", "", optionalUnits(d.positionRadius, fs.ppi)}};
    for (std::size_t k = 0; k < d.directions.size(); ++k) s.items[2 + k] = std::to_string(radiansToDegrees(d.directions[k]));
    while (!s.items.empty() && s.items.back().empty()) s.items.pop_back();
    subs.push_back(std::move(s));
  }
  return field(321, std::move(subs));
}

// The clarity map resampled (nearest cell centre) onto the RQM grid.
Field qualityMap(const ClarityMap& map, const FeatureSet& fs, const Type9Options& o) {
  const double cellPx = detail::unitsToPixels(kRqmCellUnits, fs.ppi);
  const int cols = static_cast<int>(std::ceil(o.imageWidth / cellPx));
  const int rows = static_cast<int>(std::ceil(o.imageHeight / cellPx));
  std::vector<Subfield> subs;
  for (int r = 0; r < rows; ++r) {
    std::string row;
    for (int c = 0; c < cols; ++c) {
      const int mc = static_cast<int>(((c + 0.5) * cellPx) / map.blockSize);
      const int mr = static_cast<int>(((r + 0.5) * cellPx) / map.blockSize);
      const int level = (mc < map.cols && mr < map.rows) ? map.at(mc, mr) : 0;
      if (level > 5) throw UsageError("Type-9 EFS writer: clarity level " + std::to_string(level) + " is not 0-5");
      row.push_back(static_cast<char>('0' + level));
    }
    subs.push_back({{row}});
  }
  return field(308, std::move(subs));
}

Field assessment(const EfsAssessment& a) {
  const std::string code = !a.valueCode.empty() ? a.valueCode : std::string(toCode(a.value));
  if (code.empty()) throw UsageError("Type-9 EFS writer: 9.353 EAA needs a value assessment");
  return field(353, {{{code, a.examiner.surname, a.examiner.givenName, a.examiner.affiliation, a.examiner.time, a.comment}}});
}

Field correspondencePoints(const std::vector<EfsCorrespondencePoint>& points, double ppi) {
  std::vector<Subfield> subs;
  for (const auto& p : points) {
    Subfield s{{p.label, p.typeCode.empty() ? std::string(toCode(p.type)) : p.typeCode,
                p.fieldNumber ? std::to_string(p.fieldNumber) : "",
                p.featureIndex >= 0 ? std::to_string(p.featureIndex + 1) : "",
                p.position ? units(p.position->x, ppi, "CPF x") : "", p.position ? units(p.position->y, ppi, "CPF y") : ""}};
    while (!s.items.empty() && s.items.back().empty()) s.items.pop_back();
    subs.push_back(std::move(s));
  }
  return field(361, std::move(subs));
}

Field determinations(const std::vector<EfsDetermination>& list) {
  std::vector<Subfield> subs;
  for (const auto& d : list) {
    std::string code = d.code;
    if (code.empty()) code = d.decision == "identification" ? "IND" : d.decision == "exclusion" ? "EXC" : "INC";
    subs.push_back({{d.otherIdc >= 0 ? std::to_string(d.otherIdc) : "", code, d.status, d.examiner.surname,
                     d.examiner.givenName, d.examiner.affiliation, d.examiner.time, d.comment}});
  }
  return field(362, std::move(subs));
}

Field pairings(const std::vector<Correspondence>& list, int otherIdc) {
  std::vector<Subfield> subs;
  for (const auto& c : list) {
    Subfield s{{std::to_string(c.label), std::to_string(c.probeMinutia + 1), std::to_string(c.candidateMinutia + 1),
                std::string(toCode(c.type))}};
    if (otherIdc >= 0) s.items.push_back(std::to_string(otherIdc));
    subs.push_back(std::move(s));
  }
  return field(255, std::move(subs));
}

}  // namespace

Record makeType9EfsRecord(int idc, const FeatureSet& fs, const Type9Options& o) {
  if (o.imageWidth <= 0 || o.imageHeight <= 0)
    throw UsageError("Type-9 EFS writer: the image size is needed for 9.300 ROI");
  if (!(fs.ppi > 0)) throw UsageError("Type-9 EFS writer: the feature set has no resolution (ppi)");
  Record r;
  r.type = 9;
  r.fields.push_back(field(1, {{{"0"}}}));  // LEN: computed by the writer
  char idcText[16];
  std::snprintf(idcText, sizeof idcText, "%02d", idc);
  r.fields.push_back(field(2, {{{idcText}}}));
  r.fields.push_back(field(3, {{{std::to_string(o.impressionType)}}}));
  r.fields.push_back(field(4, {{{"U"}}}));  // FMT U: features in the EFS block, not legacy 9.005-9.012
  if (!o.pairings.empty()) r.fields.push_back(pairings(o.pairings, o.pairingOtherIdc));
  r.fields.push_back(regionOfInterest(fs, o));
  if (o.fingerPosition > 0) r.fields.push_back(field(302, {{{std::to_string(o.fingerPosition)}}}));
  if (!fs.patternClass.empty()) r.fields.push_back(field(307, {{{fs.patternClass}}}));
  if (fs.clarity) r.fields.push_back(qualityMap(*fs.clarity, fs, o));
  if (!fs.cores.empty()) r.fields.push_back(cores(fs));
  else r.fields.push_back(field(325, {{{"Y"}}}));  // NCOR: analysed, none present
  if (!fs.deltas.empty()) r.fields.push_back(deltas(fs));
  else r.fields.push_back(field(326, {{{"Y"}}}));
  if (!fs.minutiae.empty()) r.fields.push_back(minutiae(fs));
  else r.fields.push_back(field(334, {{{"Y"}}}));
  if (o.assessment) r.fields.push_back(assessment(*o.assessment));
  else if (fs.value != ValueDetermination::Unset)
    r.fields.push_back(assessment(EfsAssessment{std::string(toCode(fs.value)), fs.value, {fs.authorName, "", "", ""}, ""}));
  if (!o.correspondencePoints.empty()) r.fields.push_back(correspondencePoints(o.correspondencePoints, fs.ppi));
  if (!o.determinations.empty()) r.fields.push_back(determinations(o.determinations));
  return r;
}

std::vector<EfsCorrespondencePoint> correspondencePointsFor(const std::vector<Correspondence>& list, bool probeSide) {
  std::vector<EfsCorrespondencePoint> out;
  for (const auto& c : list) {
    EfsCorrespondencePoint p;
    p.label = std::to_string(c.label);
    p.type = c.type;
    p.typeCode = std::string(toCode(c.type));
    const int minutia = probeSide ? c.probeMinutia : c.candidateMinutia;
    if (minutia >= 0) {
      p.fieldNumber = 331;
      p.featureIndex = minutia;
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace ridgeline::ansinist
