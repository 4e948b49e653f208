#include "core/hub/protocol/json_reader.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>

#include <cmath>
#include <sstream>

#include "core/util/errors.h"

namespace ridgeline::hub {
namespace {

// Poco's parser recurses per nesting level; refuse deep nesting before it does.
void checkNesting(std::string_view text) {
  size_t depth = 0;
  bool inString = false, escaped = false;
  for (char c : text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonNesting) throw InputError("JSON nested deeper than " + std::to_string(kMaxJsonNesting) + " levels");
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
}

}  // namespace

JsonReader JsonReader::parseObject(std::string_view text, size_t maxBytes) {
  if (text.size() > maxBytes)
    throw InputError("JSON of " + std::to_string(text.size()) + " bytes is over the limit of " + std::to_string(maxBytes));
  if (text.empty()) throw InputError("empty body where a JSON object was expected");
  checkNesting(text);
  Poco::Dynamic::Var parsed;
  try {
    Poco::JSON::Parser parser;
    parsed = parser.parse(std::string(text));
  } catch (const Poco::Exception& e) {
    throw InputError("not valid JSON (" + e.displayText() + ")");
  }
  if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) throw InputError("JSON is not an object");
  return JsonReader(parsed.extract<Poco::JSON::Object::Ptr>(), "");
}

std::string JsonReader::where(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

void JsonReader::fail(const std::string& key, const std::string& problem) const {
  throw InputError("field '" + where(key) + "' " + problem);
}

bool JsonReader::has(const std::string& key) const { return object_->has(key) && !object_->isNull(key); }

std::optional<std::string> JsonReader::optionalString(const std::string& key, size_t maxLength) const {
  if (!has(key)) return std::nullopt;
  const Poco::Dynamic::Var v = object_->get(key);
  if (!v.isString()) fail(key, "must be a string");
  std::string s = v.extract<std::string>();
  if (s.size() > maxLength) fail(key, "is longer than " + std::to_string(maxLength) + " bytes");
  return s;
}

std::string JsonReader::string(const std::string& key, size_t maxLength) const {
  auto s = optionalString(key, maxLength);
  if (!s) fail(key, "is missing");
  return *s;
}

std::int64_t JsonReader::integer(const std::string& key, std::int64_t min, std::int64_t max) const {
  if (!has(key)) fail(key, "is missing");
  const Poco::Dynamic::Var v = object_->get(key);
  if (!v.isInteger() || v.isBoolean()) fail(key, "must be an integer");
  std::int64_t n = 0;
  try {
    n = v.convert<std::int64_t>();
  } catch (const Poco::Exception&) {
    fail(key, "is out of range");
  }
  if (n < min || n > max) fail(key, "must be from " + std::to_string(min) + " to " + std::to_string(max) + ", not " + std::to_string(n));
  return n;
}

double JsonReader::number(const std::string& key) const {
  if (!has(key)) fail(key, "is missing");
  const Poco::Dynamic::Var v = object_->get(key);
  if (!v.isNumeric() || v.isBoolean()) fail(key, "must be a number");
  const double d = v.convert<double>();
  if (!std::isfinite(d)) fail(key, "must be a finite number");
  return d;
}

bool JsonReader::boolean(const std::string& key) const {
  if (!has(key)) fail(key, "is missing");
  const Poco::Dynamic::Var v = object_->get(key);
  if (!v.isBoolean()) fail(key, "must be true or false");
  return v.extract<bool>();
}

JsonReader JsonReader::object(const std::string& key) const {
  if (!has(key)) fail(key, "is missing");
  Poco::JSON::Object::Ptr o = object_->getObject(key);
  if (!o) fail(key, "must be an object");
  return JsonReader(o, where(key));
}

std::vector<JsonReader> JsonReader::objects(const std::string& key, size_t maxItems) const {
  if (!has(key)) fail(key, "is missing");
  Poco::JSON::Array::Ptr a = object_->getArray(key);
  if (!a) fail(key, "must be an array");
  if (a->size() > maxItems) fail(key, "has " + std::to_string(a->size()) + " entries, more than " + std::to_string(maxItems));
  std::vector<JsonReader> out;
  for (unsigned i = 0; i < a->size(); ++i) {
    Poco::JSON::Object::Ptr o = a->getObject(i);
    const std::string itemPath = where(key) + "[" + std::to_string(i) + "]";
    if (!o) throw InputError("field '" + itemPath + "' must be an object");
    out.push_back(JsonReader(o, itemPath));
  }
  return out;
}

std::string toJsonText(const Poco::JSON::Object& object) {
  std::ostringstream out;
  object.stringify(out);
  return out.str();
}

Poco::JSON::Object::Ptr orderedObject() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

}  // namespace ridgeline::hub
