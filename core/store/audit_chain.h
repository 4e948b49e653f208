#pragma once
// The audit trail's hash chain, independent of where events are stored.
//
// Canonical encoding (version 1) of an event, the bytes that are hashed:
//   "ridgeline-audit-v1\n" followed by eight netstrings, in this order:
//   prev_hash, seq, time, actor, role, case, action, details
// where each netstring is <decimal byte length> ":" <UTF-8 bytes> ",".
//   prev_hash  64 lowercase hex digits (64 "0" for the first event)
//   seq        decimal, no sign, no leading zeros (1 for the first event)
//   case       decimal local case id, or empty when the event concerns no case
//   details    the stored JSON text, byte for byte (never re-serialised)
// hash = lowercase hex of SHA-256(encoding). The length prefixes make the
// encoding unambiguous whatever the fields contain.
#include <string>
#include <string_view>

#include "core/model/audit_event.h"
#include "core/util/sha256.h"

namespace ridgeline::store {

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Reuses its buffer and hash engine: verifying a long trail allocates nothing per event.
class AuditHasher {
 public:
  // Encodes event (its prevHash included; its hash ignored) into encoding().
  const std::string& encode(const AuditEvent& event);
  std::string hash(const AuditEvent& event);
  const std::string& encoding() const { return buffer_; }

 private:
  void field(std::string_view value);
  std::string buffer_;
  Sha256 engine_;
};

}  // namespace ridgeline::store
