#pragma once
// One impression's editable features (the examiner's markup), observable by
// the canvas. Only undo commands call the mutators, so every edit is on the
// QUndoStack (the Tiled pattern). A locked document refuses edits: the
// analysis is locked before any candidate is shown.
#include <QObject>

#include "core/model/feature_set.h"

namespace ridgeline::views {

class FeatureSetDocument : public QObject {
  Q_OBJECT
 public:
  explicit FeatureSetDocument(FeatureSet features = {}, QObject* parent = nullptr);

  const FeatureSet& features() const { return features_; }
  const Minutia& minutia(int index) const { return features_.minutiae.at(static_cast<size_t>(index)); }
  int minutiaCount() const { return static_cast<int>(features_.minutiae.size()); }

  bool isLocked() const { return locked_; }
  void setLocked(bool locked);

  // Whole-set replacement (opening a case, a new version): not undoable.
  void reset(FeatureSet features);

  // Mutators for undo commands. Indices are positions in features().minutiae.
  void insertMinutia(int index, const Minutia& minutia);
  void removeMinutia(int index);
  void replaceMinutia(int index, const Minutia& minutia);
  void setValue(ValueDetermination value);

 signals:
  void minutiaInserted(int index);
  void minutiaRemoved(int index);
  void minutiaChanged(int index);
  void valueChanged();
  void lockChanged(bool locked);
  void resetDone();

 private:
  FeatureSet features_;
  bool locked_ = false;
};

}  // namespace ridgeline::views
