#include "views/comparison/feature_set_document.h"

namespace ridgeline::views {

FeatureSetDocument::FeatureSetDocument(FeatureSet features, QObject* parent)
    : QObject(parent), features_(std::move(features)) {}

void FeatureSetDocument::setLocked(bool locked) {
  if (locked_ == locked) return;
  locked_ = locked;
  emit lockChanged(locked);
}

void FeatureSetDocument::reset(FeatureSet features) {
  features_ = std::move(features);
  emit resetDone();
}

void FeatureSetDocument::insertMinutia(int index, const Minutia& minutia) {
  features_.minutiae.insert(features_.minutiae.begin() + index, minutia);
  emit minutiaInserted(index);
}

void FeatureSetDocument::removeMinutia(int index) {
  features_.minutiae.erase(features_.minutiae.begin() + index);
  emit minutiaRemoved(index);
}

void FeatureSetDocument::replaceMinutia(int index, const Minutia& minutia) {
  features_.minutiae.at(static_cast<size_t>(index)) = minutia;
  emit minutiaChanged(index);
}

void FeatureSetDocument::setValue(ValueDetermination value) {
  features_.value = value;
  emit valueChanged();
}

}  // namespace ridgeline::views
