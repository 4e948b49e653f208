// ridgeline: the examiner's desk (GUI).
#include <QApplication>
#include <QMessageBox>
#include <QSettings>
#include <QSurfaceFormat>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <memory>

#include "core/fingerprint/extractor.h"
#include "core/store/case_store.h"
#include "core/util/memory_policy.h"
#include "gui_options.h"
#include "views/casework/case_view.h"
#include "views/comparison/comparison_workspace.h"
#include "views/comparison/extraction_panel.h"
#include "views/face/face_case_view.h"
#include "views/shell/main_window.h"
#include "views/shell/theme.h"
#include "views/shell/views_init.h"
#include "views/vtk/vtk_opengl_widget.h"
#include "views/workstation/desk_controller.h"
#include "views/workstation/workstation.h"

using namespace ridgeline;

namespace {

void takeScreenshot(views::MainWindow& window, const QString& path) {
  QTimer::singleShot(700, &window, [&window, path] {
    const bool ok = window.saveScreenshot(path);
    if (!ok) std::fprintf(stderr, "ridgeline: cannot write screenshot '%s'\n", qPrintable(path));
    QApplication::exit(ok ? 0 : 1);
  });
}

QString examinerName() {
  const QString saved = QSettings().value("examiner/name").toString();
  if (!saved.isEmpty()) return saved;
  const QString user = qEnvironmentVariable("USER");
  return user.isEmpty() ? QStringLiteral("examiner") : user;
}

// For the documentation's screenshot: the Extraction tab, ridge flow on the
// probe and the skeleton on the candidate.
void showExtractionStages(views::ComparisonWorkspace* workspace) {
  if (auto* tabs = workspace->findChild<QTabWidget*>("comparisonSideTabs"))
    tabs->setCurrentWidget(workspace->extractionPanel());
  views::ExtractionPanel* panel = workspace->extractionPanel();
  panel->setTarget(views::Side::Candidate);
  panel->chooseStage(QString::fromLatin1(fingerprint::kStageSkeleton));
  panel->setTarget(views::Side::Probe);
  panel->chooseStage(QString::fromLatin1(fingerprint::kStageOrientation));
}

// Opens the requested case; in demo mode it goes straight to comparison.
// False when there is no such case or it cannot be opened.
bool openRequestedCase(views::DeskController& desk, views::MainWindow& window, const gui::GuiOptions& options) {
  std::optional<qint64> id = options.openCase == "first"        ? desk.firstOpenableCase(Modality::Fingerprint)
                             : options.openCase == "first-face" ? desk.firstOpenableCase(Modality::Face)
                                                                : std::optional<qint64>(options.openCase.toLongLong());
  if (!id) {
    std::fprintf(stderr, "ridgeline: no %s case with %s to open\n",
                 options.openCase == "first-face" ? "face" : "fingerprint",
                 options.openCase == "first-face" ? "photos" : "images");
    return false;
  }
  views::CaseView* view = desk.openCase(*id);
  // A face case opens in its own view, which openCase does not return.
  if (auto* face = qobject_cast<views::FaceCaseView*>(window.currentCase())) {
    if (options.demo) desk.completeAnalysisForDemo(face);
    return true;
  }
  if (!view) {
    std::fprintf(stderr, "ridgeline: case %lld could not be opened\n", static_cast<long long>(*id));
    return false;
  }
  if (!options.demo || options.step == "analysis") return true;
  desk.completeAnalysisForDemo(view);
  view->goToStep(views::CaseStep::Comparison);
  view->comparison()->proposeCorrespondences();
  if (options.step == "overlay") view->comparison()->setOverlayMode(true);
  if (options.step == "extraction") showExtractionStages(view->comparison());
  if (options.step == "evaluation") view->goToStep(views::CaseStep::Evaluation);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  keepFreedMemoryForReuse();  // image work (core/util/memory_policy.h)
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

  // Demo mode uses a throwaway profile and hub state unless told otherwise.
  QTemporaryDir demoDir;
  QString profile = options->profileDir;
  if (profile.isEmpty())
    profile = options->demo ? demoDir.filePath("profile")
                            : QString::fromStdString(store::CaseStore::defaultProfileDir().string());

  views::ShellOptions shell;
  shell.demo = options->demo;
  shell.profileDir = profile;
  views::MainWindow window(shell);
  const bool screenshot = !options->screenshotPath.isEmpty();
  if (!screenshot) window.restoreLayout();
  if (!options->theme.isEmpty()) window.setTheme(options->theme);
  else if (screenshot) window.setTheme("light");
  if (options->windowSize.isValid()) window.resize(options->windowSize);

  std::unique_ptr<views::Workstation> workstation;
  try {
    workstation = std::make_unique<views::Workstation>(profile, examinerName());
    if (options->demo) workstation->startDemoHub(demoDir.filePath("hub"));
  } catch (const std::exception& e) {
    const QString text = QObject::tr("Ridgeline cannot start: %1").arg(e.what());
    std::fprintf(stderr, "ridgeline: %s\n", qPrintable(text));
    if (!screenshot) QMessageBox::critical(nullptr, QObject::tr("Ridgeline"), text);
    return 3;
  }
  views::DeskController desk(&window, workstation.get());
  if (options->demo)
    window.setDemoBannerText(QObject::tr("<b>Demo mode</b> — a reference hub runs inside Ridgeline on this "
                                         "computer (HTTPS on loopback, throwaway certificate) with demo cases "
                                         "from public data sets. Nothing here is casework."));
  window.show();

  // After the first sync (demo) or at once (cached profile): open, then shoot.
  auto afterStart = [&] {
    const bool opened = options->openCase.isEmpty() || openRequestedCase(desk, window, *options);
    // A screenshot of something other than the case asked for would mislead.
    if (screenshot && !opened) return QApplication::exit(1);
    if (screenshot) takeScreenshot(window, options->screenshotPath);
  };
  if (workstation->hasHub()) {
    QObject::connect(&desk, &views::DeskController::syncDone, &window, [&](bool) { afterStart(); },
                     Qt::SingleShotConnection);
    QTimer::singleShot(0, workstation.get(), &views::Workstation::syncNow);
  } else {
    QTimer::singleShot(0, &window, afterStart);
  }
  return app.exec();
}
