// The matcher on real prints: genuine over impostor, invariance to rotation,
// shift and cropping, ISO templates from another extractor, examiner edits.
#include <QtTest>

#include <algorithm>
#include <limits>
#include <random>
#include <set>

#include "core/fingerprint/extractor.h"
#include "core/fingerprint/feature_source.h"
#include "core/fingerprint/matcher.h"
#include "core/fingerprint/scale_search.h"
#include "core/util/errors.h"
#include "fixtures.h"

using namespace ridgeline;
using namespace ridgeline::fingerprint;

namespace {
FeatureSet extract(const cv::Mat& image) { return extractFeatures(image, 500); }

// The impostor level of these fixtures: the best score of the probe against
// the other finger, and a floor below which nothing counts as a match (the
// all-pairs impostor 99.9th percentile over the four FVC sets measured by
// bench_matcher is ~0.15, the highest 0.19).
constexpr double kImpostorFloor = 0.19;

FeatureSet withoutFlow(FeatureSet f) {
  f.ridgeFlow.reset();
  return f;
}

// As an examiner's set or another extractor's template: no flow, no ridge detail.
FeatureSet minutiaeOnly(FeatureSet f) {
  f.ridgeFlow.reset();
  f.ridgeDetail.reset();
  return f;
}

// A print-sized set of minutiae (about 60 over 9 x 10 mm), at least a
// ridge period or two apart, of random directions and types.
FeatureSet scatteredPrint(int count, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> x(30, 420), y(30, 480), turn(0, 2 * M_PI);
  FeatureSet f;
  while (int(f.minutiae.size()) < count) {
    Minutia m;
    m.x = x(random), m.y = y(random), m.direction = turn(random);
    m.type = random() % 2 ? MinutiaType::Ending : MinutiaType::Bifurcation;
    const bool crowded = std::any_of(f.minutiae.begin(), f.minutiae.end(),
                                     [&](const Minutia& o) { return std::hypot(o.x - m.x, o.y - m.y) < 20; });
    if (!crowded) f.minutiae.push_back(m);
  }
  return f;
}

// The minutiae as skin pushed sideways would leave them: the right half
// stretched away from the centre, more the farther out (x moves by
// edge * u^2, u running 0..1 from the centre to the farthest minutia).
// Directions turn with the skin.
FeatureSet stretched(const FeatureSet& f, double edge) {
  double cx = 0, reach = 0;
  for (const auto& m : f.minutiae) cx += m.x / double(f.minutiae.size());
  for (const auto& m : f.minutiae) reach = std::max(reach, m.x - cx);
  FeatureSet out;
  out.ppi = f.ppi;
  for (Minutia m : f.minutiae) {
    const double u = std::max(0.0, (m.x - cx) / reach), slope = 2 * edge / reach * u;  // d(shift)/dx
    m.x += edge * u * u;
    // Image y runs down, directions count with y up: (cos, sin) is (dx, -dy).
    m.direction = normalizeAngle(std::atan2(std::sin(m.direction), (1 + slope) * std::cos(m.direction)));
    out.minutiae.push_back(m);
  }
  return out;
}
}  // namespace

class TestMatcher : public QObject {
  Q_OBJECT

  FeatureSet probe_, mate_, other_;
  double impostor_ = 0;

 private slots:
  void initTestCase() {
    probe_ = extract(loadFixture("101_1.tif"));
    mate_ = extract(loadFixture("101_2.tif"));
    other_ = extract(loadFixture("102_1.tif"));
    impostor_ = std::max({kImpostorFloor, matchFeatures(probe_, other_).score, matchFeatures(mate_, other_).score});
  }

  void genuineScoresAboveImpostor() {
    const MatchResult genuine = matchFeatures(probe_, mate_);
    QVERIFY2(genuine.score > 2 * impostor_, qPrintable(QString("%1 vs %2").arg(genuine.score).arg(impostor_)));
    QVERIFY(genuine.score <= 1.0);
  }

  void identicalSetsScoreHighAndPairThemselves() {
    const MatchResult self = matchFeatures(probe_, probe_);
    QVERIFY(self.score > 0.5);
    for (const auto& p : self.pairs) QCOMPARE(p.probe, p.candidate);
    QVERIFY(self.alignment.valid);
    QVERIFY(std::abs(self.alignment.rotation) < 0.01);
    QVERIFY(std::abs(self.alignment.dx) < 0.5 && std::abs(self.alignment.dy) < 0.5);
  }

  void pairsAreValidOneToOneIndices() {
    const MatchResult r = matchFeatures(probe_, mate_);
    QVERIFY(r.pairs.size() >= 4);
    std::set<int> a, b;
    for (size_t k = 0; k < r.pairs.size(); ++k) {
      const auto& p = r.pairs[k];
      QVERIFY(p.probe >= 0 && p.probe < int(probe_.minutiae.size()));
      QVERIFY(p.candidate >= 0 && p.candidate < int(mate_.minutiae.size()));
      QVERIFY(a.insert(p.probe).second && b.insert(p.candidate).second);
      QVERIFY(p.support > 0 && p.support <= 1);
      if (k > 0) QVERIFY(p.support <= r.pairs[k - 1].support);  // best first
    }
  }

  void sameInputGivesSameScore() {
    const MatchResult a = matchFeatures(probe_, mate_), b = matchFeatures(probe_, mate_);
    QCOMPARE(a.score, b.score);
    QCOMPARE(a.pairs.size(), b.pairs.size());
  }

  void aSearchScoresEachCandidateAsAloneInOrder() {
    // scoreAgainst fetches ahead; what it returns must be scoreTemplates', in
    // the candidates' order, an empty template and repeats included.
    const MccTemplate p = prepareTemplate(probe_), mate = prepareTemplate(mate_), other = prepareTemplate(other_);
    const MccTemplate none = prepareTemplate(FeatureSet{});
    const std::vector<const MccTemplate*> gallery{&other, &mate, &none, &p, &mate};
    const std::vector<double> scores = scoreAgainst(p, gallery);
    QCOMPARE(scores.size(), gallery.size());
    for (size_t k = 0; k < gallery.size(); ++k) QCOMPARE(scores[k], scoreTemplates(p, *gallery[k]));
    QVERIFY(scores[1] > scores[0] && scores[2] == 0);
    QVERIFY(scoreAgainst(p, {}).empty());
  }

  void rotatedCopyMatchesAndAlignmentFindsTheAngle() {
    const cv::Mat image = loadFixture("101_1.tif");
    for (double degrees : {-40.0, 25.0, 90.0}) {
      const MatchResult r = matchFeatures(probe_, extract(rotated(image, degrees)));
      QVERIFY2(r.score > 2 * impostor_, qPrintable(QString("%1 deg: %2").arg(degrees).arg(r.score)));
      // OpenCV turns positive angles counter-clockwise on screen, as Alignment does.
      QVERIFY2(std::abs(r.alignment.rotation * 180 / M_PI - degrees) < 4,
               qPrintable(QString("%1 vs %2").arg(r.alignment.rotation * 180 / M_PI).arg(degrees)));
    }
  }

  void shiftedCopyMatchesAndAlignmentFindsTheShift() {
    const MatchResult r = matchFeatures(probe_, extract(shifted(loadFixture("101_1.tif"), 60, 35)));
    QVERIFY(r.score > 2 * impostor_);
    QVERIFY2(std::abs(r.alignment.dx - 60) < 4 && std::abs(r.alignment.dy - 35) < 4,
             qPrintable(QString("%1, %2").arg(r.alignment.dx).arg(r.alignment.dy)));
  }

  void croppedCopyStillMatches() {
    const cv::Mat image = loadFixture("101_1.tif");
    // A partial print: the lower-left 60 % of the area, as a latent might leave.
    const cv::Mat part = image(cv::Rect(0, image.rows * 2 / 10, image.cols * 3 / 4, image.rows * 8 / 10)).clone();
    const MatchResult r = matchFeatures(probe_, extract(part));
    QVERIFY2(r.score > 2 * impostor_, qPrintable(QString::number(r.score)));
  }

  void stretchedCopyPairsAcrossTheWholePrint() {
    // Half the print stretched away from the other, 45 px at the far edge:
    // more than any rotation and shift can follow (a rigid alignment pairs
    // 53-54 of the 60 minutiae with themselves). The elastic pairing
    // follows the stretch and pairs nearly all.
    for (const unsigned seed : {2u, 3u}) {
      const FeatureSet source = scatteredPrint(60, seed);
      const MatchResult r = matchFeatures(source, stretched(source, 45));
      int self = 0;
      for (const auto& p : r.pairs) self += p.probe == p.candidate;
      QVERIFY2(self >= 57, qPrintable(QString("seed %1: %2 of 60 paired with themselves").arg(seed).arg(self)));
    }
  }

  void isoTemplateFromAnotherExtractorMatchesItsImage() {
    const FeatureSet iso = loadPrint(fixture("101_1.iso")).features;
    QVERIFY(iso.minutiae.size() > 10);
    const double own = matchFeatures(iso, probe_).score;
    const double otherFinger = matchFeatures(iso, other_).score;
    QVERIFY2(own > std::max(kImpostorFloor, 2 * otherFinger), qPrintable(QString("%1 vs %2").arg(own).arg(otherFinger)));
  }

  void editedMinutiaeChangeTheScoreSensibly() {
    const double full = matchFeatures(probe_, mate_).score;
    // The examiner deletes minutiae the mate does not share: the score must not rise above the self-match
    // and must fall when the paired ones go.
    const MatchResult r = matchFeatures(probe_, mate_);
    FeatureSet withoutPaired = probe_;
    std::vector<int> paired;
    for (const auto& p : r.pairs) paired.push_back(p.probe);
    std::sort(paired.rbegin(), paired.rend());
    for (int i : paired) withoutPaired.minutiae.erase(withoutPaired.minutiae.begin() + i);
    const double afterRemovingPaired = matchFeatures(withoutPaired, mate_).score;
    QVERIFY2(afterRemovingPaired < full, qPrintable(QString("%1 -> %2").arg(full).arg(afterRemovingPaired)));

    FeatureSet few = probe_;
    few.minutiae.resize(2);
    QCOMPARE(matchFeatures(few, mate_).score, 0.0);  // too few minutiae to compare
    FeatureSet none = probe_;
    none.minutiae.clear();
    QCOMPARE(matchFeatures(none, mate_).score, 0.0);
  }

  void mismatchedTypesWeighLessAndUnknownTypesDoNot() {
    // Ending against bifurcation is weaker evidence than agreement; a type
    // nobody recorded (an examiner's or another extractor's) is no mismatch.
    auto withTypes = [](FeatureSet f, auto change) {
      for (auto& m : f.minutiae) m.type = change(m.type);
      return f;
    };
    const auto flipped = withTypes(mate_, [](MinutiaType t) {
      return t == MinutiaType::Ending ? MinutiaType::Bifurcation
                                      : t == MinutiaType::Bifurcation ? MinutiaType::Ending : t;
    });
    const auto unknown = withTypes(mate_, [](MinutiaType) { return MinutiaType::Unknown; });
    const MatchResult same = matchFeatures(probe_, mate_);
    const MatchResult crossed = matchFeatures(probe_, flipped);
    QVERIFY2(crossed.score < same.score, qPrintable(QString("%1 vs %2").arg(crossed.score).arg(same.score)));
    QVERIFY(crossed.score > impostor_);  // still a mate: a flip does not rule a pair out
    double sameSupport = 0, crossedSupport = 0;
    for (const auto& p : same.pairs) sameSupport += p.support;
    for (const auto& p : crossed.pairs) crossedSupport += p.support;
    QVERIFY(crossedSupport < sameSupport);
    // A mate whose types are unknown scores as one whose types all agree.
    const auto endings = [](MinutiaType) { return MinutiaType::Ending; };
    const FeatureSet probeEndings = withTypes(probe_, endings);
    QCOMPARE(matchFeatures(probeEndings, unknown).score, matchFeatures(probeEndings, withTypes(mate_, endings)).score);
  }

  void markOfUnknownScaleMatchesWithScaleSearch() {
    // The same print enlarged by 18 % and declared 500 ppi: a mark photographed without a ruler.
    cv::Mat enlarged;
    cv::resize(loadFixture("101_1.tif"), enlarged, cv::Size(), 1.18, 1.18, cv::INTER_CUBIC);
    const FeatureSet mark = extract(enlarged);
    const MccTemplate source = prepareTemplate(probe_);
    const double plain = matchTemplates(prepareTemplate(mark), source).score;
    const MatchResult searched = matchAcrossScales(prepareAtScales(mark), source);
    QVERIFY2(searched.score > plain && searched.score > 2 * impostor_,
             qPrintable(QString("%1 -> %2").arg(plain).arg(searched.score)));
    // The alignment reports the scale it found: about 1 / 1.18 from mark pixels to source pixels.
    QVERIFY2(std::abs(searched.alignment.scale - 1 / 1.18) < 0.08, qPrintable(QString::number(searched.alignment.scale)));
    // A different finger gains no comparable advantage.
    QVERIFY(scoreAcrossScales(prepareAtScales(other_), source) < searched.score / 2);
  }

  void ridgeFlowJoinsTheScoreWhenBothPrintsCarryIt() {
    QVERIFY(probe_.ridgeFlow && mate_.ridgeFlow);
    const double flowLeftOut = matchFeatures(withoutFlow(probe_), withoutFlow(mate_)).score;
    // One side without flow (an examiner-made set, another extractor's template): the flow term is left out.
    QCOMPARE(matchFeatures(probe_, withoutFlow(mate_)).score, flowLeftOut);
    QCOMPARE(matchFeatures(withoutFlow(probe_), mate_).score, flowLeftOut);
    // The mate's flow runs with the probe's over most of the print, at the same ridge spacing.
    const MatchResult genuine = matchFeatures(probe_, mate_);
    QVERIFY(genuine.flow.compared);
    QVERIFY2(genuine.flow.agreement > 0.9 && genuine.flow.sharedMm2 > 50,
             qPrintable(QString("%1 over %2 mm2").arg(genuine.flow.agreement).arg(genuine.flow.sharedMm2)));
    QVERIFY2(genuine.flow.periodMismatch >= 0 && genuine.flow.periodMismatch < 0.1,
             qPrintable(QString::number(genuine.flow.periodMismatch)));
    QVERIFY(!matchFeatures(probe_, withoutFlow(mate_)).flow.compared);
    // Flow crossing the probe's everywhere (each block turned 90 degrees) lowers the score.
    FeatureSet crossed = mate_;
    for (auto& d : crossed.ridgeFlow->directions)
      if (d != RidgeFlowMap::kNoFlow) d = std::uint8_t((d + 90) % 180);
    const double crossedScore = matchFeatures(probe_, crossed).score;
    QVERIFY2(crossedScore < genuine.score - 0.05, qPrintable(QString("%1 vs %2").arg(crossedScore).arg(genuine.score)));
    // So do ridges a third wider apart (another finger's spacing).
    FeatureSet wider = mate_;
    for (auto& p : wider.ridgeFlow->periods) p = std::uint16_t(p * 4 / 3);
    const MatchResult spaced = matchFeatures(probe_, wider);
    QVERIFY(spaced.flow.periodMismatch > 0.2);
    QVERIFY2(spaced.score < genuine.score, qPrintable(QString("%1 vs %2").arg(spaced.score).arg(genuine.score)));
  }

  void breakdownAccountsForTheScore() {
    // Without flow and ridge detail the score is the minutiae blend alone (docs/matcher.md,
    // section 2): 0.3 x the paired share + 0.7 x the neighbourhoods.
    const MatchResult plain = matchFeatures(minutiaeOnly(probe_), minutiaeOnly(mate_));
    const ScoreBreakdown& b = plain.breakdown;
    QVERIFY2(std::abs(plain.score - (0.3 * b.minutiae + 0.7 * b.neighbourhoods)) < 1e-12,
             qPrintable(QString("%1 from %2 and %3").arg(plain.score).arg(b.minutiae).arg(b.neighbourhoods)));
    QVERIFY(b.minutiae > 0 && b.minutiae <= 1 && b.neighbourhoods > 0 && b.neighbourhoods <= 1);
    // The paired share divides by the minutiae in the shared area, so it cannot pair more than both show there.
    QVERIFY(b.probeInOverlap > 0 && b.candidateInOverlap > 0);
    QVERIFY(int(plain.pairs.size()) <= std::max(12, std::min(b.probeInOverlap, b.candidateInOverlap)));
    // A print against itself: every minutia lies in the shared area and the parts are full.
    const MatchResult self = matchFeatures(probe_, probe_);
    QCOMPARE(self.breakdown.probeInOverlap, int(probe_.minutiae.size()));
    QCOMPARE(self.breakdown.candidateInOverlap, int(probe_.minutiae.size()));
    QVERIFY2(self.breakdown.minutiae > 0.9, qPrintable(QString::number(self.breakdown.minutiae)));
    QCOMPARE(self.breakdown.neighbourhoods, 1.0);
    // Another finger: less of both.
    const MatchResult impostor = matchFeatures(probe_, other_);
    QVERIFY(impostor.breakdown.minutiae < b.minutiae && impostor.breakdown.neighbourhoods < b.neighbourhoods);
  }

  void minutiaeWhereTheOtherShowsNoRidgesAreNotHeldAgainstIt() {
    // Against another finger few minutiae pair, so most of those in the shared area are held against the match.
    const MatchResult asExtracted = matchFeatures(probe_, other_);
    QVERIFY(asExtracted.breakdown.probeInOverlap > int(asExtracted.pairs.size()));
    // Its ridges unclear everywhere (clarity 1, debatable flow): of the
    // probe's minutiae only the paired ones count as ones it should have
    // shown; its own still count against the probe's clarity.
    FeatureSet blotched = other_;
    QVERIFY(blotched.clarity.has_value());
    std::fill(blotched.clarity->levels.begin(), blotched.clarity->levels.end(), std::uint8_t(1));
    const MatchResult r = matchFeatures(probe_, blotched);
    QCOMPARE(r.breakdown.probeInOverlap, int(r.pairs.size()));
    QVERIFY(r.breakdown.candidateInOverlap > int(r.pairs.size()));
    // Both unclear: each print is held to its paired minutiae alone.
    FeatureSet unclearProbe = probe_;
    std::fill(unclearProbe.clarity->levels.begin(), unclearProbe.clarity->levels.end(), std::uint8_t(1));
    const MatchResult both = matchFeatures(unclearProbe, blotched);
    QCOMPARE(both.breakdown.probeInOverlap, int(both.pairs.size()));
    QCOMPARE(both.breakdown.candidateInOverlap, int(both.pairs.size()));
    // Without a clarity map (an examiner's set, another extractor's template) the region alone decides, as before.
    FeatureSet unknown = other_;
    unknown.clarity.reset();
    QVERIFY(matchFeatures(probe_, unknown).breakdown.probeInOverlap >= asExtracted.breakdown.probeInOverlap);
  }

  void unusableEditedMinutiaIsAnInputError() {
    FeatureSet broken = probe_;
    broken.minutiae[3].x = std::numeric_limits<double>::quiet_NaN();
    QVERIFY_THROWS_EXCEPTION(InputError, matchFeatures(broken, mate_));
  }

  void examinerAddedMinutiaTakesPartWithoutAnImage() {
    // Matching runs on the feature sets alone: a copy with an examiner-moved minutia still matches.
    FeatureSet edited = probe_;
    edited.author = FeatureAuthor::Examiner;
    edited.minutiae[0].x += 3;
    QVERIFY(matchFeatures(edited, mate_).score > 2 * impostor_);
  }
};

QTEST_GUILESS_MAIN(TestMatcher)
#include "test_matcher.moc"
