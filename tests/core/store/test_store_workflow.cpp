// The examiner's path through the store: a case from arrival to delivered
// decision, feature set versions and locking, markup, bias-control rules.
#include <QTemporaryDir>
#include <QtTest>

#include "core/util/errors.h"
#include "store_fixtures.h"

using namespace ridgeline;
using namespace fixtures;
using store::CaseStore;

class TestStoreWorkflow : public QObject {
  Q_OBJECT
 private slots:
  void defaultProfileFollowsXdg() {
    QTemporaryDir dir;
    const QByteArray saved = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", dir.path().toUtf8());
    QCOMPARE(CaseStore::defaultProfileDir(), std::filesystem::path(dir.path().toStdString()) / "ridgeline" / "default");
    {
      CaseStore store({});  // empty path: the default profile
      QVERIFY(std::filesystem::exists(CaseStore::defaultProfileDir() / "ridgeline.db"));
    }
    if (saved.isNull()) qunsetenv("XDG_DATA_HOME");
    else qputenv("XDG_DATA_HOME", saved);
  }

  void caseRoundTripsAndRejectsDuplicates() {
    QTemporaryDir dir;
    CaseStore store(dir.path().toStdString());
    const auto id = store.addCase(makeCase("H-1"), kSync);
    const Case c = store.getCase(id);
    QCOMPARE(c.hubId, std::string("H-1"));
    QCOMPARE(c.status, CaseStatus::Leased);
    QCOMPARE(c.priority, 3);
    QCOMPARE(c.bestHubScore, 31.5);
    QVERIFY(!c.receivedAt.empty());
    QVERIFY_THROWS_EXCEPTION(InputError, store.addCase(makeCase("H-1"), kSync));
    Case bad = makeCase("H-2");
    bad.priority = 12;
    QVERIFY_THROWS_EXCEPTION(InputError, store.addCase(bad, kSync));
    QCOMPARE(store.listCases().size(), size_t(1));
    QVERIFY_THROWS_EXCEPTION(InputError, store.getCase(999));
  }

  void impressionImageIsContentAddressedAndVerified() {
    QTemporaryDir dir;
    CaseStore store(dir.path().toStdString());
    const auto caseId = store.addCase(makeCase("H-1"), kSync);
    const auto image = makeImage("IMG");
    const auto id = store.addImpression(caseId, probeImpression(), image, kSync);
    const Impression i = store.getImpression(id);
    QCOMPARE(i.imageSha256, sha256Hex(image));
    QVERIFY(std::filesystem::exists(store.profileDir() / "images" / i.imageSha256.substr(0, 2) / i.imageSha256));
    QVERIFY(store.viewImage(id, kExaminer) == image);
    QCOMPARE(store.auditLog(caseId).back().action, std::string("image.viewed"));
    QVERIFY_THROWS_EXCEPTION(InputError, store.addImpression(caseId, probeImpression(), makeImage("X"), kSync));
    QVERIFY(store.checkImages().empty());
  }

  void newProfileIsPrivate() {
    QTemporaryDir dir;
    CaseStore store(dir.path().toStdString() + "/new-profile");
    for (const auto& folder : {store.profileDir(), store.profileDir() / "images"}) {
      const auto perms = std::filesystem::status(folder).permissions();
      QCOMPARE(perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all), std::filesystem::perms::none);
    }
  }

  void featureVersionsLockAndBranch() {
    QTemporaryDir dir;
    CaseStore store(dir.path().toStdString());
    const auto caseId = store.addCase(makeCase("H-1"), kSync);
    const auto probe = store.addImpression(caseId, probeImpression(), makeImage("P"), kSync);
    store.openCase(caseId, kExaminer);
    QCOMPARE(store.getCase(caseId).status, CaseStatus::Analysis);

    auto v1 = store.saveFeatures(probe, makeFeatures(5), kExaminer);
    QCOMPARE(v1.version, 1);
    auto v1b = store.saveFeatures(probe, makeFeatures(7), kExaminer);  // unlocked: edited in place
    QCOMPARE(v1b.version, 1);
    QCOMPARE(v1b.id, v1.id);
    const auto locked = store.lockAnalysis(caseId, kExaminer);
    QVERIFY(locked.locked);
    QCOMPARE(store.getCase(caseId).status, CaseStatus::Comparison);

    auto v2 = store.saveFeatures(probe, makeFeatures(8), kExaminer);  // locked: a new version
    QCOMPARE(v2.version, 2);
    const auto history = store.featureHistory(probe);
    QCOMPARE(history.size(), size_t(2));
    QVERIFY(history[0].locked);
    QCOMPARE(history[0].features.minutiae.size(), size_t(7));  // the locked analysis kept its content
    QVERIFY(history[0].features == makeFeatures(7));           // exact round trip through the document
    QCOMPARE(history[1].features.minutiae.size(), size_t(8));
    QVERIFY(!history[1].locked);

    // The database itself refuses to change a locked version, whoever asks.
    QVERIFY_THROWS_EXCEPTION(InputError, store.database().exec(
        "UPDATE feature_set SET document = '{}' WHERE id = " + std::to_string(history[0].id)));
    QVERIFY_THROWS_EXCEPTION(InputError, store.database().exec(
        "DELETE FROM feature_set WHERE id = " + std::to_string(history[0].id)));
    QCOMPARE(store.featureHistory(probe)[0].features.minutiae.size(), size_t(7));
  }

  void candidateMarkupWaitsForLockedAnalysis() {
    QTemporaryDir dir;
    CaseStore store(dir.path().toStdString());
    const auto caseId = store.addCase(makeCase("H-1"), kSync);
    store.addImpression(caseId, probeImpression(), makeImage("P"), kSync);
    const auto cand = store.addImpression(caseId, candidateImpression(1, "S1"), makeImage("C"), kSync);
    store.openCase(caseId, kExaminer);
    QVERIFY_THROWS_EXCEPTION(InputError, store.saveFeatures(cand, makeFeatures(3), kExaminer));
    QVERIFY_THROWS_EXCEPTION(InputError, store.saveCorrespondences(cand, {{1, 0, 0, CorrespondenceType::Definite}}, kExaminer));
    QVERIFY_THROWS_EXCEPTION(InputError, store.lockAnalysis(caseId, kExaminer));  // nothing analysed yet
    QVERIFY_THROWS_EXCEPTION(InputError, store.recordConclusion(caseId, makeConclusion(cand, "exclusion"), kExaminer));
    QVERIFY_THROWS_EXCEPTION(InputError, store.viewImage(cand, kExaminer));  // not shown before the lock
    QVERIFY(store.readImage(cand) == makeImage("C"));                         // the matcher may read it
    // Hub features on a candidate are data, not the examiner's judgement: allowed.
    QCOMPARE(store.saveFeatures(cand, makeFeatures(3, FeatureAuthor::Hub), kSync).version, 1);
  }

  void markupIsStoredAndAudited() {
    QTemporaryDir dir;
    CaseStore store(dir.path().toStdString());
    const auto s = stageForComparison(store, "H-1");
    const std::vector<Correspondence> pairs{{1, 0, 2, CorrespondenceType::Definite}, {2, 3, 4, CorrespondenceType::Possible}};
    store.saveCorrespondences(s.candidateId, pairs, kExaminer);
    QVERIFY(store.correspondences(s.candidateId) == pairs);
    QVERIFY_THROWS_EXCEPTION(InputError, store.saveCorrespondences(
        s.candidateId, {{1, 0, 2, CorrespondenceType::Definite}, {1, 3, 4, CorrespondenceType::Definite}}, kExaminer));
    QVERIFY(store.correspondences(s.candidateId) == pairs);  // a refused save changes nothing

    store.addAnnotation(s.caseId, s.probeId, "smudge near the core, left", kExaminer);
    QCOMPARE(store.annotations(s.caseId).size(), size_t(1));
    store.logEnhancement(s.probeId, "clahe", R"({"clip":2.0,"tiles":8})", kExaminer);
    store.logEnhancement(s.probeId, "invert", "{}", kExaminer);
    const auto log = store.enhancementLog(s.probeId);
    QCOMPARE(log.size(), size_t(2));
    QCOMPARE(log[0].name, std::string("clahe"));
    QCOMPARE(log[1].ordinal, 2);
    QVERIFY_THROWS_EXCEPTION(InputError, store.logEnhancement(s.probeId, "gamma", "not json", kExaminer));
    QCOMPARE(store.enhancementLog(s.probeId).size(), size_t(2));

    std::vector<std::string> actions;
    for (const auto& e : store.auditLog(s.caseId)) actions.push_back(e.action);
    for (const char* expected : {"case.pulled", "case.opened", "markup.changed", "analysis.locked", "enhancement.applied"})
      QVERIFY2(std::find(actions.begin(), actions.end(), expected) != actions.end(), expected);
    // The note's words are not in the trail, only its hash.
    for (const auto& e : store.auditLog(s.caseId)) QVERIFY(e.details.find("smudge") == std::string::npos);
  }

  void conclusionsQueueDecisionsAndDeliveryFollowsAcknowledgement() {
    QTemporaryDir dir;
    CaseStore store(dir.path().toStdString());
    const auto s = stageForComparison(store, "H-1");
    store.recordConclusion(s.caseId, makeConclusion(s.candidateId, "identification"), kExaminer);
    QCOMPARE(store.getCase(s.caseId).status, CaseStatus::Concluded);
    // Blind verification by someone else.
    QVERIFY_THROWS_EXCEPTION(InputError, store.recordConclusion(
        s.caseId, makeConclusion(s.candidateId, "identification", "verification"), kExaminer));
    Conclusion impersonated = makeConclusion(s.candidateId, "identification", "verification");
    impersonated.examiner = "bob";  // alice may not record a verification in bob's name
    QVERIFY_THROWS_EXCEPTION(InputError, store.recordConclusion(s.caseId, impersonated, kExaminer));
    store.recordConclusion(s.caseId, makeConclusion(s.candidateId, "identification", "verification"), kVerifier);
    QCOMPARE(store.conclusions(s.caseId).back().examiner, std::string("bob"));
    QCOMPARE(store.getCase(s.caseId).status, CaseStatus::Verified);
    QCOMPARE(store.conclusions(s.caseId).size(), size_t(2));

    auto pending = store.outbox(OutboxState::Pending);
    QCOMPARE(pending.size(), size_t(2));
    QCOMPARE(pending[0].idempotencyKey.size(), size_t(36));
    QVERIFY(pending[0].idempotencyKey != pending[1].idempotencyKey);
    QVERIFY(pending[0].payloadJson.find("\"decision\":\"identification\"") != std::string::npos);
    // The payload anchors the trail: it names the event just before the conclusion's.
    const auto trail = store.auditLog(s.caseId);
    const auto conclusionEvent = std::find_if(trail.begin(), trail.end(), [](const AuditEvent& e) {
      return e.action == "conclusion.recorded";
    });
    QVERIFY(conclusionEvent != trail.end());
    QVERIFY(pending[0].payloadJson.find("\"hash\":\"" + conclusionEvent->prevHash + "\"") != std::string::npos);

    store.markSent(pending[1].id, kSync);
    store.markAttemptFailed(pending[1].id, "hub unreachable", kSync);
    QCOMPARE(store.outbox(OutboxState::Pending).size(), size_t(2));
    store.markSent(pending[1].id, kSync);
    store.markAcknowledged(pending[1].id, kSync);
    store.markAcknowledged(pending[1].id, kSync);  // repeated acknowledgement: no change
    const auto acked = store.outbox(OutboxState::Acknowledged);
    QCOMPARE(acked.size(), size_t(1));
    QCOMPARE(acked[0].attempts, 2);
    QCOMPARE(store.getCase(s.caseId).status, CaseStatus::Delivered);
    // An identification is kept: no purge.
    QVERIFY(!store.purgeEligible(s.caseId));
    QVERIFY(store.viewImage(s.probeId, kExaminer).size() > 0);
  }
};

QTEST_GUILESS_MAIN(TestStoreWorkflow)
#include "test_store_workflow.moc"
