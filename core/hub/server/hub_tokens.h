#pragma once
// Bearer tokens of the reference hub, one per role. Made on first start from
// OpenSSL's CSPRNG and written to STATE/<role>.token (owner-only), which is
// how an operator hands them to a desk (--token-file). The reference hub
// authenticates roles, not persons: the examiner's name travels in requests.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace ridgeline::hub {

inline constexpr const char* kRoles[] = {"examiner", "verifier", "supervisor"};

class HubTokens {
 public:
  // Loads STATE/<role>.token for every role, creating missing ones.
  static HubTokens loadOrCreate(const std::filesystem::path& stateDir);

  // The role a presented token belongs to (constant-time comparison).
  std::optional<std::string> roleOf(const std::string& token) const;
  const std::map<std::string, std::string>& byRole() const { return tokens_; }

 private:
  std::map<std::string, std::string> tokens_;  // role -> token
};

std::filesystem::path tokenFile(const std::filesystem::path& stateDir, const std::string& role);

// Reads a token file as a desk does: one line, surrounding whitespace ignored.
// InputError naming the file when it is missing, empty or not one token.
std::string readTokenFile(const std::filesystem::path& file);

}  // namespace ridgeline::hub
