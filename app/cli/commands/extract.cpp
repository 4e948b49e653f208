// `ridgeline-cli extract IMAGE... --out DIR [--ppi N]`: one ISO/IEC
// 19794-2:2005 minutiae template per image, made by the local extractor.
#include <filesystem>
#include <fstream>
#include <ostream>

#include "arguments.h"
#include "command_registry.h"
#include "core/fingerprint/extractor.h"
#include "core/fingerprint/fingerprint_image.h"
#include "core/formats/iso/iso19794_2.h"
#include "core/util/errors.h"

namespace ridgeline::cli {
namespace {

namespace fs = std::filesystem;

// Written beside and renamed into place: a killed run never leaves half a template.
void writeAtomically(const fs::path& target, const std::vector<std::uint8_t>& bytes) {
  const fs::path temp = target.string() + ".part";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(target.string() + ": cannot write");
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw InputError(target.string() + ": cannot write");
  }
  fs::rename(temp, target);
}

int runExtract(Context& ctx) {
  Arguments args(ctx.args, {"--out", "--ppi"});
  args.expectPositional(1, 100000, "IMAGE...");
  const fs::path outDir = args.required("--out");
  const double ppi = double(args.integer("--ppi", 100, 5000).value_or(0));
  std::error_code ec;
  fs::create_directories(outDir, ec);
  if (!fs::is_directory(outDir)) throw InputError(outDir.string() + ": cannot create output folder");
  for (const auto& path : args.positional()) {
    const auto image = fingerprint::loadFingerprintImage(path);
    const double resolution = ppi > 0 ? ppi : (image.ppi > 0 ? image.ppi : 500);
    FeatureSet features;
    try {
      features = fingerprint::extractFeatures(image.gray, resolution);
    } catch (const InputError& e) {
      throw InputError(path + ": " + e.what());
    }
    const auto record = iso19794_2::fromFeatureSet(features, image.gray.cols, image.gray.rows);
    const fs::path target = outDir / (fs::path(path).stem().string() + ".iso");
    writeAtomically(target, iso19794_2::writeIso19794_2(record));
    ctx.out << target.string() << "\t" << features.minutiae.size() << " minutiae\tquality " << features.quality << "\n";
  }
  return 0;
}

const RegisterCommand reg{{"extract", "extract IMAGE... --out DIR [--ppi N]",
                           "Extract minutiae with the local extractor; one ISO/IEC 19794-2:2005 template per image.",
                           runExtract}};

}  // namespace
}  // namespace ridgeline::cli
