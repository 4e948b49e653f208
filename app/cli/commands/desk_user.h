#pragma once
// Who is working at the desk, for leases and the audit trail: --examiner NAME,
// else the login name. The reference hub authenticates roles; the name
// travels with each lease and decision.
#include <cstdlib>
#include <string>

#include "arguments.h"
#include "core/store/case_store.h"
#include "core/util/errors.h"

namespace ridgeline::cli {

inline std::string deskUser(const Arguments& args) {
  if (auto name = args.value("--examiner")) {
    if (name->empty() || name->size() > 128) throw UsageError("--examiner needs a name of 1-128 characters");
    return *name;
  }
  const char* login = std::getenv("USER");
  if (!login || !*login) throw UsageError("say who you are with --examiner NAME (USER is not set)");
  return login;
}

inline std::filesystem::path profileOf(const std::string& profileDir) {
  return profileDir.empty() ? store::CaseStore::defaultProfileDir() : std::filesystem::path(profileDir);
}

}  // namespace ridgeline::cli
