#include "views/shell/main_window.h"

#include <algorithm>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QToolButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include "views/queue/queue_dock.h"
#include "views/shell/about_dialog.h"
#include "views/shell/hub_status_indicator.h"
#include "views/shell/shortcuts_dialog.h"
#include "views/shell/theme.h"
#include "views/shell/welcome_page.h"

namespace ridgeline::views {
namespace {

// Bumped when dock layout changes shape, so an old saved state is ignored.
constexpr int kLayoutVersion = 1;

QLabel* demoBanner(QWidget* parent) {
  auto* banner = new QLabel(
      QObject::tr("<b>Demo mode</b> — a reference hub runs inside Ridgeline on this computer with demo "
                  "cases from public data sets. Nothing here is casework."),
      parent);
  banner->setObjectName("demoBanner");
  banner->setWordWrap(true);
  banner->setMargin(8);
  return banner;
}

// Amber in both themes (it is a caution), but never glaring on a dark desk.
void styleDemoBanner(QLabel* banner, bool dark) {
  banner->setStyleSheet(dark ? QStringLiteral("QLabel#demoBanner { background: #4a3b12; color: #f5e3b0;"
                                              " border-bottom: 1px solid #6b5620; }")
                             : QStringLiteral("QLabel#demoBanner { background: #fdf1d6; color: #5a4300;"
                                              " border-bottom: 1px solid #e6cf95; }"));
}

}  // namespace

MainWindow::MainWindow(ShellOptions options, QWidget* parent)
    : QMainWindow(parent),
      options_(std::move(options)),
      queue_(new QueueDock(this)),
      hubStatus_(new HubStatusIndicator(this)),
      workspace_(new QStackedWidget(this)),
      welcome_(new WelcomePage(this)) {
  setObjectName("mainWindow");
  setWindowTitle(options_.demo ? tr("Ridgeline — Demo") : tr("Ridgeline"));
  setWindowIcon(QIcon(QStringLiteral(":/ridgeline/icon.svg")));
  setCentralWidget(buildCentral());
  addDockWidget(Qt::LeftDockWidgetArea, queue_);
  progress_ = new QProgressBar(this);
  progress_->setRange(0, 1000);
  progress_->setMaximumWidth(220);
  progress_->setTextVisible(false);
  cancel_ = new QToolButton(this);
  cancel_->setText(tr("Cancel"));
  cancel_->setObjectName("cancelLongWork");
  connect(cancel_, &QToolButton::clicked, this, &MainWindow::cancelRequested);
  statusBar()->addPermanentWidget(progress_);
  statusBar()->addPermanentWidget(cancel_);
  hideProgress();
  statusBar()->addPermanentWidget(hubStatus_);
  statusBar()->showMessage(tr("Ready"));
  buildMenus();
  connect(queue_, &QueueDock::syncRequested, this, &MainWindow::syncRequested);
  resize(1280, 800);
}

QWidget* MainWindow::buildCentral() {
  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  if (options_.demo) {
    layout->addWidget(demoBanner_ = demoBanner(central));
    styleDemoBanner(demoBanner_, false);
  }
  workspace_->setObjectName("workspace");
  workspace_->addWidget(welcome_);
  layout->addWidget(workspace_, 1);
  return central;
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* sync = file->addAction(tr("&Sync with hub"), this, &MainWindow::syncRequested);
  sync->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  sync->setObjectName("actionSync");
  QAction* close = file->addAction(tr("&Close case"), this, &MainWindow::closeCase);
  close->setShortcut(QKeySequence::Close);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  QAction* toggleQueue = queue_->toggleViewAction();
  toggleQueue->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
  view->addAction(toggleQueue);
  view->addSeparator();
  themes_ = new QActionGroup(this);
  for (const QString& name : {QStringLiteral("light"), QStringLiteral("dark")}) {
    QAction* a = view->addAction(name == "light" ? tr("&Light theme") : tr("&Dark theme"));
    a->setCheckable(true);
    a->setData(name);
    themes_->addAction(a);
  }
  themes_->actions().first()->setChecked(true);
  connect(themes_, &QActionGroup::triggered, this, [this](QAction* a) { setThemeByName(a->data().toString()); });
  view->addSeparator();
  QAction* full = view->addAction(tr("&Full screen"), this,
                                  [this] { isFullScreen() ? showNormal() : showFullScreen(); });
  full->setShortcut(QKeySequence::FullScreen);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* keys = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
  keys->setShortcut(QKeySequence::HelpContents);
  help->addAction(tr("&About Ridgeline"), this, &MainWindow::showAbout);
}

void MainWindow::setThemeByName(const QString& name) {
  applyTheme(*qApp, themeFromName(name));
  for (QAction* a : themes_->actions()) a->setChecked(a->data().toString() == name);
  if (demoBanner_) styleDemoBanner(demoBanner_, themeFromName(name) == Theme::Dark);
  emit themeChanged(name);
}

void MainWindow::showAbout() { AboutDialog(this).exec(); }
void MainWindow::showShortcuts() { ShortcutsDialog(this).exec(); }

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (layoutRestored_ || dockSized_) return;
  // No saved layout: the prints get the room. A quarter of the width shows
  // the queue's id, modality and score columns; more only at wide sizes.
  dockSized_ = true;
  resizeDocks({queue_}, {std::clamp(width() / 4, 300, 460)}, Qt::Horizontal);
}

void MainWindow::restoreLayout() {
  QSettings settings;
  restoreGeometry(settings.value("window/geometry").toByteArray());
  layoutRestored_ = restoreState(settings.value("window/state").toByteArray(), kLayoutVersion);
  setThemeByName(settings.value("window/theme", "light").toString());
}

void MainWindow::saveLayout() const {
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState(kLayoutVersion));
  settings.setValue("window/theme", themes_->checkedAction() ? themes_->checkedAction()->data() : "light");
}

void MainWindow::closeEvent(QCloseEvent* event) {
  saveLayout();
  event->accept();
}

void MainWindow::showCase(QWidget* caseWidget) {
  closeCase();
  case_ = caseWidget;
  workspace_->addWidget(case_);
  workspace_->setCurrentWidget(case_);
}

void MainWindow::closeCase() {
  if (!case_) return;
  workspace_->removeWidget(case_);
  case_->deleteLater();
  case_ = nullptr;
  workspace_->setCurrentWidget(welcome_);
}

void MainWindow::showProgress(const QString& step, double fraction) {
  progress_->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000));
  progress_->show();
  cancel_->show();
  statusBar()->showMessage(step);
}

void MainWindow::hideProgress() {
  progress_->hide();
  cancel_->hide();
}

void MainWindow::setDemoBannerText(const QString& html) {
  if (demoBanner_) demoBanner_->setText(html);
}

bool MainWindow::saveScreenshot(const QString& path) { return grab().save(path, "PNG"); }

}  // namespace ridgeline::views
