#include "core/util/library_versions.h"

#include <Poco/Environment.h>
#include <openssl/crypto.h>
#include <sqlite3.h>

#include <opencv2/core/version.hpp>

#include "core/util/build_info.h"

namespace ridgeline {

static std::string pocoVersion() {
  unsigned v = Poco::Environment::libraryVersion();
  return std::to_string(v >> 24) + "." + std::to_string((v >> 16) & 0xff) + "." +
         std::to_string((v >> 8) & 0xff);
}

std::vector<NamedVersion> coreLibraryVersions() {
  return {
      {"OpenCV", CV_VERSION},
      {"Poco", pocoVersion()},
      {"SQLite", sqlite3_libversion()},
      {"OpenSSL", OpenSSL_version(OPENSSL_VERSION_STRING)},
  };
}

std::string ridgelineVersion() { return build::version; }

}  // namespace ridgeline
