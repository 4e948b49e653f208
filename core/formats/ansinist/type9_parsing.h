#pragma once
// Internal to the Type-9 mapping: reading numbers and paths out of items with
// errors that say exactly where ("record 3 (Type-9, offset 212), field 9.331
// MIN, subfield 4, item 2 (MYC)").
#include <optional>
#include <string>
#include <vector>

#include "core/formats/ansinist/transaction.h"
#include "core/model/feature_set.h"

namespace ridgeline::ansinist::detail {

class ItemReader {
 public:
  ItemReader(const Record& record, std::size_t recordIndex, const Field& field);

  std::size_t subfieldCount() const { return field_.subfields.size(); }
  std::size_t itemCount(std::size_t sub) const { return field_.subfields[sub].items.size(); }
  // The item's text, or "" when absent.
  const std::string& text(std::size_t sub, std::size_t item) const;
  // Integer item; nullopt when absent or empty; InputError when not a number.
  std::optional<long> optionalInt(std::size_t sub, std::size_t item, const char* name) const;
  long requiredInt(std::size_t sub, std::size_t item, const char* name) const;
  // "X1,Y1-X2,Y2-..." path of integer vertices (EFS paths, 7.7.12.1).
  std::vector<Point2> path(std::size_t sub, std::size_t item, const char* name) const;
  [[noreturn]] void fail(std::size_t sub, std::size_t item, const char* name, const std::string& message) const;

 private:
  const Record& record_;
  std::size_t recordIndex_;
  const Field& field_;
};

// 10-micrometre units to pixels at ppi.
inline double unitsToPixels(double units, double ppi) { return units * ppi / 2540.0; }
inline long pixelsToUnits(double pixels, double ppi) { return static_cast<long>(pixels * 2540.0 / ppi + 0.5); }
double degreesToRadians(double degrees);
long radiansToDegrees(double radians);  // 0-359

}  // namespace ridgeline::ansinist::detail
