// `ridgeline-cli convert IN OUT`: between image formats, chosen by extension.
// Decoding goes through core/formats/image (every reader size-capped and
// bounds-checked); the output is written atomically.
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <ostream>

#include "arguments.h"
#include "command_registry.h"
#include "core/formats/image/image_codec.h"
#include "core/util/errors.h"

namespace ridgeline::cli {
namespace {

double realOption(const Arguments& args, const std::string& name, double min, double max) {
  const std::string v = args.required(name);
  char* end = nullptr;
  errno = 0;
  const double d = std::strtod(v.c_str(), &end);
  if (errno || end != v.c_str() + v.size() || v.empty() || !(d >= min && d <= max))
    throw UsageError("option " + name + " takes a number from " + std::to_string(min) + " to " + std::to_string(max) +
                     ", not '" + v + "'");
  return d;
}

GrayImage readRaw(const Arguments& args, const std::string& path) {
  if (!args.has("--width") || !args.has("--height")) throw UsageError("a .raw input needs --width and --height");
  const int w = static_cast<int>(*args.integer("--width", 1, 1 << 20));
  const int h = static_cast<int>(*args.integer("--height", 1, 1 << 20));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open for reading");
  const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), {}};
  try {
    return decodeRawImage(bytes, w, h);
  } catch (const InputError& e) {
    throw InputError(path + ": " + e.what());
  }
}

// The one place that turns IN into pixels. Other inputs (an image record of
// an ANSI/NIST-ITL transaction, `--record N`) slot in here.
GrayImage loadInput(const Arguments& args, const std::string& path) {
  if (imageFormatFromExtension(path) == ImageFormat::Raw) return readRaw(args, path);
  if (args.has("--width") || args.has("--height")) throw UsageError("--width/--height apply only to a .raw input");
  return readImageFile(path);
}

int runConvert(Context& ctx) {
  const Arguments args(ctx.args, {"--width", "--height", "--bitrate", "--ppi"});
  args.expectPositional(2, 2, "IN and OUT");
  const std::string& in = args.positional()[0];
  const std::string& out = args.positional()[1];
  const ImageFormat outFormat = imageFormatFromExtension(out);
  if (outFormat == ImageFormat::Unknown)
    throw UsageError("OUT '" + out + "' has no known extension (.wsq .png .pgm .tif .bmp .jpg .jp2 .raw)");

  ImageWriteOptions options;
  if (args.has("--bitrate")) {
    if (outFormat != ImageFormat::Wsq) throw UsageError("--bitrate applies only to WSQ output");
    options.wsqBitrate = realOption(args, "--bitrate", 0.1, 8.0);
  }

  GrayImage image = loadInput(args, in);
  for (const auto& w : image.warnings) ctx.err << "warning: " << in << ": " << w << "\n";
  if (args.has("--ppi")) {
    const double ppi = realOption(args, "--ppi", 1, 100000);
    if (image.ppi > 0 && std::abs(image.ppi - ppi) > 0.01)
      ctx.err << "note: " << in << " states " << image.ppi << " ppi; writing " << ppi << " as requested\n";
    image.ppi = ppi;
  }

  writeImageFile(out, image, options);
  ctx.out << in << " (" << formatName(image.sourceFormat) << " " << image.pixels.cols << "x" << image.pixels.rows
          << ", " << (image.ppi > 0 ? std::to_string(static_cast<long>(std::lround(image.ppi))) + " ppi" : "ppi not stated")
          << ") -> " << out << " (" << formatName(outFormat) << ")\n";
  return 0;
}

const RegisterCommand reg{{"convert",
                           "convert IN OUT [--width N --height N] [--bitrate BPP] [--ppi N]",
                           "Convert between .wsq .png .pgm .tif .bmp .jpg .jp2 and .raw (8-bit grey; .raw input needs "
                           "--width/--height); --bitrate sets WSQ bits per pixel (default 0.75), --ppi the resolution.",
                           runConvert}};

}  // namespace
}  // namespace ridgeline::cli
