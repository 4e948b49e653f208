#include "views/face/face_case_view.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "core/face/face_engine.h"
#include "core/face/fiswg_components.h"
#include "views/face/face_pair_canvas.h"
#include "views/face/fiswg_checklist.h"
#include "views/util/image_conversion.h"
#include "views/util/score_text.h"

namespace ridgeline::views {
namespace {

constexpr int kMinimumRationale = 20;
// Both faces at one inter-eye distance. Portrait, and no wider than the ears
// (about 1.1 inter-eye distances either side of the midline) and the top of
// the neck need: every pixel of the canvas goes to the face.
const face::DisplayAlignment kLayout{{384, 448}, 128, 0.4};

std::vector<QPointF> toPoints(const face::Landmarks68& l) {
  std::vector<QPointF> out;
  for (const auto& p : l) out.emplace_back(p.x, p.y);
  return out;
}

std::vector<FaceOutline> toOutlines(const std::vector<face::Polyline>& lines) {
  std::vector<FaceOutline> out;
  for (const auto& line : lines) {
    FaceOutline o{{}, line.closed};
    for (const auto& p : line.points) o.points.emplace_back(p.x, p.y);
    out.push_back(o);
  }
  return out;
}

// Without the models there is nothing to align on: each photo is fitted,
// whole, into the crop size so the examiner can still look at both.
QImage letterboxed(const QImage& photo, QSize size) {
  QImage out(size, QImage::Format_RGB32);
  out.fill(Qt::black);
  QPainter p(&out);
  p.setRenderHint(QPainter::SmoothPixmapTransform);
  const QSizeF fitted = QSizeF(photo.size()).scaled(QSizeF(size), Qt::KeepAspectRatio);
  p.drawImage(QRectF(QPointF((size.width() - fitted.width()) / 2, (size.height() - fitted.height()) / 2), fitted),
              photo);
  return out;
}

QString poseText(const face::DetectedFace& f) {
  if (!f.pose) return QObject::tr("pose not estimated");
  return QObject::tr("yaw %1°, pitch %2°, roll %3°")
      .arg(f.pose->yaw, 0, 'f', 0).arg(f.pose->pitch, 0, 'f', 0).arg(f.pose->roll, 0, 'f', 0);
}

}  // namespace

FaceCaseView::FaceCaseView(FaceCaseSession session, QWidget* parent)
    : QWidget(parent),
      session_(std::move(session)),
      pages_(new QStackedWidget),
      probeView_(new QLabel),
      probeFacts_(new QLabel),
      probeFace_(new QComboBox),
      value_(new QButtonGroup(this)),
      complete_(new QPushButton(tr("Complete analysis"))),
      canvas_(new FacePairCanvas),
      checklist_(new FiswgChecklist),
      scoreLine_(new QLabel),
      candidateChoice_(new QComboBox),
      decisions_(new QButtonGroup(this)),
      rationale_(new QPlainTextEdit),
      record_(new QPushButton(tr("Record conclusion"))) {
  setObjectName("faceCaseView");
  try {
    face::FaceEngineOptions options;
    options.modelsDir = session_.modelsDir;
    engine_ = std::make_unique<face::FaceEngine>(options);
  } catch (const std::exception& e) {
    // The rest of the desk works without the models; this view says why it cannot.
    engineProblem_ = QString::fromUtf8(e.what());
  }
  auto* header = new QLabel(tr("<b>%1</b> · face · priority %2 · hub score %3 below threshold %4")
                                .arg(QString::fromStdString(session_.caseInfo.hubId))
                                .arg(session_.caseInfo.priority)
                                .arg(scoreText(session_.caseInfo.bestHubScore))
                                .arg(scoreText(session_.caseInfo.hubThreshold)));
  pages_->addWidget(buildAnalysisPage());
  pages_->addWidget(buildComparisonPage());
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addWidget(header);
  layout->addWidget(pages_, 1);
  describeProbe();
  if (session_.analysisLocked) {
    pages_->setCurrentIndex(1);
    showCandidate(0);
  }
}

FaceCaseView::~FaceCaseView() = default;

QWidget* FaceCaseView::buildAnalysisPage() {
  auto* page = new QWidget;
  auto* side = new QVBoxLayout;
  probeFacts_->setWordWrap(true);
  side->addWidget(new QLabel(tr("<b>Analysis of the probe</b> (candidates stay hidden until it is locked)")));
  side->addWidget(probeFacts_);
  side->addWidget(new QLabel(tr("Face to compare")));
  side->addWidget(probeFace_);
  auto* value = new QGroupBox(tr("Value determination"));
  auto* vv = new QVBoxLayout(value);
  for (auto [text, id] : {std::pair{tr("Of value for comparison"), 1}, std::pair{tr("No value"), 2}}) {
    auto* radio = new QRadioButton(text);
    radio->setObjectName(id == 1 ? "faceOfValue" : "faceNoValue");
    value_->addButton(radio, id);
    vv->addWidget(radio);
  }
  side->addWidget(value);
  side->addStretch();
  complete_->setObjectName("completeFaceAnalysis");
  side->addWidget(complete_);
  connect(complete_, &QPushButton::clicked, this, &FaceCaseView::completeAnalysis);
  auto* panel = new QWidget;
  panel->setFixedWidth(300);
  panel->setLayout(side);
  probeView_->setAlignment(Qt::AlignCenter);
  probeView_->setMinimumSize(400, 300);
  probeView_->setStyleSheet("background: #303337;");
  auto* h = new QHBoxLayout(page);
  h->setContentsMargins(0, 0, 0, 0);
  h->addWidget(probeView_, 1);
  h->addWidget(panel);
  return page;
}

void FaceCaseView::describeProbe() {
  QImage shown = toQImage(session_.probePhoto);
  if (!engine_) {
    probeFacts_->setText(tr("The face engine is not available: %1").arg(engineProblem_));
  } else {
    const auto faces = engine_->detectFaces(session_.probePhoto);
    probeFaces_ = faces.size();
    QPainter p(&shown);
    p.setRenderHint(QPainter::Antialiasing);
    QStringList facts;
    for (size_t i = 0; i < faces.size(); ++i) {
      const auto& f = faces[i];
      p.setPen(QPen(QColor(0, 200, 255), std::max(2, shown.width() / 300)));
      p.drawRect(QRectF(f.box.x, f.box.y, f.box.width, f.box.height));
      p.drawText(QPointF(f.box.x + 4, f.box.y - 6), QString::number(i + 1));
      probeFace_->addItem(tr("Face %1 of %2").arg(i + 1).arg(faces.size()));
      facts << tr("Face %1: %2, %3 px between the eyes%4")
                   .arg(i + 1).arg(poseText(f)).arg(f.interEyeDistance, 0, 'f', 0)
                   .arg(engine_->isTooSmall(f) ? tr(" — too small to score") : QString());
    }
    probeFacts_->setText(faces.empty() ? tr("No face was found in the probe photo.") : facts.join('\n'));
  }
  probeView_->setPixmap(QPixmap::fromImage(shown).scaled(900, 700, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

QWidget* FaceCaseView::buildComparisonPage() {
  auto* page = new QWidget;
  auto* bar = new QHBoxLayout;
  auto* modes = new QButtonGroup(page);
  const std::pair<QString, FaceViewMode> list[] = {{tr("Side by side"), FaceViewMode::SideBySide},
                                                   {tr("Blend"), FaceViewMode::Blend},
                                                   {tr("Wipe"), FaceViewMode::Wipe},
                                                   {tr("Flicker"), FaceViewMode::Flicker}};
  for (const auto& [text, mode] : list) {
    auto* b = new QPushButton(text);
    b->setObjectName(QStringLiteral("faceMode%1").arg(static_cast<int>(mode)));
    b->setCheckable(true);
    b->setChecked(mode == FaceViewMode::SideBySide);
    modes->addButton(b, static_cast<int>(mode));
    bar->addWidget(b);
  }
  connect(modes, &QButtonGroup::idClicked, this, [this](int id) { canvas_->setMode(static_cast<FaceViewMode>(id)); });
  auto* blend = new QSlider(Qt::Horizontal);
  blend->setObjectName("faceBlend");
  blend->setRange(0, 100);
  blend->setValue(50);
  blend->setMaximumWidth(160);
  blend->setToolTip(tr("Blend: probe ← → candidate"));
  connect(blend, &QSlider::valueChanged, this, [this](int v) { canvas_->setBlend(v / 100.0); });
  auto* landmarks = new QCheckBox(tr("Landmarks"));
  landmarks->setObjectName("faceLandmarks");
  landmarks->setChecked(true);
  connect(landmarks, &QCheckBox::toggled, canvas_, &FacePairCanvas::setLandmarksVisible);
  bar->addWidget(blend);
  bar->addWidget(landmarks);
  bar->addStretch();
  bar->addWidget(new QLabel(tr("Candidate")));
  candidateChoice_->setObjectName("faceCandidate");
  for (const auto& c : session_.candidates)
    candidateChoice_->addItem(tr("#%1 · hub %2").arg(c.rank).arg(scoreText(c.hubScore)));
  connect(candidateChoice_, &QComboBox::currentIndexChanged, this, &FaceCaseView::showCandidate);
  bar->addWidget(candidateChoice_);

  // Faces across the full width on top (two portraits side by side want
  // width), the checklist and the conclusion below: beside the faces they
  // would leave each face a quarter of the width.
  auto* work = new QSplitter(Qt::Horizontal);
  work->addWidget(checklist_);
  work->addWidget(buildConclusionPanel());
  work->setStretchFactor(0, 3);
  work->setStretchFactor(1, 2);
  work->setChildrenCollapsible(false);
  auto* split = new QSplitter(Qt::Vertical);
  split->addWidget(canvas_);
  split->addWidget(work);
  // A little over half the height for the faces: large enough to read the
  // features, while the checklist still shows about ten rows at 1280x800.
  split->setSizes({550, 450});
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);
  split->setChildrenCollapsible(false);
  connect(checklist_, &FiswgChecklist::componentSelected, this, &FaceCaseView::highlightComponent);
  connect(checklist_, &FiswgChecklist::changed, this, &FaceCaseView::refreshRecordState);

  scoreLine_->setObjectName("faceAdvisoryScore");
  scoreLine_->setWordWrap(true);
  auto* v = new QVBoxLayout(page);
  v->setContentsMargins(0, 0, 0, 0);
  v->addLayout(bar);
  v->addWidget(split, 1);
  v->addWidget(scoreLine_);
  return page;
}

QWidget* FaceCaseView::buildConclusionPanel() {
  auto* box = new QGroupBox(tr("Conclusion"));
  auto* v = new QVBoxLayout(box);
  auto* row = new QHBoxLayout;
  for (int i = 0; i < session_.conclusionScale.size(); ++i) {
    QString label = session_.conclusionScale[i];
    label[0] = label[0].toUpper();
    auto* radio = new QRadioButton(label);
    decisions_->addButton(radio, i);
    row->addWidget(radio);
  }
  v->addLayout(row);
  rationale_->setPlaceholderText(tr("Rationale (required): which components agree or differ, and why."));
  v->addWidget(rationale_, 1);  // the room below the radios is for the reasoning
  record_->setObjectName("recordFaceConclusion");
  v->addWidget(record_);
  connect(decisions_, &QButtonGroup::idClicked, this, &FaceCaseView::refreshRecordState);
  connect(rationale_, &QPlainTextEdit::textChanged, this, &FaceCaseView::refreshRecordState);
  connect(record_, &QPushButton::clicked, this, [this] {
    Conclusion c;
    c.candidateId = session_.candidates.at(static_cast<size_t>(candidate_)).id;
    c.decision = session_.conclusionScale[decisions_->checkedId()].toStdString();
    // The checklist is part of the reasoning: it travels with the rationale.
    c.rationale = (rationale_->toPlainText().trimmed() + "\n\nFISWG checklist:\n" + checklist_->summary()).toStdString();
    c.role = "examination";
    emit conclusionRecorded(c, checklist_->toJson());
  });
  refreshRecordState();
  return box;
}

bool FaceCaseView::selectDecision(const QString& decision) {
  const int i = session_.conclusionScale.indexOf(decision);
  if (i < 0) return false;
  decisions_->button(i)->setChecked(true);
  refreshRecordState();
  return true;
}

void FaceCaseView::refreshRecordState() {
  const bool ok = candidate_ >= 0 && decisions_->checkedId() >= 0 &&
                  rationale_->toPlainText().trimmed().size() >= kMinimumRationale && checklist_->assessedCount() > 0;
  record_->setEnabled(ok);
  record_->setToolTip(ok ? tr("Save the conclusion to the case and the outbox")
                         : tr("Needs a conclusion, a rationale of at least %1 characters and at least one "
                              "assessed component").arg(kMinimumRationale));
}

void FaceCaseView::completeAnalysis() {
  if (value_->checkedId() < 0) return emit statusMessage(tr("Record a value determination first."));
  session_.analysisLocked = true;
  // Locked means locked: the value and the face chosen are not changed afterwards.
  complete_->setEnabled(false);
  for (auto* b : value_->buttons()) b->setEnabled(false);
  probeFace_->setEnabled(false);
  emit analysisLocked();
  if (value_->checkedId() == 2)
    return emit statusMessage(tr("Probe of no value: the analysis is recorded; no comparison follows."));
  pages_->setCurrentIndex(1);
  showCandidate(0);
}

void FaceCaseView::showCandidate(int index) {
  if (!session_.analysisLocked || index < 0 || index >= static_cast<int>(session_.candidates.size())) return;
  try {
    const cv::Mat photo = session_.loadPhoto(session_.candidates[static_cast<size_t>(index)]);
    candidate_ = index;
    if (!engine_) return showUnaligned(photo);
    const size_t probeIndex = static_cast<size_t>(std::max(0, probeFace_->currentIndex()));
    probePrepared_ = std::make_unique<face::PreparedFace>(engine_->prepare(session_.probePhoto, "probe", probeIndex));
    const face::PreparedFace cand = engine_->prepare(photo, "candidate");
    score_ = face::advisorySimilarity(*probePrepared_, cand);
    const auto a = face::alignForDisplay(session_.probePhoto, probePrepared_->face.landmarks, kLayout);
    const auto b = face::alignForDisplay(photo, cand.face.landmarks, kLayout);
    crop_ = {a.landmarks, b.landmarks};
    canvas_->setFaces(toQImage(a.image), toPoints(a.landmarks), toQImage(b.image), toPoints(b.landmarks));
    // The outline follows the new candidate's landmarks, not the old one's.
    highlightComponent(highlighted_);
    QStringList notes;
    for (const face::PreparedFace* f : std::initializer_list<const face::PreparedFace*>{probePrepared_.get(), &cand}) {
      if (!f->choiceNote.empty()) notes << QString::fromStdString(f->choiceNote);
      for (const auto& c : f->cautions) notes << QString::fromStdString(c);
    }
    scoreLine_->setText(tr("Advisory similarity <b>%1</b> (−1..1) — %2.%3")
                            .arg(*score_, 0, 'f', 3)
                            .arg(QString::fromUtf8(face::kAdvisoryNotice))
                            .arg(notes.isEmpty() ? QString() : " " + notes.join("; ")));
  } catch (const std::exception& e) {
    // Nothing of the previous candidate may stay on screen as if it were this one.
    candidate_ = -1;
    score_.reset();
    canvas_->setFaces({}, {}, {}, {});
    scoreLine_->setText(tr("Cannot compare with candidate #%1: %2").arg(index + 1).arg(e.what()));
  }
  refreshRecordState();
}

void FaceCaseView::showUnaligned(const cv::Mat& candidatePhoto) {
  score_.reset();
  const QSize size(kLayout.outputSize.width, kLayout.outputSize.height);
  canvas_->setFaces(letterboxed(toQImage(session_.probePhoto), size), {}, letterboxed(toQImage(candidatePhoto), size),
                    {});
  scoreLine_->setText(tr("<b>The face engine is not available</b>: the photos are shown whole, not aligned, "
                         "without landmarks, outlines or an advisory score. %1")
                          .arg(engineProblem_.toHtmlEscaped()));
  refreshRecordState();
}

void FaceCaseView::highlightComponent(int row) {
  highlighted_ = row;
  if (row < 0 || candidate_ < 0 || !engine_) return;
  const auto component = face::fiswgRegions().at(static_cast<size_t>(row)).component;
  canvas_->setHighlight(toOutlines(face::fiswgOutline(component, crop_[0])),
                        toOutlines(face::fiswgOutline(component, crop_[1])));
}

}  // namespace ridgeline::views
