#include "core/hub/protocol/case_payload.h"

#include <cmath>
#include <cstdio>

#include "core/formats/ansinist/record_image.h"
#include "core/formats/ansinist/type9_features.h"
#include "core/util/errors.h"

namespace ridgeline::hub {
namespace {

using ansinist::Field;
using ansinist::Record;
using ansinist::Transaction;

constexpr int kProbeIdc = 1;

std::string scoreText(double score) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", score);
  return text;
}

Field textField(int type, int number, const std::string& value) { return Field{type, number, {}, false, {{{value}}}}; }

// Type-10 facial image record (the builder writes Types 13/14 only).
Record faceRecord(int idc, const ansinist::EncodedImage& image) {
  Record r;
  r.type = 10;
  r.fields = {textField(10, 1, "0"),
              textField(10, 2, (idc < 10 ? "0" : "") + std::to_string(idc)),
              textField(10, 3, "FACE"),
              textField(10, 4, "RIDGELINEHUB"),
              textField(10, 5, "20260101"),
              textField(10, 6, std::to_string(image.width)),
              textField(10, 7, std::to_string(image.height)),
              textField(10, 8, "0"),  // SLC 0: no scale, pixel aspect only
              textField(10, 9, "1"),
              textField(10, 10, "1"),
              textField(10, 11, ansinist::compressionCodeFor(image.format)),
              textField(10, 12, image.bitsPerPixel == 8 ? "GRAY" : "YCC")};
  r.fields.push_back(Field{10, 999, {}, true, {{{std::string(image.bytes.begin(), image.bytes.end())}}}});
  return r;
}

Field candidateList(const SearchResult& s, const std::vector<int>& idcs) {
  Field f{2, 10, {}, false, {}};
  for (size_t i = 0; i < s.candidates.size(); ++i) {
    const auto& c = s.candidates[i];
    f.subfields.push_back({{std::to_string(c.rank), c.subjectId, scoreText(c.score), std::to_string(idcs[i])}});
  }
  return f;
}

std::vector<std::pair<int, std::string>> searchFields(const SearchResult& s) {
  return {{3, s.hubId}, {4, std::string(toCode(s.modality))}, {5, scoreText(s.threshold)}, {6, s.scoreSource},
          {7, std::to_string(kProbeIdc)}};
}

}  // namespace

BuiltPayload buildCasePayload(const SearchResult& s) {
  if (s.candidates.empty()) throw UsageError("case " + s.hubId + ": a search result needs at least one candidate");
  ansinist::TransactionBuilder builder({.typeOfTransaction = "SRE", .destinationAgency = "RIDGELINE",
                                        .originatingAgency = "RIDGELINEHUB", .controlNumber = s.hubId});
  builder.addUserDefinedText(searchFields(s));  // IDC 0
  BuiltPayload out;
  Transaction t;
  if (s.modality == Modality::Face) {
    t = builder.build();
    t.records.push_back(faceRecord(kProbeIdc, s.probe.image));
    out.probeRecord = kProbeIdc;
    for (size_t i = 0; i < s.candidates.size(); ++i) {
      const int idc = kProbeIdc + 1 + static_cast<int>(i);
      t.records.push_back(faceRecord(idc, s.candidates[i].image.image));
      out.candidateRecords.push_back(idc);
    }
  } else {
    out.probeRecord = builder.addLatentImage(s.probe.image, s.probe.fingerPosition);
    if (out.probeRecord != kProbeIdc) throw UsageError("ANSI/NIST builder gave the probe IDC " + std::to_string(out.probeRecord));
    if (s.probe.features) builder.addFeatures(out.probeRecord, *s.probe.features, {.impressionType = 4});
    for (const auto& c : s.candidates) {
      const int idc = builder.addFingerprintImage(c.image.image, c.image.fingerPosition);
      if (c.image.features) builder.addFeatures(idc, *c.image.features);
      out.candidateRecords.push_back(idc);
    }
    t = builder.build();
  }
  // The candidate list names image IDCs, known only now.
  for (Record& r : t.records)
    if (r.type == 2) r.fields.push_back(candidateList(s, out.candidateRecords));
  ansinist::rebuildContentsField(t);
  out.bytes = ansinist::writeTransaction(t);
  return out;
}

namespace {

const Record& type2(const Transaction& t) {
  for (const Record& r : t.records)
    if (r.type == 2) return r;
  throw InputError("the payload has no Type-2 record with the search and its candidate list");
}

std::string type2Value(const Record& r, int field) {
  const Field* f = r.find(field);
  if (!f || f->value().empty()) throw InputError("Type-2 field 2." + std::string(field < 10 ? "00" : "0") + std::to_string(field) + " is missing");
  return f->value();
}

size_t imageRecordIndex(const Transaction& t, int idc, const std::vector<int>& types, const std::string& what) {
  for (size_t i = 0; i < t.records.size(); ++i)
    for (int type : types)
      if (t.records[i].type == type && t.records[i].idc() == idc) return i;
  throw InputError("the payload has no image record with IDC " + std::to_string(idc) + " for the " + what);
}

ReceivedImpression readImpression(const Transaction& t, size_t index, const std::string& what) {
  auto info = ansinist::recordImageInfo(t, index);
  if (!info || !info->decodable) throw InputError(ansinist::describeRecord(t.records[index], index) + " (" + what + ") carries no decodable image");
  // Decoding proves the image is whole: a truncated or corrupt codestream fails here, before anything is stored.
  const GrayImage decoded = ansinist::decodeRecordImage(t, index);
  ReceivedImpression out;
  out.impression.width = decoded.pixels.cols;
  out.impression.height = decoded.pixels.rows;
  // Face records usually state no scale (Type-10 SLC 0); the store needs one,
  // so they get the nominal kUnscaledPpi, which nothing measures with.
  out.impression.ppi = info->ppi > 0 ? info->ppi : (decoded.ppi > 0 ? decoded.ppi : kUnscaledPpi);
  out.impression.sourceFormat = formatName(info->format);
  out.impression.fingerPosition = info->fingerPosition;
  out.bytes.assign(info->data.begin(), info->data.end());
  for (size_t i = 0; i < t.records.size(); ++i)
    if (t.records[i].type == 9 && t.records[i].idc() == t.records[index].idc())
      out.hubFeatures = ansinist::readType9Features(t, i).features;
  return out;
}

double parseScore(const std::string& text, const std::string& what) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(v)) throw InputError(what + " is not a number: '" + text.substr(0, 40) + "'");
  return v;
}

}  // namespace

ReceivedPayload readCasePayload(const std::vector<std::uint8_t>& bytes, const CaseSummary& summary) {
  const Transaction t = ansinist::readTransaction(bytes);
  const Record& search = type2(t);
  const std::string hubId = type2Value(search, 3);
  if (hubId != summary.entry.hubId)
    throw InputError("the payload is for case '" + hubId.substr(0, 64) + "', not " + summary.entry.hubId);
  if (type2Value(search, 4) != toCode(summary.entry.modality))
    throw InputError("the payload's modality (2.004) disagrees with the case summary");
  const bool face = summary.entry.modality == Modality::Face;
  const std::vector<int> probeTypes = face ? std::vector<int>{10} : std::vector<int>{13, 14, 4};
  const std::vector<int> candidateTypes = face ? std::vector<int>{10} : std::vector<int>{14, 4, 13};

  ReceivedPayload out;
  out.probe = readImpression(t, imageRecordIndex(t, summary.probeRecord, probeTypes, "probe"), "probe");
  out.probe.impression.role = ImpressionRole::Probe;

  const Field* list = search.find(10);
  if (!list) throw InputError("Type-2 field 2.010 (candidate list) is missing");
  if (list->subfields.size() != summary.candidates.size())
    throw InputError("the payload lists " + std::to_string(list->subfields.size()) + " candidates, the summary " +
                     std::to_string(summary.candidates.size()));
  for (size_t i = 0; i < summary.candidates.size(); ++i) {
    const CandidateSummary& expected = summary.candidates[i];
    const auto& items = list->subfields[i].items;
    const std::string what = "candidate " + std::to_string(i + 1) + " in field 2.010";
    if (items.size() < 4) throw InputError(what + " needs rank, subject id, score and image IDC");
    if (items[0] != std::to_string(expected.rank) || items[1] != expected.subjectId || items[3] != std::to_string(expected.imageRecord))
      throw InputError(what + " (" + items[1].substr(0, 64) + ") disagrees with the case summary");
    ReceivedImpression c = readImpression(t, imageRecordIndex(t, expected.imageRecord, candidateTypes, what), what);
    c.impression.role = ImpressionRole::Candidate;
    c.impression.rank = expected.rank;
    c.impression.subjectId = expected.subjectId;
    c.impression.hubScore = parseScore(items[2], what + " score");
    out.candidates.push_back(std::move(c));
  }
  return out;
}

}  // namespace ridgeline::hub
