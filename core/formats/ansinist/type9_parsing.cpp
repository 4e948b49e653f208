#include "core/formats/ansinist/type9_parsing.h"

#include <charconv>
#include <cmath>
#include <numbers>

#include "core/formats/ansinist/field_names.h"
#include "core/util/errors.h"

namespace ridgeline::ansinist::detail {
namespace {
const std::string kEmpty;
}

ItemReader::ItemReader(const Record& record, std::size_t recordIndex, const Field& field)
    : record_(record), recordIndex_(recordIndex), field_(field) {}

const std::string& ItemReader::text(std::size_t sub, std::size_t item) const {
  const std::string* v = field_.item(sub, item);
  return v ? *v : kEmpty;
}

void ItemReader::fail(std::size_t sub, std::size_t item, const char* name, const std::string& message) const {
  const FieldName fn = fieldName(record_.type, field_.number);
  throw InputError("ANSI/NIST " + describeRecord(record_, recordIndex_) + ", field " + field_.tag() +
                   (fn.mnemonic.empty() ? "" : " " + std::string(fn.mnemonic)) + ", subfield " +
                   std::to_string(sub + 1) + ", item " + std::to_string(item + 1) + " (" + name + "): " + message);
}

std::optional<long> ItemReader::optionalInt(std::size_t sub, std::size_t item, const char* name) const {
  const std::string& v = text(sub, item);
  if (v.empty()) return std::nullopt;
  long n = 0;
  const char* begin = v.data() + (v[0] == '+' ? 1 : 0);
  auto [p, ec] = std::from_chars(begin, v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size() || n < -100000000 || n > 100000000)
    fail(sub, item, name, "'" + v + "' is not a whole number");
  return n;
}

long ItemReader::requiredInt(std::size_t sub, std::size_t item, const char* name) const {
  auto v = optionalInt(sub, item, name);
  if (!v) fail(sub, item, name, "missing");
  return *v;
}

std::vector<Point2> ItemReader::path(std::size_t sub, std::size_t item, const char* name) const {
  const std::string& v = text(sub, item);
  std::vector<Point2> points;
  std::size_t pos = 0;
  while (pos < v.size()) {
    const std::size_t dash = std::min(v.find('-', pos), v.size());
    const std::string vertex = v.substr(pos, dash - pos);
    const std::size_t comma = vertex.find(',');
    long x = 0, y = 0;
    bool ok = comma != std::string::npos;
    if (ok) {
      auto rx = std::from_chars(vertex.data(), vertex.data() + comma, x);
      auto ry = std::from_chars(vertex.data() + comma + 1, vertex.data() + vertex.size(), y);
      ok = rx.ec == std::errc() && rx.ptr == vertex.data() + comma && ry.ec == std::errc() &&
           ry.ptr == vertex.data() + vertex.size() && x >= 0 && y >= 0;
    }
    if (!ok) fail(sub, item, name, "vertex '" + vertex + "' is not X,Y with whole non-negative numbers");
    if (points.size() >= 100000) fail(sub, item, name, "more than 100000 vertices");
    points.push_back({static_cast<double>(x), static_cast<double>(y)});
    pos = dash + 1;
  }
  return points;
}

double degreesToRadians(double degrees) { return normalizeAngle(degrees * std::numbers::pi / 180.0); }

long radiansToDegrees(double radians) {
  return std::lround(normalizeAngle(radians) * 180.0 / std::numbers::pi) % 360;
}

}  // namespace ridgeline::ansinist::detail
