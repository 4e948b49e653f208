#include "views/comparison/correspondence_document.h"

#include <algorithm>

#include "views/comparison/feature_set_document.h"

namespace ridgeline::views {

CorrespondenceDocument::CorrespondenceDocument(FeatureSetDocument* probe, FeatureSetDocument* candidate,
                                               QObject* parent)
    : QObject(parent) {
  connect(probe, &FeatureSetDocument::minutiaInserted, this, [this](int i) { shiftAfterInsert(Side::Probe, i); });
  connect(probe, &FeatureSetDocument::minutiaRemoved, this, [this](int i) { shiftAfterRemove(Side::Probe, i); });
  connect(candidate, &FeatureSetDocument::minutiaInserted, this,
          [this](int i) { shiftAfterInsert(Side::Candidate, i); });
  connect(candidate, &FeatureSetDocument::minutiaRemoved, this,
          [this](int i) { shiftAfterRemove(Side::Candidate, i); });
}

int CorrespondenceDocument::nextLabel() const {
  int label = 0;
  for (const auto& c : items_) label = std::max(label, c.label);
  return label + 1;
}

int CorrespondenceDocument::findByMinutia(Side side, int index) const {
  for (size_t i = 0; i < items_.size(); ++i) {
    const int m = side == Side::Probe ? items_[i].probeMinutia : items_[i].candidateMinutia;
    if (m == index) return static_cast<int>(i);
  }
  return -1;
}

void CorrespondenceDocument::reset(std::vector<Correspondence> items) {
  items_ = std::move(items);
  emit changed();
}

void CorrespondenceDocument::insert(int position, const Correspondence& c) {
  items_.insert(items_.begin() + position, c);
  emit changed();
}

void CorrespondenceDocument::remove(int position) {
  items_.erase(items_.begin() + position);
  emit changed();
}

void CorrespondenceDocument::replace(int position, const Correspondence& c) {
  items_.at(static_cast<size_t>(position)) = c;
  emit changed();
}

void CorrespondenceDocument::shiftAfterInsert(Side side, int index) {
  for (auto& c : items_) {
    int& m = side == Side::Probe ? c.probeMinutia : c.candidateMinutia;
    if (m >= index) ++m;
  }
  emit changed();
}

void CorrespondenceDocument::shiftAfterRemove(Side side, int index) {
  // Commands remove a minutia's correspondences first; anything still
  // pointing at it here would be a bug, so it is detached rather than kept.
  for (auto& c : items_) {
    int& m = side == Side::Probe ? c.probeMinutia : c.candidateMinutia;
    if (m == index) m = -1;
    else if (m > index) --m;
  }
  emit changed();
}

}  // namespace ridgeline::views
