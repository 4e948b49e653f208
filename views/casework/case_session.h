#pragma once
// Everything the case view shows for one case, already loaded: the case,
// the probe and its ranked candidates with images and features. The store
// (or a test) fills it; the view never reads files itself.
#include <QImage>
#include <QString>
#include <functional>
#include <vector>

#include "core/model/case.h"
#include "core/imaging/enhancement_step.h"
#include "core/model/feature_set.h"

namespace ridgeline::views {

struct LoadedImpression {
  Impression impression;
  QImage image;            // 8-bit grey as stored (the original, never modified)
  FeatureSet automatic;    // hub's or local matcher's features
  std::vector<imaging::Enhancement> enhancements;  // the store's log, replayed when shown
};

struct CaseSession {
  Case caseInfo;
  LoadedImpression probe;
  std::vector<LoadedImpression> candidates;  // by hub rank
  FeatureSet analysis;                       // the examiner's, possibly empty
  bool analysisLocked = false;
  int analysisVersion = 1;
  QStringList conclusionScale{"identification", "inconclusive", "exclusion"};
  // Fetches a candidate's image when it is first shown (after the analysis
  // is locked; the store records the view) and fills its automatic features
  // if the hub sent none. Throws with a message on failure.
  std::function<void(LoadedImpression&)> loadCandidate;
};

}  // namespace ridgeline::views
