#pragma once
// The numbered correspondences between probe and candidate features. Indices
// point into the two FeatureSetDocuments; when a minutia is inserted or
// removed there, the indices here follow, so a number always stays on the
// same feature.
#include <QObject>
#include <vector>

#include "core/model/case.h"

namespace ridgeline::views {

class FeatureSetDocument;

enum class Side { Probe, Candidate };

class CorrespondenceDocument : public QObject {
  Q_OBJECT
 public:
  CorrespondenceDocument(FeatureSetDocument* probe, FeatureSetDocument* candidate, QObject* parent = nullptr);

  const std::vector<Correspondence>& correspondences() const { return items_; }
  int count() const { return static_cast<int>(items_.size()); }
  int nextLabel() const;
  // Position of the correspondence touching minutia `index` on `side`, or -1.
  int findByMinutia(Side side, int index) const;

  void reset(std::vector<Correspondence> items);
  // Mutators for undo commands.
  void insert(int position, const Correspondence& c);
  void remove(int position);
  void replace(int position, const Correspondence& c);

 signals:
  void changed();

 private:
  void shiftAfterInsert(Side side, int index);
  void shiftAfterRemove(Side side, int index);

  std::vector<Correspondence> items_;
};

}  // namespace ridgeline::views
