#pragma once
// Type-98 information assurance records: the audit log field 98.900 ALF
// (what happened to which part of the transaction, why, by whom) and the
// revision number 98.901 ARN. Each ALF subfield is one event with items
// EVT event, EVR event reason, IID information identifier ("IDC,field,
// subfield repeat,item mnemonic", NA where none, e.g. "3,9.373,4,NA"),
// AGT agent, OLD old value. Items beyond those are kept in `items`.
#include <string>
#include <vector>

#include "core/formats/ansinist/transaction.h"

namespace ridgeline::ansinist {

struct AuditLogEntry {
  std::string event;        // EVT: Added, Modified, Deleted, Corrupted ...
  std::string reason;       // EVR, optional
  std::string information;  // IID: "IDC,field,subfield repeat,item mnemonic"
  std::string agent;        // AGT: who or what made the change
  std::string oldValue;     // OLD, optional
  std::vector<std::string> items;  // every item as written
  bool operator==(const AuditLogEntry&) const = default;
};

struct AuditLog {
  std::size_t recordIndex = 0;
  int idc = -1;
  std::string formatOwner, formatType, source, creationTime;  // 98.003, 98.005, 98.004, 98.006
  std::string revision;                                        // 98.901 ARN
  std::vector<AuditLogEntry> entries;
};

// Every Type-98 record of the transaction, in order.
std::vector<AuditLog> readAuditLogs(const Transaction& t);

// Appends one event to the Type-98 record with the given IDC (creating the
// record, with 98.003/98.005 as given, when there is none) and bumps 98.901.
// Throws UsageError when EVT, IID or AGT (mandatory) is empty.
void appendAuditEvent(Transaction& t, int idc, const AuditLogEntry& entry, const std::string& formatOwner = "0000",
                      const std::string& formatType = "0000");

}  // namespace ridgeline::ansinist
