// Crash safety and concurrency with real processes: a writer SIGKILLed
// mid-stream loses nothing it reported as committed and leaves nothing
// half-written; two writers on one profile at once never corrupt it.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

#include "core/util/errors.h"
#include "store_fixtures.h"

using namespace ridgeline;
using store::CaseStore;

namespace {

struct Reported {
  std::set<std::int64_t> events;
  std::set<std::string> images;
  int lines = 0;
};

void parse(const QByteArray& output, Reported& r) {
  for (const QByteArray& line : output.split('\n')) {
    if (line.startsWith("event ")) r.events.insert(line.mid(6).toLongLong());
    else if (line.startsWith("image ")) r.images.insert(line.mid(6).toStdString());
    else continue;
    ++r.lines;
  }
}

// Every file in the image folder is complete: its name is its hash. No temporaries remain.
void checkImageFolder(const std::filesystem::path& profile) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(profile / "images")) {
    if (!entry.is_regular_file()) continue;
    QVERIFY2(entry.path().parent_path().filename() != "tmp", entry.path().c_str());
    QCOMPARE(sha256FileHex(entry.path().string()), entry.path().filename().string());
  }
}

}  // namespace

class TestStoreProcesses : public QObject {
  Q_OBJECT
 private slots:
  void killedWriterLosesNothingCommitted() {
    QTemporaryDir dir;
    const std::filesystem::path profile = dir.path().toStdString();
    std::int64_t reportedTotal = 0;
    for (int round = 0; round < 3; ++round) {
      QProcess writer;
      writer.start(STORE_WRITER, {dir.path(), "crash-writer", "1000000", "3"});
      QVERIFY(writer.waitForStarted());
      Reported r;
      QByteArray buffer;
      // Let it commit a varying amount of work, then kill it without warning.
      const int killAfter = 60 + 90 * round;
      while (r.lines < killAfter && writer.state() == QProcess::Running) {
        writer.waitForReadyRead(2000);
        buffer += writer.readAllStandardOutput();
        r = {};
        parse(buffer, r);
      }
      writer.kill();  // SIGKILL
      QVERIFY(writer.waitForFinished(10000));
      QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
      buffer += writer.readAllStandardOutput();
      r = {};
      parse(buffer, r);
      QVERIFY2(r.lines >= killAfter, qPrintable(QString::fromUtf8(writer.readAllStandardError())));

      CaseStore store(profile);  // reopening also clears the dead writer's temporaries
      NoProgress progress;
      const auto verification = store.verifyAudit(progress);
      QVERIFY2(verification.intact, verification.problem.c_str());
      const auto events = store.auditLog();
      std::set<std::int64_t> present;
      for (const auto& e : events) present.insert(e.seq);
      for (std::int64_t seq : r.events) QVERIFY2(present.count(seq), std::to_string(seq).c_str());
      std::set<std::string> referenced;
      for (const auto& c : store.listCases())
        for (const auto& i : store.impressions(c.id)) referenced.insert(i.imageSha256);
      for (const auto& sha : r.images) QVERIFY2(referenced.count(sha), sha.c_str());
      QVERIFY(store.checkImages().empty());
      checkImageFolder(profile);
      QVERIFY(static_cast<std::int64_t>(events.size()) >= reportedTotal + static_cast<std::int64_t>(r.events.size()));
      reportedTotal = static_cast<std::int64_t>(events.size());
    }
  }

  void twoWritersAtOnceKeepTheProfileWhole() {
    QTemporaryDir dir;
    const int count = 250, imageEvery = 10;
    // Both start on a profile that does not exist yet: creation races too.
    QProcess a, b;
    a.start(STORE_WRITER, {dir.path(), "writer-a", QString::number(count), QString::number(imageEvery)});
    b.start(STORE_WRITER, {dir.path(), "writer-b", QString::number(count), QString::number(imageEvery)});
    QVERIFY(a.waitForFinished(120000));
    QVERIFY(b.waitForFinished(120000));
    QVERIFY2(a.exitStatus() == QProcess::NormalExit && a.exitCode() == 0, a.readAllStandardError().constData());
    QVERIFY2(b.exitStatus() == QProcess::NormalExit && b.exitCode() == 0, b.readAllStandardError().constData());
    Reported ra, rb;
    parse(a.readAllStandardOutput(), ra);
    parse(b.readAllStandardOutput(), rb);

    CaseStore store(dir.path().toStdString());
    NoProgress progress;
    const auto verification = store.verifyAudit(progress);
    QVERIFY2(verification.intact, verification.problem.c_str());
    const int images = count / imageEvery;
    const std::int64_t perWriter = 1 + images + count;  // case pulled, impressions, events
    QCOMPARE(verification.checked, 2 * perWriter);
    for (const char* name : {"writer-a", "writer-b"}) {
      const auto c = store.findCaseByHubId(name);
      QVERIFY(c);
      QCOMPARE(static_cast<std::int64_t>(store.auditLog(c->id).size()), perWriter);
      QCOMPARE(static_cast<int>(store.impressions(c->id).size()), images);
    }
    QCOMPARE(ra.events.size() + rb.events.size(), size_t(2 * count));
    std::set<std::int64_t> all(ra.events);
    all.insert(rb.events.begin(), rb.events.end());
    QCOMPARE(all.size(), size_t(2 * count));  // no sequence number handed out twice
    QVERIFY(store.checkImages().empty());
    checkImageFolder(dir.path().toStdString());
    QCOMPARE(store.checkDatabaseIntegrity(), std::string("ok"));
  }
};

QTEST_GUILESS_MAIN(TestStoreProcesses)
#include "test_store_processes.moc"
