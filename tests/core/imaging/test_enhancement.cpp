#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/imaging/enhancement_ops.h"
#include "core/imaging/enhancement_pipeline.h"
#include "core/imaging/enhancement_step.h"
#include "core/util/errors.h"

using namespace ridgeline;
using namespace ridgeline::imaging;

static cv::Mat mark() {
  return cv::imread(RIDGELINE_TEST_DATA "/views/mark_1_5.png", cv::IMREAD_GRAYSCALE);
}

// Mean absolute difference between two 8-bit images.
static double mad(const cv::Mat& a, const cv::Mat& b) { return cv::norm(a, b, cv::NORM_L1) / double(a.total()); }

class TestEnhancement : public QObject {
  Q_OBJECT
 private slots:
  void originalIsNeverModified() {
    const cv::Mat original = mark();
    QVERIFY(!original.empty());
    const cv::Mat copy = original.clone();
    for (const auto& step : {Enhancement{"invert", {}}, Enhancement{"gamma", {{"gamma", 2.0}}},
                             Enhancement{"clahe", {{"clip", 3}, {"tile_mm", 4}}},
                             Enhancement{"bandpass", {{"low_mm", 0.25}, {"high_mm", 1.2}}},
                             Enhancement{"background", {{"sigma_mm", 2}}},
                             Enhancement{"levels", {{"black", 30}, {"white", 200}}}}) {
      const cv::Mat out = applyEnhancement(original, step, 500);
      QCOMPARE(out.size(), original.size());
      QCOMPARE(out.type(), CV_8UC1);
      QVERIFY2(mad(out, original) > 1, step.name.c_str());  // it did something
    }
    QCOMPARE(mad(original, copy), 0.0);
  }

  void levelsAndInvertAreExact() {
    cv::Mat ramp(1, 256, CV_8U);
    for (int i = 0; i < 256; ++i) ramp.at<uchar>(i) = uchar(i);
    const cv::Mat inv = applyEnhancement(ramp, {"invert", {}}, 500);
    QCOMPARE(int(inv.at<uchar>(0)), 255);
    QCOMPARE(int(inv.at<uchar>(200)), 55);
    const cv::Mat lv = applyEnhancement(ramp, {"levels", {{"black", 50}, {"white", 150}}}, 500);
    QCOMPARE(int(lv.at<uchar>(40)), 0);
    QCOMPARE(int(lv.at<uchar>(100)), 128);
    QCOMPARE(int(lv.at<uchar>(160)), 255);
  }

  void bandpassKeepsRidgesAndRemovesSlowBackground() {
    // Ridges of period 0.5 mm (about 10 px at 500 ppi) on a strong gradient.
    cv::Mat img(256, 256, CV_8U);
    for (int y = 0; y < img.rows; ++y)
      for (int x = 0; x < img.cols; ++x)
        img.at<uchar>(y, x) = cv::saturate_cast<uchar>(60 + 0.5 * x + 40 * std::sin(2 * CV_PI * x / 9.84));
    const cv::Mat out = applyEnhancement(img, {"bandpass", {{"low_mm", 0.3}, {"high_mm", 1.0}}}, 500);
    // The background gradient is gone: left and right halves have the same mean.
    const double left = cv::mean(out(cv::Rect(20, 20, 100, 200)))[0];
    const double right = cv::mean(out(cv::Rect(136, 20, 100, 200)))[0];
    QVERIFY2(std::abs(left - right) < 8, qPrintable(QString("%1 vs %2").arg(left).arg(right)));
    // The ridges are still there, with good contrast.
    cv::Scalar mean, dev;
    cv::meanStdDev(out(cv::Rect(20, 20, 200, 200)), mean, dev);
    QVERIFY(dev[0] > 40);
  }

  void replayReproducesExactlyAndJsonRoundTrips() {
    const std::vector<Enhancement> steps{{"clahe", {{"clip", 2.5}, {"tile_mm", 5}}}, {"invert", {}},
                                         {"gamma", {{"gamma", 0.8}}}};
    const cv::Mat a = replay(mark(), steps, 500);
    std::vector<Enhancement> parsed;
    for (const auto& s : steps) parsed.push_back(parseStep(s.name, parametersJson(s)));
    QCOMPARE(parsed, steps);
    const cv::Mat b = replay(mark(), parsed, 500);
    QCOMPARE(mad(a, b), 0.0);
  }

  void revertStartsAgainFromTheOriginal() {
    const Enhancement invert{"invert", {}}, revert{"revert", {}}, gamma{"gamma", {{"gamma", 0.8}}};
    const std::vector<Enhancement> log{invert, gamma, revert, gamma};
    QCOMPARE(mad(replay(mark(), log, 500), replay(mark(), {gamma}, 500)), 0.0);
    QCOMPARE(stepsInEffect(log), std::vector<Enhancement>{gamma});
    QCOMPARE(stepsInEffect({invert, gamma}).size(), size_t(2));
    QVERIFY(stepsInEffect({invert, revert}).empty());
  }

  void rangesAreWhatValidationAccepts() {
    QVERIFY(parameterRanges("sharpen").empty());
    for (const std::string& name : stepNames())
      for (const ParameterRange& r : parameterRanges(name)) {
        Enhancement atMin{name, {}}, outside{name, {}};
        for (const ParameterRange& other : parameterRanges(name)) atMin.params[other.name] = other.min;
        if (name == "levels") atMin.params["white"] = 255;    // black must stay below white
        if (name == "bandpass") atMin.params["high_mm"] = 10;  // low below high
        outside = atMin;
        outside.params[r.name] = r.max + 1;
        validate(atMin);
        QVERIFY_THROWS_EXCEPTION(InputError, validate(outside));
      }
  }

  void badStepsNameTheProblem() {
    auto expectError = [](const std::string& name, const std::string& json, const char* words) {
      try {
        parseStep(name, json);
        QFAIL("expected an error");
      } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find(words) != std::string::npos, e.what());
      }
    };
    expectError("sharpen", "{}", "unknown enhancement step 'sharpen'");
    expectError("gamma", "{\"gamma\": 50}", "outside");
    expectError("gamma", "{}", "needs parameter 'gamma'");
    expectError("gamma", "{\"gamma\": \"x\"}", "not a number");
    expectError("levels", "{\"black\": 200, \"white\": 100}", "black must be below white");
    expectError("clahe", "not json", "not a JSON object");
    QVERIFY_THROWS_EXCEPTION(InputError, applyEnhancement(cv::Mat(4, 4, CV_32F), {"invert", {}}, 500));
  }

  void replayCanBeCancelled() {
    CancellableProgress progress;
    progress.cancel();
    QVERIFY_THROWS_EXCEPTION(CancelledError, replay(mark(), {{"invert", {}}}, 500, &progress));
  }
};

QTEST_GUILESS_MAIN(TestEnhancement)
#include "test_enhancement.moc"
