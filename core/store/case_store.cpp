// Opening a profile: folder, database settings, migrations, and finishing
// work a killed process left behind.
#include "core/store/case_store.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "core/store/schema_migrations.h"
#include "core/util/errors.h"

namespace fs = std::filesystem;

namespace ridgeline::store {

fs::path CaseStore::defaultProfileDir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "ridgeline" / "default";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".local" / "share" / "ridgeline" / "default";
  throw UsageError("no profile folder: set --profile, XDG_DATA_HOME or HOME");
}

CaseStore::CaseStore(const fs::path& dir, StoreOptions options) : dir_(dir), options_(options) {
  if (dir_.empty()) dir_ = defaultProfileDir();
  if (fs::exists(dir_) && !fs::is_directory(dir_))
    throw InputError("profile '" + dir_.string() + "' is not a folder");
  std::error_code ec;
  if (!fs::exists(dir_)) {
    fs::create_directories(dir_, ec);
    if (ec) throw RemoteError("cannot create profile folder '" + dir_.string() + "': " + ec.message());
    // Biometric data and the examiner's work: readable by this user only.
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::replace, ec);
  }
  openDatabase();
  images_ = std::make_unique<ImageFiles>(dir_ / "images");
  images_->removeAbandonedTemporaries();
  erasePendingFiles();
}

CaseStore::~CaseStore() {
  // Best effort: fold the WAL back so deleted (purged) pages do not linger in
  // it when a purge's own checkpoint was blocked by another process's reader.
  if (db_) sqlite3_wal_checkpoint_v2(db_->handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
}

void CaseStore::openDatabase() {
  const bool existed = fs::exists(databasePath()) && fs::file_size(databasePath()) > 0;
  db_ = std::make_unique<Database>(databasePath().string(), true);
  sqlite3_busy_timeout(db_->handle(), options_.busyTimeoutMs);
  // Read-only checks first: a database we must refuse is never written to.
  const int version = schemaVersion(*db_);
  if (version > latestSchemaVersion())
    throw InputError("profile database '" + databasePath().string() + "' has schema version " +
                     std::to_string(version) + ", newer than this Ridgeline understands (" +
                     std::to_string(latestSchemaVersion()) + "); open it with a newer Ridgeline");
  if (existed) {
    const std::string integrity = checkDatabaseIntegrity();
    if (integrity != "ok")
      throw InputError("profile database '" + databasePath().string() + "' is damaged: " + integrity);
  }
  enableWriteAheadLog();
  // FULL: a commit survives power loss, not only a killed process. The
  // examiner's decisions and the audit trail are worth one fsync each.
  db_->exec("PRAGMA synchronous = FULL");
  db_->exec("PRAGMA foreign_keys = ON");
  // Deleted content (purged features) is overwritten with zeros, not left in free pages.
  db_->exec("PRAGMA secure_delete = ON");
  migrate(*db_, latestSchemaVersion());
  audit_ = std::make_unique<AuditTrail>(*db_);
}

void CaseStore::enableWriteAheadLog() {
  // Turning a new database to WAL needs an exclusive lock, and SQLite does
  // not wait for it (the busy handler is not consulted): two processes that
  // create one profile at once would fail. So wait here, within the same
  // busy timeout, with a short backoff.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.busyTimeoutMs);
  for (int delayMs = 1;; delayMs = std::min(delayMs * 2, 50)) {
    try {
      db_->exec("PRAGMA journal_mode = WAL");
      return;
    } catch (const RemoteError&) {
      const bool busy = (sqlite3_errcode(db_->handle()) & 0xff) == SQLITE_BUSY;
      if (!busy || std::chrono::steady_clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
  }
}

std::string CaseStore::checkDatabaseIntegrity() const {
  Statement q = db_->prepare("PRAGMA quick_check(5)");
  std::string result;
  while (q.step()) result += (result.empty() ? "" : "; ") + q.text(0);
  return result;
}

// Image files of purged cases are erased here, after the purge committed.
// Files are only ever erased while this connection holds the write lock and
// after checking, under that lock, that no live impression references them;
// addImpression re-checks its file under the same lock. So an image shared
// with a case that arrives meanwhile is never lost. A process killed before
// this ran leaves the rows; the next open finishes the job.
void CaseStore::erasePendingFiles() {
  {
    Statement any = db_->prepare("SELECT 1 FROM pending_file_deletion LIMIT 1");
    if (!any.step()) return;
  }
  WriteTransaction tx(*db_);
  std::vector<std::string> pending;
  {
    Statement q = db_->prepare(
        "SELECT sha256 FROM pending_file_deletion p WHERE NOT EXISTS "
        "(SELECT 1 FROM impression i WHERE i.image_sha256 = p.sha256 AND i.image_purged = 0)");
    while (q.step()) pending.push_back(q.text(0));
  }
  for (const std::string& sha : pending) images_->erase(sha);
  // Rows whose image came back into use are dropped too: that file stays.
  db_->exec("DELETE FROM pending_file_deletion");
  tx.commit();
}

void CaseStore::requireStatus(const Case& c, std::initializer_list<CaseStatus> allowed,
                              const std::string& action) const {
  for (CaseStatus s : allowed)
    if (c.status == s) return;
  std::string names;
  for (CaseStatus s : allowed) names += (names.empty() ? "" : " or ") + std::string(toLabel(s));
  throw InputError("case " + c.hubId + " is " + std::string(toLabel(c.status)) + "; " + action + " needs it " + names);
}

void CaseStore::setStatus(std::int64_t caseId, CaseStatus status) {
  db_->prepare("UPDATE case_record SET status = ? WHERE id = ?").bind(1, toCode(status)).bind(2, caseId).run();
}

std::int64_t CaseStore::caseOfImpression(std::int64_t impressionId) const {
  Statement q = db_->prepare("SELECT case_id FROM impression WHERE id = ?");
  q.bind(1, impressionId);
  if (!q.step()) throw InputError("no impression " + std::to_string(impressionId) + " in this profile");
  return q.int64(0);
}

}  // namespace ridgeline::store
