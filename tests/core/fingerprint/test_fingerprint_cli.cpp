// ridgeline-cli extract / match as a lab script drives them.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "app/cli_runner.h"
#include "fixtures.h"

class TestFingerprintCli : public QObject {
  Q_OBJECT

 private slots:
  void extractWritesIsoTemplates() {
    QTemporaryDir dir;
    const CliResult r = runCli({"extract", QString::fromStdString(fixture("101_1.tif")),
                                QString::fromStdString(fixture("102_1.tif")), "--out", dir.path()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const char* name : {"101_1.iso", "102_1.iso"}) {
      QFile f(dir.filePath(name));
      QVERIFY(f.open(QIODevice::ReadOnly));
      QCOMPARE(f.read(4), QByteArray("FMR\0", 4));
    }
    // The template matches the image it came from.
    const CliResult m = runCli({"match", dir.filePath("101_1.iso"), QString::fromStdString(fixture("101_1.tif"))});
    QCOMPARE(m.exitCode, 0);
    QVERIFY2(m.out.trimmed().toDouble() > 0.5, qPrintable(m.out));
    // An ISO template carries no ridge flow: --explain says so, once, and claims no spacing.
    const CliResult e = runCli({"match", dir.filePath("101_1.iso"), QString::fromStdString(fixture("101_1.tif")), "--explain"});
    QCOMPARE(e.exitCode, 0);
    QCOMPARE(e.out.count("ridge flow\t"), 1);
    QVERIFY2(e.out.contains("\nridge flow\tnot compared"), qPrintable(e.out));
    QVERIFY(!e.out.contains("ridge spacing"));
    QVERIFY2(e.out.contains("\nridge detail\tnot compared"), qPrintable(e.out));  // nor the image's ridges
    QVERIFY2(e.out.contains("\nridge counts\tnot compared"), qPrintable(e.out));  // nor ridges to count
  }

  void matchPrintsOneScore() {
    const CliResult r = runCli({"match", QString::fromStdString(fixture("101_1.tif")), QString::fromStdString(fixture("101_2.tif"))});
    QCOMPARE(r.exitCode, 0);
    bool ok = false;
    const double score = r.out.trimmed().toDouble(&ok);
    QVERIFY2(ok && score > 0 && score <= 1, qPrintable(r.out));
  }

  void explainListsPairsAndAlignment() {
    const CliResult r = runCli({"match", QString::fromStdString(fixture("101_1.tif")),
                                QString::fromStdString(fixture("101_2.tif")), "--explain"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("\npair\t"));
    QVERIFY2(r.out.contains("\nminutiae\tshare 0.") && r.out.contains("in the shared area: probe "), qPrintable(r.out));
    QVERIFY(r.out.contains("\nneighbourhoods\t"));
    QVERIFY(r.out.contains("\nalignment\t"));
    QVERIFY(r.out.contains("\nridge flow\tagreement 0.9"));  // two impressions of one finger: parallel flow
    QVERIFY(r.out.contains("\nridge spacing\tmismatch 0.0"));  // and the same ridge spacing
    QCOMPARE(r.out.count("ridge flow\t"), 1);  // one verdict on the flow, not two
    // Two impressions of one finger: the ridges around their pairs agree, up to the count's cap.
    QVERIFY2(r.out.contains("\nridge detail\t10 pairs with the same ridges"), qPrintable(r.out));
    // And the ridges between paired minutiae count the same, nearly all within one.
    const QRegularExpressionMatch counts =
        QRegularExpression("\nridge counts\t(\\d+) of (\\d+) the same, (\\d+) within one ridge").match(r.out);
    QVERIFY2(counts.hasMatch(), qPrintable(r.out));
    const double compared = counts.captured(2).toDouble();
    QVERIFY2(compared >= 20 && counts.captured(1).toDouble() >= 0.5 * compared &&
                 counts.captured(3).toDouble() >= 0.85 * compared,
             qPrintable(counts.captured(0)));
  }

  void pairsFileKeepsOrderAndResolvesRelativePaths() {
    QTemporaryDir dir;
    for (const char* name : {"101_1.tif", "101_2.tif", "102_1.tif"})
      QVERIFY(QFile::copy(QString::fromStdString(fixture(name)), dir.filePath(name)));
    QFile list(dir.filePath("pairs.tsv"));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write("101_1.tif\t101_2.tif\n101_1.tif\t102_1.tif\n101_2.tif\t101_1.tif\n");
    list.close();
    // Run from elsewhere: the paths are relative to the list, not to the working directory.
    const CliResult r = runCli({"match", "--pairs", list.fileName(), "--threads", "2"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QStringList second = lines[1].split('\t');
    QCOMPARE(second.size(), 3);
    QCOMPARE(second[1], QString("101_1.tif"));
    QCOMPARE(second[2], QString("102_1.tif"));
    QVERIFY(lines[0].split('\t')[0].toDouble() > second[0].toDouble());
  }

  void badInputNamesTheFile() {
    QTemporaryDir dir;
    const QString junk = dir.filePath("junk.png");
    QFile f(junk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not an image at all");
    f.close();
    CliResult r = runCli({"match", junk, QString::fromStdString(fixture("101_1.tif"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.crashed);
    QVERIFY(r.err.contains("junk.png"));
    r = runCli({"match", dir.filePath("missing.tif"), QString::fromStdString(fixture("101_1.tif"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("missing.tif"));
    r = runCli({"extract", junk, "--out", dir.path()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("junk.png"));
    // A truncated ISO template is rejected, naming the file.
    QFile iso(dir.filePath("cut.iso"));
    QVERIFY(iso.open(QIODevice::WriteOnly));
    QFile full(QString::fromStdString(fixture("101_1.iso")));
    QVERIFY(full.open(QIODevice::ReadOnly));
    iso.write(full.read(40));
    iso.close();
    r = runCli({"match", iso.fileName(), QString::fromStdString(fixture("101_1.tif"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("cut.iso"));
  }

  void usageErrorsExitTwo() {
    QCOMPARE(runCli({"match", QString::fromStdString(fixture("101_1.tif"))}).exitCode, 2);
    QCOMPARE(runCli({"extract", QString::fromStdString(fixture("101_1.tif"))}).exitCode, 2);  // no --out
    QCOMPARE(runCli({"match", "--pairs", "x", "--threads", "0"}).exitCode, 2);
  }
};

QTEST_GUILESS_MAIN(TestFingerprintCli)
#include "test_fingerprint_cli.moc"
