#pragma once
// A VTK 2D chart (vtkChartXY in a vtkContextView) inside the Qt 6 bridge
// widget; score distributions and decision statistics are drawn with it.
#include <vtkNew.h>

#include "views/vtk/vtk_opengl_widget.h"

class vtkChartXY;
class vtkContextView;

namespace ridgeline::views {

class VtkChartWidget : public VtkOpenGLWidget {
  Q_OBJECT
 public:
  explicit VtkChartWidget(QWidget* parent = nullptr);
  ~VtkChartWidget() override;

  vtkChartXY* chart() const;
  vtkContextView* view() const;
  // Background in the palette's base colour so charts match light/dark themes.
  void setBackground(const QColor& colour);

 private:
  vtkNew<vtkContextView> view_;
  vtkNew<vtkChartXY> chart_;
};

}  // namespace ridgeline::views
