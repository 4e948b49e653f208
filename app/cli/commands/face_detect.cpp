// `ridgeline-cli face detect IMAGE`: every face in a photo with its box,
// detector score, head pose and inter-eye distance, numbered as
// `face compare --face-a N` expects.
#include <iomanip>
#include <ostream>

#include "arguments.h"
#include "command_registry.h"
#include "core/face/face_engine.h"
#include "core/face/face_photo.h"
#include "face_options.h"

namespace ridgeline::cli {
namespace {

using namespace ridgeline::face;

void printFace(std::ostream& out, size_t n, const DetectedFace& f, bool tooSmall) {
  out << std::fixed << std::setprecision(1) << "face " << n << "\tbox " << f.box.x << "," << f.box.y << " "
      << f.box.width << "x" << f.box.height << "\tscore " << std::setprecision(3) << f.score << std::setprecision(1)
      << "\tinter-eye " << f.interEyeDistance << " px";
  if (f.pose)
    out << "\tyaw " << f.pose->yaw << "\tpitch " << f.pose->pitch << "\troll " << f.pose->roll;
  else
    out << "\tpose unknown";
  out << (tooSmall ? "\ttoo small to score" : "") << "\n";
}

int runFaceDetect(Context& ctx) {
  const Arguments args(ctx.args, {"--models", "--region"});
  args.expectPositional(1, 1, "one photo: face detect IMAGE");
  const auto region = face_options::region(args, "--region");
  FaceEngine engine(face_options::engineOptions(args));
  const std::string& path = args.positional()[0];
  const cv::Mat photo = loadFacePhoto(path);
  const auto faces = engine.detectFaces(photo, region);
  if (faces.empty()) throw InputError("no face found in " + path + (region ? " (inside the search region)" : ""));
  ctx.out << path << ": " << photo.cols << "x" << photo.rows << ", " << faces.size() << " face(s), largest first\n";
  for (size_t i = 0; i < faces.size(); ++i) printFace(ctx.out, i + 1, faces[i], engine.isTooSmall(faces[i]));
  ctx.err << "note: angles in degrees (yaw > 0 turned toward the image's right, pitch > 0 up, roll > 0 clockwise), "
             "a rough guide from a generic 3D face\n";
  return 0;
}

const RegisterCommand reg{{"face detect", "face detect IMAGE [--region X,Y,W,H] [--models DIR]",
                           "List every face in a photo (or in a region of it, searched at full detector resolution) "
                           "with its box, detector score, inter-eye distance and head pose.",
                           runFaceDetect}};

}  // namespace
}  // namespace ridgeline::cli
