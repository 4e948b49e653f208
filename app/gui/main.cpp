// ridgeline: the examiner's desk (GUI).
#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QSurfaceFormat>
#include <QTimer>
#include <cstdio>

#include "gui_options.h"
#include "views/queue/queue_dock.h"
#include "views/shell/main_window.h"
#include "views/shell/theme.h"
#include "views/shell/views_init.h"
#include "views/vtk/vtk_opengl_widget.h"

using namespace ridgeline;

namespace {

// Screenshots wait for layout and the first GL frames before grabbing.
void scheduleScreenshot(views::MainWindow& window, const QString& path) {
  QTimer::singleShot(600, &window, [&window, path] {
    const bool ok = window.saveScreenshot(path);
    if (!ok) std::fprintf(stderr, "ridgeline: cannot write screenshot '%s'\n", qPrintable(path));
    QApplication::exit(ok ? 0 : 1);
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (auto code = gui::answerWithoutDisplay(argc, argv)) return *code;

  // VTK needs an OpenGL 3.2 core context; must be set before QApplication.
  QSurfaceFormat::setDefaultFormat(views::VtkOpenGLWidget::surfaceFormat());
  QApplication app(argc, argv);
  QApplication::setOrganizationName("Ridgeline");
  QApplication::setApplicationName("Ridgeline");
  QApplication::setDesktopFileName("org.ridgeline.Ridgeline");
  views::initViewsResources();

  QString error;
  auto options = gui::parseGuiOptions(QApplication::arguments(), &error);
  if (!options) {
    std::fprintf(stderr, "ridgeline: %s\nTry 'ridgeline --help'.\n", qPrintable(error));
    return 2;
  }

  views::ShellOptions shell;
  shell.demo = options->demo;
  shell.profileDir = options->profileDir;
  views::MainWindow window(shell);
  const bool screenshot = !options->screenshotPath.isEmpty();
  // A screenshot must not depend on what this user last saved.
  if (!screenshot) window.restoreLayout();
  if (!options->theme.isEmpty()) window.setTheme(options->theme);
  else if (screenshot) window.setTheme("light");
  if (options->windowSize.isValid()) window.resize(options->windowSize);
  if (options->demo) {
    // Honest until the reference hub lands: say what demo mode does not do yet.
    window.setDemoBannerText(QObject::tr("<b>Demo mode</b> — the built-in reference hub is not part of "
                                         "this build yet, so the queue stays empty. Nothing here is casework."));
    window.queueDock()->setEmptyMessage(QObject::tr("No demo cases yet: the reference hub arrives in a later build."));
  }
  window.show();
  if (screenshot) scheduleScreenshot(window, options->screenshotPath);
  return app.exec();
}
