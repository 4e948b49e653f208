// A hub that stalls, rate-limits, fails, lies or cuts answers short: the
// client retries what is worth retrying, gives up within bounds, names the
// problem, and the desk's profile is left as it was.
#include <QElapsedTimer>
#include <QtTest>

#include <thread>

#include "core/hub/protocol/hub_messages.h"
#include "core/hub/server/hub_database.h"
#include "core/hub/sync/sync_engine.h"
#include "core/util/errors.h"
#include "hub_test_support.h"
#include "scripted_server.h"

using namespace ridgeline;
using namespace hubtest;

namespace {

std::string failureOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const RemoteError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string path(Poco::Net::HTTPServerRequest& r) { return r.getURI().substr(0, r.getURI().find('?')); }

// A real demo case (summary and payload), taken from the demo hub state.
struct DemoCase {
  hub::CaseSummary summary;
  std::vector<std::uint8_t> payload;
};
DemoCase demoCase(const std::string& id) {
  hub::HubDatabase db(demoTemplate());
  return {*db.summary(id, "2000-01-01T00:00:00.000Z"), *db.payload(id)};
}

// Scripts a one-case hub whose payload answer is produced by `payloadReply`.
hub::QueuePage pageOf(const hub::CaseSummary& s) { return {{s.entry}, ""}; }

}  // namespace

class TestHubFaults : public QObject {
  Q_OBJECT

  // Runs a sync into a fresh profile; returns the error and leaves the profile for inspection.
  static std::string syncFailure(ScriptedServer& server, store::CaseStore& store) {
    hub::HubClient client(server.clientConfig());
    hub::SyncEngine engine(store, client, {"alice", 1});
    NoProgress progress;
    return failureOf([&] { engine.run(progress); });
  }

  static void oneCaseHub(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const DemoCase& c,
                         const std::function<void(Poco::Net::HTTPServerResponse&)>& payloadReply) {
    const std::string p = path(request);
    const std::string status = request.getURI().find("status=leased") != std::string::npos ? "leased" : "queued";
    if (p == "/api/v1/queue")
      return ScriptedServer::reply(response, 200, status == "queued" ? hub::toJson(pageOf(c.summary)) : R"({"items":[]})");
    if (p == "/api/v1/cases/" + c.summary.entry.hubId + "/lease")
      return ScriptedServer::reply(response, 200, hub::toJson(hub::LeaseGrant{c.summary.entry.hubId, "alice", "2099-01-01T00:00:00.000Z"}));
    if (p == "/api/v1/cases/" + c.summary.entry.hubId) return ScriptedServer::reply(response, 200, hub::toJson(c.summary));
    if (p == "/api/v1/cases/" + c.summary.entry.hubId + "/payload") return payloadReply(response);
    ScriptedServer::reply(response, 404, hub::errorJson("not_found", p));
  }

 private slots:
  void initTestCase() { demoTemplate(); }

  void stallingServerTimesOutWithinBounds() {
    ScriptedServer server([](auto&, auto& response, int) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1200));  // longer than the client waits
      ScriptedServer::reply(response, 200, R"({"items":[]})");
    });
    hub::HubClientConfig config = server.clientConfig();
    config.readTimeout = std::chrono::milliseconds(300);
    config.retry.maxAttempts = 2;
    QElapsedTimer timer;
    timer.start();
    hub::HubClient client(config);
    const std::string message = failureOf([&] { client.queue({}); });
    QVERIFY2(message.find("did not answer GET /api/v1/queue within 0.3 s") != std::string::npos, message.c_str());
    QVERIFY2(message.find("gave up after 2 attempts") != std::string::npos, message.c_str());
    QCOMPARE(client.attemptsMade(), 2);
    QVERIFY(timer.elapsed() < 5000);
  }

  void serverErrorsAreRetriedThenSucceed() {
    ScriptedServer server([](auto&, auto& response, int call) {
      if (call <= 2) return ScriptedServer::reply(response, 503, hub::errorJson("busy", "warming up"));
      ScriptedServer::reply(response, 200, R"({"items":[],"nextCursor":null})");
    });
    hub::HubClient client(server.clientConfig());
    QCOMPARE(client.queue({}).items.size(), size_t(0));
    QCOMPARE(client.attemptsMade(), 3);
  }

  void retryAfterIsHonoured() {
    ScriptedServer server([](auto&, auto& response, int call) {
      if (call == 1) {
        response.set("Retry-After", "1");
        return ScriptedServer::reply(response, 429, hub::errorJson("rate_limited", "slow down"));
      }
      ScriptedServer::reply(response, 200, R"({"items":[]})");
    });
    QElapsedTimer timer;
    timer.start();
    hub::HubClient client(server.clientConfig());
    client.queue({});
    QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(client.attemptsMade(), 2);
  }

  void overlongRetryAfterFailsAtOnce() {
    ScriptedServer server([](auto&, auto& response, int) {
      response.set("Retry-After", "3600");
      ScriptedServer::reply(response, 429, hub::errorJson("rate_limited", "come back in an hour"));
    });
    hub::HubClient client(server.clientConfig());
    const std::string message = failureOf([&] { client.queue({}); });
    QVERIFY2(message.find("asks to wait 3600.0 s") != std::string::npos, message.c_str());
    QCOMPARE(client.attemptsMade(), 1);
  }

  void clientErrorsAreNeverRetried() {
    ScriptedServer server([](auto&, auto& response, int) { ScriptedServer::reply(response, 400, hub::errorJson("bad", "no")); });
    hub::HubClient client(server.clientConfig());
    QVERIFY_THROWS_EXCEPTION(hub::HubRefusedError, client.queue({}));
    QCOMPARE(client.attemptsMade(), 1);
  }

  void malformedJsonNamesTheFieldAndChangesNothing() {
    ScriptedServer server([](auto&, auto& response, int) {
      ScriptedServer::reply(response, 200,
                            R"({"items":[{"hubId":"H-1","modality":"fingerprint","priority":"high","status":"queued",)"
                            R"("threshold":40,"bestScore":31,"candidateCount":2,"receivedAt":"2026-01-01T00:00:00Z"}]})");
    });
    QTemporaryDir dir;
    store::CaseStore store(dir.path().toStdString());
    const std::string message = syncFailure(server, store);
    QVERIFY2(message.find("field 'items[0].priority' must be an integer") != std::string::npos, message.c_str());
    QVERIFY2(message.find("GET /api/v1/queue") != std::string::npos, message.c_str());
    QVERIFY(store.listCases().empty());
    QVERIFY(store.auditLog().empty());
  }

  void hostileJsonShapesAreRefused() {
    const std::vector<std::pair<std::string, std::string>> bodies = {
        {"<html>oops</html>", "not valid JSON"},
        {"[1,2,3]", "not an object"},
        {std::string(40, '[') + std::string(40, ']'), "nested deeper"},
        {R"({"items":[{"hubId":"../../etc/passwd","modality":"fingerprint","priority":1,"status":"queued","threshold":1,"bestScore":0,"candidateCount":1,"receivedAt":"x"}]})",
         "hubId' has characters outside"},
        {R"({"items":[{"hubId":"H","modality":"iris","priority":1,"status":"queued","threshold":1,"bestScore":0,"candidateCount":1,"receivedAt":"x"}]})",
         "modality' is not"},
        {R"({"items":{}})", "field 'items' must be an array"},
        {"", "empty body"}};
    for (const auto& [body, expected] : bodies) {
      ScriptedServer server([&body](auto&, auto& response, int) { ScriptedServer::reply(response, 200, body); });
      hub::HubClient client(server.clientConfig());
      const std::string message = failureOf([&] { client.queue({}); });
      QVERIFY2(message.find(expected) != std::string::npos, message.c_str());
    }
  }

  void truncatedPayloadLeavesTheProfileUnchanged() {
    const DemoCase c = demoCase("DEMO-FP-01");
    ScriptedServer server([&c](auto& request, auto& response, int) {
      oneCaseHub(request, response, c, [&c](Poco::Net::HTTPServerResponse& r) {
        // Promise the whole payload, send half, hang up.
        r.setKeepAlive(false);
        r.setContentType("application/octet-stream");
        r.setContentLength(static_cast<std::streamsize>(c.payload.size()));
        r.send().write(reinterpret_cast<const char*>(c.payload.data()), static_cast<std::streamsize>(c.payload.size() / 2));
      });
    });
    QTemporaryDir dir;
    store::CaseStore store(dir.path().toStdString());
    const std::string message = syncFailure(server, store);
    QVERIFY2(message.find("cut short after") != std::string::npos, message.c_str());
    // The queue entry was pulled; nothing of the payload, and no lease, was recorded.
    const auto cases = store.listCases();
    QCOMPARE(cases.size(), size_t(1));
    QCOMPARE(cases[0].status, CaseStatus::Queued);
    QVERIFY(store.impressions(cases[0].id).empty());
  }

  void shortOrAlteredPayloadsAreRefused() {
    const DemoCase c = demoCase("DEMO-FP-01");
    const std::vector<std::pair<std::function<std::vector<std::uint8_t>()>, std::string>> variants = {
        {[&] { return std::vector<std::uint8_t>(c.payload.begin(), c.payload.begin() + 1000); }, "truncated or altered"},
        {[&] {
           auto bytes = c.payload;
           bytes[bytes.size() / 2] ^= 0x5a;
           return bytes;
         },
         "does not match the SHA-256"}};
    for (const auto& [make, expected] : variants) {
      const std::vector<std::uint8_t> bytes = make();
      ScriptedServer server([&](auto& request, auto& response, int) {
        oneCaseHub(request, response, c, [&bytes](Poco::Net::HTTPServerResponse& r) {
          ScriptedServer::reply(r, 200, std::string(bytes.begin(), bytes.end()), "application/octet-stream");
        });
      });
      QTemporaryDir dir;
      store::CaseStore store(dir.path().toStdString());
      const std::string message = syncFailure(server, store);
      QVERIFY2(message.find(expected) != std::string::npos, message.c_str());
      QVERIFY(store.impressions(store.listCases().at(0).id).empty());
      QCOMPARE(store.listCases().at(0).status, CaseStatus::Queued);
    }
  }

  void aPayloadThatIsNotTheCaseIsRefused() {
    // Consistent size and hash, but the transaction is another case's.
    DemoCase c = demoCase("DEMO-FP-01");
    const DemoCase other = demoCase("DEMO-FP-02");
    c.payload = other.payload;
    c.summary.payloadBytes = static_cast<std::int64_t>(other.payload.size());
    c.summary.payloadSha256 = other.summary.payloadSha256;
    ScriptedServer server([&c](auto& request, auto& response, int) {
      oneCaseHub(request, response, c, [&c](Poco::Net::HTTPServerResponse& r) {
        ScriptedServer::reply(r, 200, std::string(c.payload.begin(), c.payload.end()), "application/octet-stream");
      });
    });
    QTemporaryDir dir;
    store::CaseStore store(dir.path().toStdString());
    const std::string message = syncFailure(server, store);
    QVERIFY2(message.find("is for case 'DEMO-FP-02', not DEMO-FP-01") != std::string::npos, message.c_str());
    QVERIFY(store.impressions(store.listCases().at(0).id).empty());
  }

  void cancellationStopsBetweenSteps() {
    QTemporaryDir dir;
    auto h = startDemoHub(fs::path(dir.path().toStdString()) / "hub");
    store::CaseStore store(fs::path(dir.path().toStdString()) / "desk");
    hub::HubClient client(clientConfig(h->connection()));
    hub::SyncEngine engine(store, client, {"alice", 3});
    CancellableProgress progress;
    progress.cancel();
    QVERIFY_THROWS_EXCEPTION(CancelledError, engine.run(progress));
    QVERIFY(store.listCases().empty());
  }
};

QTEST_GUILESS_MAIN(TestHubFaults)
#include "test_hub_faults.moc"
