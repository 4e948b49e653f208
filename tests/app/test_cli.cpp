#include <QtTest>

#include "app/cli_runner.h"

class TestCli : public QObject {
  Q_OBJECT
 private slots:
  void versionListsLibraries() {
    auto r = runCli({"--version"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("ridgeline-cli "));
    for (auto lib : {"OpenCV", "Poco", "SQLite", "OpenSSL"}) QVERIFY2(r.out.contains(lib), lib);
  }
  void helpListsCommands() {
    auto r = runCli({"--help"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Usage: ridgeline-cli"));
    QVERIFY(r.out.contains("version"));
  }
  void noCommandIsUsageError() { QCOMPARE(runCli({}).exitCode, 2); }
  void unknownCommandIsUsageErrorNamingIt() {
    auto r = runCli({"frobnicate"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("frobnicate"));
  }
  void unknownOptionIsUsageError() {
    auto r = runCli({"--colour"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--colour"));
  }
  void hubAnswersVersionAndHelp() {
    auto v = runProgram(QStringLiteral(RIDGELINE_HUB), {"--version"});
    QCOMPARE(v.exitCode, 0);
    QVERIFY(v.out.startsWith("ridgeline-hub "));
    auto h = runProgram(QStringLiteral(RIDGELINE_HUB), {"--help"});
    QCOMPARE(h.exitCode, 0);
    QVERIFY(h.out.contains("--listen"));
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
