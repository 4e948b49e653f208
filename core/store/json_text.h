#pragma once
// Small, deterministic JSON text for what the store hashes and keeps: audit
// details, feature set documents, outbox payloads. Keys come out in the order
// written and numbers in their shortest round-trip form, so the same value
// always gives the same bytes (and the same SHA-256).
#include <cstdint>
#include <string>
#include <string_view>

namespace ridgeline::store {

class JsonWriter {
 public:
  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& beginArray();
  JsonWriter& endArray();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  JsonWriter& raw(std::string_view json);  // an already valid JSON value
  const std::string& str() const { return out_; }

 private:
  void separate();
  std::string out_;
  bool needComma_ = false;
};

// Throws InputError for text that is not valid UTF-8: what the store writes
// as JSON must read back, in this build and any other tool.
std::string jsonQuote(std::string_view text);
bool isValidUtf8(std::string_view text);

// Throws InputError naming `what` unless text is one JSON object.
void requireJsonObject(std::string_view text, std::string_view what);

}  // namespace ridgeline::store
