// TLS is verified always: wrong CA, a certificate for another host name, an
// expired certificate and a wrong pin each stop the client before the token
// leaves, with a message that says what to do.
#include <QtTest>

#include <fstream>

#include "core/hub/tls/certificate_factory.h"
#include "core/util/errors.h"
#include "hub_test_support.h"
#include "scripted_server.h"

using namespace ridgeline;
using namespace hubtest;

namespace {

// Serves with a certificate from spec, signed by the CA of the state folder `caDir`.
hub::HubTlsFiles tlsWith(const fs::path& caDir, const fs::path& out, const hub::CertificateSpec& spec) {
  const hub::PemPair ca{hub::readTextFile(caDir / "ca.pem"), hub::readTextFile(caDir / "ca-key.pem")};
  const hub::PemPair cert = hub::issueCertificate(spec, ca);
  fs::create_directories(out);
  hub::writeTextFileAtomically(out / "cert.pem", cert.certificatePem, false);
  hub::writeTextFileAtomically(out / "key.pem", cert.privateKeyPem, true);
  return {caDir / "ca.pem", out / "cert.pem", out / "key.pem"};
}

std::string failureOf(const hub::HubClientConfig& config) {
  try {
    hub::HubClient client(config);
    client.queue({});
  } catch (const RemoteError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

class TestHubTls : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  fs::path root() const { return dir_.path().toStdString(); }

 private slots:
  void wrongCaIsRefused() {
    auto hubA = hub::ReferenceHub::start(root() / "a", "127.0.0.1:0", false);
    auto hubB = hub::ReferenceHub::start(root() / "b", "127.0.0.1:0", false);
    hub::HubClientConfig config = clientConfig(hubB->connection());
    config.caFile = hubA->connection().caFile;  // trusting the other hub's CA
    const std::string message = failureOf(config);
    QVERIFY2(message.find("not signed by the configured CA") != std::string::npos, message.c_str());
    QVERIFY2(message.find("Check --ca") != std::string::npos, message.c_str());
    QCOMPARE(hubB->requestCount(), 0LL);  // nothing, and no token, was sent
  }

  void certificateForAnotherHostIsRefused() {
    hub::ensureHubTlsFiles(root() / "ca1", "127.0.0.1");
    const auto tls = tlsWith(root() / "ca1", root() / "other", hub::serverSpecFor("other.example", 30));
    ScriptedServer server([](auto&, auto& response, int) { ScriptedServer::reply(response, 200, "{}"); }, tls);
    hub::HubClientConfig config = server.clientConfig();
    config.caFile = root() / "ca1" / "ca.pem";
    const std::string message = failureOf(config);
    QVERIFY2(message.find("not issued for 127.0.0.1") != std::string::npos, message.c_str());
    QCOMPARE(server.calls(), 0);
  }

  void expiredCertificateIsRefused() {
    hub::ensureHubTlsFiles(root() / "ca2", "127.0.0.1");
    hub::CertificateSpec spec = hub::serverSpecFor("127.0.0.1", 30);
    spec.notBefore = std::chrono::system_clock::now() - std::chrono::hours(24 * 30);
    spec.notAfter = std::chrono::system_clock::now() - std::chrono::hours(24);
    const auto tls = tlsWith(root() / "ca2", root() / "expired", spec);
    ScriptedServer server([](auto&, auto& response, int) { ScriptedServer::reply(response, 200, "{}"); }, tls);
    hub::HubClientConfig config = server.clientConfig();
    config.caFile = root() / "ca2" / "ca.pem";
    const std::string message = failureOf(config);
    QVERIFY2(message.find("expired") != std::string::npos, message.c_str());
    QCOMPARE(server.calls(), 0);
  }

  void pinMustMatch() {
    auto h = hub::ReferenceHub::start(root() / "pinned", "127.0.0.1:0", false);
    hub::HubClientConfig config = clientConfig(h->connection());
    config.pinSha256 = h->connection().serverCertificateSha256;
    hub::HubClient good(config);
    QCOMPARE(good.queue({}).items.size(), size_t(0));
    const long long served = h->requestCount();

    config.pinSha256 = std::string(64, 'a');
    const std::string message = failureOf(config);
    QVERIFY2(message.find("does not match the pinned certificate") != std::string::npos, message.c_str());
    QCOMPARE(h->requestCount(), served);
  }

  void plainHttpAndBadSettingsAreRefusedUpFront() {
    hub::HubClientConfig config;
    config.token = "rh1_0123456789abcdef";
    config.url = "http://127.0.0.1:8443";
    QVERIFY_THROWS_EXCEPTION(UsageError, hub::HubClient{config});
    config.url = "https://127.0.0.1:8443";
    config.caFile = root() / "missing.pem";
    QVERIFY_THROWS_EXCEPTION(InputError, hub::HubClient{config});
    {
      std::ofstream(root() / "junk.pem") << "not a certificate";
    }
    config.caFile = root() / "junk.pem";
    QVERIFY_THROWS_EXCEPTION(InputError, hub::HubClient{config});
    config.caFile.clear();
    config.pinSha256 = "12:34";
    QVERIFY_THROWS_EXCEPTION(UsageError, hub::HubClient{config});
  }

  void serverCertificateIsReissuedForANewHostButCaIsKept() {
    const auto first = hub::ensureHubTlsFiles(root() / "reissue", "127.0.0.1");
    const std::string ca = hub::readTextFile(first.caCertificate);
    const std::string cert = hub::readTextFile(first.serverCertificate);
    QVERIFY(hub::certificateNamesHost(cert, "127.0.0.1"));
    QVERIFY(!hub::certificateNamesHost(cert, "localhost"));
    const auto again = hub::ensureHubTlsFiles(root() / "reissue", "127.0.0.1");
    QCOMPARE(hub::readTextFile(again.serverCertificate), cert);  // kept
    const auto moved = hub::ensureHubTlsFiles(root() / "reissue", "localhost");
    QVERIFY(hub::certificateNamesHost(hub::readTextFile(moved.serverCertificate), "localhost"));
    QCOMPARE(hub::readTextFile(moved.caCertificate), ca);
    const auto perms = fs::status(root() / "reissue" / "ca-key.pem").permissions();
    QCOMPARE(perms & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
  }
};

QTEST_GUILESS_MAIN(TestHubTls)
#include "test_hub_tls.moc"
