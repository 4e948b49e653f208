#include "core/imaging/enhancement_ops.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

#include "core/util/errors.h"

namespace ridgeline::imaging {
namespace {

double mmToPixels(double mm, double ppi) { return mm * ppi / 25.4; }

cv::Mat lookup(const cv::Mat& grey, auto&& f) {
  cv::Mat table(1, 256, CV_8U);
  for (int v = 0; v < 256; ++v) table.at<uchar>(v) = cv::saturate_cast<uchar>(f(double(v)));
  cv::Mat out;
  cv::LUT(grey, table, out);
  return out;
}

cv::Mat levels(const cv::Mat& g, double black, double white) {
  return lookup(g, [&](double v) { return (v - black) * 255.0 / (white - black); });
}

// gamma > 1 lightens the mid-tones, < 1 darkens them.
cv::Mat gamma(const cv::Mat& g, double gamma) {
  return lookup(g, [&](double v) { return 255.0 * std::pow(v / 255.0, 1.0 / gamma); });
}

cv::Mat clahe(const cv::Mat& g, double clip, double tileMm, double ppi) {
  const double tile = std::max(8.0, mmToPixels(tileMm, ppi));
  const int cols = std::max(1, int(std::lround(g.cols / tile))), rows = std::max(1, int(std::lround(g.rows / tile)));
  cv::Mat out;
  cv::createCLAHE(clip, cv::Size(cols, rows))->apply(g, out);
  return out;
}

cv::Mat stretch(const cv::Mat& values) {
  cv::Mat out;
  cv::normalize(values, out, 0, 255, cv::NORM_MINMAX, CV_8U);
  return out;
}

// Keeps spatial frequencies whose period lies between low and high (mm):
// ridge flow stays, paper texture and slow background go.
cv::Mat bandpass(const cv::Mat& g, double lowMm, double highMm, double ppi) {
  const int rows = cv::getOptimalDFTSize(g.rows), cols = cv::getOptimalDFTSize(g.cols);
  cv::Mat padded;
  cv::copyMakeBorder(g, padded, 0, rows - g.rows, 0, cols - g.cols, cv::BORDER_REFLECT);
  padded.convertTo(padded, CV_32F);
  cv::Mat spectrum;
  cv::dft(padded, spectrum, cv::DFT_COMPLEX_OUTPUT);
  const double fLow = 1.0 / mmToPixels(highMm, ppi), fHigh = 1.0 / mmToPixels(lowMm, ppi);
  for (int y = 0; y < rows; ++y) {
    const double fy = (y <= rows / 2 ? y : y - rows) / double(rows);
    auto* row = spectrum.ptr<cv::Vec2f>(y);
    for (int x = 0; x < cols; ++x) {
      const double fx = (x <= cols / 2 ? x : x - cols) / double(cols);
      const double f = std::hypot(fx, fy);
      // Soft edges (a half-octave ramp) avoid ringing around ridges.
      const double lowGain = 1 / (1 + std::pow(fLow / std::max(f, 1e-9), 4));
      const double highGain = 1 / (1 + std::pow(f / fHigh, 4));
      row[x] *= static_cast<float>(lowGain * highGain);
    }
  }
  cv::Mat back;
  cv::idft(spectrum, back, cv::DFT_REAL_OUTPUT | cv::DFT_SCALE);
  return stretch(back(cv::Rect(0, 0, g.cols, g.rows)));
}

cv::Mat background(const cv::Mat& g, double sigmaMm, double ppi) {
  cv::Mat f, blur;
  g.convertTo(f, CV_32F);
  cv::GaussianBlur(f, blur, cv::Size(), mmToPixels(sigmaMm, ppi));
  return stretch(f - blur);
}

}  // namespace

cv::Mat applyEnhancement(const cv::Mat& grey, const Enhancement& step, double ppi) {
  if (grey.empty() || grey.type() != CV_8UC1) throw InputError("enhancement needs an 8-bit grey image");
  validate(step);
  if (ppi <= 0) ppi = 500;
  auto p = [&](const char* k) { return step.params.at(k); };
  if (step.name == "levels") return levels(grey, p("black"), p("white"));
  if (step.name == "gamma") return gamma(grey, p("gamma"));
  if (step.name == "invert") return 255 - grey;
  if (step.name == "clahe") return clahe(grey, p("clip"), p("tile_mm"), ppi);
  if (step.name == "bandpass") return bandpass(grey, p("low_mm"), p("high_mm"), ppi);
  if (step.name == "background") return background(grey, p("sigma_mm"), ppi);
  if (step.name == "revert") throw InputError("'revert' needs the original: use replay()");
  throw InputError("unknown enhancement step '" + step.name + "'");
}

}  // namespace ridgeline::imaging
