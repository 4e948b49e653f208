#pragma once
// One entry point for "a print" on the command line and in batch jobs: an
// ISO/IEC 19794-2 template is read as it is; anything else is decoded as an
// image and run through the local extractor.
#include <string>

#include "core/model/feature_set.h"

namespace ridgeline::fingerprint {

struct LoadedPrint {
  FeatureSet features;
  int width = 0, height = 0;  // image size (templates: as the record states)
  bool fromTemplate = false;
};

// ppi: the image resolution when the caller knows it (<= 0: 500 ppi unless
// the file says otherwise). Throws InputError naming the file.
LoadedPrint loadPrint(const std::string& path, double ppi = 0);

}  // namespace ridgeline::fingerprint
