#include <QtTest>

#include <QElapsedTimer>
#include <QComboBox>
#include <QLabel>
#include <QTableView>

#include "views/queue/queue_dock.h"
#include "views/queue/queue_table_model.h"

using namespace ridgeline;
using namespace ridgeline::views;

static std::vector<Case> makeCases(int n) {
  std::vector<Case> cases;
  for (int i = 0; i < n; ++i) {
    Case c;
    c.id = i + 1;
    c.hubId = "S-" + std::to_string(100000 + i);
    c.modality = i % 3 == 0 ? Modality::Face : Modality::Fingerprint;
    c.priority = 1 + (i * 7) % 9;
    c.hubThreshold = 40;
    c.bestHubScore = 10 + (i * 13) % 29;
    c.receivedAt = QDateTime(QDate(2026, 11, 20), QTime(8, 0)).addSecs(i * 60).toString(Qt::ISODateWithMs).toStdString();
    cases.push_back(c);
  }
  return cases;
}

class TestQueueModel : public QObject {
  Q_OBJECT
 private slots:
  void scoresKeepTheGapToTheThresholdVisible() {
    // On a 0..1 scale a fixed decimal would show 0.1 / 0.1 for 0.1 / 0.15.
    auto cases = makeCases(1);
    cases[0].bestHubScore = 0.1034;
    cases[0].hubThreshold = 0.15;
    QueueTableModel m;
    m.setCases(cases);
    QCOMPARE(m.index(0, QueueTableModel::Score).data().toString(), QString("0.1034 / 0.15"));
  }

  void ageFormatting() {
    QCOMPARE(formatAge(42), QString("42 s"));
    QCOMPARE(formatAge(3 * 60), QString("3 min"));
    QCOMPARE(formatAge(2 * 3600 + 5), QString("2 h"));
    QCOMPARE(formatAge(5 * 86400), QString("5 d"));
  }

  void displaysScoreAgainstThreshold() {
    QueueTableModel m;
    m.setCases(makeCases(1));
    QCOMPARE(m.index(0, QueueTableModel::Score).data().toString(), QString("10 / 40"));
    QCOMPARE(m.index(0, QueueTableModel::Modality).data().toString(), QString("face"));
    m.setNow(QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC));
    QCOMPARE(m.index(0, QueueTableModel::Age).data().toString(), QString("2 h"));
  }

  void sortsByPriorityAndFiltersByModality() {
    QueueDock dock;
    dock.model()->setCases(makeCases(300));
    QTableView* table = dock.table();
    table->sortByColumn(QueueTableModel::Priority, Qt::AscendingOrder);
    int previous = 0;
    for (int r = 0; r < table->model()->rowCount(); ++r) {
      const int p = table->model()->index(r, QueueTableModel::Priority).data().toInt();
      QVERIFY(p >= previous);
      previous = p;
    }
    auto* modality = dock.findChild<QComboBox*>();
    modality->setCurrentIndex(modality->findData("face"));
    QCOMPARE(table->model()->rowCount(), 100);
    for (int r = 0; r < table->model()->rowCount(); ++r)
      QCOMPARE(table->model()->index(r, QueueTableModel::Modality).data().toString(), QString("face"));
  }

  void emptyQueueSaysWhatToDo() {
    QueueDock dock;
    auto* empty = dock.findChild<QLabel*>("queueEmptyMessage");
    QVERIFY(empty->text().contains("Sync"));
    dock.model()->setCases(makeCases(2));
    dock.show();
    QVERIFY(dock.table()->isVisible());
    QVERIFY(!empty->isVisible());
  }

  void activatingARowOpensThatCase() {
    QueueDock dock;
    dock.model()->setCases(makeCases(5));
    QSignalSpy spy(&dock, &QueueDock::caseActivated);
    dock.table()->sortByColumn(QueueTableModel::HubId, Qt::DescendingOrder);
    emit dock.table()->activated(dock.table()->model()->index(0, 0));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toLongLong(), 5);  // S-100004 sorts first descending
  }

  void tenThousandRowsSortAndFilter() {
    // Not a timing assertion: proves the model/view path handles the size.
    QueueDock dock;
    dock.resize(600, 800);
    dock.model()->setCases(makeCases(10000));
    dock.show();
    dock.table()->sortByColumn(QueueTableModel::Score, Qt::DescendingOrder);
    QCOMPARE(dock.table()->model()->rowCount(), 10000);
    dock.table()->scrollToBottom();
    QCoreApplication::processEvents();
  }
};

QTEST_MAIN(TestQueueModel)
#include "test_queue_model.moc"
