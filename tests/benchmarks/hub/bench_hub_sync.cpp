// Sync of N queued cases (metadata: queue pages into the store, no leases)
// from the reference hub over TLS on loopback, into a fresh profile each run.
// Prints seconds per run (the goal: 1,000 cases in at most 2 s) and
// where the time goes (pages fetched vs. cases written to the store).
//
// usage: bench_hub_sync [--smoke] [--cases N] [--runs R] [--page P]
#include <opencv2/core.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/formats/image/image_codec.h"
#include "core/hub/protocol/case_payload.h"
#include "core/hub/server/reference_hub.h"
#include "core/hub/sync/sync_engine.h"
#include "core/store/clock.h"
#include "machine_info.h"

using namespace ridgeline;
using Seconds = std::chrono::duration<double>;

namespace {

struct Config {
  int cases = 1000;
  int runs = 3;
  int page = 200;
};

Config parse(int argc, char** argv) {
  Config c;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--smoke") c.cases = 100, c.runs = 1;
    else if (a == "--cases" && i + 1 < argc) c.cases = std::max(1, std::atoi(argv[++i]));
    else if (a == "--runs" && i + 1 < argc) c.runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--page" && i + 1 < argc) c.page = std::clamp(std::atoi(argv[++i]), 1, 500);
    else {
      std::fprintf(stderr, "usage: bench_hub_sync [--smoke] [--cases N] [--runs R] [--page P]\n");
      std::exit(2);
    }
  }
  return c;
}

// A small but real payload (two 64x64 PNG images); metadata sync never fetches it.
std::vector<std::uint8_t> tinyPayload() {
  GrayImage g;
  g.pixels = cv::Mat(64, 64, CV_8UC1, cv::Scalar(128));
  g.ppi = 500;
  hub::PayloadImage image;
  image.image = {encodeImage(g, ImageFormat::Png), ImageFormat::Png, 64, 64, 500, 8};
  hub::SearchResult s{"BENCH", Modality::Fingerprint, 40, "benchmark", image, {{1, "S-1", 30, image}}};
  return hub::buildCasePayload(s).bytes;
}

void seed(hub::HubDatabase& db, int n) {
  const auto payload = tinyPayload();
  for (int i = 0; i < n; ++i) {
    hub::CaseSummary s;
    char id[32];
    std::snprintf(id, sizeof id, "BENCH-%06d", i);
    s.entry = {id, Modality::Fingerprint, 1 + i % 9, hub::HubCaseStatus::Queued, 40, 20.0 + i % 19, 1,
               store::nowIso8601(), "", ""};
    s.probeRecord = 1;
    s.candidates = {{1, "S-1", 30, 2}};
    s.scoreSource = "benchmark";
    db.addCase(s, payload);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const Config config = parse(argc, argv);
  bench::printMachineHeader("bench_hub_sync");
  std::string pattern = (std::filesystem::temp_directory_path() / "bench_hub_sync-XXXXXX").string();
  if (!mkdtemp(pattern.data())) return std::perror("mkdtemp"), 3;
  const std::filesystem::path root = pattern;
  auto hubServer = hub::ReferenceHub::start(root / "hub", "127.0.0.1:0", false);
  const auto seedStart = std::chrono::steady_clock::now();
  seed(hubServer->database(), config.cases);
  std::printf("hub seeded with %d queued cases in %.2f s (not part of the figure)\n", config.cases,
              Seconds(std::chrono::steady_clock::now() - seedStart).count());

  hub::HubClientConfig clientConfig;
  clientConfig.url = hubServer->connection().url;
  clientConfig.caFile = hubServer->connection().caFile;
  clientConfig.token = hubServer->connection().tokens.at("examiner");

  std::vector<double> totals;
  for (int run = 1; run <= config.runs; ++run) {
    store::CaseStore store(root / ("desk-" + std::to_string(run)));
    hub::HubClient client(clientConfig);
    hub::SyncOptions options{"bench", 0};
    options.pageSize = config.page;
    hub::SyncEngine engine(store, client, options);
    NoProgress progress;
    const auto start = std::chrono::steady_clock::now();
    const hub::SyncReport report = engine.run(progress);
    const double seconds = Seconds(std::chrono::steady_clock::now() - start).count();
    totals.push_back(seconds);

    // The network share alone: the same pages again, nothing written.
    const auto netStart = std::chrono::steady_clock::now();
    hub::QueueFilter f;
    f.limit = config.page;
    int pages = 0;
    do {
      f.cursor = client.queue(f).nextCursor;
      ++pages;
    } while (!f.cursor.empty());
    const double network = Seconds(std::chrono::steady_clock::now() - netStart).count();
    std::printf("run %d: %d cases pulled in %.3f s (%.0f cases/s); the %d queue pages alone over TLS: %.3f s\n", run,
                report.casesPulled, seconds, report.casesPulled / seconds, pages, network);
  }
  std::sort(totals.begin(), totals.end());
  std::printf("sync of %d queued cases (metadata) over TLS on loopback: best %.3f s, median %.3f s over %d runs (goal <= 2 s)\n",
              config.cases, totals.front(), totals[totals.size() / 2], config.runs);
  hubServer.reset();
  std::filesystem::remove_all(root);
  return 0;
}
