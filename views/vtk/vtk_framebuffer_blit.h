#pragma once
// GL plumbing between VTK and the QOpenGLWidget. Kept in its own file: it
// needs GLEW, which must never meet Qt's GL headers.
class vtkGenericOpenGLRenderWindow;

namespace ridgeline::views {

// Renders one VTK frame and leaves it, opaque, in the target framebuffer.
void renderVtkInto(vtkGenericOpenGLRenderWindow* window, unsigned int targetFramebuffer, int width, int height);

}  // namespace ridgeline::views
