#include "core/fingerprint/feature_source.h"

#include <fstream>
#include <iterator>
#include <vector>

#include "core/fingerprint/extractor.h"
#include "core/fingerprint/fingerprint_image.h"
#include "core/formats/iso/iso19794_2.h"
#include "core/util/errors.h"

namespace ridgeline::fingerprint {

namespace {
// Reads just the magic: an image decoder must never be handed a template, nor the reverse.
bool isIsoTemplate(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open");
  std::vector<std::uint8_t> head(8);
  in.read(reinterpret_cast<char*>(head.data()), 8);
  head.resize(static_cast<size_t>(in.gcount()));
  return iso19794_2::looksLikeIso19794_2(head);
}

LoadedPrint readTemplate(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg()));
  if (size > iso19794_2::kMaxRecordSize) throw InputError(path + ": template larger than any valid record");
  in.seekg(0);
  std::vector<std::uint8_t> bytes(size);
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size));
  try {
    const auto record = iso19794_2::readIso19794_2(bytes);
    LoadedPrint print{iso19794_2::toFeatureSet(record), record.width, record.height, true};
    print.features.authorName = "ISO/IEC 19794-2 template";
    return print;
  } catch (const InputError& e) {
    throw InputError(path + ": " + e.what());
  }
}
}  // namespace

LoadedPrint loadPrint(const std::string& path, double ppi) {
  if (isIsoTemplate(path)) return readTemplate(path);
  const FingerprintImage image = loadFingerprintImage(path);
  const double resolution = ppi > 0 ? ppi : (image.ppi > 0 ? image.ppi : 500);
  try {
    return {extractFeatures(image.gray, resolution), image.gray.cols, image.gray.rows, false};
  } catch (const InputError& e) {
    throw InputError(path + ": " + e.what());
  }
}

}  // namespace ridgeline::fingerprint
