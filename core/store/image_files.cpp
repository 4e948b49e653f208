#include "core/store/image_files.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>

#include "core/util/errors.h"
#include "core/util/sha256.h"

namespace fs = std::filesystem;

namespace ridgeline::store {
namespace {

[[noreturn]] void ioFailure(const std::string& what, const fs::path& path) {
  throw RemoteError(what + " '" + path.string() + "': " + std::strerror(errno));
}

void fsyncPath(const fs::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) ioFailure("cannot open for sync", path);
  if (::fsync(fd) != 0) {
    ::close(fd);
    ioFailure("cannot sync", path);
  }
  ::close(fd);
}

void writeAll(int fd, const std::uint8_t* data, size_t size, const fs::path& path) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ioFailure("cannot write", path);
    data += n;
    size -= static_cast<size_t>(n);
  }
}

// pid-counter-random: the pid lets a later process tell abandoned files from
// ones another live process is still writing.
std::string temporaryName() {
  static std::atomic<unsigned> counter{0};
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  return std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + std::to_string(rng() & 0xffffffff) +
         ".part";
}

std::vector<std::uint8_t> readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

bool isSha256Hex(const std::string& text) {
  if (text.size() != 64) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

ImageFiles::ImageFiles(fs::path root) : root_(std::move(root)) {
  std::error_code ec;
  const bool created = !fs::exists(root_);
  fs::create_directories(root_ / "tmp", ec);
  if (ec) throw RemoteError("cannot create image folder '" + (root_ / "tmp").string() + "': " + ec.message());
  if (created) fs::permissions(root_, fs::perms::owner_all, fs::perm_options::replace, ec);
}

fs::path ImageFiles::pathFor(const std::string& sha256) const {
  if (!isSha256Hex(sha256)) throw InputError("'" + sha256 + "' is not a SHA-256 image reference");
  return root_ / sha256.substr(0, 2) / sha256;
}

bool ImageFiles::exists(const std::string& sha256) const { return fs::exists(pathFor(sha256)); }

std::string ImageFiles::put(std::span<const std::uint8_t> bytes) {
  const std::string hash = sha256Hex(bytes);
  const fs::path final = pathFor(hash);
  if (fs::exists(final) && sha256FileHex(final.string()) == hash) return hash;

  const fs::path shard = final.parent_path();
  if (!fs::exists(shard)) {
    std::error_code ec;
    fs::create_directories(shard, ec);
    if (ec) throw RemoteError("cannot create image folder '" + shard.string() + "': " + ec.message());
    fsyncPath(root_, O_RDONLY | O_DIRECTORY);
  }
  const fs::path temp = root_ / "tmp" / temporaryName();
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) ioFailure("cannot create", temp);
  try {
    writeAll(fd, bytes.data(), bytes.size(), temp);
    if (::fsync(fd) != 0) ioFailure("cannot sync", temp);
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  ::close(fd);
  if (::rename(temp.c_str(), final.c_str()) != 0) {
    ::unlink(temp.c_str());
    ioFailure("cannot move image into place", final);
  }
  // The rename is durable only once the folder holding the new name is synced.
  fsyncPath(shard, O_RDONLY | O_DIRECTORY);
  return hash;
}

std::vector<std::uint8_t> ImageFiles::get(const std::string& sha256) const {
  const fs::path path = pathFor(sha256);
  if (!fs::exists(path)) throw InputError("image " + sha256 + " is missing from the profile (expected at '" + path.string() + "')");
  std::vector<std::uint8_t> bytes = readFile(path);
  const std::string actual = sha256Hex(bytes);
  if (actual != sha256)
    throw InputError("image file '" + path.string() + "' was altered or damaged: its SHA-256 is " + actual +
                     ", the case expects " + sha256);
  return bytes;
}

void ImageFiles::verify(const std::string& sha256) const { (void)get(sha256); }

void ImageFiles::erase(const std::string& sha256) {
  const fs::path path = pathFor(sha256);
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return;  // already gone: erasing is idempotent
    ioFailure("cannot open for erasure", path);
  }
  const auto size = static_cast<size_t>(fs::file_size(path));
  const std::vector<std::uint8_t> zeros(std::min<size_t>(size, 1 << 16), 0);
  for (size_t done = 0; done < size; done += zeros.size())
    writeAll(fd, zeros.data(), std::min(zeros.size(), size - done), path);
  ::fsync(fd);
  ::close(fd);
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) ioFailure("cannot delete", path);
  fsyncPath(path.parent_path(), O_RDONLY | O_DIRECTORY);
}

int ImageFiles::removeAbandonedTemporaries() {
  int removed = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root_ / "tmp", ec)) {
    const std::string name = entry.path().filename().string();
    const long pid = std::strtol(name.c_str(), nullptr, 10);
    const bool writerAlive = pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
    if (writerAlive) continue;
    if (fs::remove(entry.path(), ec)) ++removed;
  }
  return removed;
}

}  // namespace ridgeline::store
