// Drives the real face workspace as an examiner would, on real photos
// (tests/data/face): lock the analysis, look at the two faces aligned at one
// inter-eye distance, blend, wipe and flicker them, work through the FISWG
// checklist and record a conclusion. Checks what is drawn, not only state.
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QTableWidget>
#include <cmath>
#include <map>
#include <memory>

#include "core/face/face_photo.h"
#include "core/face/fiswg_components.h"
#include "core/face/similarity.h"
#include "views/face/face_case_view.h"
#include "views/face/face_pair_canvas.h"
#include "views/face/fiswg_checklist.h"
#include "views/shell/views_init.h"

using namespace ridgeline;
using namespace ridgeline::views;

namespace {

const std::string kFaces = RIDGELINE_TEST_DATA "/face/";

// Probe img1; candidate 1 is the same person (img2), candidate 2 another (img14).
FaceCaseSession faceSession(std::shared_ptr<int> photosLoaded = std::make_shared<int>(0)) {
  FaceCaseSession s;
  s.caseInfo.hubId = "F-2026-000031";
  s.caseInfo.modality = Modality::Face;
  s.caseInfo.priority = 3;
  s.caseInfo.hubThreshold = 0.8;
  s.caseInfo.bestHubScore = 0.71;
  s.probe.id = 1;
  s.probe.role = ImpressionRole::Probe;
  s.probePhoto = face::loadFacePhoto(kFaces + "img1.jpg");
  const std::map<std::int64_t, std::string> files{{11, "img2.jpg"}, {12, "img14.jpg"}};
  for (const auto& [id, file] : files) {
    Impression c;
    c.id = id;
    c.role = ImpressionRole::Candidate;
    c.rank = static_cast<int>(id - 10);
    c.hubScore = id == 11 ? 0.71 : 0.12;
    s.candidates.push_back(c);
  }
  s.loadPhoto = [files, photosLoaded](const Impression& imp) {
    ++*photosLoaded;
    return face::loadFacePhoto(kFaces + files.at(imp.id));
  };
  return s;
}

void saveShot(QWidget* w, const QString& name) {
  const QByteArray dir = qgetenv("RIDGELINE_SCREENSHOT_DIR");
  if (!dir.isEmpty()) w->grab().save(QString::fromUtf8(dir) + "/" + name + ".png");
}

// What the canvas shows, one image pixel per widget pixel.
QImage shown(FacePairCanvas* canvas) {
  QPixmap pixmap = canvas->grab();
  pixmap.setDevicePixelRatio(1);
  return pixmap.toImage().convertToFormat(QImage::Format_RGB32).scaled(canvas->size());
}

QPointF eyeCentre(const std::vector<QPointF>& landmarks, int first) {
  QPointF sum;
  for (int i = first; i < first + 6; ++i) sum += landmarks.at(static_cast<size_t>(i));
  return sum / 6.0;
}

double meanDifference(const QImage& a, const QImage& b, const QRect& area) {
  double sum = 0;
  int n = 0;
  for (int y = area.top(); y <= area.bottom(); ++y)
    for (int x = area.left(); x <= area.right(); ++x) {
      const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
      sum += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) + std::abs(qBlue(p) - qBlue(q));
      ++n;
    }
  return n ? sum / (3.0 * n) : 0;
}

// Pixels that differ between two renderings, as points.
std::vector<QPoint> changedPixels(const QImage& a, const QImage& b) {
  std::vector<QPoint> out;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x) {
      const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
      if (std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) + std::abs(qBlue(p) - qBlue(q)) > 30)
        out.emplace_back(x, y);
    }
  return out;
}

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
  const QPointF ab = b - a;
  const double len2 = QPointF::dotProduct(ab, ab);
  const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
  const QPointF d = p - (a + t * ab);
  return std::hypot(d.x(), d.y());
}

// Distance from p to the outline the landmarks give for a component.
double distanceToOutline(QPointF p, face::FiswgComponent component, const std::vector<QPointF>& landmarks) {
  double best = 1e9;
  for (const auto& path : face::fiswgRegion(component).paths) {
    const auto& idx = path.indices;
    for (size_t i = 0; i + 1 < idx.size() + (path.closed ? 1 : 0); ++i)
      best = std::min(best, distanceToSegment(p, landmarks.at(static_cast<size_t>(idx[i])),
                                              landmarks.at(static_cast<size_t>(idx[(i + 1) % idx.size()]))));
  }
  return best;
}

int rowOf(FiswgChecklist* list, const QString& name) {
  for (int row = 0; row < list->componentCount(); ++row)
    if (list->table()->item(row, 0)->text() == name) return row;
  return -1;
}

void clickRow(FiswgChecklist* list, int row) {
  QTableWidget* t = list->table();
  t->scrollToItem(t->item(row, 0));
  QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, t->visualItemRect(t->item(row, 0)).center());
}

void lockAnalysis(FaceCaseView& view) {
  view.findChild<QRadioButton*>("faceOfValue")->click();
  QTest::mouseClick(view.completeButton(), Qt::LeftButton);
}

QPushButton* modeButton(FaceCaseView& view, FaceViewMode mode) {
  return view.findChild<QPushButton*>(QStringLiteral("faceMode%1").arg(static_cast<int>(mode)));
}

}  // namespace

class TestFaceCaseView : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { initViewsResources(); }

  void candidatePhotosStayHiddenUntilAnalysisLocked() {
    auto loaded = std::make_shared<int>(0);
    FaceCaseView view(faceSession(loaded));
    view.resize(1400, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY2(view.engineReady(), qPrintable(view.engineProblem()));
    QCOMPARE(view.faceCountInProbe(), 1);
    QVERIFY(view.probeFacts()->text().contains("px between the eyes"));
    QVERIFY(!view.canvas()->isVisible());
    QCOMPARE(*loaded, 0);
    // No value determination yet: the lock is refused and nothing is shown.
    QTest::mouseClick(view.completeButton(), Qt::LeftButton);
    QCOMPARE(*loaded, 0);
    QVERIFY(!view.canvas()->isVisible());
    saveShot(&view, "face-analysis");
    QSignalSpy locked(&view, &FaceCaseView::analysisLocked);
    lockAnalysis(view);
    QCOMPARE(locked.count(), 1);
    QCOMPARE(*loaded, 1);
    QVERIFY(view.canvas()->isVisible());
    QVERIFY(view.canvas()->hasFaces());
    QVERIFY(!view.completeButton()->isEnabled());
  }

  void facesShownAtTheSameInterEyeDistance() {
    FaceCaseView view(faceSession());
    view.resize(1400, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    lockAnalysis(view);
    FacePairCanvas* canvas = view.canvas();
    QCOMPARE(canvas->mode(), FaceViewMode::SideBySide);
    const auto a = canvas->landmarksOnScreen(0), b = canvas->landmarksOnScreen(1);
    QCOMPARE(a.size(), size_t{68});
    QCOMPARE(b.size(), size_t{68});
    const QPointF aLeft = eyeCentre(a, 36), aRight = eyeCentre(a, 42);
    const QPointF bLeft = eyeCentre(b, 36), bRight = eyeCentre(b, 42);
    const double da = std::hypot(aRight.x() - aLeft.x(), aRight.y() - aLeft.y());
    const double db = std::hypot(bRight.x() - bLeft.x(), bRight.y() - bLeft.y());
    QVERIFY2(std::abs(da - db) < 0.5, qPrintable(QString("inter-eye %1 vs %2 px").arg(da).arg(db)));
    QVERIFY2(da > 80, qPrintable(QString("faces drawn small: %1 px between the eyes").arg(da)));
    // Eyes level, at the same height, and at the same place in each half.
    QVERIFY(std::abs(aLeft.y() - aRight.y()) < 0.5 && std::abs(bLeft.y() - bRight.y()) < 0.5);
    QVERIFY(std::abs(aLeft.y() - bLeft.y()) < 0.5);
    const double offset = canvas->targetOf(1).left() - canvas->targetOf(0).left();
    QVERIFY(offset > da * 2);  // side by side, not on top of each other
    QVERIFY(std::abs(bLeft.x() - aLeft.x() - offset) < 0.5);
    // And the landmarks are drawn where the canvas says: probe cyan, candidate pink.
    const QImage img = shown(canvas);
    for (int i : {36, 45, 30, 48}) {
      const QRgb p = img.pixel(a[static_cast<size_t>(i)].toPoint()), q = img.pixel(b[static_cast<size_t>(i)].toPoint());
      QVERIFY2(qRed(p) < 90 && qBlue(p) > 190, qPrintable(QString("probe landmark %1 not drawn").arg(i)));
      QVERIFY2(qRed(q) > 190 && qGreen(q) < 170, qPrintable(QString("candidate landmark %1 not drawn").arg(i)));
    }
    saveShot(&view, "face-side-by-side");
  }

  void blendSliderMixesTheFacesAndWipeSplitsThem() {
    FaceCaseView view(faceSession());
    view.resize(1400, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    lockAnalysis(view);
    FacePairCanvas* canvas = view.canvas();
    view.findChild<QCheckBox*>("faceLandmarks")->click();  // pixels of the faces only
    QTest::mouseClick(modeButton(view, FaceViewMode::Blend), Qt::LeftButton);
    QCOMPARE(canvas->mode(), FaceViewMode::Blend);
    auto* slider = view.findChild<QSlider*>("faceBlend");
    slider->setValue(0);
    const QImage probeOnly = shown(canvas);
    slider->setValue(100);
    QCOMPARE(canvas->blend(), 1.0);
    const QImage candidateOnly = shown(canvas);
    slider->setValue(50);
    const QImage half = shown(canvas);
    const QRect face = canvas->targetOf(0).toRect().adjusted(4, 4, -4, -4);
    QVERIFY(meanDifference(probeOnly, candidateOnly, face) > 10);
    // Half way is the average of the two, pixel by pixel.
    double off = 0;
    int n = 0;
    for (int y = face.top(); y <= face.bottom(); y += 3)
      for (int x = face.left(); x <= face.right(); x += 3) {
        const QRgb p = probeOnly.pixel(x, y), q = candidateOnly.pixel(x, y), m = half.pixel(x, y);
        off += std::abs(qGreen(m) - (qGreen(p) + qGreen(q)) / 2.0);
        ++n;
      }
    QVERIFY2(off / n < 3, qPrintable(QString("blend at 50 is %1 off the average").arg(off / n)));

    // Wipe: probe left of the split, candidate right of it; dragging moves it.
    QTest::mouseClick(modeButton(view, FaceViewMode::Wipe), Qt::LeftButton);
    QCOMPARE(canvas->mode(), FaceViewMode::Wipe);
    const QRectF target = canvas->targetOf(0);
    const int y = static_cast<int>(target.center().y());
    for (double at : {0.25, 0.7}) {
      const int x = static_cast<int>(target.left() + at * target.width());
      QTest::mousePress(canvas, Qt::LeftButton, {}, QPoint(x - 40, y));
      QMouseEvent drag(QEvent::MouseMove, QPointF(x, y), canvas->mapToGlobal(QPointF(x, y)), Qt::NoButton,
                       Qt::LeftButton, Qt::NoModifier);
      QApplication::sendEvent(canvas, &drag);
      QTest::mouseRelease(canvas, Qt::LeftButton, {}, QPoint(x, y));
      QVERIFY2(std::abs(canvas->wipe() - at) < 0.01, qPrintable(QString::number(canvas->wipe())));
      const QImage wiped = shown(canvas);
      const QRect left(static_cast<int>(target.left()) + 4, static_cast<int>(target.top()) + 4, x - 8 - static_cast<int>(target.left()),
                       static_cast<int>(target.height()) - 8);
      const QRect right(x + 4, left.top(), static_cast<int>(target.right()) - x - 8, left.height());
      QVERIFY(meanDifference(wiped, probeOnly, left) < 1.5);
      QVERIFY(meanDifference(wiped, candidateOnly, right) < 1.5);
      QVERIFY(meanDifference(wiped, candidateOnly, left) > 5);
    }
    saveShot(&view, "face-wipe");
  }

  void flickerAlternatesTheTwoFaces() {
    FaceCaseView view(faceSession());
    view.resize(1400, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    lockAnalysis(view);
    FacePairCanvas* canvas = view.canvas();
    QTest::mouseClick(modeButton(view, FaceViewMode::Flicker), Qt::LeftButton);
    QCOMPARE(canvas->mode(), FaceViewMode::Flicker);
    QVERIFY(!canvas->showingB());
    const QImage first = shown(canvas);
    QTRY_VERIFY_WITH_TIMEOUT(canvas->showingB(), 3000);
    const QImage second = shown(canvas);
    QTRY_VERIFY_WITH_TIMEOUT(!canvas->showingB(), 3000);
    const QImage third = shown(canvas);
    const QRect face = canvas->targetOf(0).toRect().adjusted(4, 4, -4, -4);
    QVERIFY(meanDifference(first, second, face) > 10);
    QVERIFY(meanDifference(first, third, face) < 0.5);
    // Leaving flicker stops it.
    QTest::mouseClick(modeButton(view, FaceViewMode::SideBySide), Qt::LeftButton);
    QVERIFY(!canvas->showingB());
    QTest::qWait(1400);
    QVERIFY(!canvas->showingB());
  }

  void selectingAComponentOutlinesItOnBothFaces() {
    FaceCaseView view(faceSession());
    view.resize(1400, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    lockAnalysis(view);
    FacePairCanvas* canvas = view.canvas();
    FiswgChecklist* list = view.checklist();
    const QImage plain = shown(canvas);
    clickRow(list, rowOf(list, "Mouth"));
    const QImage mouth = shown(canvas);
    const auto changed = changedPixels(plain, mouth);
    QVERIFY2(changed.size() > 200, qPrintable(QString::number(changed.size())));
    const auto a = canvas->landmarksOnScreen(0), b = canvas->landmarksOnScreen(1);
    int onA = 0, onB = 0;
    for (QPoint p : changed) {
      const double d = std::min(distanceToOutline(p, face::FiswgComponent::Mouth, a),
                                distanceToOutline(p, face::FiswgComponent::Mouth, b));
      QVERIFY2(d < 4, qPrintable(QString("highlight at %1,%2 is %3 px off the mouth").arg(p.x()).arg(p.y()).arg(d)));
      (p.x() < canvas->targetOf(1).left() ? onA : onB) += 1;
    }
    QVERIFY(onA > 100 && onB > 100);
    // A component the landmarks do not cover draws nothing.
    clickRow(list, rowOf(list, "Ears"));
    QVERIFY(changedPixels(plain, shown(canvas)).empty());
    // Using a row's assessment box selects that row, so its outline is shown.
    auto* chin = static_cast<QComboBox*>(list->table()->cellWidget(rowOf(list, "Chin/Jawline"), 1));
    QSignalSpy selected(list, &FiswgChecklist::componentSelected);
    QTest::mouseClick(chin, Qt::LeftButton);
    chin->hidePopup();
    QCOMPARE(list->table()->currentRow(), rowOf(list, "Chin/Jawline"));
    QCOMPARE(selected.count(), 1);
    QVERIFY(!changedPixels(plain, shown(canvas)).empty());
    saveShot(&view, "face-highlight");

    // Another candidate: the outline follows its landmarks, not the previous one's.
    auto* candidates = view.findChild<QComboBox*>("faceCandidate");
    QVERIFY(candidates);
    candidates->setCurrentIndex(1);
    const auto b2 = canvas->landmarksOnScreen(1);
    QVERIFY(b2 != b);
    const QImage jaw = shown(canvas);
    clickRow(list, rowOf(list, "Ears"));
    const QImage none = shown(canvas);
    int onNewB = 0;
    for (QPoint p : changedPixels(none, jaw)) {
      if (p.x() < canvas->targetOf(1).left()) continue;
      const double d = distanceToOutline(p, face::FiswgComponent::ChinJawline, b2);
      QVERIFY2(d < 4, qPrintable(QString("jaw outline %1 px off the new candidate's jaw").arg(d)));
      ++onNewB;
    }
    QVERIFY(onNewB > 100);
  }

  void everyComponentTakesAnAssessmentAndANote() {
    FaceCaseView view(faceSession());
    view.resize(1400, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    lockAnalysis(view);
    FiswgChecklist* list = view.checklist();
    QCOMPARE(list->componentCount(), static_cast<int>(face::fiswgRegions().size()));
    QCOMPARE(list->componentCount(), 19);
    QCOMPARE(list->assessedCount(), 0);
    const QStringList assessments{"similar", "dissimilar", "not visible"};
    QSignalSpy changed(list, &FiswgChecklist::changed);
    for (int row = 0; row < list->componentCount(); ++row) {
      auto* box = static_cast<QComboBox*>(list->table()->cellWidget(row, 1));
      box->setCurrentIndex(1 + row % 3);
      QCOMPARE(list->assessment(row), assessments[row % 3]);
    }
    QCOMPARE(list->assessedCount(), 19);
    QVERIFY(changed.count() >= 19);
    // A note typed into the table as the examiner would.
    QTableWidget* t = list->table();
    const int eyes = rowOf(list, "Eyes");
    t->scrollToItem(t->item(eyes, 2));
    QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, t->visualItemRect(t->item(eyes, 2)).center());
    QCOMPARE(t->currentRow(), eyes);
    QTest::keyClick(t, Qt::Key_F2);
    auto* editor = t->viewport()->findChild<QLineEdit*>();
    QVERIFY(editor);
    QTest::keyClicks(editor, "upper lid crease alike");
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(list->note(eyes), QString("upper lid crease alike"));  // the delegate commits queued
    for (int row = 0; row < list->componentCount(); ++row)
      if (row != eyes) list->setNote(row, QString("note %1").arg(row));
    const auto rows = QJsonDocument::fromJson(list->toJson().toUtf8()).object()["fiswg"].toArray();
    QCOMPARE(rows.size(), 19);
    for (int row = 0; row < 19; ++row) {
      const auto o = rows[row].toObject();
      QCOMPARE(o["component"].toString(), QString::fromUtf8(face::fiswgRegions()[static_cast<size_t>(row)].name.data(),
                                                            static_cast<int>(face::fiswgRegions()[static_cast<size_t>(row)].name.size())));
      QCOMPARE(o["assessment"].toString(), assessments[row % 3]);
      QCOMPARE(o["note"].toString(), row == eyes ? QString("upper lid crease alike") : QString("note %1").arg(row));
    }
    QVERIFY(list->summary().contains("Eyes: " + assessments[eyes % 3] + " (upper lid crease alike)"));
    // Back to unassessed: no longer counted.
    list->setAssessment(eyes, "");
    QCOMPARE(list->assessedCount(), 18);
    QVERIFY(!list->summary().contains("Eyes:"));
  }

  void conclusionNeedsDecisionRationaleAndChecklist() {
    FaceCaseView view(faceSession());
    view.resize(1400, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    lockAnalysis(view);
    QPushButton* record = view.recordButton();
    QVERIFY(!record->isEnabled());
    FiswgChecklist* list = view.checklist();
    list->setAssessment(rowOf(list, "Eyes"), "similar");
    list->setNote(rowOf(list, "Eyes"), "same lid shape");
    list->setAssessment(rowOf(list, "Nose"), "dissimilar");
    view.rationale()->setFocus();
    QTest::keyClicks(view.rationale(), "Too short");
    QVERIFY(!record->isEnabled());  // no decision, short rationale
    view.rationale()->setPlainText("Eyes and eyebrows agree in shape and position; the nose bridge differs.");
    QVERIFY(!record->isEnabled());  // still no decision
    QRadioButton* identification = nullptr;
    for (auto* r : view.findChildren<QRadioButton*>())
      if (r->text() == "Identification") identification = r;
    QVERIFY(identification);
    identification->click();
    QVERIFY(record->isEnabled());
    view.rationale()->clear();
    QVERIFY(!record->isEnabled());  // a decision alone is not enough
    view.rationale()->setPlainText("Eyes and eyebrows agree in shape and position; the nose bridge differs.");
    list->setAssessment(rowOf(list, "Eyes"), "");
    list->setAssessment(rowOf(list, "Nose"), "");
    QVERIFY(!record->isEnabled());  // nor without one assessed component
    list->setAssessment(rowOf(list, "Eyes"), "similar");
    QVERIFY(record->isEnabled());
    QVERIFY(view.selectDecision("inconclusive"));
    QVERIFY(!view.selectDecision("probable"));

    std::vector<std::pair<Conclusion, QString>> recorded;
    connect(&view, &FaceCaseView::conclusionRecorded, this,
            [&](const Conclusion& c, const QString& json) { recorded.emplace_back(c, json); });
    QTest::mouseClick(record, Qt::LeftButton);
    QCOMPARE(recorded.size(), size_t{1});
    const Conclusion& c = recorded[0].first;
    QCOMPARE(c.candidateId, std::int64_t{11});
    QCOMPARE(c.decision, std::string("inconclusive"));
    QCOMPARE(c.role, std::string("examination"));
    const QString rationale = QString::fromStdString(c.rationale);
    QVERIFY(rationale.startsWith("Eyes and eyebrows agree"));
    QVERIFY(rationale.contains("FISWG checklist:\nEyes: similar (same lid shape)"));
    const auto rows = QJsonDocument::fromJson(recorded[0].second.toUtf8()).object()["fiswg"].toArray();
    QCOMPARE(rows.size(), 19);
    QCOMPARE(rows[rowOf(list, "Eyes")].toObject()["assessment"].toString(), QString("similar"));
    saveShot(&view, "face-conclusion");
  }

  void scoreIsAdvisoryAndFollowsTheCandidate() {
    FaceCaseView view(faceSession());
    view.resize(1400, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.advisoryScore());
    lockAnalysis(view);
    QVERIFY(view.advisoryScore());
    const double same = *view.advisoryScore();
    const QString line = view.scoreLine()->text();
    QVERIFY2(line.startsWith("Advisory similarity"), qPrintable(line));
    QVERIFY(line.contains(QString::fromUtf8(face::kAdvisoryNotice)));
    QVERIFY(line.contains(QString::number(same, 'f', 3)));
    QVERIFY(view.scoreLine()->isVisible());
    auto* candidates = view.findChild<QComboBox*>("faceCandidate");
    QVERIFY(candidates);
    QCOMPARE(candidates->count(), 2);
    const QImage before = shown(view.canvas());
    candidates->setCurrentIndex(1);
    QVERIFY(view.advisoryScore());
    const double other = *view.advisoryScore();
    // img1/img2 are one person, img14 another (tests/data/face/identities.csv).
    QVERIFY2(same > 0.45 && other < same - 0.2, qPrintable(QString("%1 vs %2").arg(same).arg(other)));
    QVERIFY(view.scoreLine()->text().contains(QString::number(other, 'f', 3)));
    const QImage after = shown(view.canvas());
    QVERIFY(meanDifference(before, after, view.canvas()->targetOf(1).toRect().adjusted(4, 4, -4, -4)) > 10);
    QVERIFY(meanDifference(before, after, view.canvas()->targetOf(0).toRect().adjusted(4, 4, -4, -4)) < 0.5);
  }

  void missingModelsAreNamedAndTheViewStillWorks() {
    QTemporaryDir empty;
    FaceCaseSession session = faceSession();
    session.modelsDir = empty.path().toStdString();
    FaceCaseView view(std::move(session));
    view.resize(1400, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.engineReady());
    QVERIFY(view.engineProblem().contains("fr_detect.onnx not found"));
    QVERIFY(view.engineProblem().contains("fetch-face-models.sh"));
    QVERIFY(view.probeFacts()->text().contains("not available"));
    lockAnalysis(view);
    // The photos are still there to compare by eye, whole and unaligned.
    QVERIFY(view.canvas()->isVisible());
    QVERIFY(view.canvas()->hasFaces());
    QVERIFY(view.canvas()->landmarksOnScreen(0).empty());
    QVERIFY(!view.advisoryScore());
    QVERIFY(view.scoreLine()->text().contains("not available"));
    QVERIFY(view.scoreLine()->text().contains("fetch-face-models.sh"));
    const QImage img = shown(view.canvas());
    QImage black(img.size(), img.format());
    black.fill(Qt::black);
    QVERIFY(meanDifference(img, black, view.canvas()->targetOf(0).toRect()) > 10);
    // Selecting a component does nothing harmful, and a conclusion can still be recorded.
    clickRow(view.checklist(), 6);
    view.checklist()->setAssessment(6, "similar");
    view.rationale()->setPlainText("Compared by eye: eyes, nose and mouth agree in form.");
    QVERIFY(view.selectDecision("inconclusive"));
    QVERIFY(view.recordButton()->isEnabled());
    saveShot(&view, "face-no-models");
  }
};

QTEST_MAIN(TestFaceCaseView)
#include "test_face_case_view.moc"
