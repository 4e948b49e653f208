// Legacy IAFIS minutiae (9.005-9.012, ANSI/NIST-ITL 1-2007): positions in
// 10 micrometre units from the image's lower-left corner, y upward; theta in
// degrees counter-clockwise, pointing opposite to the EFS/ISO direction. The image height (same-IDC image record) is
// needed to put y in the top-left pixel frame the workstation uses.
#include <string>

#include "core/formats/ansinist/type9_features.h"
#include "core/formats/ansinist/type9_parsing.h"

namespace ridgeline::ansinist {
namespace {

using detail::ItemReader;
using detail::unitsToPixels;

// "XXXXYYYY" (cores, deltas) or "XXXXYYYYTTT" (minutiae).
struct Packed {
  long x = 0, y = 0, theta = 0;
};

Packed unpack(const ItemReader& in, std::size_t s, std::size_t item, const char* name, bool withTheta) {
  const std::string& v = in.text(s, item);
  const std::size_t expected = withTheta ? 11 : 8;
  if (v.size() != expected || v.find_first_not_of("0123456789") != std::string::npos)
    in.fail(s, item, name, "'" + v + "' is not " + std::to_string(expected) + " digits (XXXXYYYY" +
                               (withTheta ? "TTT)" : ")"));
  Packed p{std::stol(v.substr(0, 4)), std::stol(v.substr(4, 4)), withTheta ? std::stol(v.substr(8, 3)) : 0};
  return p;
}

MinutiaType typeFromCode(const std::string& code) {
  if (code == "A") return MinutiaType::Ending;
  if (code == "B") return MinutiaType::Bifurcation;
  return MinutiaType::Unknown;  // C compound, D undetermined
}

}  // namespace

bool hasLegacyBlock(const Record& r) { return r.find(12) != nullptr; }

void readLegacyBlock(const Record& r, std::size_t index, const ImageGeometry& g, Type9Features& out) {
  FeatureSet& fs = out.features;
  fs.ppi = g.ppi > 0 ? g.ppi : 500;
  if (g.height <= 0) {
    out.notes.push_back("legacy 9.012 minutiae not placed: no image record with IDC " + std::to_string(out.idc) +
                        " gives the height needed to flip the lower-left origin");
    return;
  }
  const double height = g.height;
  auto place = [&](const Packed& p, double& x, double& y) {
    x = unitsToPixels(static_cast<double>(p.x), fs.ppi);
    y = height - unitsToPixels(static_cast<double>(p.y), fs.ppi);
  };
  if (const Field* f = r.find(6)) out.fingerPosition = static_cast<int>(ItemReader(r, index, *f).requiredInt(0, 0, "FGP"));
  if (const Field* f = r.find(7)) {
    ItemReader in(r, index, *f);
    if (in.text(0, 0) == "T") fs.patternClass = in.text(0, 1);  // table codes match EFS (LS, RS, WU...)
  }
  if (const Field* f = r.find(8)) {
    ItemReader in(r, index, *f);
    for (std::size_t s = 0; s < in.subfieldCount(); ++s) {
      Core c;
      place(unpack(in, s, 0, "CRP", false), c.x, c.y);
      fs.cores.push_back(c);
    }
  }
  if (const Field* f = r.find(9)) {
    ItemReader in(r, index, *f);
    for (std::size_t s = 0; s < in.subfieldCount(); ++s) {
      Delta d;
      place(unpack(in, s, 0, "DLT", false), d.x, d.y);
      fs.deltas.push_back(d);
    }
  }
  const Field* f = r.find(12);
  ItemReader in(r, index, *f);
  for (std::size_t s = 0; s < in.subfieldCount(); ++s) {
    Minutia m;
    const Packed p = unpack(in, s, 1, "XXXXYYYYTTT", true);
    place(p, m.x, m.y);
    // IAFIS theta points the opposite way to INCITS 378 / ISO / EFS (NIST's
    // type-9-14-std and type-9-14-m1 samples encode the same minutiae: 101
    // vs 140 x 2 degrees); turn it so every source means the same direction.
    m.direction = detail::degreesToRadians(static_cast<double>(p.theta) + 180.0);
    m.type = typeFromCode(in.text(s, 3));
    fs.minutiae.push_back(m);
    // Items 5 onward: "NNN,CC" neighbour index and ridge count; 255 = none.
    for (std::size_t k = 4; k < in.itemCount(s); ++k) {
      const std::string& rc = in.text(s, k);
      const std::size_t comma = rc.find(',');
      if (comma == std::string::npos || rc.find_first_not_of("0123456789,") != std::string::npos || comma == 0 ||
          comma + 1 >= rc.size() || comma > 3 || rc.size() - comma - 1 > 3)
        in.fail(s, k, "ridge count", "'" + rc + "' is not NNN,CC");
      const int neighbour = std::stoi(rc.substr(0, comma));
      if (neighbour != 255 && neighbour > 0)
        out.ridgeCounts.push_back({static_cast<int>(s), neighbour - 1, std::stoi(rc.substr(comma + 1))});
    }
  }
  out.notes.push_back("legacy minutia quality codes (item 3) are not mapped to 0-100");
}

}  // namespace ridgeline::ansinist
