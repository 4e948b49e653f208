#pragma once
// About Ridgeline: version, the libraries it links (an examiner may have to
// state the software and versions used in a report), and the licences and
// sources of bundled data.
#include <QDialog>

namespace ridgeline::views {

class AboutDialog : public QDialog {
  Q_OBJECT
 public:
  explicit AboutDialog(QWidget* parent = nullptr);
  // The versions block as plain text (also used for "Copy" and reports).
  static QString versionsText();
};

}  // namespace ridgeline::views
