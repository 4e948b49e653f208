#include "core/util/sha256.h"

#include <openssl/evp.h>

#include <fstream>
#include <vector>

#include "core/util/errors.h"
#include "core/util/hex.h"

namespace ridgeline {

struct Sha256::Impl {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~Impl() { EVP_MD_CTX_free(ctx); }
  void reset() { EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr); }
};

Sha256::Sha256() : impl_(std::make_unique<Impl>()) { impl_->reset(); }
Sha256::~Sha256() = default;

Sha256& Sha256::update(std::span<const std::uint8_t> bytes) {
  EVP_DigestUpdate(impl_->ctx, bytes.data(), bytes.size());
  return *this;
}

Sha256& Sha256::update(std::string_view text) {
  EVP_DigestUpdate(impl_->ctx, text.data(), text.size());
  return *this;
}

Sha256Digest Sha256::finish() {
  Sha256Digest out{};
  unsigned int len = 0;
  EVP_DigestFinal_ex(impl_->ctx, out.data(), &len);
  impl_->reset();
  return out;
}

Sha256Digest sha256(std::span<const std::uint8_t> bytes) {
  Sha256Digest out{};
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), out.data(), &len, EVP_sha256(), nullptr);
  return out;
}

Sha256Digest sha256(std::string_view text) {
  return sha256(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::string sha256Hex(std::span<const std::uint8_t> bytes) { return toHex(sha256(bytes)); }
std::string sha256Hex(std::string_view text) { return toHex(sha256(text)); }

std::string sha256FileHex(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot read file '" + path + "'");
  Sha256 engine;
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    engine.update(std::string_view(buffer.data(), static_cast<size_t>(in.gcount())));
  }
  if (in.bad()) throw InputError("read error in file '" + path + "'");
  return toHex(engine.finish());
}

}  // namespace ridgeline
