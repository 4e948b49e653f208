#pragma once
// Shared helpers of the WSQ suites: fixture files and PSNR.
#include <QString>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

inline std::string wsqFixture(const std::string& name) { return std::string(RIDGELINE_TEST_DATA) + "/formats/wsq/" + name; }

inline std::vector<std::uint8_t> readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Peak signal-to-noise ratio of two 8-bit images, in dB.
inline double psnr(const cv::Mat& a, const cv::Mat& b) {
  const double mse = cv::norm(a, b, cv::NORM_L2SQR) / static_cast<double>(a.total());
  return mse == 0 ? 99.0 : 10.0 * std::log10(255.0 * 255.0 / mse);
}

struct WsqFixture {
  std::string wsq, raw;
  int width, height;
  double referencePsnr;
  long referenceBytes;
};

// Parses expected.tsv (header line, then one fixture per line).
inline std::vector<WsqFixture> wsqFixtures() {
  std::ifstream in(wsqFixture("expected.tsv"));
  std::vector<WsqFixture> out;
  std::string header;
  std::getline(in, header);
  WsqFixture f;
  while (in >> f.wsq >> f.raw >> f.width >> f.height >> f.referencePsnr >> f.referenceBytes) out.push_back(f);
  return out;
}
