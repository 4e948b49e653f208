// `ridgeline-cli face align IMAGE --out FILE.png`: the examiner's aligned
// view of one face (eyes level, a chosen inter-eye distance) as a PNG, and
// optionally its 68 landmarks in crop pixels, so two faces exported with the
// same settings line up side by side.
#include <fstream>
#include <iomanip>
#include <ostream>

#include <opencv2/imgcodecs.hpp>

#include "arguments.h"
#include "command_registry.h"
#include "core/face/face_engine.h"
#include "core/face/face_photo.h"
#include "core/util/errors.h"
#include "face_options.h"

namespace ridgeline::cli {
namespace {

using namespace ridgeline::face;

// "WxH", e.g. 512x512.
cv::Size parseSize(const std::string& text) {
  const auto x = text.find('x');
  try {
    size_t used = 0;
    const int w = std::stoi(text.substr(0, x), &used);
    if (x == std::string::npos || used != x) throw std::invalid_argument("");
    const int h = std::stoi(text.substr(x + 1), &used);
    if (used != text.size() - x - 1 || w < 16 || h < 16 || w > 8192 || h > 8192) throw std::invalid_argument("");
    return {w, h};
  } catch (const std::exception&) {
    throw UsageError("option --size takes WxH from 16x16 to 8192x8192 (e.g. 512x512), not '" + text + "'");
  }
}

void writeLandmarks(const std::string& path, const AlignedFace& a) {
  std::ofstream out(path);
  if (!out) throw InputError(path + ": cannot write the landmarks file");
  out << "# index\tx\ty (pixels of the aligned crop)\n" << std::fixed << std::setprecision(2);
  for (int i = 0; i < kLandmarkCount; ++i) out << i << "\t" << a.landmarks[i].x << "\t" << a.landmarks[i].y << "\n";
  if (!out) throw InputError(path + ": write failed");
}

int runFaceAlign(Context& ctx) {
  const Arguments args(ctx.args, {"--out", "--face", "--region", "--inter-eye", "--size", "--landmarks-out", "--models"});
  args.expectPositional(1, 1, "one photo: face align IMAGE --out FILE.png");
  const std::string out = args.required("--out");
  if (!out.ends_with(".png")) throw UsageError("--out must name a .png file (lossless, so the examiner sees the pixels)");
  DisplayAlignment spec;
  if (auto size = args.value("--size")) spec.outputSize = parseSize(*size);
  if (auto ied = args.integer("--inter-eye", 8, 4096)) spec.interEyeDistance = double(*ied);
  std::optional<size_t> face;
  if (auto n = args.integer("--face", 1, 1000)) face = size_t(*n - 1);

  FaceEngine engine(face_options::engineOptions(args));
  const std::string& path = args.positional()[0];
  const cv::Mat photo = loadFacePhoto(path);
  const auto faces = engine.detectFaces(photo, face_options::region(args, "--region"));
  if (faces.empty()) throw InputError("no face found in " + path);
  const size_t index = face.value_or(0);
  if (index >= faces.size())
    throw InputError(path + " has " + std::to_string(faces.size()) + " face(s); there is no face " + std::to_string(index + 1));
  if (!face && faces.size() > 1) ctx.err << "note: " << faces.size() << " faces in " << path << "; using face 1 (the largest)\n";

  const AlignedFace aligned = alignForDisplay(photo, faces[index].landmarks, spec);
  if (!cv::imwrite(out, aligned.image)) throw InputError(out + ": cannot write the PNG");
  if (auto lm = args.value("--landmarks-out")) writeLandmarks(*lm, aligned);
  ctx.out << out << ": " << spec.outputSize.width << "x" << spec.outputSize.height << ", inter-eye "
          << spec.interEyeDistance << " px, scale " << std::fixed << std::setprecision(3) << aligned.scale
          << (aligned.scale > 1 ? " (enlarged: detail above the photo's is interpolation)" : "") << ", rotated "
          << std::setprecision(1) << aligned.rotationDegrees << " degrees\n";
  return 0;
}

const RegisterCommand reg{{"face align",
                           "face align IMAGE --out FILE.png [--face N] [--region X,Y,W,H] [--inter-eye PX] [--size WxH] "
                           "[--landmarks-out FILE] [--models DIR]",
                           "Write one face aligned for side-by-side comparison: eyes level, PX apart (default 128), "
                           "in a WxH view (default 512x512).",
                           runFaceAlign}};

}  // namespace
}  // namespace ridgeline::cli
