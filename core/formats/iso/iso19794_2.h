#pragma once
// ISO/IEC 19794-2:2005 finger minutiae record ("FMR\0", version " 20\0"):
// the record exactly as stored (so a read-write cycle is byte-identical), and
// its mapping to the workstation's FeatureSet.
//
// Layout (all integers big-endian):
//   record header, 24 bytes: format id "FMR\0", version " 20\0", record
//     length (4), capture equipment certification (4 bits) + device type
//     (12 bits), image width (2), height (2), x / y resolution in pixels per
//     centimetre (2 + 2), number of finger views (1), reserved (1);
//   per finger view: finger position (1), view number (4 bits) + impression
//     type (4 bits), finger quality (1), number of minutiae (1), then 6 bytes
//     per minutia: type (2 bits) + x (14 bits), reserved (2 bits) + y
//     (14 bits), angle in units of 360/256 degrees (1), quality (1); then the
//     extended data block: its length (2, 0 = none) and typed areas, each
//     type (2) + length (2) + data.
#include <cstdint>
#include <span>
#include <vector>

#include "core/model/feature_set.h"

namespace ridgeline::iso19794_2 {

// Minutia type codes of the 2-bit field.
enum : int { kTypeOther = 0, kTypeEnding = 1, kTypeBifurcation = 2 };
// Extended data area types defined by the standard.
enum : std::uint16_t { kAreaRidgeCount = 0x0001, kAreaCoreDelta = 0x0002 };

inline constexpr double kDegreesPerAngleUnit = 360.0 / 256.0;  // 1.40625
inline constexpr std::size_t kHeaderSize = 24;
// Far above any real template (255 views x 255 minutiae x 6 bytes + extended
// data), so a hostile length field cannot make us reserve gigabytes.
inline constexpr std::size_t kMaxRecordSize = 16 * 1024 * 1024;

struct IsoMinutia {
  int type = kTypeOther;  // 2-bit code
  int x = 0, y = 0;       // pixels, 14 bits each
  int angle = 0;          // 0-255, counter-clockwise from +x, 1.40625 degrees per unit
  int quality = 0;        // 0-100; 0 = not reported
  int reservedBits = 0;   // the 2 bits above y, kept so a round trip is exact
  bool operator==(const IsoMinutia&) const = default;
};

struct IsoExtendedArea {
  std::uint16_t type = 0;
  std::vector<std::uint8_t> data;
  bool operator==(const IsoExtendedArea&) const = default;
};

struct IsoFingerView {
  int fingerPosition = 0;  // ANSI/NIST FGP codes (0 unknown, 1-10 fingers)
  int viewNumber = 0;      // 4 bits
  int impressionType = 0;  // 4 bits: 0 live plain, 1 live rolled, 2 non-live plain, 3 non-live rolled, ...
  int quality = 0;         // 0-100
  std::vector<IsoMinutia> minutiae;
  std::vector<IsoExtendedArea> extendedData;
  bool operator==(const IsoFingerView&) const = default;
};

struct IsoTemplate {
  int certificationFlag = 0;  // 4 bits
  int deviceType = 0;         // 12 bits
  int width = 0, height = 0;  // pixels
  int xResolution = 197, yResolution = 197;  // pixels per centimetre (197 ~ 500 ppi)
  int reserved = 0;
  std::vector<IsoFingerView> views;
  bool operator==(const IsoTemplate&) const = default;
};

// True when the bytes start with the ISO/IEC 19794-2:2005 magic and version.
bool looksLikeIso19794_2(std::span<const std::uint8_t> bytes);

// Parses a whole record. Throws InputError naming the view, minutia or area
// and the byte offset when the record is malformed; never returns part of one.
IsoTemplate readIso19794_2(std::span<const std::uint8_t> bytes);

// Serialises a record; throws UsageError when a value does not fit its field
// (e.g. x beyond 14 bits, more than 255 minutiae) instead of truncating it.
std::vector<std::uint8_t> writeIso19794_2(const IsoTemplate& record);

// Resolution conversions: ISO stores pixels per centimetre.
double ppiFromPixelsPerCm(int pixelsPerCm);
int pixelsPerCmFromPpi(double ppi);

// One finger view as a FeatureSet: positions in pixels, direction in radians
// (angle x 1.40625 degrees), ppi from the x resolution, ending/bifurcation
// from the type code, quality 1-100 kept and 0 read as "not reported" (-1).
// Cores and deltas come from a core/delta extended data area when present.
FeatureSet toFeatureSet(const IsoTemplate& record, std::size_t viewIndex = 0);

// A one-view record from a FeatureSet (the extractor's output). Minutiae with
// negative coordinates or beyond 14 bits are a UsageError, never clipped.
IsoTemplate fromFeatureSet(const FeatureSet& features, int imageWidth, int imageHeight, int fingerPosition = 0,
                           int impressionType = 0);

}  // namespace ridgeline::iso19794_2
