#pragma once
// Every markup edit is a QUndoCommand (the Tiled pattern), so the examiner
// can undo anything and the audit trail can record each step.
#include <QUndoCommand>

#include "core/model/case.h"
#include "core/model/feature_set.h"
#include "views/comparison/correspondence_document.h"

namespace ridgeline::views {

class FeatureSetDocument;

class AddMinutiaCommand : public QUndoCommand {
 public:
  AddMinutiaCommand(FeatureSetDocument* doc, const Minutia& minutia);
  void redo() override;
  void undo() override;
  int index() const { return index_; }

 private:
  FeatureSetDocument* doc_;
  Minutia minutia_;
  int index_;
};

// Moves, turns, retypes or changes the uncertainty of one minutia. Drags of
// the same minutia merge into one step.
class EditMinutiaCommand : public QUndoCommand {
 public:
  EditMinutiaCommand(FeatureSetDocument* doc, int index, const Minutia& after, const QString& what);
  void redo() override;
  void undo() override;
  int id() const override { return 1; }
  bool mergeWith(const QUndoCommand* other) override;

 private:
  FeatureSetDocument* doc_;
  int index_;
  Minutia before_, after_;
};

// Deletes a minutia and, first, any correspondence that uses it.
class DeleteMinutiaCommand : public QUndoCommand {
 public:
  DeleteMinutiaCommand(FeatureSetDocument* doc, int index, CorrespondenceDocument* links = nullptr,
                       Side side = Side::Probe);
  void redo() override;
  void undo() override;

 private:
  FeatureSetDocument* doc_;
  int index_;
  Minutia minutia_;
};

class AddCorrespondenceCommand : public QUndoCommand {
 public:
  AddCorrespondenceCommand(CorrespondenceDocument* links, const Correspondence& c, QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;

 private:
  CorrespondenceDocument* links_;
  Correspondence c_;
};

class RemoveCorrespondenceCommand : public QUndoCommand {
 public:
  RemoveCorrespondenceCommand(CorrespondenceDocument* links, int position, QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;

 private:
  CorrespondenceDocument* links_;
  int position_;
  Correspondence c_;
};

class SetCorrespondenceTypeCommand : public QUndoCommand {
 public:
  SetCorrespondenceTypeCommand(CorrespondenceDocument* links, int position, CorrespondenceType type);
  void redo() override;
  void undo() override;

 private:
  CorrespondenceDocument* links_;
  int position_;
  CorrespondenceType before_, after_;
};

}  // namespace ridgeline::views
