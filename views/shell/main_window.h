#pragma once
// The examiner's desk: menus, the review queue dock, a central workspace
// (welcome page until a case is open), and a status bar with the hub's state.
#include <QMainWindow>

class QLabel;
class QProgressBar;
class QStackedWidget;
class QActionGroup;
class QToolButton;

namespace ridgeline::views {

class HubStatusIndicator;
class QueueDock;
class WelcomePage;

struct ShellOptions {
  bool demo = false;       // running against the in-process reference hub
  QString profileDir;      // the workstation profile (case store)
};

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(ShellOptions options, QWidget* parent = nullptr);

  QueueDock* queueDock() const { return queue_; }
  HubStatusIndicator* hubStatus() const { return hubStatus_; }
  QStackedWidget* workspace() const { return workspace_; }
  const ShellOptions& options() const { return options_; }

  // Window geometry, dock layout and theme, kept with QSettings.
  void restoreLayout();
  void saveLayout() const;

  // "light" or "dark": palette, check marks, theme-aware widgets.
  void setTheme(const QString& name) { setThemeByName(name); }

  // The demo banner's text (demo mode only): says what the demo hub is doing.
  void setDemoBannerText(const QString& html);

  // One open case at a time; the previous one closes.
  void showCase(QWidget* caseWidget);
  void closeCase();
  QWidget* currentCase() const { return case_; }

  // Long work in the status bar: a bar and a Cancel button, never modal.
  void showProgress(const QString& step, double fraction);
  void hideProgress();

  // Renders the window (GL children included) into a PNG. False on failure.
  bool saveScreenshot(const QString& path);

 public slots:
  void showAbout();
  void showShortcuts();

 signals:
  void syncRequested();
  void cancelRequested();
  void themeChanged(const QString& name);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void buildMenus();
  QWidget* buildCentral();
  void setThemeByName(const QString& name);

  ShellOptions options_;
  QueueDock* queue_;
  HubStatusIndicator* hubStatus_;
  QStackedWidget* workspace_;
  WelcomePage* welcome_;
  QLabel* demoBanner_ = nullptr;
  QWidget* case_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QToolButton* cancel_ = nullptr;
  QActionGroup* themes_ = nullptr;
  bool layoutRestored_ = false;
  bool dockSized_ = false;
};

}  // namespace ridgeline::views
