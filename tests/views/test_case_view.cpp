// Drives the real case widgets as an examiner would: mark, undo, lock the
// analysis, link, propose, accept, delete with undo, conclude.
#include <QtTest>

#include <QButtonGroup>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QUndoStack>

#include "case_fixture.h"
#include "views/casework/analysis_page.h"
#include "views/casework/case_view.h"
#include "views/casework/evaluation_page.h"
#include "views/comparison/correspondence_document.h"
#include "views/comparison/correspondence_overlay.h"
#include "views/comparison/correspondence_panel.h"
#include "views/comparison/feature_set_document.h"
#include "views/shell/views_init.h"
#include "views/vtk/vtk_opengl_widget.h"

using namespace ridgeline;
using namespace ridgeline::views;

namespace {

QPoint viewportPointOf(PrintCanvas* canvas, int index) {
  return canvas->viewport()->mapFrom(canvas, canvas->minutiaWidgetPos(index)->toPoint());
}

void saveShot(QWidget* w, const QString& name) {
  const QByteArray dir = qgetenv("RIDGELINE_SCREENSHOT_DIR");
  if (!dir.isEmpty()) w->grab().save(QString::fromUtf8(dir) + "/" + name + ".png");
}

void lockAnalysisWithAutomaticMinutiae(CaseView& view) {
  view.analysisPage()->adoptAutomaticMinutiae();
  view.analysisPage()->findChild<QRadioButton*>()->click();  // "Of value"
  QTest::mouseClick(view.analysisPage()->completeButton(), Qt::LeftButton);
}

}  // namespace

class TestCaseView : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { initViewsResources(); }

  void candidatesHiddenUntilAnalysisLocked() {
    CaseView view(fixtureSession());
    view.resize(1400, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.step(), CaseStep::Analysis);
    QVERIFY(!view.goToStep(CaseStep::Comparison));
    QCOMPARE(view.step(), CaseStep::Analysis);
    QVERIFY(!view.comparison()->isVisible());
    QVERIFY(!view.findChild<QWidget*>("candidateChoice")->isVisible());
    saveShot(&view, "case-analysis");
  }

  void markAMinutiaThenUndo() {
    CaseView view(fixtureSession());
    view.resize(1400, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    PrintCanvas* canvas = view.analysisPage()->canvas();
    QCOMPARE(view.analysisDocument()->minutiaCount(), 0);
    const QPoint at = canvas->viewport()->rect().center();
    QTest::mousePress(canvas->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseMove(canvas->viewport(), at + QPoint(30, -30));
    QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, {}, at + QPoint(30, -30));
    QCOMPARE(view.analysisDocument()->minutiaCount(), 1);
    // Dragging up-right on screen is 45 degrees counter-clockwise from +x.
    QVERIFY(std::abs(view.analysisDocument()->minutia(0).direction - std::numbers::pi / 4) < 0.05);
    view.undoStack()->undo();
    QCOMPARE(view.analysisDocument()->minutiaCount(), 0);
    view.undoStack()->redo();
    QCOMPARE(view.analysisDocument()->minutiaCount(), 1);
  }

  void lockingNeedsValueAndFreezesTheAnalysis() {
    CaseView view(fixtureSession());
    QSignalSpy locked(&view, &CaseView::analysisLocked);
    view.analysisPage()->adoptAutomaticMinutiae();
    QTest::mouseClick(view.analysisPage()->completeButton(), Qt::LeftButton);
    QCOMPARE(locked.count(), 0);  // no value determination yet
    view.analysisPage()->findChild<QRadioButton*>()->click();
    QTest::mouseClick(view.analysisPage()->completeButton(), Qt::LeftButton);
    QCOMPARE(locked.count(), 1);
    QVERIFY(view.analysisDocument()->isLocked());
    QCOMPARE(view.step(), CaseStep::Comparison);
    QCOMPARE(view.undoStack()->count(), 0);  // the locked record is not undoable
    // Revising makes version 2 and reports what changed.
    view.analysisPage()->reviseAnalysis();
    QVERIFY(!view.analysisDocument()->isLocked());
    view.analysisDocument()->removeMinutia(0);
    QVERIFY(view.analysisPage()->differenceSummary().contains("1 removed"));
  }

  void linkTwoMinutiaeAcrossThePrints() {
    CaseView view(fixtureSession());
    view.resize(1600, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    lockAnalysisWithAutomaticMinutiae(view);
    ComparisonWorkspace* ws = view.comparison();
    ws->setTool(CanvasTool::Link);
    QTest::qWait(50);
    QTest::mouseClick(ws->probeCanvas()->viewport(), Qt::LeftButton, {}, viewportPointOf(ws->probeCanvas(), 3));
    QTest::mouseClick(ws->candidateCanvas()->viewport(), Qt::LeftButton, {},
                      viewportPointOf(ws->candidateCanvas(), 5));
    QCOMPARE(view.correspondences()->count(), 1);
    const Correspondence c = view.correspondences()->correspondences()[0];
    QCOMPARE(c.label, 1);
    QCOMPARE(c.probeMinutia, 3);
    QCOMPARE(c.candidateMinutia, 5);
    QCOMPARE(c.type, CorrespondenceType::Definite);
    ws->overlay()->repaint();
    QCOMPARE(ws->overlay()->drawnLineCount(), 1);
    view.undoStack()->undo();
    QCOMPARE(view.correspondences()->count(), 0);
  }

  void proposalsArePossibleUntilAccepted() {
    CaseView view(fixtureSession());
    view.resize(1600, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    lockAnalysisWithAutomaticMinutiae(view);
    view.setProposer([](const FeatureSet&, const FeatureSet&) {
      return std::vector<Correspondence>{{0, 1, 2, CorrespondenceType::Definite}, {0, 4, 7, CorrespondenceType::Definite}};
    });
    view.comparison()->proposeCorrespondences();
    QCOMPARE(view.correspondences()->count(), 2);
    for (const auto& c : view.correspondences()->correspondences()) QCOMPARE(c.type, CorrespondenceType::Possible);
    view.comparison()->panel()->table()->selectRow(1);
    view.comparison()->panel()->acceptSelected();
    QCOMPARE(view.correspondences()->correspondences()[1].type, CorrespondenceType::Definite);
    QCOMPARE(view.correspondences()->correspondences()[1].label, 2);
    QTest::qWait(50);
    saveShot(&view, "case-comparison");
  }

  void deletingALinkedMinutiaRemovesTheLinkAndUndoRestoresBoth() {
    CaseView view(fixtureSession());
    lockAnalysisWithAutomaticMinutiae(view);
    view.setProposer([](const FeatureSet&, const FeatureSet&) {
      return std::vector<Correspondence>{{0, 1, 2, CorrespondenceType::Definite}};
    });
    view.comparison()->proposeCorrespondences();
    const int before = view.comparison()->candidateCanvas()->glyphCount();
    view.comparison()->candidateCanvas()->setFocus();
    view.comparison()->candidateCanvas()->selectMinutia(2);
    view.comparison()->deleteSelectedMinutia();
    QCOMPARE(view.comparison()->candidateCanvas()->glyphCount(), before - 1);
    QCOMPARE(view.correspondences()->count(), 0);
    view.undoStack()->undo();
    QCOMPARE(view.comparison()->candidateCanvas()->glyphCount(), before);
    QCOMPARE(view.correspondences()->count(), 1);
    QCOMPARE(view.correspondences()->correspondences()[0].candidateMinutia, 2);
  }

  void lockedProbeRefusesEditsInComparison() {
    CaseView view(fixtureSession());
    lockAnalysisWithAutomaticMinutiae(view);
    QSignalSpy status(&view, &CaseView::statusMessage);
    const int before = view.analysisDocument()->minutiaCount();
    emit view.comparison()->probeCanvas()->minutiaPlaced(QPointF(100, 100), 0);
    QCOMPARE(view.analysisDocument()->minutiaCount(), before);
    QVERIFY(!status.isEmpty());
    QVERIFY(status.last().at(0).toString().contains("locked"));
  }

  void concludeNeedsDecisionAndRationale() {
    CaseView view(fixtureSession());
    view.resize(1600, 900);
    view.show();
    lockAnalysisWithAutomaticMinutiae(view);
    view.setScorer([](const FeatureSet&, const FeatureSet&) { return std::optional<double>(37.5); });
    QVERIFY(view.goToStep(CaseStep::Evaluation));
    QSignalSpy recorded(&view, &CaseView::conclusionRecorded);
    EvaluationPage* page = view.evaluation();
    QVERIFY(!page->saveButton()->isEnabled());
    QVERIFY(page->selectDecision("inconclusive"));
    page->rationale()->setPlainText("too short");
    QVERIFY(!page->saveButton()->isEnabled());
    page->rationale()->setPlainText("Seven corresponding minutiae in the core area, but the lower half of the "
                                    "mark is smudged and two features disagree in type.");
    QVERIFY(page->saveButton()->isEnabled());
    QTest::qWait(100);
    saveShot(&view, "case-evaluation");
    QTest::mouseClick(page->saveButton(), Qt::LeftButton);
    QCOMPARE(recorded.count(), 1);
    const auto c = recorded.at(0).at(0).value<Conclusion>();
    QCOMPARE(c.decision, std::string("inconclusive"));
    QCOMPARE(c.candidateId, qint64(77));
    QVERIFY(c.rationale.find("smudged") != std::string::npos);
  }
};

int main(int argc, char** argv) {
  QSurfaceFormat::setDefaultFormat(VtkOpenGLWidget::surfaceFormat());
  QApplication app(argc, argv);
  TestCaseView test;
  return QTest::qExec(&test, argc, argv);
}
#include "test_case_view.moc"
