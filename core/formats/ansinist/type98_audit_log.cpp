#include "core/formats/ansinist/type98_audit_log.h"

#include <cstdio>

#include "core/util/errors.h"

namespace ridgeline::ansinist {
namespace {

std::string valueOf(const Record& r, int number) {
  const Field* f = r.find(number);
  return f ? f->value() : std::string();
}

AuditLogEntry entryFrom(const Subfield& s) {
  AuditLogEntry e;
  e.items = s.items;
  std::string* slots[] = {&e.event, &e.reason, &e.information, &e.agent, &e.oldValue};
  for (std::size_t i = 0; i < s.items.size() && i < 5; ++i) *slots[i] = s.items[i];
  return e;
}

}  // namespace

std::vector<AuditLog> readAuditLogs(const Transaction& t) {
  std::vector<AuditLog> logs;
  for (std::size_t i = 0; i < t.records.size(); ++i) {
    const Record& r = t.records[i];
    if (r.type != 98) continue;
    AuditLog log;
    log.recordIndex = i;
    log.idc = r.idc();
    log.formatOwner = valueOf(r, 3);
    log.source = valueOf(r, 4);
    log.formatType = valueOf(r, 5);
    log.creationTime = valueOf(r, 6);  // DCD, GMT
    log.revision = valueOf(r, 901);
    if (const Field* alf = r.find(900))
      for (const Subfield& s : alf->subfields) log.entries.push_back(entryFrom(s));
    logs.push_back(std::move(log));
  }
  return logs;
}

void appendAuditEvent(Transaction& t, int idc, const AuditLogEntry& entry, const std::string& formatOwner,
                      const std::string& formatType) {
  if (entry.event.empty() || entry.information.empty() || entry.agent.empty())
    throw UsageError("Type-98 audit event needs EVT (event), IID (information identifier) and AGT (agent)");
  Record* record = nullptr;
  for (Record& r : t.records)
    if (r.type == 98 && r.idc() == idc) record = &r;
  if (!record) {
    Record r;
    r.type = 98;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", idc);
    r.fields = {Field{98, 1, {}, false, {{{"0"}}}}, Field{98, 2, {}, false, {{{buf}}}}};
    r.set(3, formatOwner);
    r.set(5, formatType);
    t.records.push_back(std::move(r));
    record = &t.records.back();
    rebuildContentsField(t);
  }
  Subfield s{{entry.event, entry.reason, entry.information, entry.agent, entry.oldValue}};
  while (!s.items.empty() && s.items.back().empty()) s.items.pop_back();
  Field* alf = record->find(900);
  if (!alf) {
    record->set(900, "");
    alf = record->find(900);
    alf->subfields.clear();
  }
  alf->subfields.push_back(std::move(s));
  long revision = 0;
  try {
    revision = std::stol(valueOf(*record, 901));
  } catch (const std::exception&) {
    revision = 0;
  }
  record->set(901, std::to_string(revision + 1));
}

}  // namespace ridgeline::ansinist
