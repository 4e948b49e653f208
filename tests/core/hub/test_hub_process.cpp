// The hub as a separate process, killed (SIGKILL) in the middle of a sync
// and restarted: nothing the desk committed is lost, nothing is stored or
// delivered twice. And the CLI end to end: sync, queue, decide, exit codes.
#include <QProcess>
#include <QtTest>

#include <fstream>
#include <thread>

#include "app/cli_runner.h"
#include "core/hub/server/hub_tokens.h"
#include "core/hub/tls/hub_tls_files.h"
#include "core/hub/sync/sync_engine.h"
#include "core/util/errors.h"
#include "hub_test_support.h"

using namespace ridgeline;
using namespace hubtest;

namespace {

// ridgeline-hub as a child process on a state folder.
class HubProcess {
 public:
  HubProcess(const fs::path& state, const std::string& listen) : state_(state) {
    fs::remove(state / "hub.url");
    process_.start(RIDGELINE_HUB, {"--state", QString::fromStdString(state.string()), "--listen", QString::fromStdString(listen)});
    for (int i = 0; i < 200 && !fs::exists(state / "hub.url"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!fs::exists(state / "hub.url")) throw std::runtime_error("ridgeline-hub did not start: " + process_.readAllStandardError().toStdString());
    url_ = hub::readTextFile(state / "hub.url");
    url_.erase(url_.find_last_not_of("\n") + 1);
  }
  ~HubProcess() { kill(); }
  void kill() {
    if (process_.state() == QProcess::NotRunning) return;
    process_.kill();  // SIGKILL: no chance to tidy up
    process_.waitForFinished(5000);
  }
  hub::HubConnection connection() const {
    hub::HubConnection c;
    c.url = url_;
    c.caFile = state_ / "ca.pem";
    c.stateDir = state_;
    for (const char* role : hub::kRoles) c.tokens[role] = hub::readTokenFile(state_ / (std::string(role) + ".token"));
    return c;
  }
  std::string listen() const { return url_.substr(std::string("https://").size()); }

 private:
  fs::path state_;
  QProcess process_;
  std::string url_;
};

// Kills the hub when the sync reports the given step the n-th time.
class KillAt : public Progress {
 public:
  KillAt(HubProcess& hub, std::string step, int nth) : hub_(hub), step_(std::move(step)), nth_(nth) {}
  void report(double, std::string_view step) override {
    if (step.substr(0, step_.size()) == step_ && ++seen_ == nth_) hub_.kill();
  }
  bool cancelRequested() const override { return false; }

 private:
  HubProcess& hub_;
  std::string step_;
  int nth_;
  int seen_ = 0;
};

int payloadEvents(store::CaseStore& store, std::int64_t caseId) {
  int n = 0;
  for (const auto& e : store.auditLog(caseId))
    if (e.details.find("payload.stored") != std::string::npos) ++n;
  return n;
}

}  // namespace

class TestHubProcess : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { demoTemplate(); }

  void hubKilledMidSyncLosesAndDuplicatesNothing() {
    QTemporaryDir dir;
    const fs::path state = fs::path(dir.path().toStdString()) / "hub";
    copyDemoState(state);
    store::CaseStore store(fs::path(dir.path().toStdString()) / "desk");
    auto hubProcess = std::make_unique<HubProcess>(state, "127.0.0.1:0");
    const std::string listen = hubProcess->listen();

    // A first sync, and a decision waiting in the outbox.
    {
      hub::HubClient client(clientConfig(hubProcess->connection()));
      hub::SyncEngine engine(store, client, {"alice", 1});
      NoProgress quiet;
      engine.run(quiet);
    }
    concludeCase(store, store.listCases(CaseStatus::Leased).front().id);

    // Killed after the decision went up and the first new case was fetched.
    {
      hub::HubClient client(clientConfig(hubProcess->connection()));
      hub::SyncEngine engine(store, client, {"alice", 4});
      KillAt killer(*hubProcess, "Fetched case", 1);
      QVERIFY_THROWS_EXCEPTION(RemoteError, engine.run(killer));
    }
    // Restarted on the same address with the same state: the sync completes.
    hubProcess = std::make_unique<HubProcess>(state, listen);
    {
      hub::HubClient client(clientConfig(hubProcess->connection()));
      hub::SyncEngine engine(store, client, {"alice", 4});
      NoProgress quiet;
      engine.run(quiet);
    }
    hubProcess->kill();

    QCOMPARE(static_cast<int>(store.listCases().size()), 8);
    int active = 0;
    for (const Case& c : store.listCases()) {
      if (c.status == CaseStatus::Queued) {
        QVERIFY(store.impressions(c.id).empty());
        continue;
      }
      if (c.status != CaseStatus::Leased) continue;
      ++active;
      QCOMPARE(static_cast<int>(store.impressions(c.id).size()), c.modality == Modality::Face ? 4 : 6);
      QCOMPARE(payloadEvents(store, c.id), 1);
    }
    QCOMPARE(active, 4);
    QCOMPARE(store.outbox(OutboxState::Acknowledged).size(), size_t(1));
    hub::HubDatabase hubState(state);
    QCOMPARE(hubState.decisionsAsJsonLines().size(), size_t(1));
    NoProgress quiet;
    QVERIFY(store.verifyAudit(quiet).intact);
  }

  void leaseTakenButNeverStoredIsRecovered() {
    // The desk died after the hub granted a lease and before the profile recorded the case.
    QTemporaryDir dir;
    auto h = startDemoHub(fs::path(dir.path().toStdString()) / "hub");
    hub::HubClient client(clientConfig(h->connection()));
    client.lease("DEMO-FP-06", "alice", 600);
    store::CaseStore store(fs::path(dir.path().toStdString()) / "desk");
    hub::SyncEngine engine(store, client, {"alice", 1});
    NoProgress quiet;
    const hub::SyncReport report = engine.run(quiet);
    QCOMPARE(report.casesPulled, 8);
    const auto c = store.findCaseByHubId("DEMO-FP-06");
    QVERIFY(c.has_value());
    QCOMPARE(c->status, CaseStatus::Queued);  // known again; its lease is renewed when it is its turn
  }

  void cliSyncQueueDecideAndExitCodes() {
    QTemporaryDir dir;
    const fs::path state = fs::path(dir.path().toStdString()) / "hub";
    copyDemoState(state);
    HubProcess hubProcess(state, "127.0.0.1:0");
    const QString profile = dir.path() + "/desk";
    const QString url = QString::fromStdString(hubProcess.connection().url);
    const QString ca = QString::fromStdString((state / "ca.pem").string());
    const QString token = QString::fromStdString((state / "examiner.token").string());

    CliResult r = runCli({"--profile", profile, "sync", "--hub", url, "--ca", ca, "--token-file", token, "--examiner", "alice", "--lease", "1"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("cases pulled:        8 new"));
    r = runCli({"--profile", profile, "queue"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("DEMO-FP-03") && r.out.contains("leased"));
    r = runCli({"--profile", profile, "queue", "--json"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("[{\"id\":"));

    // ACE-V order: no conclusion before an analysis; nothing changes on refusal.
    r = runCli({"--profile", profile, "decide", "DEMO-FP-03", "--candidate", "1", "--conclusion", "exclusion", "--rationale", "x",
                "--examiner", "alice"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("analysis"));
    r = runCli({"--profile", profile, "decide", "DEMO-FP-03", "--candidate", "1", "--conclusion", "exclusion", "--rationale",
                "ridge flow disagrees", "--examiner", "alice", "--analysis-value", "VALUE"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runCli({"--profile", profile, "decide", "DEMO-FP-03", "--candidate", "1", "--conclusion", "maybe", "--rationale", "x"});
    QCOMPARE(r.exitCode, 2);

    // TLS refusal and a dead hub: exit 3 with what to do; the decision waits.
    QTemporaryDir other;
    hub::ensureHubTlsFiles(other.path().toStdString(), "127.0.0.1");
    r = runCli({"--profile", profile, "sync", "--hub", url, "--ca", other.path() + "/ca.pem", "--token-file", token, "--examiner", "alice"});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("not signed by the configured CA") && r.err.contains("Check --ca"), qPrintable(r.err));
    r = runCli({"--profile", profile, "sync", "--hub", url, "--ca", ca, "--token-file", other.path() + "/ca.pem", "--examiner", "alice"});
    QCOMPARE(r.exitCode, 1);  // not a token file
    hubProcess.kill();
    r = runCli({"--profile", profile, "sync", "--hub", url, "--ca", ca, "--token-file", token, "--examiner", "alice", "--timeout", "2"});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("refused the connection") && r.err.contains("outbox"), qPrintable(r.err));
    QVERIFY(!r.crashed);
    r = runCli({"--profile", profile, "queue"});
    QVERIFY(r.out.contains("decision waiting for sync"));

    // Back up: delivered once; `ridgeline-hub decisions` shows who, when, what.
    HubProcess again(state, hubProcess.listen());
    r = runCli({"--profile", profile, "sync", "--hub", url, "--ca", ca, "--token-file", token, "--examiner", "alice"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("decisions delivered: 1"));
    r = runProgram(RIDGELINE_HUB, {"decisions", "--state", QString::fromStdString(state.string())});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count('\n'), 1);
    QVERIFY(r.out.contains("\"examiner\":\"alice\"") && r.out.contains("\"decision\":\"exclusion\"") && r.out.contains("receivedAt"));
  }

  void hubCommandLineIsStrict() {
    QTemporaryDir dir;
    CliResult r = runProgram(RIDGELINE_HUB, {"--state", dir.path(), "--listen", "nonsense"});
    QCOMPARE(r.exitCode, 2);
    r = runProgram(RIDGELINE_HUB, {"--state", dir.path(), "--listen", "0.0.0.0:0"});
    QCOMPARE(r.exitCode, 2);
    r = runProgram(RIDGELINE_HUB, {"decisions", "--state", dir.path() + "/none"});
    QCOMPARE(r.exitCode, 1);
    r = runProgram(RIDGELINE_HUB, {"--help"});
    QCOMPARE(r.exitCode, 0);
  }
};

QTEST_GUILESS_MAIN(TestHubProcess)
#include "test_hub_process.moc"
