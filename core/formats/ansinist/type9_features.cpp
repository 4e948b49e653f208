// Chooses which Type-9 block to read and where its geometry comes from.
#include "core/formats/ansinist/type9_features.h"

#include <string>

#include "core/formats/ansinist/record_image.h"
#include "core/formats/ansinist/type9_parsing.h"
#include "core/util/errors.h"

namespace ridgeline::ansinist {

ImageGeometry associatedImageGeometry(const Transaction& t, std::size_t index) {
  // One pass, keeping the most preferred type seen: a transaction may hold
  // thousands of records, and this runs once per Type-9 record.
  static constexpr int kPreference[] = {13, 14, 4, 15, 3, 6};
  const int idc = t.records[index].idc();
  std::size_t best = t.records.size();
  int bestRank = 6;
  for (std::size_t i = 0; i < t.records.size() && bestRank > 0; ++i) {
    const int type = t.records[i].type;
    for (int rank = 0; rank < bestRank; ++rank)
      if (kPreference[rank] == type && t.records[i].idc() == idc) {
        best = i;
        bestRank = rank;
        break;
      }
  }
  if (best == t.records.size()) return {};
  const auto info = recordImageInfo(t, best);
  return info ? ImageGeometry{info->ppi, info->width, info->height} : ImageGeometry{};
}

Type9Features readType9Features(const Transaction& t, std::size_t index) {
  if (index >= t.records.size() || t.records[index].type != 9)
    throw InputError("ANSI/NIST record " + std::to_string(index + 1) + " is not a Type-9 minutiae record");
  const Record& r = t.records[index];
  Type9Features out;
  out.recordIndex = index;
  out.idc = r.idc();
  const ImageGeometry g = associatedImageGeometry(t, index);
  out.imageWidth = g.width;
  out.imageHeight = g.height;
  if (g.ppi <= 0 && (hasEfsBlock(r) || hasLegacyBlock(r)))
    out.notes.push_back("no image record with IDC " + std::to_string(out.idc) +
                        " states a resolution: 500 ppi assumed for 10 micrometre units");

  const bool efs = hasEfsBlock(r), incits = hasIncits378Block(r), legacy = hasLegacyBlock(r);
  if (efs) {
    out.source = "EFS";
    readEfsBlock(r, index, g, out);
  } else if (incits) {
    out.source = "INCITS 378";
    readIncits378Block(r, index, out);
  } else if (legacy) {
    out.source = "legacy IAFIS";
    readLegacyBlock(r, index, g, out);
  } else {
    out.source = "none";
    out.notes.push_back("no standard minutiae block (EFS, INCITS 378 or legacy 9.012); vendor fields kept as read");
  }
  if (efs && (incits || legacy)) out.notes.push_back("record also holds INCITS 378 or legacy minutiae; EFS shown");
  else if (incits && legacy) out.notes.push_back("record also holds legacy 9.012 minutiae; INCITS 378 shown");
  readPairingField(r, index, out);
  return out;
}

// 9.255 (non-standard; Ridgeline's own pairing of minutiae between this
// record and another Type-9 record): one subfield per pair, items
//   label, this record's minutia (1-based, 0 = none), the other record's
//   minutia (1-based, 0 = none), correspondence type (D, P, DNE, OOR, UNC;
//   default D), the other record's IDC (optional).
void readPairingField(const Record& r, std::size_t index, Type9Features& out) {
  const Field* f = r.find(255);
  if (!f) return;
  detail::ItemReader in(r, index, *f);
  for (std::size_t s = 0; s < in.subfieldCount(); ++s) {
    Correspondence c;
    c.label = static_cast<int>(in.requiredInt(s, 0, "label"));
    c.probeMinutia = static_cast<int>(in.requiredInt(s, 1, "this record's minutia")) - 1;
    c.candidateMinutia = static_cast<int>(in.requiredInt(s, 2, "other record's minutia")) - 1;
    if (c.probeMinutia < -1 || c.candidateMinutia < -1) in.fail(s, 1, "minutia", "negative minutia number");
    if (c.probeMinutia >= static_cast<int>(out.features.minutiae.size()) && !out.features.minutiae.empty())
      in.fail(s, 1, "this record's minutia",
              "minutia " + std::to_string(c.probeMinutia + 1) + " does not exist (record has " +
                  std::to_string(out.features.minutiae.size()) + ")");
    const std::string& type = in.text(s, 3);
    if (!type.empty()) {
      const auto t = correspondenceTypeFromCode(type);
      if (!t) in.fail(s, 3, "type", "'" + type + "' is not D, P, DNE, OOR or UNC");
      c.type = *t;
    }
    if (auto idc = in.optionalInt(s, 4, "other IDC")) out.pairingOtherIdc = static_cast<int>(*idc);
    out.pairings.push_back(c);
  }
}

std::vector<Correspondence> correspondencesByLabel(const Type9Features& probe, const Type9Features& candidate) {
  std::vector<Correspondence> result;
  int nextLabel = 1;
  for (const auto& p : probe.correspondencePoints) {
    for (const auto& c : candidate.correspondencePoints) {
      if (c.label != p.label) continue;
      Correspondence out;
      try {
        out.label = std::stoi(p.label);
      } catch (const std::exception&) {
        out.label = nextLabel;  // letters are allowed as labels; number them in order
      }
      ++nextLabel;
      out.probeMinutia = p.fieldNumber == 331 ? p.featureIndex : -1;
      out.candidateMinutia = c.fieldNumber == 331 ? c.featureIndex : -1;
      out.type = p.type;
      result.push_back(out);
      break;
    }
  }
  return result;
}

}  // namespace ridgeline::ansinist
