#include "core/hub/server/demo_catalog.h"

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>

#include "core/fingerprint/extractor.h"
#include "core/fingerprint/matcher.h"
#include "core/fingerprint/mcc_template.h"
#include "core/formats/image/image_codec.h"
#include "core/hub/protocol/case_payload.h"
#include "core/hub/protocol/json_reader.h"
#include "core/hub/tls/hub_tls_files.h"
#include "core/store/clock.h"
#include "core/util/errors.h"
#include "core/util/resource_paths.h"

namespace ridgeline::hub {
namespace fs = std::filesystem;
namespace {

constexpr size_t kMaxManifestBytes = 1024 * 1024;

struct GalleryEntry {
  Modality modality;
  fs::path file;
  double ppi;
  std::optional<fingerprint::MccTemplate> minutiae;  // fingerprints: prepared once for ranking
};

// The hub's own feature extraction of a print, as its matcher sees it.
FeatureSet extractPrint(const fs::path& file, double ppi) {
  const GrayImage gray = readImageFile(file.string());
  return fingerprint::extractFeatures(gray.pixels, ppi > 0 ? ppi : 500);
}

std::vector<std::uint8_t> readBytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError("demo data: cannot read " + file.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Marks travel lossless as delivered (PNG); exemplars as WSQ, as hubs send
// tenprint images; faces as their JPEG.
PayloadImage loadImage(const fs::path& file, Modality modality, bool probe, double ppi) {
  PayloadImage out;
  std::vector<std::uint8_t> bytes = readBytes(file);
  const GrayImage gray = decodeImage(bytes);
  auto& img = out.image;
  img.width = gray.pixels.cols;
  img.height = gray.pixels.rows;
  img.ppi = ppi > 0 ? ppi : 500;
  if (modality == Modality::Face) {
    const cv::Mat original = cv::imdecode(bytes, cv::IMREAD_UNCHANGED);
    img.bitsPerPixel = original.channels() == 1 ? 8 : 24;
    img.format = sniffImageFormat(bytes);
    img.bytes = std::move(bytes);
  } else if (probe) {
    img.format = sniffImageFormat(bytes);
    img.bytes = std::move(bytes);
  } else {
    GrayImage withPpi = gray;
    withPpi.ppi = img.ppi;
    img.format = ImageFormat::Wsq;
    img.bytes = encodeImage(withPpi, ImageFormat::Wsq);
  }
  return out;
}

Modality modalityField(const JsonReader& r) {
  const std::string code = r.string("modality", 32);
  auto m = modalityFromCode(code);
  if (!m) throw InputError("field '" + r.path() + ".modality' is not fingerprint, palm or face");
  return *m;
}

fs::path relativeFile(const fs::path& demoDir, const JsonReader& r, const std::string& key) {
  const fs::path relative = r.string(key, 256);
  if (relative.is_absolute() || relative.lexically_normal().string().rfind("..", 0) == 0)
    throw InputError("field '" + r.path() + "." + key + "' must stay inside the demo folder");
  return demoDir / relative;
}

}  // namespace

fs::path demoResourceDir() {
  auto dir = findResource("demo/manifest.json");
  if (!dir) throw RemoteError("the demo data (demo/manifest.json) is not installed; set RIDGELINE_DATA_DIR to the resources folder");
  return dir->parent_path();
}

DemoSeedReport seedDemoCases(HubDatabase& database, const fs::path& demoDir) {
  const fs::path manifestFile = demoDir / "manifest.json";
  const std::string text = readTextFile(manifestFile);
  JsonReader manifest = [&] {
    try {
      return JsonReader::parseObject(text, kMaxManifestBytes);
    } catch (const InputError& e) {
      throw InputError(manifestFile.string() + ": " + e.what());
    }
  }();
  try {
    std::map<std::string, GalleryEntry> gallery;
    for (const auto& g : manifest.objects("gallery", 1000)) {
      GalleryEntry entry{modalityField(g), relativeFile(demoDir, g, "file"), g.number("ppi"), std::nullopt};
      if (entry.modality != Modality::Face) entry.minutiae = fingerprint::prepareTemplate(extractPrint(entry.file, entry.ppi));
      gallery[g.string("subjectId", kMaxIdLength)] = std::move(entry);
    }

    DemoSeedReport report;
    int arrival = 0;
    for (const auto& s : manifest.objects("searches", 1000)) {
      SearchResult search;
      search.hubId = s.string("hubId", kMaxIdLength);
      search.modality = modalityField(s);
      const std::string modality(toCode(search.modality));
      search.threshold = manifest.object("threshold").number(modality);
      search.scoreSource = manifest.object("scoreSource").string(modality, 256);
      const auto keep = manifest.object("candidatesPerSearch").integer(modality, 1, kMaxCandidates);

      // Rank the gallery of the same modality: prints by the local matcher,
      // faces by the scores the manifest supplies.
      const fs::path probeFile = relativeFile(demoDir, s, "probe");
      std::optional<FeatureSet> probeFeatures;
      std::optional<fingerprint::MccTemplate> probeTemplate;
      if (search.modality != Modality::Face) {
        probeFeatures = extractPrint(probeFile, 500);
        probeTemplate = fingerprint::prepareTemplate(*probeFeatures);
      }
      std::vector<std::string> subjects;
      std::vector<const fingerprint::MccTemplate*> prints;
      for (const auto& [subject, entry] : gallery)
        if (entry.modality == search.modality) {
          subjects.push_back(subject);
          if (probeTemplate) prints.push_back(&*entry.minutiae);
        }
      const std::vector<double> printScores =
          probeTemplate ? fingerprint::scoreAgainst(*probeTemplate, prints) : std::vector<double>{};
      std::vector<std::pair<double, std::string>> ranked;
      for (size_t k = 0; k < subjects.size(); ++k)
        ranked.emplace_back(probeTemplate ? printScores[k] : s.object("scores").number(subjects[k]), subjects[k]);
      std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      if (ranked.empty()) throw InputError("search " + search.hubId + " has no gallery of its modality");
      if (ranked.front().first >= search.threshold) {
        report.answered.push_back(search.hubId);
        continue;
      }
      if (ranked.size() > static_cast<size_t>(keep)) ranked.resize(static_cast<size_t>(keep));

      search.probe = loadImage(probeFile, search.modality, true, 500);
      search.probe.features = probeFeatures;  // the hub's minutiae of the mark go out as Type-9
      for (size_t i = 0; i < ranked.size(); ++i) {
        const GalleryEntry& g = gallery.at(ranked[i].second);
        search.candidates.push_back({static_cast<int>(i + 1), ranked[i].second, ranked[i].first,
                                     loadImage(g.file, search.modality, false, g.ppi)});
      }
      const BuiltPayload payload = buildCasePayload(search);

      CaseSummary summary;
      summary.entry = {search.hubId, search.modality, static_cast<int>(s.integer("priority", 1, 9)), HubCaseStatus::Queued,
                       search.threshold, ranked.front().first, static_cast<int>(ranked.size()),
                       store::toIso8601(store::Clock::now() + std::chrono::milliseconds(arrival++)), "", ""};
      summary.probeRecord = payload.probeRecord;
      for (size_t i = 0; i < search.candidates.size(); ++i)
        summary.candidates.push_back({search.candidates[i].rank, search.candidates[i].subjectId, search.candidates[i].score,
                                      payload.candidateRecords[i]});
      summary.scoreSource = search.scoreSource;
      database.addCase(summary, payload.bytes);
      report.queued.push_back(search.hubId);
    }
    return report;
  } catch (const InputError& e) {
    throw InputError(manifestFile.string() + ": " + e.what());
  }
}

}  // namespace ridgeline::hub
