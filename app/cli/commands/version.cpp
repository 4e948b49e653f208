// `ridgeline-cli version`: same as --version, for scripts that prefer a word.
#include <ostream>

#include "command_registry.h"
#include "core/util/library_versions.h"

namespace ridgeline::cli {
namespace {

int runVersion(Context& ctx) {
  ctx.out << "ridgeline-cli " << ridgelineVersion() << "\n";
  for (const auto& [name, version] : coreLibraryVersions()) ctx.out << "  " << name << " " << version << "\n";
  return 0;
}

const RegisterCommand reg{{"version", "version", "Print the version and the versions of linked libraries.", runVersion}};

}  // namespace
}  // namespace ridgeline::cli
