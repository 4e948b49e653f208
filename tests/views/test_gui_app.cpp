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

  // The face workspace from the command line: the demo's first face case,
  // opened at the comparison step. Exit 1 would mean no face case was found
  // or it could not be opened (a screenshot of something else is refused).
  void demoOpensFirstFaceCase() {
    QTemporaryDir dir;
    const QString path = dir.filePath("face.png");
    auto r = runProgram(RIDGELINE_GUI, {"--demo", "--open-case", "first-face", "--screenshot", path, "--size", "1280x800"});
    QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(r.err));
    QCOMPARE(QImage(path).size(), QSize(1280, 800));
  }

  void missingFaceCaseIsAnErrorForScreenshots() {
    QTemporaryDir dir;
    const QString path = dir.filePath("none.png");
    auto r = runProgram(RIDGELINE_GUI, {"--profile", dir.filePath("profile"), "--open-case", "first-face",
                                        "--screenshot", path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no face case with photos to open"), qPrintable(r.err));
    QVERIFY(!QFile::exists(path));
  }

  void openCaseRejectsUnknownWords() {
    auto r = runProgram(RIDGELINE_GUI, {"--open-case", "first-palm"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("first-face"));
  }
};

QTEST_GUILESS_MAIN(TestGuiApp)
#include "test_gui_app.moc"
