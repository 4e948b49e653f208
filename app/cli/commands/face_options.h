#pragma once
// Options shared by the `face ...` commands.
#include <charconv>
#include <optional>
#include <string>

#include <opencv2/core/types.hpp>

#include "arguments.h"
#include "core/face/face_engine.h"
#include "core/util/errors.h"

namespace ridgeline::cli::face_options {

// --models DIR: where the three ONNX files are (default: the resource roots).
inline ridgeline::face::FaceEngineOptions engineOptions(const Arguments& args) {
  ridgeline::face::FaceEngineOptions o;
  if (auto dir = args.value("--models")) o.modelsDir = *dir;
  return o;
}

// A search region "X,Y,W,H" in photo pixels.
inline std::optional<cv::Rect> region(const Arguments& args, const std::string& option) {
  const auto text = args.value(option);
  if (!text) return std::nullopt;
  int v[4];
  const char* p = text->data();
  const char* end = p + text->size();
  for (int i = 0; i < 4; ++i) {
    auto [next, ec] = std::from_chars(p, end, v[i]);
    const bool separatorOk = i < 3 ? (next < end && *next == ',') : next == end;
    if (ec != std::errc() || !separatorOk || v[i] < 0 || v[i] > 1'000'000)
      throw UsageError("option " + option + " takes X,Y,W,H in pixels (e.g. 100,80,400,400), not '" + *text + "'");
    p = next + 1;
  }
  return cv::Rect(v[0], v[1], v[2], v[3]);
}

}  // namespace ridgeline::cli::face_options
