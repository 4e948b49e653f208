// The GUI executable as a user runs it: --version without a display,
// usage errors, and --screenshot producing a real PNG.
#include <QtTest>

#include <QImage>

#include "app/cli_runner.h"

class TestGuiApp : public QObject {
  Q_OBJECT
 private slots:
  void versionNeedsNoDisplay() {
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    p.setProcessEnvironment(env);
    p.start(RIDGELINE_GUI, {"--version"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    const QString out = p.readAllStandardOutput();
    for (auto lib : {"ridgeline", "Qt", "VTK", "OpenCV"}) QVERIFY2(out.contains(lib), lib);
  }

  void badOptionIsUsageError() {
    auto r = runProgram(RIDGELINE_GUI, {"--theme", "purple"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("purple"));
  }

  void demoScreenshotAtTwoSizes() {
    QTemporaryDir dir;
    for (QSize size : {QSize(1280, 800), QSize(1920, 1080)}) {
      const QString path = dir.filePath(QString("shot-%1.png").arg(size.width()));
      auto r = runProgram(RIDGELINE_GUI, {"--demo", "--screenshot", path, "--size",
                                          QString("%1x%2").arg(size.width()).arg(size.height())});
      QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(r.err));
      QImage img(path);
      QCOMPARE(img.size(), size);
    }
  }
};

QTEST_GUILESS_MAIN(TestGuiApp)
#include "test_gui_app.moc"
