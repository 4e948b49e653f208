#pragma once
// Runs ridgeline-cli / ridgeline-hub as a real child process, as a lab script would.
#include <QProcess>
#include <QStringList>

struct CliResult {
  int exitCode = -1;
  bool crashed = false;
  QString out;
  QString err;
};

inline CliResult runProgram(const QString& program, const QStringList& args, int timeoutMs = 120000,
                            const QString& workingDir = {}) {
  QProcess p;
  if (!workingDir.isEmpty()) p.setWorkingDirectory(workingDir);
  p.start(program, args);
  CliResult r;
  if (!p.waitForFinished(timeoutMs)) {
    p.kill();
    p.waitForFinished();
    r.crashed = true;
  }
  r.crashed = r.crashed || p.exitStatus() == QProcess::CrashExit;
  r.exitCode = p.exitCode();
  r.out = QString::fromUtf8(p.readAllStandardOutput());
  r.err = QString::fromUtf8(p.readAllStandardError());
  return r;
}

inline CliResult runCli(const QStringList& args, int timeoutMs = 120000) {
  return runProgram(QStringLiteral(RIDGELINE_CLI), args, timeoutMs);
}
