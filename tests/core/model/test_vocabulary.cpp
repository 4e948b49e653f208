#include <QtTest>

#include <numbers>

#include "core/model/feature_set.h"
#include "core/model/vocabulary.h"

using namespace ridgeline;

class TestVocabulary : public QObject {
  Q_OBJECT
 private slots:
  void efsCodesRoundTrip() {
    for (auto t : {CorrespondenceType::Definite, CorrespondenceType::Possible, CorrespondenceType::DoesNotExist,
                   CorrespondenceType::OutOfRegion, CorrespondenceType::Unclear})
      QCOMPARE(*correspondenceTypeFromCode(toCode(t)), t);
    for (auto t : {MinutiaType::Ending, MinutiaType::Bifurcation, MinutiaType::Unknown})
      QCOMPARE(*minutiaTypeFromCode(toCode(t)), t);
    for (auto s : {CaseStatus::Queued, CaseStatus::Leased, CaseStatus::Analysis, CaseStatus::Comparison,
                   CaseStatus::Concluded, CaseStatus::Verified, CaseStatus::Delivered, CaseStatus::Purged})
      QCOMPARE(*caseStatusFromCode(toCode(s)), s);
  }
  void efsCodesAreTheStandardOnes() {
    QCOMPARE(toCode(MinutiaType::Bifurcation), std::string_view("B"));
    QCOMPARE(toCode(CorrespondenceType::DoesNotExist), std::string_view("DNE"));
    QCOMPARE(toLabel(CorrespondenceType::OutOfRegion), std::string_view("out of region"));
  }
  void unknownCodesAreRejected() {
    QVERIFY(!minutiaTypeFromCode("Q"));
    QVERIFY(!caseStatusFromCode("lost"));
  }
  void anglesNormalised() {
    QCOMPARE(normalizeAngle(-std::numbers::pi / 2), 3 * std::numbers::pi / 2);
    QCOMPARE(normalizeAngle(2 * std::numbers::pi), 0.0);
    QVERIFY(qFuzzyCompare(normalizeAngle(5 * std::numbers::pi), std::numbers::pi));
  }
};

QTEST_GUILESS_MAIN(TestVocabulary)
#include "test_vocabulary.moc"
