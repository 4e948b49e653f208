// Test helper (no Qt): writes audit events and images into a profile as fast
// as it can, and after each commit reports it on stdout, unbuffered:
//   case <id> | image <sha256> | event <seq>
// A line is printed only after its transaction committed, so the parent can
// kill this process at any moment and know what must have survived.
//
// usage: store_writer PROFILE NAME COUNT [IMAGE_EVERY]
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/store/case_store.h"
#include "core/util/errors.h"

using namespace ridgeline;

namespace {

void report(const std::string& line) {
  const std::string text = line + "\n";
  // write(2), not stdio: nothing sits in a user-space buffer when SIGKILL lands.
  if (::write(STDOUT_FILENO, text.data(), text.size()) < 0) std::exit(4);
}

std::vector<std::uint8_t> imageBytes(const std::string& name, int i) {
  std::vector<std::uint8_t> bytes(48 * 1024);
  std::uint32_t x = 2166136261u ^ static_cast<std::uint32_t>(i);
  for (char c : name) x = (x ^ static_cast<std::uint8_t>(c)) * 16777619u;
  for (auto& b : bytes) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    b = static_cast<std::uint8_t>(x);
  }
  return bytes;
}

int run(const std::string& profile, const std::string& name, int count, int imageEvery) {
  store::CaseStore store(profile);
  const Actor actor{name, "examiner"};
  Case c;
  c.hubId = name;
  c.status = CaseStatus::Leased;
  const auto existing = store.findCaseByHubId(name);
  const std::int64_t caseId = existing ? existing->id : store.addCase(c, actor);
  report("case " + std::to_string(caseId));
  int rank = static_cast<int>(store.impressions(caseId).size()) + 1;
  for (int i = 0; i < count; ++i) {
    if (imageEvery > 0 && i % imageEvery == 0) {
      Impression imp;
      imp.role = ImpressionRole::Candidate;
      imp.rank = rank++;
      imp.sourceFormat = "RAW";
      const auto id = store.addImpression(caseId, imp, imageBytes(name, i + rank * 100000), actor);
      report("image " + store.getImpression(id).imageSha256);
    }
    const auto e = store.recordEvent(caseId, AuditAction::Export,
                                     "{\"writer\":\"" + name + "\",\"i\":" + std::to_string(i) + "}", actor);
    report("event " + std::to_string(e.seq));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: store_writer PROFILE NAME COUNT [IMAGE_EVERY]\n");
    return 2;
  }
  try {
    return run(argv[1], argv[2], std::atoi(argv[3]), argc > 4 ? std::atoi(argv[4]) : 0);
  } catch (const Error& e) {
    std::fprintf(stderr, "store_writer: %s\n", e.what());
    return exitCodeFor(e.kind());
  }
}
