#include "views/shell/about_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <vtkVersion.h>

#include "core/util/library_versions.h"

namespace ridgeline::views {

QString AboutDialog::versionsText() {
  QStringList lines;
  lines << QStringLiteral("Ridgeline %1").arg(QString::fromStdString(ridgelineVersion()));
  lines << QStringLiteral("Qt %1").arg(qVersion());
  lines << QStringLiteral("VTK %1").arg(vtkVersion::GetVTKVersion());
  for (const auto& [name, version] : coreLibraryVersions())
    lines << QStringLiteral("%1 %2").arg(QString::fromStdString(name), QString::fromStdString(version));
  return lines.join('\n');
}

static QWidget* versionsTab(QWidget* parent) {
  auto* page = new QWidget(parent);
  auto* layout = new QVBoxLayout(page);
  auto* title = new QLabel(QStringLiteral("<h2>Ridgeline %1</h2><p>Forensic examiner workstation for "
                                          "below-threshold biometric hits.</p>")
                               .arg(QString::fromStdString(ridgelineVersion())),
                           page);
  title->setWordWrap(true);
  auto* versions = new QLabel(AboutDialog::versionsText().toHtmlEscaped().replace('\n', "<br>"), page);
  versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* copy = new QPushButton(QObject::tr("Copy versions"), page);
  QObject::connect(copy, &QPushButton::clicked, page,
                   [] { QApplication::clipboard()->setText(AboutDialog::versionsText()); });
  layout->addWidget(title);
  layout->addWidget(versions);
  layout->addStretch();
  layout->addWidget(copy, 0, Qt::AlignLeft);
  return page;
}

static QWidget* creditsTab(QWidget* parent) {
  auto* browser = new QTextBrowser(parent);
  browser->setOpenExternalLinks(false);
  QFile credits(QStringLiteral(":/ridgeline/credits.html"));
  browser->setHtml(credits.open(QIODevice::ReadOnly) ? QString::fromUtf8(credits.readAll())
                                                      : QObject::tr("Credits are missing from this build."));
  return browser;
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("About Ridgeline"));
  setObjectName("aboutDialog");
  auto* tabs = new QTabWidget(this);
  tabs->addTab(versionsTab(tabs), tr("Versions"));
  tabs->addTab(creditsTab(tabs), tr("Licences and data sources"));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(tabs);
  layout->addWidget(buttons);
  resize(560, 440);
}

}  // namespace ridgeline::views
