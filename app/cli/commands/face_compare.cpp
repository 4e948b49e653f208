// `ridgeline-cli face compare A B` and `face compare --pairs FILE`: the
// advisory similarity of face photos (DESIGN.md section 8, issue #8).
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>

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

// Each photo is embedded once even when it appears in many pairs. A photo
// that cannot be scored fails the whole run naming the line, so a lab
// script never mistakes a missing score for a low one.
int comparePairs(const Arguments& args, Context& ctx) {
  if (!args.positional().empty()) throw UsageError("face compare --pairs FILE takes no other photos");
  for (const char* single : {"--face-a", "--face-b", "--region-a", "--region-b"})
    if (args.has(single)) throw UsageError(std::string(single) + " applies to a single comparison, not --pairs");
  const std::string file = args.required("--pairs");
  const auto pairs = readPairs(file);
  FaceEngine engine(engineOptions(args));
  std::map<std::string, PreparedFace> cache;
  auto get = [&](const std::string& path, int line) -> const PreparedFace& {
    auto it = cache.find(path);
    if (it != cache.end()) return it->second;
    try {
      return cache.emplace(path, prepare(engine, path, std::nullopt, std::nullopt, ctx)).first->second;
    } catch (const InputError& e) {
      throw InputError(file + ":" + std::to_string(line) + ": " + e.what());
    }
  };
  for (const auto& p : pairs) {
    const double s = advisorySimilarity(get(p.pathA, p.line), get(p.pathB, p.line));
    ctx.out << formatScore(s) << "\t" << p.a << "\t" << p.b << "\n";
  }
  ctx.err << "note: scores are advisory cosine similarities; " << kAdvisoryNotice << "\n";
  return 0;
}

int runFaceCompare(Context& ctx) {
  const Arguments args(ctx.args, {"--pairs", "--face-a", "--face-b", "--region-a", "--region-b", "--models"});
  return args.has("--pairs") ? comparePairs(args, ctx) : comparePair(args, ctx);
}

const RegisterCommand reg{{"face compare",
                           "face compare A B [--face-a N] [--face-b N] [--region-a X,Y,W,H] [--region-b X,Y,W,H] "
                           "[--models DIR] | face compare --pairs FILE [--models DIR]",
                           "Advisory similarity of two face photos (-1..1); --pairs reads 'A<TAB>B' lines and prints "
                           "'SCORE<TAB>A<TAB>B'.",
                           runFaceCompare}};

}  // namespace
}  // namespace ridgeline::cli
