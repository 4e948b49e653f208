#pragma once
// One entry of the tamper-evident audit trail (DESIGN.md section 5), and the
// words for what happened. Action codes are stored in the trail and hashed, so
// they never change once released; new actions get new codes.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace ridgeline {

enum class AuditAction {
  CasePulled,          // the case arrived from the hub
  CaseLeased,          // a lease was taken (or released)
  CaseOpened,          // an examiner opened the case
  ImageViewed,         // an image was shown on screen
  MarkupChanged,       // features, correspondences or annotations edited
  AnalysisLocked,      // the probe's analysis was frozen before comparison
  EnhancementApplied,  // an enhancement step was applied to a working copy
  Conclusion,          // an examination conclusion was recorded
  Verification,        // a verification conclusion was recorded
  Export,              // a report, bundle or transaction left the desk
  Purge,               // biometric data deleted under the retention rule
  Sync                 // an exchange with the hub (sent, acknowledged)
};

inline constexpr std::array<std::pair<AuditAction, std::string_view>, 12> kAuditActionCodes{{
    {AuditAction::CasePulled, "case.pulled"},
    {AuditAction::CaseLeased, "case.leased"},
    {AuditAction::CaseOpened, "case.opened"},
    {AuditAction::ImageViewed, "image.viewed"},
    {AuditAction::MarkupChanged, "markup.changed"},
    {AuditAction::AnalysisLocked, "analysis.locked"},
    {AuditAction::EnhancementApplied, "enhancement.applied"},
    {AuditAction::Conclusion, "conclusion.recorded"},
    {AuditAction::Verification, "verification.recorded"},
    {AuditAction::Export, "export"},
    {AuditAction::Purge, "purge"},
    {AuditAction::Sync, "sync"},
}};

inline std::string_view toCode(AuditAction a) {
  for (const auto& [action, code] : kAuditActionCodes)
    if (action == a) return code;
  return "unknown";
}

inline std::optional<AuditAction> auditActionFromCode(std::string_view code) {
  for (const auto& [action, c] : kAuditActionCodes)
    if (c == code) return action;
  return std::nullopt;
}

// Who did it. role: "examiner", "verifier", "supervisor", "trainer", "system".
struct Actor {
  std::string user;
  std::string role;
};

struct AuditEvent {
  std::int64_t seq = 0;                 // 1-based position in the trail
  std::string time;                     // ISO 8601 UTC with milliseconds
  std::string actor;
  std::string role;
  std::optional<std::int64_t> caseId;   // local case id; none for profile-wide events
  std::string action;                   // an AuditAction code (kept as text: the trail outlives enums)
  std::string details;                  // JSON object text, hashed byte for byte
  std::string prevHash;                 // hex SHA-256 of the previous event; 64 zeros for the first
  std::string hash;                     // hex SHA-256 over prevHash and the canonical encoding
};

}  // namespace ridgeline
