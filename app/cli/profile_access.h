#pragma once
// How CLI commands reach the profile: --profile DIR, or the default profile.
// Commands that only read (audit verify/log) refuse to create a profile, so a
// mistyped path reports "no profile" instead of verifying an empty one.
#include <filesystem>
#include <memory>

#include "command_registry.h"
#include "core/store/case_store.h"
#include "core/util/errors.h"

namespace ridgeline::cli {

inline std::filesystem::path profilePath(const Context& ctx) {
  return ctx.profileDir.empty() ? store::CaseStore::defaultProfileDir() : std::filesystem::path(ctx.profileDir);
}

inline std::unique_ptr<store::CaseStore> openExistingProfile(const Context& ctx) {
  const auto dir = profilePath(ctx);
  if (!std::filesystem::exists(dir / "ridgeline.db"))
    throw InputError("no Ridgeline profile in '" + dir.string() + "' (ridgeline.db is missing)");
  return std::make_unique<store::CaseStore>(dir);
}

}  // namespace ridgeline::cli
