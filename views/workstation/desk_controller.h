#pragma once
// Connects the desk's parts: the main window, the workstation (store, hub,
// sync) and the open case view. Everything the examiner records goes from
// the case view through here into the store and the audit trail.
#include <QObject>
#include <exception>
#include <optional>

#include "core/model/case.h"

namespace ridgeline::views {

class CaseView;
class FaceCaseView;
class MainWindow;
class Workstation;

class DeskController : public QObject {
  Q_OBJECT
 public:
  DeskController(MainWindow* window, Workstation* workstation, QObject* parent = nullptr);

  void refreshQueue();
  // Opens a fingerprint case (returned) or a face case (in the face view).
  CaseView* openCase(qint64 caseId);
  FaceCaseView* openFaceCase(qint64 caseId);
  // The first case of that modality whose payload is here (leased or further).
  std::optional<qint64> firstOpenableCase(Modality modality = Modality::Fingerprint) const;
  // Demo only: record the automatic minutiae (fingerprint) or "of value"
  // (face) as the demo examiner's analysis and lock it, so a demo can start
  // at the comparison step.
  void completeAnalysisForDemo(CaseView* view);
  void completeAnalysisForDemo(FaceCaseView* view);
  CaseView* currentCase() const;

 signals:
  void syncDone(bool ok);

 private:
  void wireCaseView(CaseView* view, qint64 caseId);
  void report(const QString& message, bool error = false);
  void cannotOpen(const std::exception& e);

  MainWindow* window_;
  Workstation* workstation_;
};

}  // namespace ridgeline::views
