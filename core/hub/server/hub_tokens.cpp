#include "core/hub/server/hub_tokens.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <array>

#include "core/hub/tls/hub_tls_files.h"
#include "core/util/errors.h"
#include "core/util/hex.h"

namespace ridgeline::hub {
namespace {

std::string newToken() {
  std::array<std::uint8_t, 32> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
    throw RemoteError("the system's random generator failed; cannot make hub tokens");
  return "rh1_" + toHex(bytes);
}

bool isTokenText(const std::string& t) {
  if (t.size() < 16 || t.size() > 512) return false;
  for (unsigned char c : t)
    if (c <= 0x20 || c >= 0x7f) return false;
  return true;
}

}  // namespace

std::filesystem::path tokenFile(const std::filesystem::path& stateDir, const std::string& role) {
  return stateDir / (role + ".token");
}

std::string readTokenFile(const std::filesystem::path& file) {
  std::string text;
  try {
    text = readTextFile(file);
  } catch (const InputError&) {
    throw InputError("cannot read the token file " + file.string() + " (check --token-file)");
  }
  const auto first = text.find_first_not_of(" \t\r\n");
  const auto last = text.find_last_not_of(" \t\r\n");
  const std::string token = first == std::string::npos ? "" : text.substr(first, last - first + 1);
  if (!isTokenText(token))
    throw InputError("the token file " + file.string() + " does not hold one bearer token (16-512 printable characters, no spaces)");
  return token;
}

HubTokens HubTokens::loadOrCreate(const std::filesystem::path& stateDir) {
  HubTokens tokens;
  for (const char* role : kRoles) {
    const auto file = tokenFile(stateDir, role);
    if (!std::filesystem::exists(file)) writeTextFileAtomically(file, newToken() + "\n", true);
    tokens.tokens_[role] = readTokenFile(file);
  }
  return tokens;
}

std::optional<std::string> HubTokens::roleOf(const std::string& token) const {
  std::optional<std::string> found;
  for (const auto& [role, expected] : tokens_)  // no early exit: timing says nothing about which role
    if (token.size() == expected.size() && CRYPTO_memcmp(token.data(), expected.data(), token.size()) == 0) found = role;
  return found;
}

}  // namespace ridgeline::hub
