// Renders a real VTK chart through the Qt 6 bridge and checks the pixels.
// Runs on xcb under Xvfb: without a display this test fails, it never skips.
#include <QtTest>

#include <QSurfaceFormat>

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkFloatArray.h>
#include <vtkNew.h>
#include <vtkPlot.h>
#include <vtkTable.h>

#include "views/vtk/vtk_chart_widget.h"

using namespace ridgeline::views;

namespace {

int countNear(const QImage& img, QColor target, int tolerance) {
  int n = 0;
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x) {
      const QColor c = img.pixelColor(x, y);
      if (std::abs(c.red() - target.red()) <= tolerance && std::abs(c.green() - target.green()) <= tolerance &&
          std::abs(c.blue() - target.blue()) <= tolerance)
        ++n;
    }
  return n;
}

void addBars(vtkChartXY* chart, int bars) {
  vtkNew<vtkTable> table;
  vtkNew<vtkFloatArray> x, y;
  x->SetName("bin");
  y->SetName("count");
  table->AddColumn(x);
  table->AddColumn(y);
  table->SetNumberOfRows(bars);
  for (int i = 0; i < bars; ++i) {
    table->SetValue(i, 0, i);
    table->SetValue(i, 1, 5 + i);
  }
  vtkPlot* plot = chart->AddPlot(vtkChart::BAR);
  plot->SetInputData(table, 0, 1);
  plot->SetColor(220, 30, 30, 255);
}

}  // namespace

class TestVtkWidget : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    QVERIFY2(qgetenv("QT_QPA_PLATFORM") == "xcb", "GL tests must run on xcb under Xvfb");
  }

  void chartRendersBarsIntoQtFramebuffer() {
    VtkChartWidget widget;
    widget.resize(400, 300);
    widget.setBackground(QColor(20, 40, 200));
    addBars(widget.chart(), 6);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    const QImage frame = widget.grabFramebuffer();
    QVERIFY(!frame.isNull());
    const int pixels = frame.width() * frame.height();
    const int red = countNear(frame, QColor(220, 30, 30), 40);
    const int background = countNear(frame, QColor(20, 40, 200), 20);
    // Bars cover a visible share of the plot; the background shows around them.
    QVERIFY2(red > pixels / 50, qPrintable(QString("red bar pixels: %1 of %2").arg(red).arg(pixels)));
    QVERIFY2(background > pixels / 10, qPrintable(QString("background pixels: %1").arg(background)));
    // Opaque everywhere: the alpha fix-up in paintGL worked.
    for (int y = 0; y < frame.height(); y += 13)
      for (int x = 0; x < frame.width(); x += 13) QCOMPARE(qAlpha(frame.pixel(x, y)), 255);
  }

  void resizeRendersAtNewSize() {
    VtkChartWidget widget;
    widget.resize(300, 200);
    addBars(widget.chart(), 3);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    widget.resize(500, 350);
    QTest::qWait(50);
    const QImage frame = widget.grabFramebuffer();
    QCOMPARE(frame.size(), QSize(500, 350) * widget.devicePixelRatio());
    QVERIFY(countNear(frame, QColor(220, 30, 30), 40) > 0);
  }
};

int main(int argc, char** argv) {
  QSurfaceFormat::setDefaultFormat(VtkOpenGLWidget::surfaceFormat());
  QApplication app(argc, argv);
  TestVtkWidget test;
  return QTest::qExec(&test, argc, argv);
}
#include "test_vtk_widget.moc"
