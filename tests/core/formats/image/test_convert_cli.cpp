// `ridgeline-cli convert` driven as a lab script would: real child process,
// exit codes 0/1/2, messages naming the file and the problem.
#include <QTemporaryDir>
#include <QtTest>

#include "app/cli_runner.h"
#include "core/formats/image/image_codec.h"

using namespace ridgeline;

namespace {
QString fixture(const char* name) { return QString(RIDGELINE_TEST_DATA) + "/formats/wsq/" + name; }
}  // namespace

class TestConvertCli : public QObject {
  Q_OBJECT
 private slots:
  void rawToWsqToPngAndBack() {
    QTemporaryDir dir;
    const QString wsq = dir.filePath("a.wsq"), png = dir.filePath("a.png"), tif = dir.filePath("a.tif");
    auto r = runCli({"convert", fixture("cmp00010.raw"), wsq, "--width", "375", "--height", "526", "--ppi", "500",
                     "--bitrate", "1.5"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("-> " + wsq), qPrintable(r.out));
    r = runCli({"convert", wsq, png});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("500 ppi"), qPrintable(r.out));
    r = runCli({"convert", png, tif});
    QCOMPARE(r.exitCode, 0);
    const GrayImage g = readImageFile(tif.toStdString());
    QCOMPARE(g.pixels.cols, 375);
    QCOMPARE(g.ppi, 500.0);
  }

  void badInputIsExitOneNamingTheFile() {
    QTemporaryDir dir;
    const QString bad = dir.filePath("bad.wsq");
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("\xFF\xA0\xFF\xA2\x00\x05", 6));
    f.close();
    auto r = runCli({"convert", bad, dir.filePath("out.png")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("bad.wsq") && r.err.contains("SOF"), qPrintable(r.err));
    QVERIFY(!QFile::exists(dir.filePath("out.png")));
    r = runCli({"convert", dir.filePath("missing.png"), dir.filePath("out.png")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("missing.png"));
    r = runCli({"convert", fixture("cmp00010.raw"), dir.filePath("o.png"), "--width", "375", "--height", "527"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("cmp00010.raw"), qPrintable(r.err));
  }

  void usageErrorsAreExitTwo() {
    QTemporaryDir dir;
    QCOMPARE(runCli({"convert", fixture("cmp00010.wsq")}).exitCode, 2);
    QCOMPARE(runCli({"convert", fixture("cmp00010.raw"), dir.filePath("o.png")}).exitCode, 2);  // no size
    QCOMPARE(runCli({"convert", fixture("cmp00010.wsq"), dir.filePath("o.gif")}).exitCode, 2);
    QCOMPARE(runCli({"convert", fixture("cmp00010.wsq"), dir.filePath("o.png"), "--bitrate", "1"}).exitCode, 2);
    QCOMPARE(runCli({"convert", fixture("cmp00010.wsq"), dir.filePath("o.wsq"), "--bitrate", "abc"}).exitCode, 2);
  }
};

QTEST_GUILESS_MAIN(TestConvertCli)
#include "test_convert_cli.moc"
