// The benchmark's error rates on score lists small enough to count by hand.
#include <QtTest>

#include "error_rates.h"

using ridgeline::bench::errorRates;

class TestErrorRates : public QObject {
  Q_OBJECT
 private slots:
  void separatedScoresHaveNoErrors() {
    const auto r = errorRates({0.8, 0.9, 0.7}, {0.1, 0.2, 0.3, 0.4});
    QCOMPARE(r.eer, 0.0);
    QCOMPARE(r.fmr100, 0.0);
    QCOMPARE(r.rocMiss, 0.0);
  }

  void overlapIsCountedPairByPair() {
    // Genuine 0.3, 0.6, 0.9 against impostors 0.1, 0.3, 0.5, 0.7:
    // 0.3 is beaten by 0.5 and 0.7 and ties 0.3 (2.5); 0.6 by 0.7 (1); 0.9 by none.
    const auto r = errorRates({0.6, 0.3, 0.9}, {0.7, 0.1, 0.5, 0.3});
    QCOMPARE(r.rocMiss, 3.5 / 12);
    // At 0.6: FNMR 1/3, FMR 1/4 (closest crossing of the thresholds tried).
    QVERIFY(std::abs(r.eer - (1.0 / 3 + 1.0 / 4) / 2) < 1e-12);
    // No threshold lets fewer than 1 % of these four impostors through but one above 0.7.
    QVERIFY(std::abs(r.fmr100 - 2.0 / 3) < 1e-12);
  }

  void emptyListsGiveZeros() {
    const auto r = errorRates({}, {0.5});
    QCOMPARE(r.eer, 0.0);
    QCOMPARE(r.rocMiss, 0.0);
  }
};

QTEST_GUILESS_MAIN(TestErrorRates)
#include "test_error_rates.moc"
