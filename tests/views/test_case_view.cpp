// Drives the real case widgets as an examiner would: mark, undo, lock the
// analysis, link, propose, accept, delete with undo, enhance a working copy,
// lay the prints over each other, measure, conclude.
#include <QtTest>

#include <algorithm>

#include <QButtonGroup>
#include <QCheckBox>
#include <QGraphicsView>
#include <QLabel>
#include <QListWidget>
#include <QSlider>
#include <QTabWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QUndoStack>

#include "case_fixture.h"
#include "core/fingerprint/extractor.h"
#include "core/fingerprint/fingerprint_image.h"
#include "core/fingerprint/ridge_count.h"
#include "views/casework/analysis_page.h"
#include "views/casework/case_view.h"
#include "views/casework/evaluation_page.h"
#include "views/comparison/correspondence_document.h"
#include "views/comparison/correspondence_overlay.h"
#include "views/comparison/correspondence_panel.h"
#include "views/comparison/enhancement_panel.h"
#include "views/comparison/extraction_panel.h"
#include "views/comparison/overlay_view.h"
#include "views/comparison/feature_set_document.h"
#include "views/shell/views_init.h"
#include "views/vtk/vtk_opengl_widget.h"

using namespace ridgeline;
using namespace ridgeline::views;

namespace {

// Mean absolute difference of two images' grey levels (same size).
double meanDifference(const QImage& a, const QImage& b) {
  const QImage ga = a.convertToFormat(QImage::Format_Grayscale8), gb = b.convertToFormat(QImage::Format_Grayscale8);
  if (ga.size() != gb.size()) return 255;
  double sum = 0;
  for (int y = 0; y < ga.height(); ++y)
    for (int x = 0; x < ga.width(); ++x) sum += std::abs(ga.constScanLine(y)[x] - gb.constScanLine(y)[x]);
  return sum / (ga.width() * ga.height());
}

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

  void linesDrawQuickWhileMovingAndSmoothAtRest() {
    CaseView view(fixtureSession());
    view.resize(1600, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    lockAnalysisWithAutomaticMinutiae(view);
    CorrespondenceOverlay* lines = view.comparison()->overlay();
    QTRY_VERIFY(lines->isDrawingSmooth());
    view.comparison()->probeCanvas()->zoomBy(1.25);
    QVERIFY(!lines->isDrawingSmooth());
    QTRY_VERIFY_WITH_TIMEOUT(lines->isDrawingSmooth(), 1000);
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

  void correspondenceNumbersNeverOverlap() {
    CaseView view(fixtureSession());
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    lockAnalysisWithAutomaticMinutiae(view);
    const int n = std::min({12, view.comparison()->probeCanvas()->glyphCount(), view.comparison()->candidateCanvas()->glyphCount()});
    QVERIFY(n >= 6);
    view.setProposer([n](const FeatureSet&, const FeatureSet&) {
      std::vector<Correspondence> all;
      for (int i = 0; i < n; ++i) all.push_back({0, i, i, CorrespondenceType::Possible});
      return all;
    });
    view.comparison()->proposeCorrespondences();
    QCOMPARE(view.correspondences()->count(), n);
    const auto disjoint = [](const std::vector<QRectF>& rects) {
      for (size_t i = 0; i < rects.size(); ++i)
        for (size_t j = i + 1; j < rects.size(); ++j)
          if (rects[i].adjusted(-2.9, -2.9, 2.9, 2.9).intersects(rects[j])) return false;  // nor touch
      return true;
    };
    // At the fitted zoom, and zoomed out so far that the minutiae crowd
    // together; placed again once the view is at rest.
    for (double zoom : {1.0, 0.35}) {
      for (PrintCanvas* canvas : {view.comparison()->probeCanvas(), view.comparison()->candidateCanvas()}) {
        canvas->zoomBy(zoom);
        QTRY_VERIFY_WITH_TIMEOUT(!canvas->isMoving(), 2000);
        QCOMPARE(canvas->labelRects().size(), size_t(n));
        QVERIFY2(disjoint(canvas->labelRects()), "two correspondence numbers overlap");
      }
    }
  }

  void eachCorrespondenceShowsItsRidgeCounts() {
    CaseSession session = fixtureSession();
    const auto probeImage = fingerprint::loadFingerprintImage(RIDGELINE_TEST_DATA "/views/mark_1_5.png");
    const auto candidateImage = fingerprint::loadFingerprintImage(RIDGELINE_TEST_DATA "/views/clean_1_2.png");
    session.probe.automatic.ridgeDetail = fingerprint::extractFeatures(probeImage.gray, 500).ridgeDetail;
    session.candidates[0].automatic.ridgeDetail = fingerprint::extractFeatures(candidateImage.gray, 500).ridgeDetail;
    CaseView view(session);
    lockAnalysisWithAutomaticMinutiae(view);
    view.setProposer([](const FeatureSet&, const FeatureSet&) {
      std::vector<Correspondence> all;
      for (int i = 0; i < 10; ++i) all.push_back({0, i, i, CorrespondenceType::Possible});
      return all;
    });
    view.comparison()->proposeCorrespondences();
    QTableWidget* table = view.comparison()->panel()->table();
    QCOMPARE(table->columnCount(), 4);
    QCOMPARE(table->horizontalHeaderItem(3)->text(), QString("Ridges"));
    // Each row reads what the core check says for the same correspondences and images.
    std::vector<std::pair<int, int>> pairs;
    for (const auto& c : view.correspondences()->correspondences()) pairs.emplace_back(c.probeMinutia, c.candidateMinutia);
    const auto expected = fingerprint::ridgeCountsAtCorrespondences(
        session.probe.automatic.ridgeDetail, view.analysisDocument()->features().minutiae, 500,
        session.candidates[0].automatic.ridgeDetail, session.candidates[0].automatic.minutiae, pairs);
    int read = 0;
    for (int row = 0; row < table->rowCount(); ++row) {
      const auto& e = expected[size_t(row)];
      const QString want = e.compared > 0 ? QString("%1/%2").arg(e.withinOne).arg(e.compared) : QString("–");
      QCOMPARE(table->item(row, 3)->text(), want);
      // Red where more than half the counts disagree, and only there.
      const bool red = table->item(row, 3)->foreground().color() == QColor(200, 30, 30);
      QCOMPARE(red, e.compared > 0 && 2 * (e.compared - e.withinOne) > e.compared);
      read += e.compared;
    }
    QVERIFY(read > 0);
  }

  void measuringCountsTheRidgesBetweenTheEnds() {
    // The candidate's enhanced ridges, as the workstation attaches them.
    CaseSession session = fixtureSession();
    const auto image = fingerprint::loadFingerprintImage(RIDGELINE_TEST_DATA "/views/clean_1_2.png");
    session.candidates[0].automatic.ridgeDetail = fingerprint::extractFeatures(image.gray, 500).ridgeDetail;
    QVERIFY(session.candidates[0].automatic.ridgeDetail.has_value());
    CaseView view(session);
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    lockAnalysisWithAutomaticMinutiae(view);
    QVERIFY(view.goToStep(CaseStep::Comparison));
    PrintCanvas* canvas = view.comparison()->candidateCanvas();
    canvas->setTool(CanvasTool::Measure);
    QSignalSpy measured(canvas, &PrintCanvas::measured);
    QSignalSpy status(view.comparison(), &ComparisonWorkspace::statusMessage);
    // From one candidate minutia to another some way off, as an examiner counts.
    const QPoint from = viewportPointOf(canvas, 0);
    int far = 1;
    for (int i = 1; i < canvas->glyphCount(); ++i)
      if ((viewportPointOf(canvas, i) - from).manhattanLength() > (viewportPointOf(canvas, far) - from).manhattanLength())
        far = i;
    const QPoint to = viewportPointOf(canvas, far);
    QTest::mousePress(canvas->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(canvas->viewport(), to);
    saveShot(&view, "case-measure");
    QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(measured.count(), 1);
    const double mm = measured.at(0).at(0).toDouble();
    const int ridges = measured.at(0).at(1).toInt();
    // The same count the matcher's ridge counts read, on the candidate's ridge image.
    const auto& detail = *view.session().candidates[0].automatic.ridgeDetail;
    const QPointF a = canvas->mapToScene(from) * detail.pixelsPerFeaturePixel;
    const QPointF b = canvas->mapToScene(to) * detail.pixelsPerFeaturePixel;
    QCOMPARE(ridges, fingerprint::ridgesCrossed(detail, a.x(), a.y(), b.x(), b.y()));
    // Ridges lie about half a millimetre apart: a line across a print crosses
    // some, and at most about two a millimetre (fewer where it runs along them).
    QVERIFY2(ridges > 0 && ridges < 3 * mm, qPrintable(QString("%1 ridges over %2 mm").arg(ridges).arg(mm)));
    QVERIFY(!status.isEmpty());
    const QString crossed = ridges == 1 ? QString("1 ridge crossed") : QString("%1 ridges crossed").arg(ridges);
    QVERIFY2(status.last().at(0).toString().contains(crossed), qPrintable(status.last().at(0).toString()));
    // Without a ridge image only the distance is known.
    canvas->setRidgeDetail(std::nullopt);
    QTest::mousePress(canvas->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(canvas->viewport(), to);
    QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(measured.last().at(1).toInt(), -1);
    QVERIFY(!status.last().at(0).toString().contains("ridge"));
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

  void enhancementChangesOnlyTheWorkingCopyAndIsLogged() {
    CaseView view(fixtureSession());
    view.resize(1600, 900);
    view.show();
    lockAnalysisWithAutomaticMinutiae(view);
    QSignalSpy logged(&view, &CaseView::enhancementApplied);
    ComparisonWorkspace* ws = view.comparison();
    EnhancementPanel* panel = ws->enhancementPanel();
    const QImage original = view.session().candidates[0].image;
    panel->setTarget(Side::Candidate);
    panel->chooseStep("invert");
    QTest::mouseClick(panel->findChild<QPushButton*>("applyEnhancement"), Qt::LeftButton);
    QCOMPARE(logged.count(), 1);
    QCOMPARE(logged[0][0].toLongLong(), qint64(77));
    QCOMPARE(logged[0][1].value<imaging::Enhancement>().name, std::string("invert"));
    // The canvas shows the inverted working copy; the original is untouched.
    QVERIFY(meanDifference(ws->candidateCanvas()->image(), original) > 50);
    QCOMPARE(view.session().candidates[0].image, original);
    QCOMPARE(panel->stepList()->count(), 1);
    QVERIFY(panel->stepList()->item(0)->text().startsWith("1. Invert"));
    ws->findChild<QTabWidget*>("comparisonSideTabs")->setCurrentWidget(panel);
    QTest::qWait(50);
    saveShot(&view, "case-enhance");
    // A refused step (black above white) changes nothing and says why.
    QSignalSpy status(&view, &CaseView::statusMessage);
    panel->chooseStep("levels");
    QVERIFY(!ws->applyEnhancement(Side::Candidate, {"levels", {{"black", 200}, {"white", 100}}}));
    QCOMPARE(logged.count(), 1);
    QVERIFY(status.last().at(0).toString().contains("black must be below white"));
    // Revert is a logged step too, and brings the original back exactly.
    QTest::mouseClick(panel->findChild<QPushButton*>("revertEnhancement"), Qt::LeftButton);
    QCOMPARE(logged.count(), 2);
    QCOMPARE(logged[1][1].value<imaging::Enhancement>().name, std::string("revert"));
    QCOMPARE(meanDifference(ws->candidateCanvas()->image(), original), 0.0);
    QCOMPARE(view.session().candidates[0].enhancements.size(), size_t(2));
  }

  void extractionStagesAreShownWithoutTouchingTheWorkingCopy() {
    CaseView view(fixtureSession());
    view.resize(1600, 900);
    view.show();
    lockAnalysisWithAutomaticMinutiae(view);
    QSignalSpy logged(&view, &CaseView::enhancementApplied);
    ComparisonWorkspace* ws = view.comparison();
    ExtractionPanel* panel = ws->extractionPanel();
    const QImage original = view.session().candidates[0].image;
    panel->setTarget(Side::Candidate);
    panel->chooseStage(QString::fromLatin1(fingerprint::kStageSkeleton));
    QCOMPARE(panel->stageShown(Side::Candidate), QString::fromLatin1(fingerprint::kStageSkeleton));
    const QImage skeleton = ws->candidateCanvas()->image();
    QCOMPARE(skeleton.size(), original.size());  // lies under the markup
    QVERIFY(meanDifference(skeleton, original) > 50);
    QCOMPARE(meanDifference(ws->probeCanvas()->image(), view.session().probe.image), 0.0);  // the other print as it was
    QCOMPARE(logged.count(), 0);  // display only: nothing logged
    // Back to the print: exactly the working copy.
    panel->chooseStage(QString());
    QCOMPARE(meanDifference(ws->candidateCanvas()->image(), original), 0.0);
    // An enhancement while a stage is shown shows the working copy and resets the panel.
    panel->chooseStage(QString::fromLatin1(fingerprint::kStageBinary));
    QVERIFY(ws->applyEnhancement(Side::Candidate, {"invert", {}}));
    QVERIFY(panel->stageShown(Side::Candidate).isEmpty());
    QVERIFY(meanDifference(ws->candidateCanvas()->image(), original) > 50);  // the inverted working copy
    // Another candidate's images: nothing is left marked as shown.
    panel->chooseStage(QString::fromLatin1(fingerprint::kStageBinary));
    ws->setImages(view.session().probe.image, 500, original, 500);
    QVERIFY(panel->stageShown(Side::Candidate).isEmpty());
    QCOMPARE(meanDifference(ws->candidateCanvas()->image(), original), 0.0);
  }

  void anImageTheExtractorCannotReadSaysWhyAndKeepsThePrint() {
    // A candidate too small to hold a fingerprint pattern.
    CaseSession session = fixtureSession();
    QImage tiny(6, 6, QImage::Format_Grayscale8);
    tiny.fill(128);
    session.candidates[0].image = tiny;
    CaseView view(session);
    view.resize(1600, 900);
    view.show();
    lockAnalysisWithAutomaticMinutiae(view);
    QSignalSpy status(&view, &CaseView::statusMessage);
    ExtractionPanel* panel = view.comparison()->extractionPanel();
    panel->setTarget(Side::Candidate);
    panel->chooseStage(QString::fromLatin1(fingerprint::kStageSkeleton));
    QVERIFY(!status.isEmpty());
    QVERIFY2(status.last().at(0).toString().contains("too small"), qPrintable(status.last().at(0).toString()));
    QVERIFY(panel->stageShown(Side::Candidate).isEmpty());
    QCOMPARE(view.comparison()->candidateCanvas()->image().size(), tiny.size());
  }

  void storedEnhancementsAreReplayedWhenTheCaseOpens() {
    CaseSession session = fixtureSession();
    session.candidates[0].enhancements = {{"clahe", {{"clip", 2.5}, {"tile_mm", 5}}}, {"invert", {}}};
    CaseView view(session);
    lockAnalysisWithAutomaticMinutiae(view);
    const QImage shown = view.comparison()->candidateCanvas()->image();
    QVERIFY(meanDifference(shown, session.candidates[0].image) > 50);
    QVERIFY(view.comparison()->enhancementPanel()->stepList()->item(0)->text().startsWith("None"));  // the probe's
    view.comparison()->enhancementPanel()->setTarget(Side::Candidate);
    QCOMPARE(view.comparison()->enhancementPanel()->stepList()->count(), 2);
  }

  void overlayLaysTheCandidateOnTheProbeFromTheCorrespondences() {
    // The candidate is the probe itself: a correct overlay fits exactly, unturned.
    CaseSession session = fixtureSession();
    session.candidates[0].image = session.probe.image;
    session.candidates[0].automatic = session.probe.automatic;
    CaseView view(session);
    view.resize(1600, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    lockAnalysisWithAutomaticMinutiae(view);
    ComparisonWorkspace* ws = view.comparison();
    ws->findChild<QAction*>("actionOverlay")->trigger();
    QVERIFY(ws->isOverlayMode());
    OverlayView* overlay = ws->overlayView();
    QVERIFY(!overlay->alignment().valid);
    QVERIFY(overlay->summary().contains("at least two"));
    view.setProposer([](const FeatureSet&, const FeatureSet&) {
      return std::vector<Correspondence>{{0, 0, 0, CorrespondenceType::Definite},
                                         {0, 5, 5, CorrespondenceType::Definite},
                                         {0, 9, 9, CorrespondenceType::Definite}};
    });
    ws->proposeCorrespondences();  // the overlay follows the correspondences
    QVERIFY(overlay->alignment().valid);
    QCOMPARE(overlay->alignment().pairs, 3);
    QVERIFY(std::abs(overlay->alignment().rotationDegrees) < 1e-6);
    QVERIFY(overlay->alignment().rmsResidualMm < 1e-6);
    QTest::qWait(50);
    // Opacity changes what is drawn.
    const QImage half = overlay->view()->viewport()->grab().toImage();
    overlay->opacitySlider()->setValue(0);
    QTest::qWait(20);
    const QImage none = overlay->view()->viewport()->grab().toImage();
    QVERIFY(meanDifference(half, none) > 1);
    overlay->opacitySlider()->setValue(50);
    saveShot(&view, "case-overlay");
    // The examiner's zoom survives a change of the correspondences.
    QWidget* port = overlay->view()->viewport();
    const QPointF centre(port->width() / 2.0, port->height() / 2.0);
    QWheelEvent wheel(centre, port->mapToGlobal(centre), {}, QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(port, &wheel);
    const double zoomed = overlay->view()->transform().m11();
    view.undoStack()->undo();  // the proposals go: the overlay is rebuilt
    QVERIFY(!overlay->alignment().valid);
    QCOMPARE(overlay->view()->transform().m11(), zoomed);
    view.undoStack()->redo();
    // Flicker alternates the candidate; leaving overlay mode stops it.
    overlay->flickerBox()->setChecked(true);
    QVERIFY(!overlay->opacitySlider()->isEnabled());
    const bool first = overlay->candidateShown();
    QTRY_VERIFY_WITH_TIMEOUT(overlay->candidateShown() != first, 2000);
    ws->findChild<QAction*>("actionOverlay")->trigger();
    QVERIFY(!ws->isOverlayMode());
    QVERIFY(!overlay->flickerBox()->isChecked());
  }

  void scoringGivesTheExaminersMinutiaeTheProbeImagesFlow() {
    // The examiner marks minutiae; the ridge flow and ridge detail the matcher also compares are the image's.
    CaseSession session = fixtureSession();
    session.probe.automatic.ridgeFlow = RidgeFlowMap{16, 2, 1, {30, RidgeFlowMap::kNoFlow}};
    session.probe.automatic.ridgeDetail = RidgeDetailImage{2, 1, 0.5, {10, 200}};
    CaseView view(session);
    view.resize(1600, 900);
    view.show();
    lockAnalysisWithAutomaticMinutiae(view);
    std::optional<RidgeFlowMap> seen;
    std::optional<RidgeDetailImage> seenDetail;
    size_t seenMinutiae = 0;
    view.setScorer([&](const FeatureSet& probe, const FeatureSet&) {
      seen = probe.ridgeFlow;
      seenDetail = probe.ridgeDetail;
      seenMinutiae = probe.minutiae.size();
      return std::optional<LocalScore>(LocalScore{0.2, std::nullopt, 0, std::nullopt});
    });
    QCOMPARE(seenMinutiae, session.probe.automatic.minutiae.size());
    QVERIFY(seen.has_value());
    QVERIFY(*seen == *session.probe.automatic.ridgeFlow);
    QVERIFY(seenDetail && *seenDetail == *session.probe.automatic.ridgeDetail);
  }

  void concludeNeedsDecisionAndRationale() {
    CaseView view(fixtureSession());
    view.resize(1600, 900);
    view.show();
    lockAnalysisWithAutomaticMinutiae(view);
    view.setScorer([](const FeatureSet&, const FeatureSet&) { return std::optional<LocalScore>(LocalScore{0.375, 0.91, 84, 0.0488, 11, 19, 17, 7, 52, 40, 50}); });
    QVERIFY(view.goToStep(CaseStep::Evaluation));
    QSignalSpy recorded(&view, &CaseView::conclusionRecorded);
    EvaluationPage* page = view.evaluation();
    // The score says what went into it besides the minutiae.
    QVERIFY2(page->scoreLine()->text().contains("ridge flow agreement 0.91 over 84 mm"), qPrintable(page->scoreLine()->text()));
    QVERIFY2(page->scoreLine()->text().contains("ridge spacing 5 % apart"), qPrintable(page->scoreLine()->text()));
    // And on how many minutiae: the pairs against what each print shows where they overlap.
    QVERIFY2(page->scoreLine()->text().contains("11 minutiae paired, where the probe shows 19 and the candidate 17"),
             qPrintable(page->scoreLine()->text()));
    // And how many of those pairs show the same ridges around them in the two images.
    QVERIFY2(page->scoreLine()->text().contains("17, 7 with the same ridges around them;"), qPrintable(page->scoreLine()->text()));
    // And how often the ridges between neighbouring pairs count the same.
    QVERIFY2(page->scoreLine()->text().contains("ridges between paired neighbours counted the same 40 times in 52, within one 50 times;"),
             qPrintable(page->scoreLine()->text()));
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
