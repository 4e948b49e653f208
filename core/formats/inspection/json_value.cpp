#include "core/formats/inspection/json_value.h"

#include <cmath>
#include <cstdio>

namespace ridgeline {
namespace {

// Length of the valid UTF-8 sequence at s[i], 0 when invalid.
std::size_t utf8Length(const std::string& s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || s.size() - i < n) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
  return n;
}

void newline(std::string& out, int indent, int depth) {
  if (indent <= 0) return;
  out.push_back('\n');
  out.append(static_cast<std::size_t>(indent * depth), ' ');
}

}  // namespace

std::string jsonQuote(const std::string& s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    char buf[8];
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
      ++i;
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
      ++i;
    } else if (std::size_t n = utf8Length(s, i); n > 0) {
      out.append(s, i, n);
      i += n;
    } else {
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
      ++i;
    }
  }
  out.push_back('"');
  return out;
}

JsonValue& JsonValue::set(const std::string& key, JsonValue value) {
  if (!std::holds_alternative<Object>(v_)) v_ = Object{};
  auto& o = std::get<Object>(v_);
  for (auto& [k, v] : o)
    if (k == key) return v = std::move(value);
  o.emplace_back(key, std::move(value));
  return o.back().second;
}

JsonValue& JsonValue::push(JsonValue value) {
  if (!std::holds_alternative<Array>(v_)) v_ = Array{};
  auto& a = std::get<Array>(v_);
  a.push_back(std::move(value));
  return a.back();
}

const JsonValue* JsonValue::get(const std::string& key) const {
  const Object* o = asObject();
  if (!o) return nullptr;
  for (const auto& [k, v] : *o)
    if (k == key) return &v;
  return nullptr;
}

std::string JsonValue::dump(int indent) const {
  std::string out;
  dumpTo(out, indent, 0);
  return out;
}

void JsonValue::dumpTo(std::string& out, int indent, int depth) const {
  if (isNull()) {
    out += "null";
  } else if (const bool* b = asBool()) {
    out += *b ? "true" : "false";
  } else if (const double* d = asNumber()) {
    char buf[32];
    if (!std::isfinite(*d)) out += "null";
    else if (*d == std::floor(*d) && std::abs(*d) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", *d), out += buf;
    else std::snprintf(buf, sizeof buf, "%.6g", *d), out += buf;
  } else if (const std::string* s = asString()) {
    out += jsonQuote(*s);
  } else if (const Array* a = asArray()) {
    out.push_back('[');
    for (std::size_t i = 0; i < a->size(); ++i) {
      if (i) out.push_back(',');
      newline(out, indent, depth + 1);
      (*a)[i].dumpTo(out, indent, depth + 1);
    }
    if (!a->empty()) newline(out, indent, depth);
    out.push_back(']');
  } else if (const Object* o = asObject()) {
    out.push_back('{');
    for (std::size_t i = 0; i < o->size(); ++i) {
      if (i) out.push_back(',');
      newline(out, indent, depth + 1);
      out += jsonQuote((*o)[i].first);
      out += indent > 0 ? ": " : ":";
      (*o)[i].second.dumpTo(out, indent, depth + 1);
    }
    if (!o->empty()) newline(out, indent, depth);
    out.push_back('}');
  }
}

}  // namespace ridgeline
