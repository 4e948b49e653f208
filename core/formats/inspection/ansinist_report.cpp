// ANSI/NIST transaction report: every record with its fields (number,
// mnemonic, name, subfields), binary headers, images and Type-9 features.
#include <algorithm>
#include <string>

#include "core/formats/ansinist/field_names.h"
#include "core/formats/ansinist/record_image.h"
#include "core/formats/ansinist/transaction.h"
#include "core/formats/ansinist/type98_audit_log.h"
#include "core/formats/ansinist/type9_features.h"
#include "core/formats/inspection/reports.h"
#include "core/util/errors.h"

namespace ridgeline::inspection {
namespace {

using namespace ansinist;

constexpr std::size_t kSummarySubfields = 6;  // shown per field unless --full

JsonValue fieldReport(const Field& f, bool full) {
  JsonValue j = JsonValue::object();
  j.set("tag", f.tag());
  const FieldName name = fieldName(f.recordType, f.number);
  j.set("mnemonic", std::string(name.mnemonic));
  j.set("name", std::string(name.name));
  if (f.binary) {
    j.set("binaryLength", f.value().size());
    return j;
  }
  j.set("subfieldCount", f.subfields.size());
  JsonValue subs = JsonValue::array();
  const std::size_t shown = full ? f.subfields.size() : std::min(f.subfields.size(), kSummarySubfields);
  for (std::size_t s = 0; s < shown; ++s) {
    JsonValue items = JsonValue::array();
    for (const auto& item : f.subfields[s].items) items.push(item);
    subs.push(std::move(items));
  }
  j.set("subfields", std::move(subs));
  return j;
}

JsonValue binaryHeaderReport(const Transaction& t, std::size_t index) {
  const Record& r = t.records[index];
  JsonValue h = JsonValue::object();
  h.set("layout", std::string(binaryHeaderLayout(r.type)));
  if (r.type >= 3 && r.type <= 6) {
    const BinaryImageHeader b = readBinaryImageHeader(r, index);
    h.set("IMP", b.impressionType);
    JsonValue fgp = JsonValue::array();
    for (int p : b.fingerPositions)
      if (p != 255) fgp.push(p);
    h.set("FGP", std::move(fgp));
    h.set("ISR", b.scanResolution);
    h.set("HLL", b.width);
    h.set("VLL", b.height);
    h.set("CGA", b.compression);
  } else if (r.type == 8) {
    const SignatureHeader s = readSignatureHeader(r, index);
    h.set("SIG", s.signatureType);
    h.set("SRT", s.representation);
    h.set("ISR", s.scanResolution);
    h.set("HLL", s.width);
    h.set("VLL", s.height);
  }
  return h;
}

JsonValue imageReport(const Transaction& t, std::size_t index, const RecordImageInfo& info, bool decode) {
  JsonValue j = JsonValue::object();
  j.set("compression", info.compression);
  j.set("format", formatName(info.format));
  j.set("width", info.width);
  j.set("height", info.height);
  j.set("ppi", info.ppi);
  j.set("bitsPerPixel", info.bitsPerPixel);
  j.set("dataLength", info.data.size());
  if (!info.decodable) {
    j.set("decoded", false);
    j.set("note", info.note);
  } else if (decode) {
    try {
      const GrayImage image = decodeRecordImage(t, index);
      j.set("decoded", true);
      j.set("decodedFormat", formatName(image.sourceFormat));
      j.set("decodedWidth", image.pixels.cols);
      j.set("decodedHeight", image.pixels.rows);
      JsonValue warnings = JsonValue::array();
      for (const auto& w : image.warnings) warnings.push(w);
      j.set("warnings", std::move(warnings));
    } catch (const InputError& e) {
      j.set("decoded", false);
      j.set("error", std::string(e.what()));
    }
  }
  return j;
}

JsonValue featuresReport(const Type9Features& f, bool full) {
  JsonValue j = JsonValue::object();
  j.set("source", f.source);
  j.set("ppi", f.features.ppi);
  j.set("fingerPosition", f.fingerPosition);
  j.set("minutiae", f.features.minutiae.size());
  j.set("cores", f.features.cores.size());
  j.set("deltas", f.features.deltas.size());
  j.set("ridgeCounts", f.ridgeCounts.size());
  if (!f.features.patternClass.empty()) j.set("pattern", f.features.patternClass);
  if (f.features.value != ValueDetermination::Unset) j.set("value", std::string(toCode(f.features.value)));
  if (f.features.clarity)
    j.set("clarityMap", std::to_string(f.features.clarity->cols) + "x" + std::to_string(f.features.clarity->rows));
  if (!f.correspondencePoints.empty()) j.set("correspondencePoints", f.correspondencePoints.size());
  if (!f.pairings.empty()) j.set("pairings", f.pairings.size());
  for (const auto& d : f.determinations)
    j.set("determination", d.code + (d.otherIdc >= 0 ? " against IDC " + std::to_string(d.otherIdc) : ""));
  if (full) {
    JsonValue list = JsonValue::array();
    for (const auto& m : f.features.minutiae)
      list.push(JsonValue::Object{{"x", m.x}, {"y", m.y}, {"directionDegrees", m.direction * 180 / 3.14159265358979},
                                  {"type", std::string(toCode(m.type))}});
    j.set("minutiaList", std::move(list));
  }
  JsonValue notes = JsonValue::array();
  for (const auto& n : f.notes) notes.push(n);
  j.set("notes", std::move(notes));
  return j;
}

JsonValue auditLogReport(const Transaction& t, std::size_t index) {
  JsonValue events = JsonValue::array();
  for (const auto& log : readAuditLogs(t)) {
    if (log.recordIndex != index) continue;
    for (const auto& e : log.entries)
      events.push(JsonValue::Object{{"EVT", e.event}, {"EVR", e.reason}, {"IID", e.information},
                                    {"AGT", e.agent}, {"OLD", e.oldValue}});
  }
  return events;
}

JsonValue recordReport(const Transaction& t, std::size_t index, const InspectOptions& options) {
  const Record& r = t.records[index];
  JsonValue j = JsonValue::object();
  j.set("index", index + 1);
  j.set("type", r.type);
  j.set("typeName", std::string(recordTypeName(r.type)));
  j.set("encoding", r.encoding == RecordEncoding::Binary ? "binary" : "tagged");
  j.set("offset", r.sourceOffset);
  j.set("idc", r.idc());
  if (r.encoding == RecordEncoding::Binary) {
    j.set("length", r.binaryBytes.size());
    j.set("header", binaryHeaderReport(t, index));
  } else {
    JsonValue fields = JsonValue::array();
    for (const Field& f : r.fields) fields.push(fieldReport(f, options.full));
    j.set("fields", std::move(fields));
  }
  if (const auto info = recordImageInfo(t, index)) j.set("image", imageReport(t, index, *info, options.decodeImages));
  if (r.type == 9) {
    try {
      j.set("features", featuresReport(readType9Features(t, index), options.full));
    } catch (const InputError& e) {
      j.set("features", JsonValue::Object{{"error", std::string(e.what())}});
    }
  }
  if (r.type == 98) j.set("auditLog", auditLogReport(t, index));
  return j;
}

}  // namespace

JsonValue ansiNistReport(const std::vector<std::uint8_t>& bytes, const InspectOptions& options) {
  const Transaction t = readTransaction(bytes);
  JsonValue r = JsonValue::object();
  r.set("format", "ANSI/NIST-ITL transaction (traditional encoding)");
  r.set("size", bytes.size());
  r.set("version", t.records[0].find(2) ? t.records[0].find(2)->value() : "");
  r.set("recordCount", t.records.size());
  JsonValue records = JsonValue::array();
  for (std::size_t i = 0; i < t.records.size(); ++i) records.push(recordReport(t, i, options));
  r.set("records", std::move(records));
  JsonValue warnings = JsonValue::array();
  for (const auto& w : t.warnings) warnings.push(w);
  r.set("warnings", std::move(warnings));
  return r;
}

}  // namespace ridgeline::inspection
