// `ridgeline-cli inspect FILE [--json] [--full] [--no-decode]`: what a file is
// (ANSI/NIST-ITL, ISO/IEC 19794-2, WSQ or another image) and its structure.
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
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw InputError("cannot open " + path);
  const auto size = static_cast<std::uintmax_t>(in.tellg());
  if (size > kMaxInspectBytes) throw InputError(path + " is larger than 1 GiB");
  in.seekg(0);
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size)))
    throw InputError("cannot read " + path);
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
