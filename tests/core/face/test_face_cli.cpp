// ridgeline-cli face compare / face detect as a lab script runs them:
// exit codes (0 ok, 1 input, 2 usage, 3 environment), output formats, and a
// clear message for every bad input. Needs the models, except the case that
// points --models at an empty folder.
#include <QtTest>

#include <QFile>
#include <QTextStream>

#include "app/cli_runner.h"
#include "face_fixtures.h"

namespace {

QString photo(const char* name) { return QString::fromStdString(facePhoto(name)); }

double scoreOf(const CliResult& r) {
  // "advisory similarity 0.1234"
  const QStringList words = r.out.trimmed().split(' ');
  return words.size() == 3 ? words[2].toDouble() : -2;
}

}  // namespace

class TestFaceCli : public QObject {
  Q_OBJECT
 private slots:
  void comparePrintsAnAdvisoryScore() {
    const auto same = runCli({"face", "compare", photo("img1.jpg"), photo("img2.jpg")});
    QVERIFY2(same.exitCode == 0, qPrintable(same.err));
    QVERIFY(same.out.startsWith("advisory similarity "));
    QVERIFY(same.err.contains("advisory"));
    const auto other = runCli({"face", "compare", photo("img1.jpg"), photo("img3.jpg")});
    QCOMPARE(other.exitCode, 0);
    QVERIFY2(scoreOf(same) > scoreOf(other) && scoreOf(same) > 0.4,
             qPrintable(same.out + " vs " + other.out));
  }
  void severalFacesUseTheLargestAndSaySo() {
    const auto r = runCli({"face", "compare", photo("img54.jpg"), photo("img3.jpg")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("using face 1 (the largest)") && r.err.contains("--face-a"), qPrintable(r.err));
    const auto picked = runCli({"face", "compare", photo("img3.jpg"), photo("img54.jpg"), "--face-b", "2"});
    QCOMPARE(picked.exitCode, 0);
    QVERIFY(!picked.err.contains("using face 1"));
    QVERIFY2(picked.err.contains("caution: ") && picked.err.contains("face 2"), qPrintable(picked.err));
    QVERIFY(scoreOf(picked) < scoreOf(r));
  }
  void pairsFileResolvesRelativePathsAgainstItsFolder() {
    QTemporaryDir dir;
    QFile::copy(photo("img1.jpg"), dir.filePath("a.jpg"));
    QFile::copy(photo("img2.jpg"), dir.filePath("b.jpg"));
    QFile file(dir.filePath("pairs.tsv"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QTextStream(&file) << "a.jpg\tb.jpg\n# a comment\n" << photo("img3.jpg") << "\ta.jpg\n\n";
    file.close();
    const auto r = runCli({"face", "compare", "--pairs", file.fileName()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QStringList first = lines[0].split('\t'), second = lines[1].split('\t');
    QCOMPARE(first.size(), 3);
    QCOMPARE(first[1], QString("a.jpg"));  // echoed as written
    QCOMPARE(first[2], QString("b.jpg"));
    QVERIFY(first[0].toDouble() > second[0].toDouble());
    QVERIFY(r.err.contains("advisory"));
  }
  void pairsWithThreadsGiveTheSameOutput() {
    QTemporaryDir dir;
    QFile file(dir.filePath("pairs.tsv"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QTextStream text(&file);
    const char* names[] = {"img1.jpg", "img2.jpg", "img3.jpg", "img5.jpg", "img12.jpg"};
    for (const char* a : names)
      for (const char* b : names)
        if (QString(a) < QString(b)) text << photo(a) << "\t" << photo(b) << "\n";
    text.flush();
    file.close();
    const auto one = runCli({"face", "compare", "--pairs", file.fileName()});
    const auto three = runCli({"face", "compare", "--pairs", file.fileName(), "--threads", "3"});
    QVERIFY2(one.exitCode == 0 && three.exitCode == 0, qPrintable(one.err + three.err));
    QCOMPARE(one.out.count('\n'), 10);
    QCOMPARE(three.out, one.out);
    QCOMPARE(runCli({"face", "compare", photo("img1.jpg"), photo("img2.jpg"), "--threads", "2"}).exitCode, 2);
  }
  void unreadablePhotoInPairsNamesItsFirstLine() {
    QTemporaryDir dir;
    QFile file(dir.filePath("pairs.tsv"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QTextStream(&file) << photo("img1.jpg") << "\t" << photo("img2.jpg") << "\n"
                       << photo("img2.jpg") << "\tmissing.jpg\n"
                       << "missing.jpg\t" << photo("img1.jpg") << "\n";
    file.close();
    for (const QString threads : {"1", "2"}) {
      const auto r = runCli({"face", "compare", "--pairs", file.fileName(), "--threads", threads});
      QCOMPARE(r.exitCode, 1);
      QVERIFY2(r.err.contains("pairs.tsv:2: ") && r.err.contains("missing.jpg: no such file"), qPrintable(r.err));
      QVERIFY(r.out.isEmpty());
    }
  }
  void malformedPairsLineNamesTheLine() {
    QTemporaryDir dir;
    QFile file(dir.filePath("pairs.tsv"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("only-one-column.jpg\n");
    file.close();
    const auto r = runCli({"face", "compare", "--pairs", file.fileName()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("pairs.tsv:1") && r.err.contains("A<TAB>B"), qPrintable(r.err));
    QFile empty(dir.filePath("empty.tsv"));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    const auto none = runCli({"face", "compare", "--pairs", empty.fileName()});
    QCOMPARE(none.exitCode, 1);
    QVERIFY(none.err.contains("no 'A<TAB>B' lines"));
    QCOMPARE(runCli({"face", "compare", "--pairs", dir.path()}).exitCode, 1);
  }
  void badPhotosExitOneWithAClearMessage() {
    QTemporaryDir dir;
    const struct {
      std::string path;
      const char* expected;
    } cases[] = {
        {noFacePhoto(dir), "no face found"},
        {tinyFacePhoto(dir), "too little detail"},
        {truncatedJpeg(dir), "truncated"},
        {corruptJpeg(dir), "corrupt"},
        {textFile(dir), "not a photo format"},
        {dir.filePath("absent.jpg").toStdString(), "no such file"},
    };
    for (const auto& c : cases) {
      const auto r = runCli({"face", "compare", photo("img1.jpg"), QString::fromStdString(c.path)});
      QVERIFY2(!r.crashed, c.expected);
      QVERIFY2(r.exitCode == 1, qPrintable(QString(c.expected) + ": exit " + QString::number(r.exitCode) + " " + r.err));
      QVERIFY2(r.err.contains(c.expected) && r.err.contains(QString::fromStdString(c.path)), qPrintable(r.err));
    }
  }
  void usageErrorsExitTwo() {
    QCOMPARE(runCli({"face", "compare", photo("img1.jpg")}).exitCode, 2);
    QCOMPARE(runCli({"face", "compare", photo("img1.jpg"), photo("img2.jpg"), "--face-a", "0"}).exitCode, 2);
    QCOMPARE(runCli({"face", "compare", photo("img1.jpg"), photo("img2.jpg"), "--colour"}).exitCode, 2);
    QCOMPARE(runCli({"face", "compare", "--pairs", "x.tsv", "--face-a", "2"}).exitCode, 2);
  }
  void regionOptionsSearchPartOfThePhoto() {
    QTemporaryDir dir;
    const QString scene = QString::fromStdString(smallFaceInScene(dir));
    QCOMPARE(runCli({"face", "detect", scene}).exitCode, 1);
    const auto found = runCli({"face", "detect", scene, "--region", "250,250,220,220"});
    QVERIFY2(found.exitCode == 0 && found.out.contains("face 1\tbox "), qPrintable(found.err));
    const auto r = runCli({"face", "compare", scene, photo("img2.jpg"), "--region-a", "250,250,220,220"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(runCli({"face", "detect", scene, "--region", "250,250,220"}).exitCode, 2);
    QCOMPARE(runCli({"face", "detect", scene, "--region", "a,b,c,d"}).exitCode, 2);
    const auto outside = runCli({"face", "detect", scene, "--region", "5000,5000,10,10"});
    QCOMPARE(outside.exitCode, 1);
    QVERIFY(outside.err.contains("search region"));
  }
  void alignWritesTheViewAndItsLandmarks() {
    QTemporaryDir dir;
    const QString png = dir.filePath("a.png"), tsv = dir.filePath("a.tsv");
    const auto r = runCli({"face", "align", photo("img1.jpg"), "--out", png, "--inter-eye", "100", "--size", "400x480",
                           "--landmarks-out", tsv});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const cv::Mat view = cv::imread(png.toStdString());
    QCOMPARE(view.cols, 400);
    QCOMPARE(view.rows, 480);
    QFile f(tsv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split('\n');
    QCOMPARE(lines.size(), 69);  // a header and 68 points
    // Eye centres (mean of 36-41 and 42-47) 100 px apart on one line.
    double lx = 0, ly = 0, rx = 0, ry = 0;
    for (int i = 0; i < 6; ++i) {
      const QStringList left = lines[1 + 36 + i].split('\t'), right = lines[1 + 42 + i].split('\t');
      lx += left[1].toDouble() / 6, ly += left[2].toDouble() / 6, rx += right[1].toDouble() / 6, ry += right[2].toDouble() / 6;
    }
    QVERIFY(std::abs(rx - lx - 100) < 0.1 && std::abs(ry - ly) < 0.1);
    QCOMPARE(runCli({"face", "align", photo("img1.jpg"), "--out", dir.filePath("a.jpg")}).exitCode, 2);
    QCOMPARE(runCli({"face", "align", photo("img1.jpg"), "--out", png, "--size", "big"}).exitCode, 2);
    QCOMPARE(runCli({"face", "align", photo("img1.jpg"), "--out", png, "--face", "3"}).exitCode, 1);
  }
  void missingModelsExitThreeNamingTheFetchCommand() {
    QTemporaryDir empty;
    const auto r = runCli({"face", "compare", photo("img1.jpg"), photo("img2.jpg"), "--models", empty.path()});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("fr_detect.onnx") && r.err.contains("fetch-face-models.sh"), qPrintable(r.err));
  }
  void detectListsEveryFace() {
    const auto r = runCli({"face", "detect", photo("img54.jpg")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("face 1\tbox ") && r.out.contains("face 2\tbox "));
    QVERIFY(r.out.contains("yaw") && r.out.contains("inter-eye"));
    QTemporaryDir dir;
    const auto none = runCli({"face", "detect", QString::fromStdString(noFacePhoto(dir))});
    QCOMPARE(none.exitCode, 1);
    QVERIFY(none.err.contains("no face found"));
  }
};

QTEST_GUILESS_MAIN(TestFaceCli)
#include "test_face_cli.moc"
