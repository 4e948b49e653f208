#pragma once
// Fixture photos in tests/data/face (copied from the DeepFace unit-test set,
// see tests/data/face/README.md) and bad inputs made from them at run time.
#include <QString>
#include <QTemporaryDir>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>
#include <iterator>
#include <vector>

inline std::string facePhoto(const char* name) { return std::string(RIDGELINE_TEST_DATA) + "/face/" + name; }

inline std::vector<char> fileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string writeBytes(const QTemporaryDir& dir, const char* name, const std::vector<char>& bytes) {
  const std::string path = dir.filePath(name).toStdString();
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

// The first half of a real JPEG: what a broken download leaves.
inline std::string truncatedJpeg(const QTemporaryDir& dir) {
  auto bytes = fileBytes(facePhoto("img1.jpg"));
  bytes.resize(bytes.size() / 2);
  return writeBytes(dir, "truncated.jpg", bytes);
}

// A real JPEG whose header is overwritten with garbage after the SOI marker.
inline std::string corruptJpeg(const QTemporaryDir& dir) {
  auto bytes = fileBytes(facePhoto("img1.jpg"));
  for (size_t i = 4; i < 600 && i < bytes.size(); ++i) bytes[i] = static_cast<char>(0x5A);
  return writeBytes(dir, "corrupt.jpg", bytes);
}

inline std::string textFile(const QTemporaryDir& dir) {
  const std::string text = "this is not a photo\n";
  return writeBytes(dir, "notes.jpg", {text.begin(), text.end()});
}

// Smooth noise: texture but no face.
inline std::string noFacePhoto(const QTemporaryDir& dir) {
  cv::Mat noise(240, 320, CV_8UC3);
  cv::RNG rng(8);
  rng.fill(noise, cv::RNG::UNIFORM, 0, 255);
  cv::GaussianBlur(noise, noise, cv::Size(0, 0), 6);
  const std::string path = dir.filePath("no_face.png").toStdString();
  cv::imwrite(path, noise);
  return path;
}

// img1 shrunk so the face spans about 22 px: found, but too small to score.
inline std::string tinyFacePhoto(const QTemporaryDir& dir) {
  cv::Mat photo = cv::imread(facePhoto("img1.jpg")), small;
  cv::resize(photo, small, cv::Size(), 0.08, 0.08, cv::INTER_AREA);
  const std::string path = dir.filePath("tiny_face.png").toStdString();
  cv::imwrite(path, small);
  return path;
}

// img1 shrunk to a 56 px face and pasted at (300, 300) into a 1280x1280
// grey scene: too small for a whole-photo search, found inside a region.
inline const cv::Rect kSceneFaceRegion(250, 250, 220, 220);
inline std::string smallFaceInScene(const QTemporaryDir& dir) {
  cv::Mat photo = cv::imread(facePhoto("img1.jpg")), small;
  cv::resize(photo, small, cv::Size(), 0.2, 0.2, cv::INTER_AREA);
  cv::Mat scene(1280, 1280, CV_8UC3, cv::Scalar(120, 130, 140));
  small.copyTo(scene(cv::Rect(300, 300, small.cols, small.rows)));
  const std::string path = dir.filePath("scene.png").toStdString();
  cv::imwrite(path, scene);
  return path;
}
