#pragma once
// Shared by the hub suites: a demo hub state made once per test run (the
// demo seeding encodes WSQ images; copies are instant), clients with short
// timeouts so failure tests end quickly, and an examiner's walk of a case to
// a recorded conclusion.
#include <QTemporaryDir>

#include <filesystem>
#include <memory>

#include "core/hub/client/hub_client.h"
#include "core/hub/server/reference_hub.h"
#include "core/store/case_store.h"

namespace hubtest {

using namespace ridgeline;
namespace fs = std::filesystem;

inline const Actor kAlice{"alice", "examiner"};

// A demo hub state folder, seeded once; copied for each test.
inline fs::path demoTemplate() {
  static QTemporaryDir dir;
  static bool made = false;
  if (!made) {
    hub::ReferenceHubOptions o;
    o.stateDir = fs::path(dir.path().toStdString()) / "template";
    o.demo = true;
    o.demoDir = fs::path(RIDGELINE_SOURCE_DIR) / "resources" / "demo";
    hub::ReferenceHub::start(o)->stop();
    made = true;
  }
  return fs::path(dir.path().toStdString()) / "template";
}

inline void copyDemoState(const fs::path& to) {
  fs::create_directories(to);
  for (const auto& entry : fs::directory_iterator(demoTemplate())) {
    const auto name = entry.path().filename().string();
    if (name == "requests.log" || name == "hub.url") continue;
    fs::copy(entry.path(), to / name, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  }
}

// A running demo hub in dir (copied from the template), on a free loopback port.
inline std::unique_ptr<hub::ReferenceHub> startDemoHub(const fs::path& dir, const std::string& listen = "127.0.0.1:0") {
  if (!fs::exists(dir / "hub.db")) copyDemoState(dir);
  return hub::ReferenceHub::start(dir, listen, false);
}

inline hub::HubClientConfig clientConfig(const hub::HubConnection& c, const std::string& role = "examiner") {
  hub::HubClientConfig config;
  config.url = c.url;
  config.caFile = c.caFile;
  config.token = c.tokens.at(role);
  config.connectTimeout = std::chrono::milliseconds(2000);
  config.readTimeout = std::chrono::milliseconds(3000);
  config.retry.maxAttempts = 2;
  config.retry.baseDelay = std::chrono::milliseconds(20);
  return config;
}

// Walks a leased, fetched case through analysis to a conclusion on its rank-1 candidate.
inline void concludeCase(store::CaseStore& store, std::int64_t caseId, const std::string& decision = "exclusion") {
  std::int64_t probe = 0, candidate = 0;
  for (const auto& i : store.impressions(caseId)) {
    if (i.role == ImpressionRole::Probe) probe = i.id;
    if (i.role == ImpressionRole::Candidate && i.rank == 1) candidate = i.id;
  }
  store.openCase(caseId, kAlice);
  FeatureSet analysis;
  analysis.author = FeatureAuthor::Examiner;
  analysis.authorName = "alice";
  analysis.value = ValueDetermination::Value;
  analysis.minutiae.push_back({100, 120, 1.0, MinutiaType::Ending, 0, 0, -1});
  store.saveFeatures(probe, analysis, kAlice);
  store.lockAnalysis(caseId, kAlice);
  Conclusion c;
  c.candidateId = candidate;
  c.decision = decision;
  c.rationale = "ridge flow and minutiae in disagreement in the core area";
  c.role = "examination";
  store.recordConclusion(caseId, c, kAlice);
}

inline int countDecisions(hub::ReferenceHub& h) { return static_cast<int>(h.database().decisionsAsJsonLines().size()); }

}  // namespace hubtest
