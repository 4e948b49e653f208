#pragma once
// Command line of the GUI. --help and --version are answered before any
// QApplication exists, so they work without a display (scripts, packaging).
#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>

namespace ridgeline::gui {

struct GuiOptions {
  bool demo = false;
  QString profileDir;
  QString screenshotPath;  // write a PNG of the main window and quit
  QSize windowSize;        // --size WxH, for screenshots at known sizes
  QString theme;           // "light" | "dark"; empty = the saved one
  QString openCase;        // a local case id, "first" or "first-face"
  QString step;            // with --demo --open-case: analysis | comparison | overlay | extraction | evaluation
};

// Handles --help / --version itself (prints, returns an exit code) or
// returns nullopt to go on. Never needs a display.
std::optional<int> answerWithoutDisplay(int argc, char** argv);

// Parses the rest; on a usage error prints it and returns nullopt.
std::optional<GuiOptions> parseGuiOptions(const QStringList& arguments, QString* error);

}  // namespace ridgeline::gui
