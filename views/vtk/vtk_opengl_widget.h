#pragma once
// A Qt 6 QOpenGLWidget that VTK draws into. Debian's VTK Qt module is built
// for Qt 5, so this is our own bridge: Qt owns the GL context, a
// vtkGenericOpenGLRenderWindow renders into its own framebuffer, and paintGL
// blits that into the widget's framebuffer (technique: shared/notes/stack.md,
// the same one VTK's QVTKOpenGLNativeWidget uses).
#include <QOpenGLWidget>
#include <QSurfaceFormat>

#include <vtkNew.h>

class vtkGenericOpenGLRenderWindow;
class vtkGenericRenderWindowInteractor;
class vtkObject;

namespace ridgeline::views {

class VtkOpenGLWidget : public QOpenGLWidget {
  Q_OBJECT
 public:
  explicit VtkOpenGLWidget(QWidget* parent = nullptr);
  ~VtkOpenGLWidget() override;

  vtkGenericOpenGLRenderWindow* renderWindow() const;
  vtkGenericRenderWindowInteractor* interactor() const;

  // The surface format VTK needs (OpenGL 3.2 core, RGBA8, depth, double
  // buffer). Set it as the default before constructing QApplication.
  static QSurfaceFormat surfaceFormat();

 protected:
  void initializeGL() override;
  void resizeGL(int w, int h) override;
  void paintGL() override;

  void mousePressEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;

 private slots:
  void onContextAboutToBeDestroyed();

 private:
  void onMakeCurrent(vtkObject*, unsigned long, void*);
  void onIsCurrent(vtkObject*, unsigned long, void* callData);
  void onFrame(vtkObject*, unsigned long, void*);
  void releaseGraphics();
  void forwardMouse(QMouseEvent* event, unsigned long vtkEvent);

  vtkNew<vtkGenericOpenGLRenderWindow> window_;
  vtkNew<vtkGenericRenderWindowInteractor> interactor_;
  bool painting_ = false;
};

}  // namespace ridgeline::views
