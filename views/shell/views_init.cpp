#include "views/shell/views_init.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be called outside any namespace.
static void initRidgelineQrc() { Q_INIT_RESOURCE(ridgeline); }

namespace ridgeline::views {
void initViewsResources() { initRidgelineQrc(); }
}  // namespace ridgeline::views
