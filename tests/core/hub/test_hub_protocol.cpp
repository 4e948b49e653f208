// Protocol v1 pieces on their own: message JSON both ways, hostile fields,
// URLs and listen addresses, the ANSI/NIST case payload (with Type-9
// features), and the reference hub's rules for decisions and concurrent leases.
#include <QtTest>

#include <atomic>
#include <thread>

#include <opencv2/imgproc.hpp>

#include "core/formats/image/image_codec.h"
#include "core/hub/protocol/case_payload.h"
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>

#include "core/hub/server/https_listener.h"
#include "core/hub/tls/ssl_library.h"
#include "core/hub/tls/hub_tls_files.h"
#include "core/util/errors.h"
#include "hub_test_support.h"

using namespace ridgeline;
using namespace hubtest;

namespace {

hub::PayloadImage pngImage(int size, int shade) {
  GrayImage g;
  g.pixels = cv::Mat(size, size, CV_8UC1, cv::Scalar(shade));
  cv::circle(g.pixels, {size / 2, size / 2}, size / 4, cv::Scalar(255 - shade), 3);
  g.ppi = 500;
  hub::PayloadImage p;
  p.image = {encodeImage(g, ImageFormat::Png), ImageFormat::Png, size, size, 500, 8};
  return p;
}

hub::CaseSummary summaryFor(const hub::SearchResult& s, const hub::BuiltPayload& built) {
  hub::CaseSummary summary;
  summary.entry.hubId = s.hubId;
  summary.entry.modality = s.modality;
  summary.entry.candidateCount = static_cast<int>(s.candidates.size());
  summary.probeRecord = built.probeRecord;
  for (size_t i = 0; i < s.candidates.size(); ++i)
    summary.candidates.push_back({s.candidates[i].rank, s.candidates[i].subjectId, s.candidates[i].score, built.candidateRecords[i]});
  return summary;
}

}  // namespace

class TestHubProtocol : public QObject {
  Q_OBJECT

 private slots:
  void messagesRoundTrip() {
    hub::QueuePage page;
    page.items.push_back({"H-1", Modality::Palm, 3, hub::HubCaseStatus::Leased, 40.5, 31.25, 4, "2026-01-01T00:00:00.000Z", "bob",
                          "2026-01-01T04:00:00.000Z"});
    page.nextCursor = "s17";
    const hub::QueuePage back = hub::parseQueuePage(hub::toJson(page));
    QCOMPARE(back.items.size(), size_t(1));
    QCOMPARE(back.items[0].modality, Modality::Palm);
    QCOMPARE(back.items[0].leaseHolder, std::string("bob"));
    QCOMPARE(back.items[0].bestScore, 31.25);
    QCOMPARE(back.nextCursor, std::string("s17"));
    QVERIFY(hub::parseQueuePage(R"({"items":[],"nextCursor":null})").nextCursor.empty());

    const hub::DecisionReceipt r = hub::parseDecisionReceipt(hub::toJson(hub::DecisionReceipt{"r-1", "H-1", "t", true}));
    QVERIFY(r.duplicate);
  }

  void hostileFieldsAreNamed() {
    auto message = [](const std::string& json) -> std::string {
      try {
        hub::parseDecisionSubmission(json);
      } catch (const InputError& e) {
        return e.what();
      }
      return "(accepted)";
    };
    const std::string ok =
        R"({"idempotencyKey":"k","hubId":"H-1","candidateRank":1,"decision":"exclusion","rationale":"r","examiner":"a","role":"examination","time":"t"})";
    QCOMPARE(message(ok), std::string("(accepted)"));
    QVERIFY(message(R"({"idempotencyKey":"k"})").find("field 'hubId' is missing") != std::string::npos);
    std::string bad = ok;
    bad.replace(bad.find("\"candidateRank\":1"), 17, "\"candidateRank\":1e300");
    QVERIFY2(message(bad).find("candidateRank") != std::string::npos, message(bad).c_str());
    bad = ok;
    bad.replace(bad.find("examination"), 11, "guess");
    QVERIFY(message(bad).find("field 'role'") != std::string::npos);
    bad = ok;
    bad.replace(bad.find("\"rationale\":\"r\""), 15, "\"rationale\":\"\"");
    QVERIFY(message(bad).find("rationale") != std::string::npos);
    QVERIFY(message(std::string(300 * 1024, ' ')).find("over the limit") != std::string::npos);
    QVERIFY(message(R"({"idempotencyKey":"k","hubId":true})").find("must be a string") != std::string::npos);
  }

  void urlsAndListenAddresses() {
    QCOMPARE(hub::parseHubUrl("https://hub.example:8443").port, 8443);
    QCOMPARE(hub::parseHubUrl("https://hub.example/").port, 443);
    QCOMPARE(hub::parseHubUrl("https://[::1]:9000").host, std::string("::1"));
    QVERIFY_THROWS_EXCEPTION(UsageError, hub::parseHubUrl("http://hub.example"));
    QVERIFY_THROWS_EXCEPTION(UsageError, hub::parseHubUrl("https://user@hub.example"));
    QVERIFY_THROWS_EXCEPTION(UsageError, hub::parseHubUrl("https://hub.example:99999"));
    QVERIFY_THROWS_EXCEPTION(UsageError, hub::parseHubUrl("https://hub.example/api"));
    QCOMPARE(hub::parseListenAddress("127.0.0.1:0").port, 0);
    QCOMPARE(hub::parseListenAddress("[::1]:8443").host, std::string("::1"));
    QVERIFY_THROWS_EXCEPTION(UsageError, hub::parseListenAddress("127.0.0.1"));
    QVERIFY_THROWS_EXCEPTION(UsageError, hub::parseListenAddress("127.0.0.1:70000"));
    QVERIFY(!hub::isValidHubId("../x"));
    QVERIFY(!hub::isValidHubId(""));
    QVERIFY(hub::isValidHubId("DEMO-FP-01"));
  }

  void payloadCarriesCandidatesImagesAndFeatures() {
    hub::SearchResult s;
    s.hubId = "P-1";
    s.threshold = 40;
    s.scoreSource = "unit test";
    s.probe = pngImage(200, 60);
    FeatureSet features;
    features.author = FeatureAuthor::Hub;
    features.minutiae.push_back({50, 60, 1.0, MinutiaType::Ending, 0, 0, -1});
    features.minutiae.push_back({120, 90, 2.5, MinutiaType::Bifurcation, 0, 0, -1});
    s.probe.features = features;
    s.candidates = {{1, "S-9", 31.5, pngImage(220, 90)}, {2, "S-4", 12.25, pngImage(180, 30)}};
    const hub::BuiltPayload built = hub::buildCasePayload(s);
    const hub::ReceivedPayload got = hub::readCasePayload(built.bytes, summaryFor(s, built));
    QCOMPARE(got.probe.impression.width, 200);
    QCOMPARE(got.probe.impression.ppi, 500.0);
    QCOMPARE(got.candidates.size(), size_t(2));
    QCOMPARE(got.candidates[1].impression.subjectId, std::string("S-4"));
    QCOMPARE(got.candidates[1].impression.hubScore, 12.25);
    QCOMPARE(got.candidates[0].impression.width, 220);
    QVERIFY(got.probe.hubFeatures.has_value());
    QCOMPARE(got.probe.hubFeatures->minutiae.size(), size_t(2));
    QVERIFY(std::abs(got.probe.hubFeatures->minutiae[1].x - 120) < 1.0);

    // A summary that disagrees with the payload, and a damaged image, are refused.
    hub::CaseSummary wrong = summaryFor(s, built);
    wrong.candidates[0].subjectId = "S-X";
    QVERIFY_THROWS_EXCEPTION(InputError, hub::readCasePayload(built.bytes, wrong));
    std::vector<std::uint8_t> damaged = built.bytes;
    const std::string png = "IDAT";
    auto at = std::search(damaged.begin(), damaged.end(), png.begin(), png.end());
    QVERIFY(at != damaged.end());
    std::fill(at + 8, at + 40, std::uint8_t(0xff));
    QVERIFY_THROWS_EXCEPTION(InputError, hub::readCasePayload(damaged, summaryFor(s, built)));
  }

  void decisionRulesOnTheHub() {
    QTemporaryDir dir;
    auto h = startDemoHub(fs::path(dir.path().toStdString()) / "hub");
    hub::HubClient client(clientConfig(h->connection()));
    const std::string body =
        R"({"idempotencyKey":"key-1","hubId":"DEMO-FP-02","candidateRank":1,"decision":"inconclusive","rationale":"r","examiner":"alice","role":"examination","time":"t"})";
    QVERIFY(!client.submitDecision("key-1", body).duplicate);
    QVERIFY(client.submitDecision("key-1", body).duplicate);
    std::string other = body;
    other.replace(other.find("inconclusive"), 12, "exclusion");
    try {
      client.submitDecision("key-1", other);
      QFAIL("a reused key was accepted");
    } catch (const hub::HubRefusedError& e) {
      QCOMPARE(e.status(), 422);
    }
    try {
      client.submitDecision("key-2", body);  // header and body keys differ
      QFAIL("a mismatched key was accepted");
    } catch (const hub::HubRefusedError& e) {
      QCOMPARE(e.status(), 400);
    }
    // Another examiner's lease blocks a decision.
    client.lease("DEMO-FP-04", "bob", 600);
    std::string blocked = body;
    blocked.replace(blocked.find("key-1"), 5, "key-3");
    blocked.replace(blocked.find("DEMO-FP-02"), 10, "DEMO-FP-04");
    try {
      client.submitDecision("key-3", blocked);
      QFAIL("a decision on bob's case was accepted");
    } catch (const hub::HubRefusedError& e) {
      QCOMPARE(e.status(), 409);
    }
    QCOMPARE(countDecisions(*h), 1);
  }

  void clientsHangingUpMidAnswerDoNotStopTheHub() {
    QTemporaryDir dir;
    auto h = startDemoHub(fs::path(dir.path().toStdString()) / "hub");
    const auto& c = h->connection();
    const hub::HubAddress address = hub::parseHubUrl(c.url);
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", c.caFile.string(),
                                                             Poco::Net::Context::VERIFY_STRICT, 9, false, hub::kCipherList);
    for (int i = 0; i < 6; ++i) {
      Poco::Net::HTTPSClientSession session(address.host, static_cast<Poco::UInt16>(address.port), context);
      Poco::Net::HTTPRequest request("GET", "/api/v1/cases/DEMO-FP-0" + std::to_string(1 + i % 6) + "/payload");
      request.set("Authorization", "Bearer " + c.tokens.at("examiner"));
      session.sendRequest(request);
      Poco::Net::HTTPResponse response;
      char first[64];
      session.receiveResponse(response).read(first, sizeof first);
      session.abort();  // hang up with most of the payload unsent
    }
    hub::HubClient client(clientConfig(c));
    QCOMPARE(static_cast<int>(client.queue({}).items.size()), 8);
  }

  void manyExaminersRaceForOneCase() {
    QTemporaryDir dir;
    auto h = startDemoHub(fs::path(dir.path().toStdString()) / "hub");
    std::atomic<int> granted{0}, refused{0}, failed{0};
    std::vector<std::thread> desks;
    for (int i = 0; i < 12; ++i)
      desks.emplace_back([&, i] {
        try {
          hub::HubClient client(clientConfig(h->connection()));
          client.queue({});
          client.lease("DEMO-FP-05", "examiner-" + std::to_string(i), 600);
          ++granted;
        } catch (const hub::HubRefusedError& e) {
          (e.status() == 409 ? refused : failed)++;
        } catch (...) {
          ++failed;
        }
      });
    for (auto& t : desks) t.join();
    QCOMPARE(granted.load(), 1);
    QCOMPARE(refused.load(), 11);
    QCOMPARE(failed.load(), 0);
    QCOMPARE(h->requestCount(), 24LL);
    const std::string log = hub::readTextFile(h->connection().stateDir / "requests.log");
    QVERIFY(log.find("POST /api/v1/cases/DEMO-FP-05/lease 409") != std::string::npos);
    QVERIFY(log.find(h->connection().tokens.at("examiner")) == std::string::npos);  // tokens never logged
  }
};

QTEST_GUILESS_MAIN(TestHubProtocol)
#include "test_hub_protocol.moc"
