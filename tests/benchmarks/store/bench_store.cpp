// Audit trail throughput: append N events (batched: B appends per write
// transaction, synchronous=FULL, so one fsync per batch), then verify the
// whole chain. Also the unbatched path (one transaction and fsync per event,
// what CaseStore::recordEvent does) and reopening a profile of that size.
// Figures are printed, never asserted.
//
// usage: bench_store [--smoke] [--events N] [--batch B] [--dir DIR]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "core/store/audit_trail.h"
#include "core/store/case_store.h"
#include "machine_info.h"

using namespace ridgeline;
using Seconds = std::chrono::duration<double>;

namespace {

struct Config {
  long events = 100000;
  long batch = 1000;
  long unbatched = 2000;
  std::filesystem::path dir;
};

Config parse(int argc, char** argv) {
  Config c;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--smoke") {
      c.events = 5000;
      c.unbatched = 100;
    } else if (a == "--events" && i + 1 < argc) {
      c.events = std::atol(argv[++i]);
    } else if (a == "--batch" && i + 1 < argc) {
      c.batch = std::atol(argv[++i]);
    } else if (a == "--dir" && i + 1 < argc) {
      c.dir = argv[++i];
    }
  }
  if (c.dir.empty()) c.dir = std::filesystem::temp_directory_path() / ("bench_store_" + std::to_string(::getpid()));
  return c;
}

std::string details(long i) {
  return "{\"bundle\":\"export-" + std::to_string(i) + ".zip\",\"sha256\":\"" + std::string(64, 'c') + "\"}";
}

double appendBatched(store::CaseStore& s, std::int64_t caseId, const Config& c) {
  const Actor actor{"bench", "examiner"};
  store::AuditTrail trail(s.database());
  const auto start = std::chrono::steady_clock::now();
  for (long done = 0; done < c.events;) {
    store::WriteTransaction tx(s.database());
    for (long k = 0; k < c.batch && done < c.events; ++k, ++done)
      trail.append(actor, caseId, AuditAction::Export, details(done));
    tx.commit();
  }
  return Seconds(std::chrono::steady_clock::now() - start).count();
}

double appendUnbatched(store::CaseStore& s, std::int64_t caseId, const Config& c) {
  const Actor actor{"bench", "examiner"};
  const auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < c.unbatched; ++i) s.recordEvent(caseId, AuditAction::Export, details(i), actor);
  return Seconds(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const Config c = parse(argc, argv);
  bench::printMachineHeader("bench_store (audit trail append and verify)");
  std::filesystem::remove_all(c.dir);
  std::int64_t total = 0;
  {
    store::CaseStore s(c.dir);
    Case kase;
    kase.hubId = "BENCH-1";
    const auto caseId = s.addCase(kase, {"bench", "system"});
    const double batched = appendBatched(s, caseId, c);
    std::printf("append batched:   %ld events, %ld per transaction, %.3f s, %.0f events/s\n", c.events, c.batch,
                batched, double(c.events) / batched);
    const double single = appendUnbatched(s, caseId, c);
    std::printf("append unbatched: %ld events, 1 per transaction (fsync each), %.3f s, %.0f events/s\n", c.unbatched,
                single, double(c.unbatched) / single);
    total = 1 + c.events + c.unbatched;
  }
  const auto openStart = std::chrono::steady_clock::now();
  store::CaseStore s(c.dir);
  const double open = Seconds(std::chrono::steady_clock::now() - openStart).count();
  std::printf("reopen (integrity quick_check, migrations): %.3f s, database %.1f MiB\n", open,
              double(std::filesystem::file_size(s.databasePath())) / (1024.0 * 1024.0));
  NoProgress progress;
  const auto start = std::chrono::steady_clock::now();
  const auto result = s.verifyAudit(progress);
  const double verify = Seconds(std::chrono::steady_clock::now() - start).count();
  std::printf("verify chain:     %lld events, %.3f s, %.0f events/s, %s\n", static_cast<long long>(result.checked),
              verify, double(result.checked) / verify, result.intact ? "intact" : "BROKEN");
  std::filesystem::remove_all(c.dir);
  return result.intact && result.checked == total ? 0 : 1;
}
