#pragma once
// Walking along one-pixel-wide ridge skeletons: the crossing number that
// classifies a pixel (Rutovitz; see Maltoni et al., Handbook of Fingerprint
// Recognition, 2nd ed., section 3.7) and a tracer that follows a ridge from a
// minutia until it ends, meets another minutia, or reaches a length.
#include <vector>

#include <opencv2/core/mat.hpp>

namespace ridgeline::fingerprint {

// Half the number of 0/1 changes around the 8-neighbourhood: 1 = ending,
// 2 = ridge continues, 3+ = bifurcation. (x, y) must not be on the image frame.
int crossingNumber(const cv::Mat& skeleton, int x, int y);

// Skeleton neighbours of (x, y), one per ridge branch leaving it (the first
// pixel of each run of set neighbours, preferring 4-connected ones).
std::vector<cv::Point> branchStarts(const cv::Mat& skeleton, int x, int y);

struct RidgeTrace {
  std::vector<cv::Point> path;  // pixels after the origin, in walking order
  bool reachedJunction = false; // stopped at a pixel whose crossing number is not 2
  bool reachedEnd = false;      // stopped at a ridge ending
};

// Follows the ridge from origin through first for at most maxSteps pixels.
RidgeTrace traceRidge(const cv::Mat& skeleton, cv::Point origin, cv::Point first, int maxSteps);

}  // namespace ridgeline::fingerprint
