#pragma once
// Real prints copied from ../shared/data into tests/data/fingerprint:
// FVC2002 DB1_B 101_1, 101_2 (same finger), 102_1 (another finger), all
// 500 ppi, and the SecuGen ISO/IEC 19794-2 template of 101_1 from the
// OpenAFIS set (BSD-2-Clause).
#include <QString>
#include <QtTest>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "core/fingerprint/fingerprint_image.h"

inline std::string fixture(const char* name) { return std::string(RIDGELINE_TEST_DATA) + "/fingerprint/" + name; }

inline cv::Mat loadFixture(const char* name) { return ridgeline::fingerprint::loadFingerprintImage(fixture(name)).gray; }

// Rotates about the centre onto a canvas large enough to keep every pixel, white (paper) around.
inline cv::Mat rotated(const cv::Mat& image, double degrees) {
  const cv::Point2f centre(image.cols / 2.0f, image.rows / 2.0f);
  cv::Mat m = cv::getRotationMatrix2D(centre, degrees, 1.0);
  const cv::Rect box = cv::RotatedRect(centre, image.size(), float(degrees)).boundingRect();
  m.at<double>(0, 2) += box.width / 2.0 - centre.x;
  m.at<double>(1, 2) += box.height / 2.0 - centre.y;
  cv::Mat out;
  cv::warpAffine(image, out, m, box.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, 255);
  return out;
}

inline cv::Mat shifted(const cv::Mat& image, int dx, int dy) {
  cv::Mat out(image.rows + dy, image.cols + dx, CV_8U, cv::Scalar(255));
  image.copyTo(out(cv::Rect(dx, dy, image.cols, image.rows)));
  return out;
}
