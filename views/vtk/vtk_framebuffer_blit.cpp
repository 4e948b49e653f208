#include <vtk_glew.h>

#include "views/vtk/vtk_framebuffer_blit.h"

#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkOpenGLState.h>

namespace ridgeline::views {

void renderVtkInto(vtkGenericOpenGLRenderWindow* window, unsigned int targetFramebuffer, int width, int height) {
  vtkOpenGLState* state = window->GetState();
  // Qt changed GL state behind VTK's cache since the last frame: re-read it,
  // then restore what VTK assumes (Qt leaves the depth test off and the depth
  // function GL_LESS, which silently drops chart items drawn at equal depth).
  // Framebuffer bindings are cached separately: Qt bound its own before
  // paintGL, so VTK must re-read them too or it may skip binding its own.
  state->Reset();
  state->ResetFramebufferBindings();
  state->vtkglDepthFunc(GL_LEQUAL);
  state->vtkglEnable(GL_DEPTH_TEST);
  // VTK renders into its own framebuffer and, in BlitToCurrent mode, copies
  // the finished frame into whatever is bound when the frame starts: Qt's.
  state->vtkglBindFramebuffer(GL_FRAMEBUFFER, targetFramebuffer);
  window->Render();
  state->Reset();
  state->ResetFramebufferBindings();
  state->Push();
  state->vtkglBindFramebuffer(GL_FRAMEBUFFER, targetFramebuffer);
  // Force alpha to 1, or Mesa blends the widget with whatever is behind it.
  state->vtkglDisable(GL_SCISSOR_TEST);
  state->vtkglViewport(0, 0, width, height);
  state->vtkglColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
  state->vtkglClearColor(0, 0, 0, 1);
  state->vtkglClear(GL_COLOR_BUFFER_BIT);
  state->Pop();
}

}  // namespace ridgeline::views
