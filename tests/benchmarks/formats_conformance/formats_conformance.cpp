// formats_conformance [--smoke] [FOLDER...]
// For every ANSI/NIST (.an2, .eft, .nist, .int) and ISO/IEC 19794-2 (.iso,
// .ist) file under the folders: read it, write it back, compare bytes.
// Prints one line per file and a tally; exit 1 if any file was read but did
// not round-trip (a rejected file is a finding to read, not a failure: the
// reader must name the record and field).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "core/formats/ansinist/transaction.h"
#include "core/formats/iso/iso19794_2.h"
#include "core/util/errors.h"
#include "machine_info.h"

namespace fs = std::filesystem;
using namespace ridgeline;

namespace {

std::vector<std::uint8_t> readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

struct Tally {
  int read = 0, roundTripped = 0, rejected = 0, mismatched = 0, warnings = 0;
};

std::string kindOf(const fs::path& p) {
  const std::string ext = p.extension().string();
  if (ext == ".an2" || ext == ".eft" || ext == ".nist" || ext == ".int") return "ANSI/NIST";
  if (ext == ".iso" || ext == ".ist") return "ISO 19794-2";
  return "";
}

void check(const fs::path& p, const std::string& kind, Tally& t) {
  const auto bytes = readAll(p);
  try {
    std::vector<std::uint8_t> written;
    std::string detail;
    if (kind == "ANSI/NIST") {
      const auto tr = ansinist::readTransaction(bytes);
      written = ansinist::writeTransaction(tr);
      detail = std::to_string(tr.records.size()) + " records";
      t.warnings += static_cast<int>(tr.warnings.size());
      for (const auto& w : tr.warnings) std::cout << "    warning: " << w << "\n";
    } else {
      const auto iso = iso19794_2::readIso19794_2(bytes);
      written = iso19794_2::writeIso19794_2(iso);
      detail = std::to_string(iso.views.size()) + " views, " +
               std::to_string(iso.views.empty() ? 0 : iso.views[0].minutiae.size()) + " minutiae";
    }
    ++t.read;
    if (written == bytes) {
      ++t.roundTripped;
      std::cout << "  ok        " << p.string() << " (" << detail << ")\n";
    } else {
      ++t.mismatched;
      std::cout << "  MISMATCH  " << p.string() << " written back differs (" << written.size() << " vs "
                << bytes.size() << " bytes)\n";
    }
  } catch (const Error& e) {
    ++t.rejected;
    std::cout << "  rejected  " << p.string() << ": " << e.what() << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> roots;
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]) != "--smoke") roots.push_back(argv[i]);
  if (roots.empty()) {
    roots = {std::string(RIDGELINE_SHARED_DATA) + "/formats/ansi-nist",
             std::string(RIDGELINE_SHARED_DATA) + "/fingerprints/iso-templates",
             std::string(RIDGELINE_SHARED_DATA) + "/fingerprints/misc/fingerjet/templates-iso"};
  }
  bench::printMachineHeader("formats_conformance");
  std::map<std::string, Tally> tallies;
  for (const auto& root : roots) {
    if (!fs::exists(root)) {
      std::cout << "skipping " << root << ": not present\n";
      continue;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
      if (e.is_regular_file() && !kindOf(e.path()).empty()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& p : files) check(p, kindOf(p), tallies[kindOf(p)]);
  }
  int bad = 0;
  for (const auto& [kind, t] : tallies) {
    std::cout << kind << ": " << t.read + t.rejected << " files, " << t.read << " read (" << t.roundTripped
              << " byte-identical after write), " << t.rejected << " rejected with an error, " << t.warnings
              << " warnings\n";
    bad += t.mismatched;
  }
  return bad ? 1 : 0;
}
