// `ridgeline-cli face compare A B` and `face compare --pairs FILE`: the
// advisory similarity of face photos (DESIGN.md section 8, issue #8).
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>

#include <opencv2/core/utility.hpp>

#include "arguments.h"
#include "command_registry.h"
#include "core/face/face_engine.h"
#include "core/face/face_photo.h"
#include "core/util/errors.h"
#include "face_options.h"

namespace ridgeline::cli {
namespace {

namespace fs = std::filesystem;
using namespace ridgeline::face;

std::string formatScore(double s) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(4) << s;
  return o.str();
}

using face_options::engineOptions;

// --face-a / --face-b are 1-based, as `face detect` numbers the faces.
std::optional<size_t> faceOption(const Arguments& args, const std::string& name) {
  if (auto n = args.integer(name, 1, 1000)) return static_cast<size_t>(*n - 1);
  return std::nullopt;
}

PreparedFace prepare(FaceEngine& engine, const std::string& path, std::optional<size_t> face,
                     const std::optional<cv::Rect>& region, Context& ctx) {
  PreparedFace p = engine.prepare(loadFacePhoto(path), path, face, region);
  if (!p.choiceNote.empty()) ctx.err << "note: " << p.choiceNote << " (pick another with --face-a/--face-b N)\n";
  for (const auto& caution : p.cautions) ctx.err << "caution: " << caution << "\n";
  return p;
}

int comparePair(const Arguments& args, Context& ctx) {
  args.expectPositional(2, 2, "two face photos: face compare A B");
  FaceEngine engine(engineOptions(args));
  const auto a = prepare(engine, args.positional()[0], faceOption(args, "--face-a"),
                         face_options::region(args, "--region-a"), ctx);
  const auto b = prepare(engine, args.positional()[1], faceOption(args, "--face-b"),
                         face_options::region(args, "--region-b"), ctx);
  ctx.out << "advisory similarity " << formatScore(advisorySimilarity(a, b)) << "\n";
  ctx.err << "note: " << kAdvisoryNotice << "\n";
  return 0;
}

struct Pair {
  std::string a, b;          // as written in the file, echoed in the output
  std::string pathA, pathB;  // resolved against the file's folder
  int line;
};

std::vector<Pair> readPairs(const std::string& file) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) throw InputError(file + ": is a folder, not a pairs file");
  std::ifstream in(file);
  if (!in) throw InputError(file + ": cannot open the pairs file");
  const fs::path base = fs::path(file).parent_path();
  auto resolve = [&](const std::string& p) { return fs::path(p).is_absolute() ? p : (base / p).string(); };
  std::vector<Pair> pairs;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size() || line.find('\t', tab + 1) != std::string::npos)
      throw InputError(file + ":" + std::to_string(n) + ": expected 'A<TAB>B'");
    const std::string a = line.substr(0, tab), b = line.substr(tab + 1);
    pairs.push_back({a, b, resolve(a), resolve(b), n});
  }
  if (pairs.empty()) throw InputError(file + ": no 'A<TAB>B' lines");
  return pairs;
}

// One prepared photo of a pairs run, or why it could not be prepared.
struct PhotoResult {
  std::string path;
  int firstLine = 0;
  std::optional<PreparedFace> face;
  std::optional<ErrorKind> errorKind;
  std::string error;
};

std::vector<PhotoResult> uniquePhotos(const std::vector<Pair>& pairs) {
  std::vector<PhotoResult> photos;
  std::set<std::string> seen;
  for (const auto& p : pairs)
    for (const auto& path : {p.pathA, p.pathB})
      if (seen.insert(path).second) photos.push_back({path, p.line, std::nullopt, std::nullopt, ""});
  return photos;
}

// Workers take photos in turn, each with its own engine (dnn nets cannot be
// shared). Errors are kept, not thrown, so the report names the earliest line.
void preparePhotos(std::vector<PhotoResult>& photos, std::vector<FaceEngine>& engines) {
  std::atomic<size_t> next{0};
  auto work = [&](FaceEngine& engine) {
    for (size_t i = next++; i < photos.size(); i = next++) {
      try {
        photos[i].face = engine.prepare(loadFacePhoto(photos[i].path), photos[i].path);
      } catch (const Error& e) {
        photos[i].errorKind = e.kind();
        photos[i].error = e.what();
      } catch (const std::exception& e) {
        photos[i].errorKind = ErrorKind::Remote;
        photos[i].error = e.what();
      }
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 1; t < engines.size(); ++t) threads.emplace_back(work, std::ref(engines[t]));
  work(engines[0]);
  for (auto& t : threads) t.join();
}

// Each photo is embedded once even when it appears in many pairs. A photo
// that cannot be scored fails the whole run naming its first line, so a lab
// script never mistakes a missing score for a low one.
int comparePairs(const Arguments& args, Context& ctx) {
  if (!args.positional().empty()) throw UsageError("face compare --pairs FILE takes no other photos");
  for (const char* single : {"--face-a", "--face-b", "--region-a", "--region-b"})
    if (args.has(single)) throw UsageError(std::string(single) + " applies to a single comparison, not --pairs");
  const std::string file = args.required("--pairs");
  const long threads = args.integer("--threads", 1, 64).value_or(1);
  const auto pairs = readPairs(file);
  auto photos = uniquePhotos(pairs);
  // Engines are made here, so missing models fail before any work starts.
  std::vector<FaceEngine> engines;
  for (long t = 0; t < std::min<long>(threads, long(photos.size())); ++t) engines.emplace_back(engineOptions(args));
  if (engines.size() > 1) cv::setNumThreads(1);  // parallel over photos, not inside each net
  preparePhotos(photos, engines);

  std::map<std::string, const PreparedFace*> byPath;
  for (const auto& ph : photos) {
    if (ph.errorKind) throw Error(*ph.errorKind, file + ":" + std::to_string(ph.firstLine) + ": " + ph.error);
    if (!ph.face->choiceNote.empty()) ctx.err << "note: " << ph.face->choiceNote << "\n";
    for (const auto& caution : ph.face->cautions) ctx.err << "caution: " << caution << "\n";
    byPath[ph.path] = &*ph.face;
  }
  for (const auto& p : pairs)
    ctx.out << formatScore(advisorySimilarity(*byPath.at(p.pathA), *byPath.at(p.pathB))) << "\t" << p.a << "\t" << p.b
            << "\n";
  ctx.err << "note: scores are advisory cosine similarities; " << kAdvisoryNotice << "\n";
  return 0;
}

int runFaceCompare(Context& ctx) {
  const Arguments args(ctx.args,
                       {"--pairs", "--threads", "--face-a", "--face-b", "--region-a", "--region-b", "--models"});
  if (args.has("--threads") && !args.has("--pairs")) throw UsageError("--threads applies to --pairs");
  return args.has("--pairs") ? comparePairs(args, ctx) : comparePair(args, ctx);
}

const RegisterCommand reg{{"face compare",
                           "face compare A B [--face-a N] [--face-b N] [--region-a X,Y,W,H] [--region-b X,Y,W,H] "
                           "[--models DIR] | face compare --pairs FILE [--threads N] [--models DIR]",
                           "Advisory similarity of two face photos (-1..1); --pairs reads 'A<TAB>B' lines and prints "
                           "'SCORE<TAB>A<TAB>B'.",
                           runFaceCompare}};

}  // namespace
}  // namespace ridgeline::cli
