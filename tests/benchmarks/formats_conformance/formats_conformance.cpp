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
#include <optional>
#include <string>
#include <vector>

#include "core/formats/ansinist/record_image.h"
#include "core/formats/ansinist/transaction.h"
#include "core/formats/ansinist/type9_features.h"
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
  int images = 0, imagesDecoded = 0, imagesNotDecodable = 0, imagesFailed = 0;
  int type9 = 0, type9Mapped = 0, type9Failed = 0;
};

// Decodes every record image and maps every Type-9 record; failures are
// printed with the reader's message.
void checkContents(const ansinist::Transaction& tr, Tally& t) {
  for (std::size_t i = 0; i < tr.records.size(); ++i) {
    try {
      if (tr.records[i].type == 9) {
        ++t.type9;
        const auto f = ansinist::readType9Features(tr, i);
        ++t.type9Mapped;
        std::cout << "    Type-9 record " << i + 1 << ": " << f.source << ", " << f.features.minutiae.size()
                  << " minutiae\n";
        continue;
      }
      const auto info = ansinist::recordImageInfo(tr, i);
      if (!info) continue;
      ++t.images;
      if (!info->decodable) {
        ++t.imagesNotDecodable;
        std::cout << "    record " << i + 1 << " image not decoded: " << info->note << "\n";
        continue;
      }
      const GrayImage img = ansinist::decodeRecordImage(tr, i);
      ++t.imagesDecoded;
      std::cout << "    record " << i + 1 << " (Type-" << tr.records[i].type << ") " << formatName(img.sourceFormat) << " "
                << img.pixels.cols << "x" << img.pixels.rows << "\n";
    } catch (const Error& e) {
      ++(tr.records[i].type == 9 ? t.type9Failed : t.imagesFailed);
      std::cout << "    FAILED: " << e.what() << "\n";
    }
  }
}

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
    std::optional<ansinist::Transaction> transaction;
    if (kind == "ANSI/NIST") {
      const auto tr = ansinist::readTransaction(bytes);
      written = ansinist::writeTransaction(tr);
      detail = std::to_string(tr.records.size()) + " records";
      t.warnings += static_cast<int>(tr.warnings.size());
      transaction = tr;
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
    if (transaction) {
      for (const auto& w : transaction->warnings) std::cout << "    warning: " << w << "\n";
      checkContents(*transaction, t);
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
    if (kind == "ANSI/NIST")
      std::cout << "  record images: " << t.images << ", decoded " << t.imagesDecoded << ", not decodable (1-bit/vector) "
                << t.imagesNotDecodable << ", failed " << t.imagesFailed << "; Type-9 records: " << t.type9
                << ", mapped " << t.type9Mapped << ", failed " << t.type9Failed << "\n";
    bad += t.mismatched;
  }
  return bad ? 1 : 0;
}
