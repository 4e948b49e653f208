#pragma once
// Qt resources compiled into the static views library are not registered on
// their own; every program using views/ calls this once after QApplication.
namespace ridgeline::views {
void initViewsResources();
}
