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
#include "core/formats/ansinist/record_image.h"
#include "core/formats/ansinist/transaction.h"
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

std::vector<std::uint8_t> readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open for reading");
  return {std::istreambuf_iterator<char>(in), {}};
}

// `--record N`: the image of record N (1-based, as `inspect` numbers them)
// of an ANSI/NIST-ITL transaction.
GrayImage readTransactionRecord(const Arguments& args, const std::string& path) {
  const long record = *args.integer("--record", 1, static_cast<long>(ansinist::kMaxRecords));
  const std::vector<std::uint8_t> bytes = readAll(path);
  if (!ansinist::looksLikeAnsiNist(bytes.data(), bytes.size()))
    throw InputError(path + ": --record N needs an ANSI/NIST-ITL transaction");
  try {
    const ansinist::Transaction t = ansinist::readTransaction(bytes);
    return ansinist::decodeRecordImage(t, static_cast<std::size_t>(record - 1));
  } catch (const InputError& e) {
    throw InputError(path + ": " + e.what());
  }
}

// The one place that turns IN into pixels.
GrayImage loadInput(const Arguments& args, const std::string& path) {
  if (args.has("--record")) {
    if (args.has("--width") || args.has("--height")) throw UsageError("--width/--height do not apply with --record");
    return readTransactionRecord(args, path);
  }
  if (imageFormatFromExtension(path) == ImageFormat::Raw) return readRaw(args, path);
  if (args.has("--width") || args.has("--height")) throw UsageError("--width/--height apply only to a .raw input");
  {
    std::ifstream probe(path, std::ios::binary);
    char head[6] = {};
    probe.read(head, sizeof head);
    if (ansinist::looksLikeAnsiNist(reinterpret_cast<const std::uint8_t*>(head), static_cast<std::size_t>(probe.gcount())))
      throw UsageError(path + " is an ANSI/NIST-ITL transaction: choose its image record with --record N "
                       "('ridgeline-cli inspect " + path + "' lists the records)");
  }
  return readImageFile(path);
}

int runConvert(Context& ctx) {
  const Arguments args(ctx.args, {"--width", "--height", "--bitrate", "--ppi", "--record"});
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
                           "convert IN OUT [--width N --height N] [--record N] [--bitrate BPP] [--ppi N]",
                           "Convert between .wsq .png .pgm .tif .bmp .jpg .jp2 and .raw (8-bit grey; .raw input needs "
                           "--width/--height); --record N takes the image of record N out of an ANSI/NIST-ITL "
                           "transaction; --bitrate sets WSQ bits per pixel (default 0.75), --ppi the resolution.",
                           runConvert}};

}  // namespace
}  // namespace ridgeline::cli
