#include "core/store/audit_chain.h"

#include "core/util/hex.h"

namespace ridgeline::store {

void AuditHasher::field(std::string_view value) {
  buffer_ += std::to_string(value.size());
  buffer_ += ':';
  buffer_ += value;
  buffer_ += ',';
}

const std::string& AuditHasher::encode(const AuditEvent& e) {
  buffer_.assign("ridgeline-audit-v1\n");
  field(e.prevHash);
  field(std::to_string(e.seq));
  field(e.time);
  field(e.actor);
  field(e.role);
  field(e.caseId ? std::to_string(*e.caseId) : std::string());
  field(e.action);
  field(e.details);
  return buffer_;
}

std::string AuditHasher::hash(const AuditEvent& event) {
  engine_.update(std::string_view(encode(event)));
  return toHex(engine_.finish());
}

}  // namespace ridgeline::store
