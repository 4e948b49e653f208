#pragma once
// The profile's content-addressed image folder: each image is one file named
// by the SHA-256 of its bytes (images/ab/abcdef...). Files are written to a
// temporary name, fsync'd and renamed into place, so a reader sees the whole
// file or none of it, whatever happens to the writer.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace ridgeline::store {

class ImageFiles {
 public:
  explicit ImageFiles(std::filesystem::path root);  // creates root/ and root/tmp/

  // Stores the bytes (a no-op when an intact copy exists); returns the hex hash.
  std::string put(std::span<const std::uint8_t> bytes);
  // Reads and checks the hash; InputError naming the file when it is missing or altered.
  std::vector<std::uint8_t> get(const std::string& sha256) const;
  // Same checks without keeping the bytes.
  void verify(const std::string& sha256) const;
  bool exists(const std::string& sha256) const;
  // Overwrites the file with zeros before unlinking it, so the image does not
  // linger in the file's old blocks on simple file systems (see docs/store.md).
  void erase(const std::string& sha256);
  // Deletes temporary files left by writers that no longer run (killed mid-write).
  int removeAbandonedTemporaries();

  std::filesystem::path pathFor(const std::string& sha256) const;
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

// True for 64 lowercase hex digits: the only names ever turned into paths.
bool isSha256Hex(const std::string& text);

}  // namespace ridgeline::store
