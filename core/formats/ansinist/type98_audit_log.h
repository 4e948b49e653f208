#pragma once
// Type-98 information assurance records: the audit log field 98.900 ALF (who
// did what to which part of the transaction, when) and the revision number
// 98.901 ARN. Each ALF subfield is one event; item order as we read the
// 2011 layout: event, event reason, information identifier, agency, GMT,
// process. Items beyond those are kept in `items`.
#include <string>
#include <vector>

#include "core/formats/ansinist/transaction.h"

namespace ridgeline::ansinist {

struct AuditLogEntry {
  std::string event;          // ADD, MODIFY, DELETE, READ ...
  std::string reason;
  std::string information;    // which record/field, e.g. "9.331"
  std::string agency;
  std::string time;           // GMT YYYYMMDDhhmmssZ
  std::string process;
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
void appendAuditEvent(Transaction& t, int idc, const AuditLogEntry& entry, const std::string& formatOwner = "0000",
                      const std::string& formatType = "0000");

}  // namespace ridgeline::ansinist
