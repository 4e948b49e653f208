#include "views/vtk/vtk_opengl_widget.h"

#include "views/vtk/vtk_framebuffer_blit.h"

#include <QMouseEvent>
#include <QOpenGLContext>
#include <QWheelEvent>

#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyle.h>

namespace ridgeline::views {

QSurfaceFormat VtkOpenGLWidget::surfaceFormat() {
  QSurfaceFormat format;
  format.setRenderableType(QSurfaceFormat::OpenGL);
  format.setVersion(3, 2);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
  format.setRedBufferSize(8);
  format.setGreenBufferSize(8);
  format.setBlueBufferSize(8);
  format.setAlphaBufferSize(8);
  format.setDepthBufferSize(8);
  format.setStencilBufferSize(0);
  return format;
}

VtkOpenGLWidget::VtkOpenGLWidget(QWidget* parent) : QOpenGLWidget(parent) {
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  // Until Qt has a context, VTK must not try to render on its own.
  window_->SetReadyForRendering(false);
  // At the end of each frame VTK copies its result into the framebuffer that
  // was bound when the frame started: the widget's (see renderVtkInto).
  window_->SetFrameBlitModeToBlitToCurrent();
  // Match Qt's single-sampled framebuffer; VTK's default of 8 samples leaves
  // the display buffer a frame behind the render buffer.
  window_->SetMultiSamples(0);
  window_->SetInteractor(interactor_);
  interactor_->EnableRenderOff();
  window_->AddObserver(vtkCommand::WindowMakeCurrentEvent, this, &VtkOpenGLWidget::onMakeCurrent);
  window_->AddObserver(vtkCommand::WindowIsCurrentEvent, this, &VtkOpenGLWidget::onIsCurrent);
  window_->AddObserver(vtkCommand::WindowFrameEvent, this, &VtkOpenGLWidget::onFrame);
}

VtkOpenGLWidget::~VtkOpenGLWidget() {
  // QOpenGLWidget's destructor destroys the context after this part of the
  // object is gone: its aboutToBeDestroyed must not reach us any more.
  if (context()) disconnect(context(), nullptr, this, nullptr);
  makeCurrent();
  releaseGraphics();
  doneCurrent();
  window_->RemoveAllObservers();
}

vtkGenericOpenGLRenderWindow* VtkOpenGLWidget::renderWindow() const { return window_; }
vtkGenericRenderWindowInteractor* VtkOpenGLWidget::interactor() const { return interactor_; }

void VtkOpenGLWidget::onMakeCurrent(vtkObject*, unsigned long, void*) {
  // VTK asks for this many times per frame. QOpenGLWidget::makeCurrent() also
  // rebinds the widget's framebuffer behind VTK's state cache, so VTK would
  // draw into Qt's buffer and then blit its own, never-drawn one over it.
  // Only make the context current when it is not.
  if (QOpenGLContext::currentContext() != context()) makeCurrent();
}

void VtkOpenGLWidget::onIsCurrent(vtkObject*, unsigned long, void* callData) {
  *static_cast<bool*>(callData) = context() && QOpenGLContext::currentContext() == context();
}

void VtkOpenGLWidget::onFrame(vtkObject*, unsigned long, void*) {
  // VTK finished a frame outside our paintGL (e.g. an interactor render):
  // ask Qt for a repaint, which blits it. Inside paintGL this would loop.
  if (!painting_) update();
}

void VtkOpenGLWidget::initializeGL() {
  connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &VtkOpenGLWidget::onContextAboutToBeDestroyed,
          Qt::UniqueConnection);
  window_->SetOwnContext(false);
  window_->SetReadyForRendering(true);
  window_->SetIsCurrent(true);
  window_->OpenGLInitContext();
  window_->SetMapped(1);
  window_->SetIsDirect(1);
  window_->SetSupportsOpenGL(1);
  window_->SetForceMaximumHardwareLineWidth(1);
}

void VtkOpenGLWidget::resizeGL(int, int) {
  // Sizes in device pixels, so charts are crisp at 4K / HiDPI.
  const double ratio = devicePixelRatioF();
  const int w = static_cast<int>(width() * ratio), h = static_cast<int>(height() * ratio);
  interactor_->UpdateSize(w, h);
  window_->SetSize(w, h);
  window_->SetScreenSize(w, h);
  window_->SetDPI(static_cast<int>(72 * ratio));
}

void VtkOpenGLWidget::paintGL() {
  painting_ = true;
  window_->SetReadyForRendering(true);
  const double ratio = devicePixelRatioF();
  const int w = static_cast<int>(width() * ratio), h = static_cast<int>(height() * ratio);
  renderVtkInto(window_, defaultFramebufferObject(), w, h);
  painting_ = false;
}

void VtkOpenGLWidget::onContextAboutToBeDestroyed() {
  makeCurrent();
  releaseGraphics();
}

void VtkOpenGLWidget::releaseGraphics() {
  if (window_->GetReadyForRendering()) window_->Finalize();
  window_->SetReadyForRendering(false);
}

void VtkOpenGLWidget::forwardMouse(QMouseEvent* event, unsigned long vtkEvent) {
  const double ratio = devicePixelRatioF();
  const QPointF p = event->position() * ratio;
  interactor_->SetEventInformationFlipY(static_cast<int>(p.x()), static_cast<int>(p.y()),
                                        (event->modifiers() & Qt::ControlModifier) ? 1 : 0,
                                        (event->modifiers() & Qt::ShiftModifier) ? 1 : 0);
  interactor_->InvokeEvent(vtkEvent, event);
}

void VtkOpenGLWidget::mousePressEvent(QMouseEvent* event) {
  switch (event->button()) {
    case Qt::LeftButton: forwardMouse(event, vtkCommand::LeftButtonPressEvent); break;
    case Qt::RightButton: forwardMouse(event, vtkCommand::RightButtonPressEvent); break;
    case Qt::MiddleButton: forwardMouse(event, vtkCommand::MiddleButtonPressEvent); break;
    default: break;
  }
}

void VtkOpenGLWidget::mouseReleaseEvent(QMouseEvent* event) {
  switch (event->button()) {
    case Qt::LeftButton: forwardMouse(event, vtkCommand::LeftButtonReleaseEvent); break;
    case Qt::RightButton: forwardMouse(event, vtkCommand::RightButtonReleaseEvent); break;
    case Qt::MiddleButton: forwardMouse(event, vtkCommand::MiddleButtonReleaseEvent); break;
    default: break;
  }
}

void VtkOpenGLWidget::mouseMoveEvent(QMouseEvent* event) { forwardMouse(event, vtkCommand::MouseMoveEvent); }

void VtkOpenGLWidget::wheelEvent(QWheelEvent* event) {
  const double ratio = devicePixelRatioF();
  const QPointF p = event->position() * ratio;
  interactor_->SetEventInformationFlipY(static_cast<int>(p.x()), static_cast<int>(p.y()));
  interactor_->InvokeEvent(event->angleDelta().y() > 0 ? vtkCommand::MouseWheelForwardEvent
                                                        : vtkCommand::MouseWheelBackwardEvent,
                           event);
}

}  // namespace ridgeline::views
