// The desk and the reference hub over real HTTPS on loopback: a full sync,
// decisions delivered exactly once, offline work, leases and tokens.
#include <QtTest>

#include <set>

#include "core/hub/sync/sync_engine.h"
#include "core/util/errors.h"
#include "hub_test_support.h"

using namespace ridgeline;
using namespace hubtest;

class TestHubSync : public QObject {
  Q_OBJECT

  static hub::SyncReport sync(store::CaseStore& store, const hub::HubConnection& c, int leaseCount = 2,
                              const std::string& examiner = "alice") {
    hub::HubClient client(clientConfig(c));
    hub::SyncEngine engine(store, client, {examiner, leaseCount});
    NoProgress progress;
    return engine.run(progress);
  }

 private slots:
  void initTestCase() { demoTemplate(); }

  void happyPathPullsLeasesFetchesAndDelivers() {
    QTemporaryDir dir;
    auto hubServer = startDemoHub(fs::path(dir.path().toStdString()) / "hub");
    QCOMPARE(hubServer->database().caseCount(), 8);  // DEMO-FACE-01 scored above threshold: never queued
    store::CaseStore store(fs::path(dir.path().toStdString()) / "desk");

    const hub::SyncReport first = sync(store, hubServer->connection());
    QCOMPARE(first.casesPulled, 8);
    QCOMPARE(first.casesLeased, 2);
    QCOMPARE(first.payloadsStored, 2);
    QCOMPARE(static_cast<int>(store.listCases().size()), 8);

    // Most urgent first: priority 1 (DEMO-FP-03), then the oldest priority 2 (DEMO-FP-01).
    const auto leased = store.listCases(CaseStatus::Leased);
    QCOMPARE(static_cast<int>(leased.size()), 2);
    for (const Case& c : leased) {
      QVERIFY(c.hubId == "DEMO-FP-03" || c.hubId == "DEMO-FP-01");
      QCOMPARE(c.leaseHolder, std::string("alice"));
      const auto impressions = store.impressions(c.id);
      QCOMPARE(static_cast<int>(impressions.size()), 6);  // probe + 5 candidates
      for (const auto& i : impressions) QVERIFY(!store.viewImage(i.id, kAlice).empty());
    }
    const auto probe = store.impressions(leased[0].id)[0];
    QCOMPARE(probe.role, ImpressionRole::Probe);
    QCOMPARE(probe.sourceFormat, std::string("PNG"));
    QCOMPARE(store.impressions(leased[0].id)[1].sourceFormat, std::string("WSQ"));
    QCOMPARE(store.impressions(leased[0].id)[1].rank, 1);

    // A decision goes up once; later syncs neither resend nor duplicate anything.
    concludeCase(store, leased[0].id);
    const hub::SyncReport second = sync(store, hubServer->connection());
    QCOMPARE(second.decisionsDelivered, 1);
    QCOMPARE(second.decisionsAlreadyThere, 0);
    QCOMPARE(second.casesPulled, 0);
    QCOMPARE(second.casesLeased, 1);  // tops the examiner back up to two active cases
    QCOMPARE(countDecisions(*hubServer), 1);
    QCOMPARE(store.outbox(OutboxState::Acknowledged).size(), size_t(1));
    const hub::SyncReport third = sync(store, hubServer->connection());
    QCOMPARE(third.decisionsDelivered, 0);
    QCOMPARE(third.casesLeased, 0);
    QCOMPARE(countDecisions(*hubServer), 1);
    const std::string line = hubServer->database().decisionsAsJsonLines().front();
    QVERIFY(line.find("\"examiner\":\"alice\"") != std::string::npos);
    QVERIFY(line.find("\"tokenRole\":\"examiner\"") != std::string::npos);
    QVERIFY(line.find("\"decision\":\"exclusion\"") != std::string::npos);
    NoProgress quiet;
    QVERIFY(store.verifyAudit(quiet).intact);
  }

  void offlineWorkIsDeliveredByTheNextSync() {
    QTemporaryDir dir;
    const fs::path hubDir = fs::path(dir.path().toStdString()) / "hub";
    auto hubServer = startDemoHub(hubDir);
    store::CaseStore store(fs::path(dir.path().toStdString()) / "desk");
    sync(store, hubServer->connection());
    const hub::HubConnection connection = hubServer->connection();
    const int port = std::stoi(connection.url.substr(connection.url.rfind(':') + 1));
    hubServer.reset();  // the link drops

    // The examiner keeps working on the cached case.
    const Case c = store.listCases(CaseStatus::Leased).front();
    QVERIFY(!store.viewImage(store.impressions(c.id).front().id, kAlice).empty());
    concludeCase(store, c.id);
    QVERIFY_THROWS_EXCEPTION(RemoteError, sync(store, connection));
    const auto waiting = store.outbox(OutboxState::Pending);
    QCOMPARE(waiting.size(), size_t(1));
    QVERIFY(waiting.front().lastError.find("refused the connection") != std::string::npos);

    // Back on the same address: delivered once.
    hubServer = startDemoHub(hubDir, "127.0.0.1:" + std::to_string(port));
    const hub::SyncReport back = sync(store, hubServer->connection());
    QCOMPARE(back.decisionsDelivered, 1);
    QCOMPARE(countDecisions(*hubServer), 1);
    QCOMPARE(store.outbox(OutboxState::Pending).size(), size_t(0));
  }

  void aLostAnswerIsResentAndRecordedOnce() {
    QTemporaryDir dir;
    auto hubServer = startDemoHub(fs::path(dir.path().toStdString()) / "hub");
    store::CaseStore store(fs::path(dir.path().toStdString()) / "desk");
    sync(store, hubServer->connection());
    concludeCase(store, store.listCases(CaseStatus::Leased).front().id);
    // The decision reached the hub but the desk died before the answer: state 'sent'.
    const OutboxItem item = store.outbox(OutboxState::Pending).front();
    store.markSent(item.id, kAlice);
    hub::HubClient client(clientConfig(hubServer->connection()));
    QVERIFY(!client.submitDecision(item.idempotencyKey, item.payloadJson).duplicate);

    const hub::SyncReport report = sync(store, hubServer->connection());
    QCOMPARE(report.decisionsDelivered, 1);
    QCOMPARE(report.decisionsAlreadyThere, 1);
    QCOMPARE(countDecisions(*hubServer), 1);
    QCOMPARE(store.outbox(OutboxState::Acknowledged).size(), size_t(1));
  }

  void leaseConflictIs409AndSyncMovesOn() {
    QTemporaryDir dir;
    auto hubServer = startDemoHub(fs::path(dir.path().toStdString()) / "hub");
    hub::HubClient bob(clientConfig(hubServer->connection()));
    bob.lease("DEMO-FP-03", "bob", 600);
    try {
      hub::HubClient alice(clientConfig(hubServer->connection()));
      alice.lease("DEMO-FP-03", "alice", 600);
      QFAIL("a second examiner got the lease");
    } catch (const hub::HubRefusedError& e) {
      QCOMPARE(e.status(), 409);
      QVERIFY2(std::string(e.what()).find("leased by bob") != std::string::npos, e.what());
    }
    // Alice's sync skips bob's case: it is not queued for her, she gets the next ones.
    store::CaseStore store(fs::path(dir.path().toStdString()) / "desk");
    const hub::SyncReport report = sync(store, hubServer->connection());
    QCOMPARE(report.casesPulled, 7);
    QCOMPARE(report.casesLeased, 2);
    QVERIFY(!store.findCaseByHubId("DEMO-FP-03"));
    // Bob renews his own lease; releasing lets alice have it.
    QCOMPARE(bob.lease("DEMO-FP-03", "bob", 600).holder, std::string("bob"));
    bob.release("DEMO-FP-03", "bob");
    hub::HubClient alice(clientConfig(hubServer->connection()));
    QCOMPARE(alice.lease("DEMO-FP-03", "alice", 600).holder, std::string("alice"));
  }

  void badTokenIs401WithAnInstruction() {
    QTemporaryDir dir;
    auto hubServer = startDemoHub(fs::path(dir.path().toStdString()) / "hub");
    hub::HubClientConfig config = clientConfig(hubServer->connection());
    config.token = "rh1_not-the-right-token-at-all";
    hub::HubClient client(config);
    try {
      client.queue({});
      QFAIL("a bad token was accepted");
    } catch (const hub::HubRefusedError& e) {
      QCOMPARE(e.status(), 401);
      QVERIFY2(std::string(e.what()).find("--token-file") != std::string::npos, e.what());
    }
    QCOMPARE(client.attemptsMade(), 1);  // 4xx is never retried
    store::CaseStore store(fs::path(dir.path().toStdString()) / "desk");
    hub::SyncEngine engine(store, client, {"alice", 2});
    NoProgress progress;
    QVERIFY_THROWS_EXCEPTION(RemoteError, engine.run(progress));
    QVERIFY(store.listCases().empty());
  }

  void rolesAreEnforced() {
    QTemporaryDir dir;
    auto hubServer = startDemoHub(fs::path(dir.path().toStdString()) / "hub");
    hub::HubClient supervisor(clientConfig(hubServer->connection(), "supervisor"));
    QCOMPARE(static_cast<int>(supervisor.queue({}).items.size()), 8);
    try {
      supervisor.lease("DEMO-FP-01", "carol", 600);
      QFAIL("a supervisor token took a lease");
    } catch (const hub::HubRefusedError& e) {
      QCOMPARE(e.status(), 403);
    }
  }

  void queueFiltersAndCursorPaging() {
    QTemporaryDir dir;
    auto hubServer = startDemoHub(fs::path(dir.path().toStdString()) / "hub");
    hub::HubClient client(clientConfig(hubServer->connection()));
    hub::QueueFilter f;
    f.limit = 3;
    std::vector<std::string> seen;
    do {
      const hub::QueuePage page = client.queue(f);
      QVERIFY(page.items.size() <= 3);
      for (const auto& e : page.items) seen.push_back(e.hubId);
      f.cursor = page.nextCursor;
    } while (!f.cursor.empty());
    QCOMPARE(static_cast<int>(seen.size()), 8);
    QCOMPARE(std::set<std::string>(seen.begin(), seen.end()).size(), size_t(8));

    hub::QueueFilter faces;
    faces.modality = Modality::Face;
    QCOMPARE(static_cast<int>(client.queue(faces).items.size()), 2);
    hub::QueueFilter urgent;
    urgent.priority = 1;
    QCOMPARE(client.queue(urgent).items.at(0).hubId, std::string("DEMO-FP-03"));
    client.lease("DEMO-FP-01", "alice", 600);
    hub::QueueFilter leased;
    leased.status = hub::HubCaseStatus::Leased;
    const auto page = client.queue(leased);
    QCOMPARE(static_cast<int>(page.items.size()), 1);
    QCOMPARE(page.items[0].leaseHolder, std::string("alice"));
    hub::QueueFilter forged;
    forged.cursor = "x'; DROP TABLE hub_case";
    QVERIFY_THROWS_EXCEPTION(hub::HubRefusedError, client.queue(forged));
  }

  void facePayloadsArriveAsType10() {
    QTemporaryDir dir;
    auto hubServer = startDemoHub(fs::path(dir.path().toStdString()) / "hub");
    store::CaseStore store(fs::path(dir.path().toStdString()) / "desk");
    hub::HubClient client(clientConfig(hubServer->connection()));
    hub::SyncOptions options{"alice", 1};
    options.modality = Modality::Face;
    hub::SyncEngine engine(store, client, options);
    NoProgress progress;
    const hub::SyncReport report = engine.run(progress);
    QCOMPARE(report.casesPulled, 2);
    QCOMPARE(report.payloadsStored, 1);
    const Case c = store.listCases(CaseStatus::Leased).front();
    const auto impressions = store.impressions(c.id);
    QCOMPARE(static_cast<int>(impressions.size()), 4);  // probe + 3 candidates
    QCOMPARE(impressions[0].sourceFormat, std::string("JPEG"));
  }
};

QTEST_GUILESS_MAIN(TestHubSync)
#include "test_hub_sync.moc"
