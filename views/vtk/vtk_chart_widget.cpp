#include "views/vtk/vtk_chart_widget.h"

#include <QColor>

#include <vtkChartXY.h>
#include <vtkContextScene.h>
#include <vtkContextView.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkRenderer.h>

namespace ridgeline::views {

VtkChartWidget::VtkChartWidget(QWidget* parent) : VtkOpenGLWidget(parent) {
  view_->SetRenderWindow(renderWindow());
  view_->SetInteractor(interactor());
  view_->GetScene()->AddItem(chart_);
}

VtkChartWidget::~VtkChartWidget() = default;

vtkChartXY* VtkChartWidget::chart() const { return chart_; }
vtkContextView* VtkChartWidget::view() const { return view_; }

void VtkChartWidget::setBackground(const QColor& colour) {
  view_->GetRenderer()->SetBackground(colour.redF(), colour.greenF(), colour.blueF());
  update();
}

}  // namespace ridgeline::views
