// Retention: after a delivered decision other than identification, the
// case's images and features leave the profile entirely; the trail keeps
// their hashes. The proof scans every byte of every file in the profile.
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include "core/util/errors.h"
#include "store_fixtures.h"

using namespace ridgeline;
using namespace fixtures;
using store::CaseStore;

namespace {

constexpr const char* kFeatureMarker = "XQZV-distinctive-feature-author";

// Files under dir (database, -wal, -shm, images, temporaries) containing needle.
std::vector<std::string> filesContaining(const std::filesystem::path& dir, const std::string& needle) {
  std::vector<std::string> hits;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (content.find(needle) != std::string::npos) hits.push_back(entry.path().string());
  }
  return hits;
}

// 64 bytes from the middle of the image: random data no other file contains by chance.
std::string slice(const std::vector<std::uint8_t>& image) {
  return std::string(reinterpret_cast<const char*>(image.data()) + 9000, 64);
}

std::int64_t deliver(CaseStore& store, const StagedCase& s, const std::string& decision) {
  store.recordConclusion(s.caseId, makeConclusion(s.candidateId, decision), kExaminer);
  const auto item = store.outbox(OutboxState::Pending).back();
  store.markSent(item.id, kSync);
  store.markAcknowledged(item.id, kSync);
  return item.id;
}

FeatureSet distinctiveFeatures() {
  FeatureSet f = makeFeatures(15);
  f.authorName = kFeatureMarker;
  return f;
}

}  // namespace

class TestStorePurge : public QObject {
  Q_OBJECT
 private slots:
  void deliveredExclusionLeavesNoByteBehind() {
    QTemporaryDir dir;
    const auto profile = std::filesystem::path(dir.path().toStdString());
    CaseStore store(profile);
    const auto purged = stageForComparison(store, "H-PURGE", "PURGE", 7);
    const auto kept = stageForComparison(store, "H-KEEP", "KEEP", 8);
    const auto probeImage = makeImage("PURGE-probe-H-PURGE", 20000, 7);
    const auto candidateImage = makeImage("PURGE-cand-H-PURGE", 20000, 1007);
    const auto keptImage = makeImage("KEEP-probe-H-KEEP", 20000, 8);
    store.saveFeatures(purged.probeId, distinctiveFeatures(), kExaminer);
    store.saveFeatures(purged.candidateId, distinctiveFeatures(), kExaminer);
    store.saveCorrespondences(purged.candidateId, {{1, 0, 0, CorrespondenceType::Definite}}, kExaminer);
    store.viewImage(purged.probeId, kExaminer);

    // Before: the scan finds the bytes (so the scan itself can fail).
    QVERIFY(!filesContaining(profile, slice(probeImage)).empty());
    QVERIFY(!filesContaining(profile, kFeatureMarker).empty());

    deliver(store, kept, "identification");
    deliver(store, purged, "exclusion");  // grace none: purged on acknowledgement

    QCOMPARE(store.getCase(purged.caseId).status, CaseStatus::Purged);
    QCOMPARE(store.getCase(kept.caseId).status, CaseStatus::Delivered);
    QVERIFY(store.featureHistory(purged.probeId).empty());
    QVERIFY(store.correspondences(purged.candidateId).empty());
    QVERIFY_THROWS_EXCEPTION(InputError, store.viewImage(purged.probeId, kExaminer));
    QVERIFY_THROWS_EXCEPTION(InputError, store.saveFeatures(purged.probeId, makeFeatures(2), kExaminer));

    // While the store is still open (WAL and shared memory present) ...
    for (const std::string& needle : {slice(probeImage), slice(candidateImage), std::string(kFeatureMarker)}) {
      const auto hits = filesContaining(profile, needle);
      QVERIFY2(hits.empty(), hits.empty() ? "" : hits.front().c_str());
    }
    QVERIFY(!filesContaining(profile, slice(keptImage)).empty());  // the identification is kept

    // ... the trail names what was deleted by hash only, and still verifies.
    const auto events = store.auditLog(purged.caseId);
    QCOMPARE(events.back().action, std::string("purge"));
    QVERIFY(events.back().details.find(sha256Hex(probeImage)) != std::string::npos);
    QVERIFY(events.back().details.find(sha256Hex(candidateImage)) != std::string::npos);
    NoProgress progress;
    QVERIFY(store.verifyAudit(progress).intact);
    QVERIFY(store.checkImages().empty());  // purged images are not reported missing
  }

  void scanAfterCloseToo() {
    QTemporaryDir dir;
    const auto profile = std::filesystem::path(dir.path().toStdString());
    const auto probeImage = makeImage("PURGE-probe-H-1", 20000, 3);
    {
      CaseStore store(profile);
      const auto s = stageForComparison(store, "H-1", "PURGE", 3);
      store.saveFeatures(s.probeId, distinctiveFeatures(), kExaminer);
      deliver(store, s, "inconclusive");
      QCOMPARE(store.getCase(s.caseId).status, CaseStatus::Purged);
    }
    QVERIFY(filesContaining(profile, slice(probeImage)).empty());
    QVERIFY(filesContaining(profile, kFeatureMarker).empty());
  }

  void sharedImageSurvivesForTheOtherCase() {
    QTemporaryDir dir;
    CaseStore store(dir.path().toStdString());
    const auto a = stageForComparison(store, "H-A", "SAME", 5);
    // Case B carries the very same candidate image (same subject hit twice).
    const auto b = store.addCase(makeCase("H-B"), kSync);
    const auto bCandidate = store.addImpression(b, candidateImpression(1, "S"), makeImage("SAME-cand-H-A", 20000, 1005), kSync);
    deliver(store, a, "exclusion");
    QCOMPARE(store.getCase(a.caseId).status, CaseStatus::Purged);
    QCOMPARE(store.readImage(bCandidate), makeImage("SAME-cand-H-A", 20000, 1005));
  }

  void purgeInterruptedBeforeFileErasureIsFinishedOnReopen() {
    QTemporaryDir dir;
    const auto profile = std::filesystem::path(dir.path().toStdString());
    const auto probeImage = makeImage("PURGE-probe-H-1", 20000, 4);
    {
      CaseStore store(profile);
      const auto s = stageForComparison(store, "H-1", "PURGE", 4);
      deliver(store, s, "exclusion");
      // Recreate the state a kill between the purge's commit and its file
      // erasure leaves: the database says purged and pending, the file is back.
      store::ImageFiles(profile / "images").put(probeImage);
      store.database().exec("INSERT INTO pending_file_deletion (sha256) VALUES ('" + sha256Hex(probeImage) + "')");
      QVERIFY(!filesContaining(profile, slice(probeImage)).empty());
    }
    CaseStore reopened(profile);
    QVERIFY(filesContaining(profile, slice(probeImage)).empty());
    store::Statement q = reopened.database().prepare("SELECT count(*) FROM pending_file_deletion");
    QVERIFY(q.step());
    QCOMPARE(q.int64(0), std::int64_t(0));
  }

  void pendingErasureSparesAnImageBackInUse() {
    QTemporaryDir dir;
    const auto profile = std::filesystem::path(dir.path().toStdString());
    const auto image = makeImage("SHARED", 20000, 9);
    std::int64_t impression = 0;
    {
      CaseStore store(profile);
      const auto caseId = store.addCase(makeCase("H-1"), kSync);
      impression = store.addImpression(caseId, probeImpression(), image, kSync);
      // A purge elsewhere queued this hash for erasure just before the image came back in.
      store.database().exec("INSERT INTO pending_file_deletion (sha256) VALUES ('" + sha256Hex(image) + "')");
    }
    CaseStore reopened(profile);
    QVERIFY(reopened.readImage(impression) == image);
    store::Statement q = reopened.database().prepare("SELECT count(*) FROM pending_file_deletion");
    QVERIFY(q.step());
    QCOMPARE(q.int64(0), std::int64_t(0));
  }

  void gracePeriodDelaysPurge() {
    QTemporaryDir dir;
    store::StoreOptions options;
    options.purgeGrace = std::chrono::hours(1);
    CaseStore store(dir.path().toStdString(), options);
    const auto s = stageForComparison(store, "H-1");
    deliver(store, s, "exclusion");
    QCOMPARE(store.getCase(s.caseId).status, CaseStatus::Delivered);
    QVERIFY(!store.purgeEligible(s.caseId));
    QVERIFY_THROWS_EXCEPTION(InputError, store.purgeCase(s.caseId, kSync));
    QCOMPARE(store.purgeDue(kSync), 0);
    QCOMPARE(store.purgeDue(kSync, store::Clock::now() + std::chrono::hours(2)), 1);
    QCOMPARE(store.getCase(s.caseId).status, CaseStatus::Purged);
    QCOMPARE(store.purgeDue(kSync, store::Clock::now() + std::chrono::hours(3)), 0);
  }

  void undeliveredCasesAreNeverPurged() {
    QTemporaryDir dir;
    CaseStore store(dir.path().toStdString());
    const auto s = stageForComparison(store, "H-1");
    store.recordConclusion(s.caseId, makeConclusion(s.candidateId, "exclusion"), kExaminer);
    QVERIFY(!store.purgeEligible(s.caseId, store::Clock::now() + std::chrono::hours(1000)));
    QVERIFY_THROWS_EXCEPTION(InputError, store.purgeCase(s.caseId, kSync));
    QVERIFY(store.viewImage(s.probeId, kExaminer).size() > 0);
  }
};

QTEST_GUILESS_MAIN(TestStorePurge)
#include "test_store_purge.moc"
