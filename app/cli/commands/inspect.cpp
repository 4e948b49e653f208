// `ridgeline-cli inspect FILE [--json] [--full] [--no-decode]`: what a file is
// (ANSI/NIST-ITL, ISO/IEC 19794-2, WSQ or another image) and its structure.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>

#include "arguments.h"
#include "command_registry.h"
#include "core/formats/inspection/file_inspection.h"
#include "core/util/errors.h"

namespace ridgeline::cli {
namespace {

// Larger than any transaction the readers accept; refuses before reading.
constexpr std::uintmax_t kMaxInspectBytes = 1024ull * 1024 * 1024;

std::vector<std::uint8_t> readWholeFile(const std::string& path) {
  // The size from the file system: a stream opened on a folder reports none,
  // which read as a size would claim the folder is huge.
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  // No path in these messages: the caller names the file.
  if (ec) throw InputError("cannot read (" + ec.message() + ")");
  if (size > kMaxInspectBytes) throw InputError("larger than 1 GiB");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot open");
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size)))
    throw InputError("cannot read");
  return bytes;
}

int runInspect(Context& ctx) {
  Arguments args(ctx.args, {}, {"--json", "--full", "--no-decode"});
  args.expectPositional(1, 1, "FILE");
  const std::string path = args.positional()[0];
  InspectOptions options;
  options.full = args.has("--full");
  options.decodeImages = !args.has("--no-decode");
  JsonValue report;
  try {
    report = inspectBytes(readWholeFile(path), options);
  } catch (const InputError& e) {
    throw InputError(path + ": " + e.what());
  }
  JsonValue withFile = JsonValue::object();
  withFile.set("file", path);
  for (const auto& [k, v] : *report.asObject()) withFile.set(k, v);
  if (args.has("--json"))
    ctx.out << withFile.dump(2) << "\n";
  else
    ctx.out << path << ": " << renderInspectionText(report);
  return 0;
}

const RegisterCommand reg{{"inspect", "inspect FILE [--json] [--full] [--no-decode]",
                           "Say what a file is (ANSI/NIST-ITL, ISO/IEC 19794-2, WSQ, image) and show its structure: "
                           "records and fields with numbers and names, images, minutiae.",
                           runInspect}};

}  // namespace
}  // namespace ridgeline::cli
