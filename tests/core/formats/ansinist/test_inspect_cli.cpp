// `ridgeline-cli inspect` as a lab script runs it: real fixtures, text and
// JSON, and the exit codes of DESIGN.md section 8.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "app/cli_runner.h"

namespace {
QString fixture(const char* relative) { return QString(RIDGELINE_TEST_DATA) + "/formats/" + relative; }
}  // namespace

class TestInspectCli : public QObject {
  Q_OBJECT
 private slots:
  void showsRecordsFieldsAndImages() {
    const CliResult r = runCli({"inspect", fixture("ansinist/type-9-14-std.an2")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.crashed);
    QVERIFY2(r.out.contains("ANSI/NIST-ITL transaction"), qPrintable(r.out));
    QVERIFY(r.out.contains("record 3: Type-9 Minutiae data"));
    QVERIFY(r.out.contains("9.012 MRC (minutiae and ridge count data)"));
    QVERIFY(r.out.contains("14.011 CGA (compression algorithm): NONE"));
    QVERIFY(r.out.contains("decodedWidth: 800"));
    QVERIFY(r.out.contains("source: legacy IAFIS"));
  }

  void emitsJsonForMachines() {
    const CliResult r = runCli({"inspect", "--json", fixture("ansinist/type-4-slaps.an2")});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray records = doc.object()["records"].toArray();
    QCOMPARE(records.size(), 6);
    const QJsonObject slap = records[2].toObject();
    QCOMPARE(slap["type"].toInt(), 4);
    QCOMPARE(slap["image"].toObject()["format"].toString(), QString("WSQ"));
    QCOMPARE(slap["image"].toObject()["decoded"].toBool(), true);
    QCOMPARE(slap["image"].toObject()["decodedWidth"].toInt(), slap["header"].toObject()["HLL"].toInt());
  }

  void inspectsIsoTemplates() {
    const CliResult r = runCli({"inspect", "--json", "--full", fixture("iso/fvc2002_db1_101_1.iso")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(o["format"].toString().startsWith("ISO/IEC 19794-2"));
    QCOMPARE(o["ppi"].toInt(), 500);
    QCOMPARE(o["views"].toArray()[0].toObject()["minutiae"].toArray().size(), 25);
  }

  // convert --record N takes an image out of a transaction (DESIGN.md 8).
  void convertsARecordImage() {
    QTemporaryDir dir;
    const QString out = dir.filePath("slap.png");
    const CliResult r = runCli({"convert", fixture("ansinist/type-4-slaps.an2"), out, "--record", "3"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const CliResult back = runCli({"inspect", "--json", out});
    QCOMPARE(back.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(back.out.toUtf8()).object();
    QCOMPARE(o["width"].toInt(), 1608);
    QCOMPARE(o["height"].toInt(), 1000);
    const CliResult noImage = runCli({"convert", fixture("ansinist/type-4-slaps.an2"), out, "--record", "2"});
    QCOMPARE(noImage.exitCode, 1);
    QVERIFY2(noImage.err.contains("record 2"), qPrintable(noImage.err));
    const CliResult noRecord = runCli({"convert", fixture("ansinist/type-4-slaps.an2"), out});
    QCOMPARE(noRecord.exitCode, 2);
    QVERIFY2(noRecord.err.contains("--record"), qPrintable(noRecord.err));
  }

  void rejectsWhatItCannotRead() {
    QTemporaryDir dir;
    QFile bad(dir.filePath("bad.an2"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("1.001:999\x1d" "1.002:0502\x1c");
    bad.close();
    const CliResult r = runCli({"inspect", bad.fileName()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("1.001 LEN"), qPrintable(r.err));
    QCOMPARE(runCli({"inspect"}).exitCode, 2);
    QCOMPARE(runCli({"inspect", "--bogus", fixture("iso/fvc2002_db1_101_1.iso")}).exitCode, 2);
    QCOMPARE(runCli({"inspect", dir.filePath("missing.an2")}).exitCode, 1);
    // A folder is named as what it is, not as a file too large to read.
    const CliResult folder = runCli({"inspect", dir.path()});
    QCOMPARE(folder.exitCode, 1);
    QVERIFY2(folder.err.contains("cannot read") && !folder.err.contains("larger"), qPrintable(folder.err));
  }
};

QTEST_GUILESS_MAIN(TestInspectCli)
#include "test_inspect_cli.moc"
