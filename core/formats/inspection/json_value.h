#pragma once
// A small ordered JSON value for reports (inspect --json): keys keep their
// insertion order so output is stable and diffable, and strings holding
// bytes that are not UTF-8 are escaped, never emitted broken.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ridgeline {

class JsonValue {
 public:
  using Array = std::vector<JsonValue>;
  using Object = std::vector<std::pair<std::string, JsonValue>>;

  JsonValue() = default;  // null
  JsonValue(bool b) : v_(b) {}
  JsonValue(int n) : v_(static_cast<double>(n)) {}
  JsonValue(long n) : v_(static_cast<double>(n)) {}
  JsonValue(long long n) : v_(static_cast<double>(n)) {}
  JsonValue(unsigned long n) : v_(static_cast<double>(n)) {}
  JsonValue(unsigned long long n) : v_(static_cast<double>(n)) {}
  JsonValue(double d) : v_(d) {}
  JsonValue(const char* s) : v_(std::string(s)) {}
  JsonValue(std::string s) : v_(std::move(s)) {}
  JsonValue(Array a) : v_(std::move(a)) {}
  JsonValue(Object o) : v_(std::move(o)) {}

  static JsonValue object() { return JsonValue(Object{}); }
  static JsonValue array() { return JsonValue(Array{}); }

  // Object: appends (or replaces) a key. Array: appends.
  JsonValue& set(const std::string& key, JsonValue value);
  JsonValue& push(JsonValue value);

  bool isNull() const { return std::holds_alternative<std::monostate>(v_); }
  const JsonValue* get(const std::string& key) const;  // nullptr when absent or not an object
  const Array* asArray() const { return std::get_if<Array>(&v_); }
  const Object* asObject() const { return std::get_if<Object>(&v_); }
  const std::string* asString() const { return std::get_if<std::string>(&v_); }
  const double* asNumber() const { return std::get_if<double>(&v_); }
  const bool* asBool() const { return std::get_if<bool>(&v_); }

  std::string dump(int indent = 2) const;

 private:
  void dumpTo(std::string& out, int indent, int depth) const;
  std::variant<std::monostate, bool, double, std::string, Array, Object> v_;
};

// JSON string literal of bytes: valid UTF-8 passes through, other bytes
// become \u00XX (read as Latin-1), control characters are escaped.
std::string jsonQuote(const std::string& bytes);

}  // namespace ridgeline
