#include "gui_options.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <cstdio>
#include <cstring>

#include <vtkVersion.h>

#include "core/util/library_versions.h"

namespace ridgeline::gui {
namespace {

const char* kHelp =
    "Usage: ridgeline [--demo] [--profile DIR] [--theme light|dark]\n"
    "                 [--open-case ID|first|first-face [--step NAME]]\n"
    "                 [--screenshot FILE [--size WxH]]\n"
    "       ridgeline --version | --help\n\n"
    "Ridgeline: the forensic examiner's desk for below-threshold biometric hits.\n\n"
    "  --demo             run against a reference hub inside the application, with demo cases\n"
    "  --profile DIR      the workstation profile (case store) to use\n"
    "  --theme NAME       light or dark\n"
    "  --open-case ID     open that case (a local id; 'first': the first fingerprint case with\n"
    "                     its images; 'first-face': the first face case with its photos);\n"
    "                     with --demo it opens at the comparison step\n"
    "  --step NAME        with --demo --open-case (fingerprint): analysis, comparison (default),\n"
    "                     overlay, extraction (the extractor's stages on both prints) or\n"
    "                     evaluation\n"
    "  --screenshot FILE  render the main window to a PNG and quit\n"
    "  --size WxH         window size in logical pixels (default 1280x800)\n";

}  // namespace

std::optional<int> answerWithoutDisplay(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (!std::strcmp(argv[i], "--version")) {
      std::printf("ridgeline %s\n  Qt %s\n  VTK %s\n", ridgelineVersion().c_str(), qVersion(),
                  vtkVersion::GetVTKVersion());
      for (const auto& [name, version] : coreLibraryVersions())
        std::printf("  %s %s\n", name.c_str(), version.c_str());
      return 0;
    }
  }
  return std::nullopt;
}

std::optional<GuiOptions> parseGuiOptions(const QStringList& arguments, QString* error) {
  QCommandLineParser parser;
  parser.addOption({"demo", "demo hub"});
  parser.addOption({"profile", "profile", "DIR"});
  parser.addOption({"theme", "theme", "NAME"});
  parser.addOption({"screenshot", "screenshot", "FILE"});
  parser.addOption({"size", "size", "WxH"});
  parser.addOption({"open-case", "open-case", "ID"});
  parser.addOption({"step", "step", "NAME"});
  if (!parser.parse(arguments)) {
    *error = parser.errorText();
    return std::nullopt;
  }
  if (!parser.positionalArguments().isEmpty()) {
    *error = QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first());
    return std::nullopt;
  }
  GuiOptions o;
  o.demo = parser.isSet("demo");
  o.profileDir = parser.value("profile");
  o.theme = parser.value("theme");
  if (!o.theme.isEmpty() && o.theme != "light" && o.theme != "dark") {
    *error = QStringLiteral("--theme takes light or dark, not '%1'").arg(o.theme);
    return std::nullopt;
  }
  o.screenshotPath = parser.value("screenshot");
  o.openCase = parser.value("open-case");
  bool numeric = false;
  parser.value("open-case").toLongLong(&numeric);
  if (!o.openCase.isEmpty() && o.openCase != "first" && o.openCase != "first-face" && !numeric) {
    *error = QStringLiteral("--open-case takes a case id, 'first' or 'first-face', not '%1'").arg(o.openCase);
    return std::nullopt;
  }
  o.step = parser.value("step");
  static const QStringList steps{"analysis", "comparison", "overlay", "extraction", "evaluation"};
  if (!o.step.isEmpty() && !steps.contains(o.step)) {
    *error = QStringLiteral("--step takes %1, not '%2'").arg(steps.join(", "), o.step);
    return std::nullopt;
  }
  if (parser.isSet("size")) {
    static const QRegularExpression re(QStringLiteral("^(\\d{3,5})x(\\d{3,5})$"));
    const auto m = re.match(parser.value("size"));
    if (!m.hasMatch()) {
      *error = QStringLiteral("--size takes WIDTHxHEIGHT, e.g. 1280x800, not '%1'").arg(parser.value("size"));
      return std::nullopt;
    }
    o.windowSize = QSize(m.captured(1).toInt(), m.captured(2).toInt());
  }
  return o;
}

}  // namespace ridgeline::gui
