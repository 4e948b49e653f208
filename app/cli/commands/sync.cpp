// `ridgeline-cli --profile DIR sync --hub URL --ca FILE --token-file FILE`:
// sends waiting decisions, pulls the queue, leases cases and fetches their
// payloads. Exit 3 when the hub cannot be reached or TLS is refused; the
// profile keeps everything and the next sync carries on.
#include <ostream>

#include "command_registry.h"
#include "commands/desk_user.h"
#include "core/hub/server/hub_tokens.h"
#include "core/hub/sync/sync_engine.h"

namespace ridgeline::cli {
namespace {

class PrintedProgress : public Progress {
 public:
  explicit PrintedProgress(std::ostream& out) : out_(out) {}
  void report(double, std::string_view step) override {
    if (step != last_) out_ << "  " << step << "\n";
    last_ = step;
  }
  bool cancelRequested() const override { return false; }

 private:
  std::ostream& out_;
  std::string last_;
};

int runSync(Context& ctx) {
  const Arguments args(ctx.args, {"--hub", "--ca", "--token-file", "--pin", "--examiner", "--lease", "--modality", "--timeout"});
  args.expectPositional(0, 0, "sync takes no file arguments");
  hub::HubClientConfig config;
  config.url = args.required("--hub");
  if (auto ca = args.value("--ca")) config.caFile = *ca;
  config.pinSha256 = args.value("--pin").value_or("");
  config.token = hub::readTokenFile(args.required("--token-file"));
  if (auto seconds = args.integer("--timeout", 1, 600)) config.readTimeout = std::chrono::seconds(*seconds);

  hub::SyncOptions options;
  options.examiner = deskUser(args);
  options.leaseCount = static_cast<int>(args.integer("--lease", 0, 100).value_or(3));
  if (auto m = args.value("--modality")) {
    options.modality = modalityFromCode(*m);
    if (!options.modality) throw UsageError("--modality must be fingerprint, palm or face");
  }

  store::CaseStore store(profileOf(ctx.profileDir));
  PrintedProgress progress(ctx.err);
  hub::HubClient client(config, &progress);
  hub::SyncEngine engine(store, client, options);
  const hub::SyncReport r = engine.run(progress);
  ctx.out << "decisions delivered: " << r.decisionsDelivered;
  if (r.decisionsAlreadyThere) ctx.out << " (" << r.decisionsAlreadyThere << " the hub already had)";
  ctx.out << "\ndecisions refused:   " << r.decisionsRefused << "\ncases pulled:        " << r.casesPulled << " new, "
          << r.casesKnown << " already here\ncases leased:        " << r.casesLeased << " (" << r.leaseConflicts
          << " held by others)\npayloads stored:     " << r.payloadsStored << "\n";
  for (const auto& note : r.notes) ctx.out << "note: " << note << "\n";
  // A refused decision stays in the outbox with the reason; the hub said no, so exit as a hub failure.
  return r.decisionsRefused > 0 ? 3 : 0;
}

const RegisterCommand reg{{"sync",
                           "[--profile DIR] sync --hub URL [--ca FILE] --token-file FILE [--pin SHA256] [--examiner NAME] "
                           "[--lease N] [--modality M] [--timeout S]",
                           "Send waiting decisions to the hub, pull its queue, lease up to N cases (default 3) and fetch them.",
                           runSync}};

}  // namespace
}  // namespace ridgeline::cli
