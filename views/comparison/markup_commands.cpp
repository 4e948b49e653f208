#include "views/comparison/markup_commands.h"

#include <QCoreApplication>

#include "views/comparison/feature_set_document.h"

namespace ridgeline::views {

static QString tr(const char* text) { return QCoreApplication::translate("Markup", text); }

AddMinutiaCommand::AddMinutiaCommand(FeatureSetDocument* doc, const Minutia& minutia)
    : doc_(doc), minutia_(minutia), index_(doc->minutiaCount()) {
  setText(tr("Add minutia"));
}
void AddMinutiaCommand::redo() { doc_->insertMinutia(index_, minutia_); }
void AddMinutiaCommand::undo() { doc_->removeMinutia(index_); }

EditMinutiaCommand::EditMinutiaCommand(FeatureSetDocument* doc, int index, const Minutia& after, const QString& what)
    : doc_(doc), index_(index), before_(doc->minutia(index)), after_(after) {
  setText(what);
}
void EditMinutiaCommand::redo() { doc_->replaceMinutia(index_, after_); }
void EditMinutiaCommand::undo() { doc_->replaceMinutia(index_, before_); }

bool EditMinutiaCommand::mergeWith(const QUndoCommand* other) {
  auto* o = static_cast<const EditMinutiaCommand*>(other);
  if (o->doc_ != doc_ || o->index_ != index_ || o->text() != text()) return false;
  after_ = o->after_;
  return true;
}

DeleteMinutiaCommand::DeleteMinutiaCommand(FeatureSetDocument* doc, int index, CorrespondenceDocument* links,
                                           Side side)
    : doc_(doc), index_(index), minutia_(doc->minutia(index)) {
  setText(tr("Delete minutia"));
  // A minutia takes part in at most one correspondence. Children run first on
  // redo and last on undo, so the link goes before the minutia and comes back after.
  if (const int pos = links ? links->findByMinutia(side, index) : -1; pos >= 0)
    new RemoveCorrespondenceCommand(links, pos, this);
}
void DeleteMinutiaCommand::redo() {
  QUndoCommand::redo();
  doc_->removeMinutia(index_);
}
void DeleteMinutiaCommand::undo() {
  doc_->insertMinutia(index_, minutia_);
  QUndoCommand::undo();
}

AddCorrespondenceCommand::AddCorrespondenceCommand(CorrespondenceDocument* links, const Correspondence& c,
                                                   QUndoCommand* parent)
    : QUndoCommand(parent), links_(links), c_(c) {
  setText(tr("Link %1").arg(c.label));
}
void AddCorrespondenceCommand::redo() { links_->insert(links_->count(), c_); }
void AddCorrespondenceCommand::undo() { links_->remove(links_->count() - 1); }

RemoveCorrespondenceCommand::RemoveCorrespondenceCommand(CorrespondenceDocument* links, int position,
                                                         QUndoCommand* parent)
    : QUndoCommand(parent), links_(links), position_(position), c_(links->correspondences().at(position)) {
  setText(tr("Unlink %1").arg(c_.label));
}
void RemoveCorrespondenceCommand::redo() { links_->remove(position_); }
void RemoveCorrespondenceCommand::undo() { links_->insert(position_, c_); }

SetCorrespondenceTypeCommand::SetCorrespondenceTypeCommand(CorrespondenceDocument* links, int position,
                                                           CorrespondenceType type)
    : links_(links), position_(position), before_(links->correspondences().at(position).type), after_(type) {
  setText(tr("Mark %1 as %2")
              .arg(links->correspondences().at(position).label)
              .arg(QString::fromUtf8(toLabel(type).data())));
}
void SetCorrespondenceTypeCommand::redo() {
  auto c = links_->correspondences().at(position_);
  c.type = after_;
  links_->replace(position_, c);
}
void SetCorrespondenceTypeCommand::undo() {
  auto c = links_->correspondences().at(position_);
  c.type = before_;
  links_->replace(position_, c);
}

}  // namespace ridgeline::views
