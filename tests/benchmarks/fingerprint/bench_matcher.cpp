// bench_matcher: accuracy and speed of the local extractor + MCC matcher on
// the shared real data (see ../shared/data/README.md).
//
//   FVC sets (FVC2002 DB1_B, DB2_B; FVC2004 DB1_B, DB2_B; 10 fingers x 8):
//     genuine  = every pair of impressions of the same finger (10 x 28 = 280)
//     impostor = every pair of impressions of different fingers (80 x 72 / 2 = 2,880)
//     each unordered pair is compared once (probe = the lower-numbered image).
//     printed: EER, FMR100, FMR1000 (FVC definitions) and 1 - AUC (every pair
//     of scores, less moved by one genuine pair than the EER).
//   Latent-like set (fvc-latent, 317 latent/clean pairs): each latent against
//     all 317 clean prints; rank of its mate (ties counted against it); then
//     again with the latent as a mark of unknown scale (scale search).
//   Speed: single thread (OpenCV too), thread CPU time, freed memory kept for reuse as in
//     the programs (core/util/memory_policy.h); ms per extraction (image -> FeatureSet) and per
//     template preparation, microseconds per prepared-template comparison.
//
// Options: --smoke (quick run on tests/data), --data DIR, --set NAME (repeatable,
// e.g. fvc2002/DB1_B), --no-latent, --write-scores FILE (CSV of every score),
// --write-components FILE (every comparison's score and its parts, score_components.h),
// --iso-templates (match the shared ISO/IEC 19794-2 templates of the FVC sets,
// made by another extractor, instead of extracting: isolates the matcher),
// --latent-xyt (the latent set from its shipped NBIS minutiae, likewise),
// --no-ridge-flow (drop the extractor's ridge flow maps), --no-ridge-detail
// (drop its ridge detail images); both: minutiae alone, the matcher as it
// scores examiner-made sets and other extractors' templates.
#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <numbers>
#include <vector>

#include <opencv2/core.hpp>

#include "core/fingerprint/extractor.h"
#include "core/fingerprint/feature_source.h"
#include "core/fingerprint/fingerprint_image.h"
#include "core/fingerprint/matcher.h"
#include "core/fingerprint/scale_search.h"
#include "core/util/memory_policy.h"
#include "error_rates.h"
#include "machine_info.h"
#include "score_components.h"

namespace fs = std::filesystem;
using namespace ridgeline;
using namespace ridgeline::fingerprint;
#include <time.h>

// Speed is measured in this thread's CPU time, not wall time: the benchmark
// machine is shared, and time spent waiting for a core is not our cost.
struct Clock {
  using time_point = double;  // seconds
  static time_point now() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
  }
};

namespace {

// What of the extractor's output the prints keep besides their minutiae.
struct Keep {
  bool ridgeFlow = true, ridgeDetail = true;
};

struct Options {
  bool smoke = false, latent = true;
  bool isoTemplates = false;  // FVC sets from the shared ISO templates (another extractor) instead of images
  bool latentXyt = false;     // latent set from its shipped NBIS .xyt minutiae instead of images
  Keep keep;                  // --no-ridge-flow, --no-ridge-detail
  std::string data = RIDGELINE_SHARED_DATA;
  std::vector<std::string> sets;
  std::string scoresFile;
  std::string componentsFile;
};

// Where the per-comparison records go; null when not asked for.
struct Outputs {
  std::ofstream* scores = nullptr;
  std::ofstream* components = nullptr;
};

struct Timing {
  double extractMs = 0, prepareMs = 0, compareUs = 0;
  long extractions = 0, comparisons = 0;
};

struct Enrolled {
  std::string name;
  FeatureSet features;
  MccTemplate prepared;
};

double msSince(Clock::time_point t0) { return (Clock::now() - t0) * 1000.0; }

Enrolled enroll(const fs::path& file, double ppi, Keep keep, Timing& timing) {
  auto t0 = Clock::now();
  Enrolled e{file.filename().string(), {}, {}};
  if (file.extension() == ".xyt") {
    // NBIS mindtct minutiae shipped with the latent set: "x y theta(degrees) quality" per line.
    // Their frame (y up from the bottom) is the same for latent and mate, so a match is unaffected.
    std::ifstream in(file);
    double x, y, t, q;
    while (in >> x >> y >> t >> q) {
      Minutia m;
      m.x = x, m.y = y, m.direction = normalizeAngle(t * std::numbers::pi / 180), m.quality = int(q);
      e.features.minutiae.push_back(m);
    }
  } else if (file.extension() == ".iso") {
    e.features = loadPrint(file.string()).features;
  } else {
    const auto image = loadFingerprintImage(file.string());
    t0 = Clock::now();
    e.features = extractFeatures(image.gray, ppi);
  }
  timing.extractMs += msSince(t0);
  if (!keep.ridgeFlow) e.features.ridgeFlow.reset();
  if (!keep.ridgeDetail) e.features.ridgeDetail.reset();
  t0 = Clock::now();
  e.prepared = prepareTemplate(e.features);
  timing.prepareMs += msSince(t0);
  ++timing.extractions;
  return e;
}

// The probe against candidates[from..], as a search (scoreAgainst, which
// fetches each next candidate while comparing one): the row is timed as one
// span, so the clock's own cost (half a microsecond a reading on the
// benchmark machine, a system call) is not charged to each comparison.
std::vector<double> scoreRow(const Enrolled& probe, const std::vector<Enrolled>& candidates, size_t from, Timing& timing) {
  std::vector<const MccTemplate*> row;
  for (size_t k = std::min(from, candidates.size()); k < candidates.size(); ++k) row.push_back(&candidates[k].prepared);
  const auto t0 = Clock::now();
  std::vector<double> s = scoreAgainst(probe.prepared, row);
  timing.compareUs += msSince(t0) * 1000;
  timing.comparisons += long(s.size());
  return s;
}

int fingerOf(const std::string& name) { return std::stoi(name.substr(0, name.find('_'))); }

struct FvcSet {
  std::string name;
  double ppi;
};

void runFvcSet(const Options& o, const FvcSet& set, Timing& timing, const Outputs& out) {
  const fs::path dir = fs::path(o.data) / "fingerprints" / (o.isoTemplates ? "iso-templates/" + set.name : set.name);
  const std::string extension = o.isoTemplates ? ".iso" : ".tif";
  if (!fs::is_directory(dir)) {
    std::printf("%-14s skipped: %s not found\n", set.name.c_str(), dir.c_str());
    return;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == extension) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Enrolled> prints;
  const Timing before = timing;
  for (const auto& f : files) prints.push_back(enroll(f, set.ppi, o.keep, timing));
  const double extractMs = (timing.extractMs - before.extractMs) / double(std::max<size_t>(1, files.size()));
  std::vector<double> genuine, impostor;
  for (size_t i = 0; i < prints.size(); ++i) {
    const std::vector<double> row = scoreRow(prints[i], prints, i + 1, timing);
    for (size_t j = i + 1; j < prints.size(); ++j) {
      const double s = row[j - i - 1];
      const bool mate = fingerOf(prints[i].name) == fingerOf(prints[j].name);
      (mate ? genuine : impostor).push_back(s);
      if (out.components)
        bench::writeComponents(*out.components, set.name, mate ? "genuine" : "impostor", prints[i].name, prints[j].name,
                               matchTemplates(prints[i].prepared, prints[j].prepared));
      if (out.scores) *out.scores << set.name << ',' << (mate ? "genuine" : "impostor") << ',' << s << ',' << prints[i].name << ',' << prints[j].name << '\n';
    }
  }
  const auto r = bench::errorRates(genuine, impostor);
  double minutiae = 0;
  for (const auto& p : prints) minutiae += double(p.features.minutiae.size());
  std::printf("%-14s %4zu gen %5zu imp   EER %6.2f %%   FMR100 %6.2f %%   FMR1000 %6.2f %%   1-AUC %6.3f %%   (%.1f minutiae/print, %.1f ms/extraction)\n",
              set.name.c_str(), genuine.size(), impostor.size(), 100 * r.eer, 100 * r.fmr100, 100 * r.fmr1000, 100 * r.rocMiss,
              minutiae / double(std::max<size_t>(1, prints.size())), extractMs);
  std::fflush(stdout);
}

fs::path onlyImage(const fs::path& dir, bool xyt) {
  const char* ext = xyt ? ".xyt" : ".png";
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ext) return e.path();
  return {};
}

void rankLatents(const std::vector<fs::path>& cases, const std::vector<Enrolled>& latents,
                 const std::vector<Enrolled>& cleans, bool scaleSearch, double extractMs, Timing& timing,
                 const Outputs& out);

void runLatent(const Options& o, Timing& timing, const Outputs& out) {
  const fs::path root = fs::path(o.data) / "latent" / "fvc-latent" / "data";
  if (!fs::is_directory(root)) {
    std::printf("latent         skipped: %s not found\n", root.c_str());
    return;
  }
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(root))
    if (e.is_directory()) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  std::vector<Enrolled> latents, cleans;
  const Timing before = timing;
  for (const auto& c : cases) {
    const fs::path l = onlyImage(c / "latent", o.latentXyt), k = onlyImage(c / "clean", o.latentXyt);
    if (l.empty() || k.empty()) continue;
    latents.push_back(enroll(l, 500, o.keep, timing));
    cleans.push_back(enroll(k, 500, o.keep, timing));
  }
  const double extractMs = (timing.extractMs - before.extractMs) / double(std::max(1L, timing.extractions - before.extractions));
  rankLatents(cases, latents, cleans, false, extractMs, timing, out);
  // Most of these latents are not at their mates' scale (their ridge period is
  // ~15-25 % larger for the FVC2000-derived ones): the same protocol again
  // with the latent treated as a mark of unknown scale.
  rankLatents(cases, latents, cleans, true, extractMs, timing, out);
}

void rankLatents(const std::vector<fs::path>& cases, const std::vector<Enrolled>& latents,
                 const std::vector<Enrolled>& cleans, bool scaleSearch, double extractMs, Timing& timing,
                 const Outputs& out) {
  int rank1 = 0, rank10 = 0;
  for (size_t i = 0; i < latents.size(); ++i) {
    std::vector<double> s(cleans.size());
    const ScaledProbe scaled = scaleSearch ? prepareAtScales(latents[i].features) : ScaledProbe{};
    if (scaleSearch) {
      for (size_t j = 0; j < cleans.size(); ++j) s[j] = scoreAcrossScales(scaled, cleans[j].prepared);
    } else {
      s = scoreRow(latents[i], cleans, 0, timing);
    }
    const std::string set = scaleSearch ? "fvc-latent-scale-search" : "fvc-latent";
    for (size_t j = 0; out.components && j < cleans.size(); ++j)
      bench::writeComponents(*out.components, set, i == j ? "mate" : "non-mate", cases[i].filename().string(),
                             cases[j].filename().string(),
                             scaleSearch ? matchAcrossScales(scaled, cleans[j].prepared)
                                         : matchTemplates(latents[i].prepared, cleans[j].prepared));
    int rank = 1;
    for (size_t j = 0; j < cleans.size(); ++j)
      if (j != i && s[j] >= s[i]) ++rank;
    rank1 += rank == 1;
    rank10 += rank <= 10;
    if (out.scores)
      *out.scores << set << ",mate," << s[i] << ','
              << cases[i].filename().string() << ",rank " << rank << '\n';
  }
  const double n = double(std::max<size_t>(1, latents.size()));
  std::printf("fvc-latent%s %zu latents x %zu clean   rank-1 %5.1f %%   rank-10 %5.1f %%   (%.1f ms/extraction, 512 x 512)\n",
              scaleSearch ? " (scale search)" : "", latents.size(), cleans.size(), 100 * rank1 / n, 100 * rank10 / n,
              extractMs);
}

void runSmoke(Timing& timing) {
  const fs::path dir = fs::path(RIDGELINE_TEST_DATA) / "fingerprint";
  std::vector<Enrolled> prints;
  for (const char* f : {"101_1.tif", "101_2.tif", "102_1.tif"}) prints.push_back(enroll(dir / f, 500, Keep{}, timing));
  const std::vector<double> row = scoreRow(prints[0], prints, 1, timing);
  const double genuine = row[0], impostor = row[1];
  for (int i = 0; i < 200; ++i) scoreRow(prints[1], prints, 2, timing);
  std::printf("smoke: genuine %.3f, impostor %.3f\n", genuine, impostor);
}

Options parse(int argc, char** argv) {
  Options o;
  // The environment wins over the build-time default, so one binary serves any checkout layout.
  if (const char* env = std::getenv("RIDGELINE_SHARED_DATA"); env && *env) o.data = env;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--smoke") o.smoke = true;
    else if (a == "--no-latent") o.latent = false;
    else if (a == "--iso-templates") o.isoTemplates = true;
    else if (a == "--latent-xyt") o.latentXyt = true;
    else if (a == "--no-ridge-flow") o.keep.ridgeFlow = false;
    else if (a == "--no-ridge-detail") o.keep.ridgeDetail = false;
    else if (a == "--data") o.data = value();
    else if (a == "--set") o.sets.push_back(value());
    else if (a == "--write-scores") o.scoresFile = value();
    else if (a == "--write-components") o.componentsFile = value();
    else throw std::runtime_error("unknown option " + a);
  }
  return o;
}
}  // namespace

int main(int argc, char** argv) {
  Options o;
  try {
    o = parse(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_matcher: %s\n", e.what());
    return 2;
  }
  bench::printMachineHeader("bench_matcher");
  // The figures asked for are single-thread: OpenCV would otherwise spread
  // some filters over worker threads, whose time this thread's clock misses.
  cv::setNumThreads(1);
  // As the programs that extract (GUI, CLI, hub) run.
  keepFreedMemoryForReuse();
  Timing timing;
  if (o.smoke) {
    runSmoke(timing);
  } else {
    if (!fs::is_directory(o.data)) {
      std::printf("skipped: shared data not found at %s\n", o.data.c_str());
      return 0;
    }
    std::ofstream scoresOut;
    if (!o.scoresFile.empty()) {
      scoresOut.open(o.scoresFile);
      scoresOut << "set,kind,score,a,b\n";
    }
    std::ofstream componentsOut;
    if (!o.componentsFile.empty()) {
      componentsOut.open(o.componentsFile);
      bench::writeComponentsHeader(componentsOut);
    }
    const Outputs out{o.scoresFile.empty() ? nullptr : &scoresOut, o.componentsFile.empty() ? nullptr : &componentsOut};
    const std::vector<FvcSet> all = {{"fvc2002/DB1_B", 500}, {"fvc2002/DB2_B", 569}, {"fvc2004/DB1_B", 500}, {"fvc2004/DB2_B", 500}};
    for (const auto& set : all)
      if (o.sets.empty() || std::find(o.sets.begin(), o.sets.end(), set.name) != o.sets.end()) runFvcSet(o, set, timing, out);
    if (o.latent) runLatent(o, timing, out);
  }
  const double n = double(std::max(1L, timing.extractions)), m = double(std::max(1L, timing.comparisons));
  std::printf("speed (1 thread, CPU time): extraction %.2f ms/image, template preparation %.2f ms/image, comparison %.1f us\n",
              timing.extractMs / n, timing.prepareMs / n, timing.compareUs / m);
  return 0;
}
