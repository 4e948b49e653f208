// Renders an inspection report as an indented tree for people. Knows the
// report's shape (format, records, fields, views) and falls back to
// key: value lines for anything else.
#include <cstdio>
#include <string>

#include "core/formats/inspection/file_inspection.h"

namespace ridgeline {
namespace {

// Printable form of an item: separators and control bytes made visible.
std::string printable(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out.size() > 200 ? out.substr(0, 200) + "..." : out;
}

std::string scalar(const JsonValue& v) {
  if (const std::string* s = v.asString()) return printable(*s);
  if (const bool* b = v.asBool()) return *b ? "yes" : "no";
  if (v.isNull()) return "-";
  std::string d = v.dump(0);
  return d;
}

std::string str(const JsonValue& obj, const char* key) {
  const JsonValue* v = obj.get(key);
  return v ? scalar(*v) : "";
}

void line(std::string& out, int depth, const std::string& text) {
  out.append(static_cast<std::size_t>(depth) * 2, ' ');
  out += text;
  out.push_back('\n');
}

void renderObject(std::string& out, const JsonValue& obj, int depth, const std::vector<std::string>& skip = {});

void renderValue(std::string& out, const std::string& key, const JsonValue& v, int depth) {
  if (const auto* a = v.asArray()) {
    if (a->empty()) return;
    bool scalars = true;
    for (const auto& e : *a) scalars = scalars && !e.asArray() && !e.asObject();
    if (scalars) {
      std::string joined;
      for (const auto& e : *a) joined += (joined.empty() ? "" : ", ") + scalar(e);
      line(out, depth, key + ": " + joined);
      return;
    }
    line(out, depth, key + ":");
    for (const auto& e : *a) {
      if (e.asObject()) renderObject(out, e, depth + 1);
      else line(out, depth + 1, scalar(e));
    }
  } else if (v.asObject()) {
    line(out, depth, key + ":");
    renderObject(out, v, depth + 1);
  } else {
    line(out, depth, key + ": " + scalar(v));
  }
}

void renderObject(std::string& out, const JsonValue& obj, int depth, const std::vector<std::string>& skip) {
  for (const auto& [k, v] : *obj.asObject()) {
    bool skipped = false;
    for (const auto& s : skip) skipped = skipped || s == k;
    if (!skipped) renderValue(out, k, v, depth);
  }
}

std::string fieldLine(const JsonValue& f) {
  std::string text = str(f, "tag");
  const std::string mnemonic = str(f, "mnemonic"), name = str(f, "name");
  if (!mnemonic.empty()) text += " " + mnemonic;
  if (!name.empty()) text += " (" + name + ")";
  text += ": ";
  if (const JsonValue* len = f.get("binaryLength")) return text + scalar(*len) + " bytes of binary data";
  const auto* subs = f.get("subfields")->asArray();
  std::string value;
  for (std::size_t s = 0; s < subs->size(); ++s) {
    if (s) value += " | ";
    const auto* items = (*subs)[s].asArray();
    for (std::size_t i = 0; i < items->size(); ++i) value += (i ? " / " : "") + scalar((*items)[i]);
  }
  const double total = *f.get("subfieldCount")->asNumber();
  if (total > static_cast<double>(subs->size()))
    value += " ... (" + scalar(*f.get("subfieldCount")) + " subfields; --full shows all)";
  return text + value;
}

void renderRecord(std::string& out, const JsonValue& r) {
  const std::string idc = str(r, "idc") == "-1" ? "" : ", IDC " + str(r, "idc");
  line(out, 1, "record " + str(r, "index") + ": Type-" + str(r, "type") + " " + str(r, "typeName") + " [" +
                   str(r, "encoding") + ", offset " + str(r, "offset") + idc + "]");
  if (const JsonValue* fields = r.get("fields"))
    for (const auto& f : *fields->asArray()) line(out, 2, fieldLine(f));
  renderObject(out, r, 2, {"index", "type", "typeName", "encoding", "offset", "idc", "fields"});
}

}  // namespace

std::string renderInspectionText(const JsonValue& report) {
  std::string out;
  line(out, 0, str(report, "format"));
  if (const JsonValue* records = report.get("records")) {
    renderObject(out, report, 1, {"format", "records", "warnings"});
    for (const auto& r : *records->asArray()) renderRecord(out, r);
    renderValue(out, "warnings", *report.get("warnings"), 1);
    return out;
  }
  renderObject(out, report, 1, {"format"});
  return out;
}

}  // namespace ridgeline
