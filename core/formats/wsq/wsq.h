#pragma once
// Public entry points of the WSQ codec (FBI WSQ Gray-scale Fingerprint Image
// Compression Specification, version 3.1). Most callers go through
// core/formats/image/image_codec.h; these give the WSQ-specific details.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/formats/image/image_codec.h"
#include "core/formats/wsq/tables.h"

namespace ridgeline::wsq {

// What the segments before the first block say (no pixel decoding).
struct WsqHeader {
  FrameHeader frame;
  TransformTable filters;            // empty lengths when the file has no DTT before its data
  std::vector<std::string> comments;
  double ppi = 0;                    // from NISTCOM; 0 = not stated
};

struct WsqDecoded {
  cv::Mat pixels;  // CV_8UC1
  WsqHeader header;
  std::vector<std::string> warnings;
};

struct WsqEncodeOptions {
  double bitrate = 0.75;       // bits per pixel; 0.75 is the FBI's ~15:1 setting
  double ppi = 0;              // written to NISTCOM; 0 writes "PPI -1" (unknown)
  std::string comment;         // optional extra COM segment
};

WsqHeader readWsqHeader(std::span<const std::uint8_t> bytes);
WsqDecoded decodeWsq(std::span<const std::uint8_t> bytes, const DecodeLimits& limits = {});
// `gray` must be CV_8UC1, at least 32x32 and at most 65535 on a side.
std::vector<std::uint8_t> encodeWsq(const cv::Mat& gray, const WsqEncodeOptions& options = {});

}  // namespace ridgeline::wsq
