#pragma once
// Numbered schema migrations. The schema version lives in PRAGMA user_version;
// step N takes a database from version N-1 to N. Steps are never edited once
// released: a change is a new step, so every profile ever written can be
// brought forward.
#include <string_view>
#include <vector>

namespace ridgeline::store {

class Database;

struct Migration {
  int version;               // the version this step produces
  std::string_view summary;  // what it adds, for logs and docs
  std::string_view sql;
};

const std::vector<Migration>& schemaMigrations();
int latestSchemaVersion();

// PRAGMA user_version; throws InputError when the file is not a database.
int schemaVersion(Database& db);

// Applies the steps after the current version up to target, each in its own
// transaction. Throws InputError naming both versions when the database is
// newer than this build knows.
void migrate(Database& db, int target);

}  // namespace ridgeline::store
