#pragma once
// Reads JSON from the other side of the wire (hub answers on the client,
// request bodies on the reference hub) as hostile input: the text is size-
// and depth-capped before parsing, and every field is type- and range-checked
// with an InputError naming its path ("items[3].priority: ...").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <Poco/JSON/Object.h>

namespace ridgeline::hub {

inline constexpr size_t kMaxJsonNesting = 32;

class JsonReader {
 public:
  // Parses text that must be one JSON object of at most maxBytes.
  static JsonReader parseObject(std::string_view text, size_t maxBytes);

  bool has(const std::string& key) const;
  std::string string(const std::string& key, size_t maxLength) const;
  std::optional<std::string> optionalString(const std::string& key, size_t maxLength) const;
  std::int64_t integer(const std::string& key, std::int64_t min, std::int64_t max) const;
  double number(const std::string& key) const;  // finite
  bool boolean(const std::string& key) const;
  JsonReader object(const std::string& key) const;
  std::vector<JsonReader> objects(const std::string& key, size_t maxItems) const;  // an array of objects

  const std::string& path() const { return path_; }
  const Poco::JSON::Object::Ptr& raw() const { return object_; }

 private:
  JsonReader(Poco::JSON::Object::Ptr object, std::string path) : object_(std::move(object)), path_(std::move(path)) {}
  std::string where(const std::string& key) const;
  [[noreturn]] void fail(const std::string& key, const std::string& problem) const;

  Poco::JSON::Object::Ptr object_;
  std::string path_;
};

// Compact JSON text of an object (keys in insertion order when the object preserves it).
std::string toJsonText(const Poco::JSON::Object& object);
// An object that keeps keys in the order they were set.
Poco::JSON::Object::Ptr orderedObject();

}  // namespace ridgeline::hub
