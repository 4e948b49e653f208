// Judging the best alignments with their ridge detail (alignment_judging.h):
// agreeing ridges lift a near miss over the minutiae's first choice only by
// the blend's ratio; the detail of an alignment that cannot win is not
// counted, and one that could is asked for no more pairs than it needs.
// Before that, the alignments are ranked on their share plus what the ridge
// flow adds, and the best kept.
#include <QtTest>

#include <cmath>
#include <map>

#include "core/fingerprint/alignment_judging.h"

using namespace ridgeline::fingerprint;

namespace {
constexpr double kPerPair = 0.05;  // the matcher's: 0.15 / 0.3 / 10
constexpr int kMax = 10;

// An alignment with `pairs` pairs and that share of paired minutiae; its
// rotation names it in the counter below.
GlobalMatch alignment(double score, int pairs, double name) {
  GlobalMatch g;
  g.score = score;
  g.rotation = name;
  for (int k = 0; k < pairs; ++k) g.pairs.emplace_back(k, k), g.pairWeights.push_back(1);
  return g;
}

// Counts as given per alignment (by rotation), recording what it was asked.
struct FakeCounter {
  std::map<double, int> agreeing;
  std::map<double, int> askedNeeded;
  int calls = 0;
  AgreeingCounter counter() {
    return [this](const GlobalMatch& g, int needed) {
      ++calls;
      askedNeeded[g.rotation] = needed;
      return agreeing[g.rotation];
    };
  }
};
}  // namespace

class TestAlignmentJudging : public QObject {
  Q_OBJECT
 private slots:
  void agreeingRidgesLiftANearMiss() {
    FakeCounter c;
    c.agreeing = {{1, 1}, {2, 5}};
    // 0.30 + 5 x 0.05 beats 0.32 + 1 x 0.05.
    const JudgedAlignment j = judgeAlignments({alignment(0.32, 12, 1), alignment(0.30, 12, 2)}, kPerPair, kMax, c.counter());
    QCOMPARE(j.global.rotation, 2.0);
    QCOMPARE(j.agreeingPairs, 5);
    QCOMPARE(j.global.score, 0.30);
  }

  void rankingAddsTheOtherEvidenceAndKeepsTheBest() {
    // Shares 0.40 > 0.35 > 0.30 > 0.20; flow adds 0.2 to the third and 0.05 to the fourth.
    const std::map<double, double> flow = {{1, 0.0}, {2, 0.0}, {3, 0.2}, {4, 0.05}};
    int asked = 0;
    const Contenders c = rankAlignments(
        {alignment(0.40, 12, 1), alignment(0.35, 12, 2), alignment(0.30, 12, 3), alignment(0.20, 12, 4)},
        [&](const GlobalMatch& g) { return ++asked, flow.at(g.rotation); }, 2);
    QCOMPARE(asked, 4);
    QCOMPARE(c.alignments.size(), size_t(2));
    QCOMPARE(c.alignments[0].rotation, 3.0);
    QCOMPARE(c.alignments[1].rotation, 1.0);
    QCOMPARE(c.standing.size(), size_t(2));
    QVERIFY(std::abs(c.standing[0] - 0.50) < 1e-12 && std::abs(c.standing[1] - 0.40) < 1e-12);
    // Nothing added: the minutiae's order, ties included, stands.
    const Contenders same = rankAlignments({alignment(0.3, 12, 1), alignment(0.3, 12, 2), alignment(0.2, 12, 3)},
                                           [](const GlobalMatch&) { return 0.0; }, 5);
    QCOMPARE(same.alignments.size(), size_t(3));
    QCOMPARE(same.alignments[0].rotation, 1.0);
    QCOMPARE(same.alignments[1].rotation, 2.0);
    QCOMPARE(same.alignments[2].rotation, 3.0);
  }

  void aSingleAlignmentIsNotRanked() {
    int asked = 0;
    const Contenders c = rankAlignments({alignment(0.3, 12, 1)}, [&](const GlobalMatch&) { return ++asked, 1.0; }, 2);
    QCOMPARE(asked, 0);
    QCOMPARE(c.alignments.size(), size_t(1));
    QVERIFY(c.standing.empty());
    QVERIFY(rankAlignments({}, [](const GlobalMatch&) { return 1.0; }, 2).alignments.empty());
  }

  void theCallersStandingTakesThePlaceOfTheShare() {
    // Ranked by what flow adds (0.30 + 0.04 against 0.32 + 0), the alignment
    // with the lower share stands first. With 3 agreeing pairs each, the
    // other needs 4 to pass 0.34 + 3 x 0.05 from 0.32, and stays behind; by
    // their shares alone 3 would have lifted it (0.32 + 0.15 over 0.45).
    FakeCounter c;
    c.agreeing = {{1, 3}, {2, 3}};
    const JudgedAlignment j = judgeAlignments({alignment(0.30, 12, 2), alignment(0.32, 12, 1)}, kPerPair, kMax,
                                              c.counter(), {0.34, 0.32});
    QCOMPARE(j.global.rotation, 2.0);
    QCOMPARE(c.askedNeeded[1.0], 4);
    FakeCounter byShare;
    byShare.agreeing = c.agreeing;
    QCOMPARE(judgeAlignments({alignment(0.30, 12, 2), alignment(0.32, 12, 1)}, kPerPair, kMax, byShare.counter())
                 .global.rotation,
             1.0);
    // Standings of another size than the alignments: their shares decide, as without.
    FakeCounter d;
    d.agreeing = {{1, 1}, {2, 5}};
    const JudgedAlignment k = judgeAlignments({alignment(0.32, 12, 1), alignment(0.30, 12, 2)}, kPerPair, kMax,
                                              d.counter(), {0.9});
    QCOMPARE(k.global.rotation, 2.0);
    QCOMPARE(k.agreeingPairs, 5);
  }

  void theMinutiaeChoiceStandsWithoutBetterRidges() {
    FakeCounter c;
    c.agreeing = {{1, 3}, {2, 3}};
    const JudgedAlignment j = judgeAlignments({alignment(0.32, 12, 1), alignment(0.30, 12, 2)}, kPerPair, kMax, c.counter());
    QCOMPARE(j.global.rotation, 1.0);
    QCOMPARE(j.agreeingPairs, 3);
  }

  void theSecondIsAskedOnlyForWhatWouldLiftIt() {
    FakeCounter c;
    c.agreeing = {{1, 2}, {2, 10}};
    // Bar 0.41 + 0.10 = 0.51; from 0.30 it needs more than 4.2 agreeing pairs: 5.
    const JudgedAlignment j = judgeAlignments({alignment(0.41, 12, 1), alignment(0.30, 12, 2)}, kPerPair, kMax, c.counter());
    QCOMPARE(c.askedNeeded[1.0], 0);  // the first is counted in full: its count enters the score
    QCOMPARE(c.askedNeeded[2.0], 5);
    QCOMPARE(j.global.rotation, 2.0);
  }

  void anAlignmentThatCannotWinIsNotCounted() {
    FakeCounter c;
    c.agreeing = {{1, 0}, {2, 10}};
    // 0.60 against 0.05 + at most 10 x 0.05 = 0.55: out of reach.
    judgeAlignments({alignment(0.60, 12, 1), alignment(0.05, 12, 2)}, kPerPair, kMax, c.counter());
    QCOMPARE(c.calls, 1);
    // Within reach by the cap on the count, but with only 4 pairs it cannot agree on more than 4.
    FakeCounter d;
    d.agreeing = {{1, 0}, {2, 4}};
    const JudgedAlignment j = judgeAlignments({alignment(0.40, 12, 1), alignment(0.15, 4, 2)}, kPerPair, kMax, d.counter());
    QCOMPARE(d.calls, 1);
    QCOMPARE(j.global.rotation, 1.0);
  }

  void nothingToJudgeOrNothingToWeigh() {
    FakeCounter c;
    const JudgedAlignment none = judgeAlignments({}, kPerPair, kMax, c.counter());
    QCOMPARE(c.calls, 0);
    QVERIFY(none.global.pairs.empty());
    QCOMPARE(none.agreeingPairs, 0);
    c.agreeing = {{1, 0}, {2, 10}};
    const JudgedAlignment zero = judgeAlignments({alignment(0.32, 12, 1), alignment(0.30, 12, 2)}, 0, kMax, c.counter());
    QCOMPARE(zero.global.rotation, 1.0);
    QCOMPARE(c.calls, 1);
  }

  void aSingleAlignmentIsCountedOnce() {
    FakeCounter c;
    c.agreeing = {{1, 7}};
    const JudgedAlignment j = judgeAlignments({alignment(0.2, 9, 1)}, kPerPair, kMax, c.counter());
    QCOMPARE(c.calls, 1);
    QCOMPARE(j.agreeingPairs, 7);
  }
};

QTEST_APPLESS_MAIN(TestAlignmentJudging)
#include "test_alignment_judging.moc"
