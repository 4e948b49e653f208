#include <QtTest>

#include <QAction>
#include <QPushButton>
#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>

#include "views/queue/queue_dock.h"
#include "views/queue/queue_table_model.h"
#include "views/shell/about_dialog.h"
#include "views/shell/hub_status_indicator.h"
#include "views/shell/main_window.h"
#include "views/shell/shortcuts_dialog.h"
#include "views/shell/views_init.h"

using namespace ridgeline;
using namespace ridgeline::views;

class TestMainWindow : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // never touch the user's settings
    QCoreApplication::setOrganizationName("RidgelineTest");
    QCoreApplication::setApplicationName("RidgelineTest");
    QSettings().clear();
    initViewsResources();
  }

  void hasMenusQueueAndStatus() {
    MainWindow w({});
    QStringList menus;
    for (QAction* a : w.menuBar()->actions()) menus << a->text().remove('&');
    QCOMPARE(menus, QStringList({"File", "View", "Help"}));
    QVERIFY(w.findChild<QDockWidget*>("queueDock"));
    QCOMPARE(w.hubStatus()->connection(), HubConnection::NotConfigured);
    QVERIFY(w.findChild<QWidget*>("welcomePage"));
    QVERIFY(!w.findChild<QWidget*>("demoBanner"));
  }

  void demoShowsBanner() {
    MainWindow w({.demo = true});
    QVERIFY(w.findChild<QWidget*>("demoBanner"));
    QVERIFY(w.windowTitle().contains("Demo"));
  }

  void hubStatusSaysOfflineAndWaiting() {
    HubStatusIndicator s;
    s.setConnection(HubConnection::Online, "hub.example");
    QVERIFY(s.text().contains("hub.example"));
    s.setConnection(HubConnection::Offline);
    s.setOutboxCount(3);
    QVERIFY(s.text().contains("Offline"));
    QVERIFY(s.text().contains("3 decisions waiting"));
  }

  void syncActionAndButtonEmit() {
    MainWindow w({});
    QSignalSpy spy(&w, &MainWindow::syncRequested);
    w.findChild<QAction*>("actionSync")->trigger();
    QTest::mouseClick(w.queueDock()->syncButton(), Qt::LeftButton);
    QCOMPARE(spy.count(), 2);
  }

  void themeSwitchChangesPalette() {
    MainWindow w({});
    w.setTheme("dark");
    const int darkLightness = qApp->palette().color(QPalette::Window).lightness();
    w.setTheme("light");
    const int lightLightness = qApp->palette().color(QPalette::Window).lightness();
    QVERIFY2(darkLightness < 80 && lightLightness > 200, "light and dark palettes differ clearly");
  }

  void layoutAndThemeSurviveRestart() {
    {
      MainWindow w({});
      w.resize(1111, 777);
      w.setTheme("dark");
      w.saveLayout();
    }
    MainWindow again({});
    again.restoreLayout();
    QCOMPARE(again.size(), QSize(1111, 777));
    QVERIFY(qApp->palette().color(QPalette::Window).lightness() < 80);
    again.setTheme("light");
    again.saveLayout();
  }

  void shortcutsDialogListsRealBindings() {
    MainWindow w({});
    ShortcutsDialog d(&w);
    QVERIFY(d.rowCount() >= 4);  // sync, quit, queue, full screen, help...
  }

  void aboutNamesVersionsAndData() {
    const QString v = AboutDialog::versionsText();
    for (auto lib : {"Ridgeline", "Qt", "VTK", "OpenCV", "Poco", "SQLite"}) QVERIFY2(v.contains(lib), lib);
    QFile credits(":/ridgeline/credits.html");
    QVERIFY(credits.open(QIODevice::ReadOnly));
    QVERIFY(credits.readAll().contains("FVC2002"));
  }

  void screenshotWritesAPicture() {
    MainWindow w({});
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTemporaryDir dir;
    const QString path = dir.filePath("shot.png");
    QVERIFY(w.saveScreenshot(path));
    QImage img(path);
    QCOMPARE(img.size(), QSize(1280, 800) * w.devicePixelRatio());
    // Not a blank frame: the welcome text and chrome give many colours.
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); y += 7)
      for (int x = 0; x < img.width(); x += 7) colours.insert(img.pixel(x, y));
    QVERIFY(colours.size() > 10);
  }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
