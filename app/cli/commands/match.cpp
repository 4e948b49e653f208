// `ridgeline-cli match A B [--ppi N] [--explain] [--scale-search]` and
// `ridgeline-cli match --pairs FILE [--threads N] [--ppi N] [--scale-search]`: similarity
// scores of prints (images or ISO/IEC 19794-2 templates) by the local
// MCC matcher; scale 0..1, see docs/matcher.md.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <mutex>
#include <ostream>
#include <sstream>
#include <thread>

#include "arguments.h"
#include "command_registry.h"
#include "core/fingerprint/feature_source.h"
#include "core/fingerprint/matcher.h"
#include "core/fingerprint/scale_search.h"
#include "core/util/errors.h"

namespace ridgeline::cli {
namespace {

namespace fs = std::filesystem;
using fingerprint::MccTemplate;

std::string formatScore(double score) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(4) << score;
  return s.str();
}

void explain(std::ostream& out, const fingerprint::MatchResult& r) {
  const auto& a = r.alignment;
  const auto& b = r.breakdown;
  out << "minutiae\tshare " << formatScore(b.minutiae) << "\tin the shared area: probe " << b.probeInOverlap
      << ", candidate " << b.candidateInOverlap << "\n";
  out << "neighbourhoods\t" << formatScore(b.neighbourhoods) << " (MCC LSS-R, scaled)\n";
  if (b.ridgeDetailPairs >= 0)
    out << "ridge detail\t" << b.ridgeDetailPairs << " pairs with the same ridges around both minutiae (counted up to 10)\n";
  else
    out << "ridge detail\tnot compared (a print has no image: a template or marked minutiae)\n";
  if (b.ridgeCountsCompared >= 0)
    out << "ridge counts\t" << b.ridgeCountsSame << " of " << b.ridgeCountsCompared << " the same, " << b.ridgeCountsWithinOne
        << " within one ridge (from paired minutiae to their paired neighbours)\n";
  else
    out << "ridge counts\tnot compared (a print has no image: a template or marked minutiae)\n";
  out << "pairs\t" << r.pairs.size() << "\n";
  for (const auto& p : r.pairs) out << "pair\t" << p.probe << "\t" << p.candidate << "\t" << formatScore(p.support) << "\n";
  if (a.valid)
    out << "alignment\trotation " << std::setprecision(2) << std::fixed << a.rotation * 180 / 3.14159265358979
        << " deg\tdx " << a.dx << "\tdy " << a.dy << "\tscale " << a.scale << "\n";
  if (!r.flow.compared) {
    out << "ridge flow\tnot compared (a print has no ridge flow map, or no alignment was found)\n";
    return;
  }
  out << "ridge flow\tagreement " << formatScore(r.flow.agreement) << "\tshared " << std::setprecision(1) << std::fixed
      << r.flow.sharedMm2 << " mm2\n";
  if (r.flow.periodMismatch >= 0)
    out << "ridge spacing\tmismatch " << formatScore(r.flow.periodMismatch) << " (mean |log period ratio|)\n";
  else
    out << "ridge spacing\tnot compared (a flow map has no ridge periods)\n";
}

int matchOne(Context& ctx, const Arguments& args, double ppi) {
  args.expectPositional(2, 2, "A B");
  const auto a = fingerprint::loadPrint(args.positional()[0], ppi);
  const auto b = fingerprint::loadPrint(args.positional()[1], ppi);
  // --scale-search: A is a mark of unknown scale (a latent photographed without a ruler).
  const auto result = args.has("--scale-search")
                          ? fingerprint::matchAcrossScales(fingerprint::prepareAtScales(a.features),
                                                           fingerprint::prepareTemplate(b.features))
                          : fingerprint::matchFeatures(a.features, b.features);
  ctx.out << formatScore(result.score) << "\n";
  if (args.has("--explain")) explain(ctx.out, result);
  return 0;
}

struct PairLine {
  std::string a, b;  // as written in the file
};

std::vector<PairLine> readPairs(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw InputError(file.string() + ": cannot open");
  std::vector<PairLine> pairs;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos || line.find('\t', tab + 1) != std::string::npos || tab == 0 || tab + 1 == line.size())
      throw InputError(file.string() + ":" + std::to_string(n) + ": expected 'A<TAB>B'");
    pairs.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return pairs;
}

// Runs job(i) for i in [0, n) on `threads` workers; the first error wins and stops the rest.
template <typename Job>
void parallelFor(size_t n, int threads, Job job) {
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failureMutex;
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        job(i);
      } catch (...) {
        std::lock_guard lock(failureMutex);
        if (!failure) failure = std::current_exception();
        next.store(n);
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

int matchPairs(Context& ctx, const Arguments& args, double ppi) {
  args.expectPositional(0, 0, "no A B with --pairs");
  const fs::path file = args.required("--pairs");
  const int threads = int(args.integer("--threads", 1, 256).value_or(std::max(1u, std::thread::hardware_concurrency())));
  const auto lines = readPairs(file);
  const fs::path base = file.parent_path();
  auto resolve = [&](const std::string& p) { return fs::path(p).is_absolute() ? fs::path(p) : base / p; };

  // Each print is loaded and prepared once, however many pairs name it.
  std::map<std::string, size_t> index;
  std::vector<std::string> paths;
  for (const auto& l : lines)
    for (const auto* p : {&l.a, &l.b})
      if (index.emplace(resolve(*p).string(), paths.size()).second) paths.push_back(resolve(*p).string());
  const bool scaleSearch = args.has("--scale-search");
  std::vector<MccTemplate> templates(paths.size());
  std::vector<fingerprint::ScaledProbe> scaled(scaleSearch ? paths.size() : 0);
  parallelFor(paths.size(), threads, [&](size_t i) {
    const FeatureSet features = fingerprint::loadPrint(paths[i], ppi).features;
    templates[i] = fingerprint::prepareTemplate(features);
    if (scaleSearch) scaled[i] = fingerprint::prepareAtScales(features);
  });
  std::vector<size_t> probes, candidates;
  for (const auto& l : lines)
    probes.push_back(index.at(resolve(l.a).string())), candidates.push_back(index.at(resolve(l.b).string()));
  // Scored in runs of consecutive lines, a worker a run: while one line is
  // scored, the next line's candidate is fetched into cache, as a search does
  // (fingerprint::scoreAgainst); a pairs file is most often one probe against
  // many candidates.
  constexpr size_t kRun = 64;
  std::vector<double> scores(lines.size());
  parallelFor((lines.size() + kRun - 1) / kRun, threads, [&](size_t run) {
    const size_t end = std::min(lines.size(), (run + 1) * kRun);
    for (size_t i = run * kRun; i < end; ++i) {
      if (i + 1 < end) fingerprint::fetchTemplate(templates[candidates[i + 1]]);
      const MccTemplate& candidate = templates[candidates[i]];
      scores[i] = scaleSearch ? fingerprint::scoreAcrossScales(scaled[probes[i]], candidate)
                              : fingerprint::scoreTemplates(templates[probes[i]], candidate);
    }
  });
  for (size_t i = 0; i < lines.size(); ++i) ctx.out << formatScore(scores[i]) << "\t" << lines[i].a << "\t" << lines[i].b << "\n";
  return 0;
}

int runMatch(Context& ctx) {
  Arguments args(ctx.args, {"--pairs", "--threads", "--ppi"}, {"--explain", "--scale-search"});
  const double ppi = double(args.integer("--ppi", 100, 5000).value_or(0));
  if (args.has("--pairs")) return matchPairs(ctx, args, ppi);
  if (args.has("--threads")) throw UsageError("--threads goes with --pairs");
  return matchOne(ctx, args, ppi);
}

const RegisterCommand reg{{"match",
                           "match A B [--ppi N] [--explain] [--scale-search] | match --pairs FILE [--threads N] [--ppi N] "
                           "[--scale-search]",
                           "Similarity score (0..1) of two prints, images or ISO/IEC 19794-2 templates, by the local matcher; "
                           "--explain lists the paired minutiae and the alignment; --scale-search treats A as a mark of "
                           "unknown scale (tries 0.83-1.2).",
                           runMatch}};

}  // namespace
}  // namespace ridgeline::cli
