#pragma once
// A face case in ACE-V order, FISWG style: the probe photo alone first
// (faces found, pose, value; locked before any candidate is shown), then the
// two faces aligned at the same inter-eye distance with landmarks, blend,
// wipe and flicker, the component-by-component checklist, the advisory score
// and the conclusion with its rationale.
#include <QWidget>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include <opencv2/core/mat.hpp>

#include "core/face/face_types.h"
#include "core/model/case.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace ridgeline::face {
class FaceEngine;
struct PreparedFace;
}

namespace ridgeline::views {

class FacePairCanvas;
class FiswgChecklist;

struct FaceCaseSession {
  Case caseInfo;
  Impression probe;
  cv::Mat probePhoto;  // BGR
  std::vector<Impression> candidates;
  bool analysisLocked = false;
  QStringList conclusionScale{"identification", "inconclusive", "exclusion"};
  // Fetches a candidate photo (BGR) when first shown; throws with a message.
  std::function<cv::Mat(const Impression&)> loadPhoto;
  // Where the face models are; default: the resource roots.
  std::optional<std::filesystem::path> modelsDir;
};

class FaceCaseView : public QWidget {
  Q_OBJECT
 public:
  explicit FaceCaseView(FaceCaseSession session, QWidget* parent = nullptr);
  ~FaceCaseView() override;

  bool engineReady() const { return engine_ != nullptr; }
  QString engineProblem() const { return engineProblem_; }
  FacePairCanvas* canvas() const { return canvas_; }
  FiswgChecklist* checklist() const { return checklist_; }
  QPushButton* completeButton() const { return complete_; }
  QPushButton* recordButton() const { return record_; }
  QPlainTextEdit* rationale() const { return rationale_; }
  QLabel* scoreLine() const { return scoreLine_; }
  QLabel* probeFacts() const { return probeFacts_; }
  std::optional<double> advisoryScore() const { return score_; }
  bool selectDecision(const QString& decision);
  int faceCountInProbe() const { return static_cast<int>(probeFaces_); }

 public slots:
  void completeAnalysis();
  void showCandidate(int index);

 signals:
  void analysisLocked();
  void conclusionRecorded(const Conclusion& conclusion, const QString& checklistJson);
  void statusMessage(const QString& text);

 private:
  QWidget* buildAnalysisPage();
  QWidget* buildComparisonPage();
  QWidget* buildConclusionPanel();
  void describeProbe();
  void highlightComponent(int row);
  void showUnaligned(const cv::Mat& candidatePhoto);
  void refreshRecordState();

  FaceCaseSession session_;
  std::unique_ptr<face::FaceEngine> engine_;
  QString engineProblem_;
  QStackedWidget* pages_;
  QLabel* probeView_;
  QLabel* probeFacts_;
  QComboBox* probeFace_;
  QButtonGroup* value_;
  QPushButton* complete_;
  FacePairCanvas* canvas_;
  FiswgChecklist* checklist_;
  QLabel* scoreLine_;
  QComboBox* candidateChoice_;
  QButtonGroup* decisions_;
  QPlainTextEdit* rationale_;
  QPushButton* record_;
  size_t probeFaces_ = 0;
  int candidate_ = -1;
  int highlighted_ = -1;  // checklist row outlined on the faces; kept across candidates
  std::optional<double> score_;
  std::unique_ptr<face::PreparedFace> probePrepared_;
  std::array<face::Landmarks68, 2> crop_{};  // landmarks in the aligned crops: probe, candidate
};

}  // namespace ridgeline::views
