// `ridgeline-cli --profile DIR decide CASE --candidate N --conclusion ...
// --rationale TEXT`: records the examiner's conclusion on candidate N (rank)
// of a case; it waits in the outbox for the next sync. ACE-V order is kept:
// the probe's analysis must be saved and locked first. A script may state the
// analysis' value determination with --analysis-value, which is saved as the
// examiner's analysis and locked, both in the audit trail.
#include <ostream>

#include "command_registry.h"
#include "commands/desk_user.h"

namespace ridgeline::cli {
namespace {

Case findCase(store::CaseStore& store, const std::string& ref) {
  if (auto c = store.findCaseByHubId(ref)) return *c;
  if (!ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos && ref.size() < 18)
    return store.getCase(std::stoll(ref));
  throw InputError("no case '" + ref + "' in this profile (see 'ridgeline-cli queue')");
}

std::int64_t impressionOf(store::CaseStore& store, const Case& c, ImpressionRole role, int rank) {
  for (const auto& i : store.impressions(c.id))
    if (i.role == role && i.rank == rank) return i.id;
  if (role == ImpressionRole::Probe) throw InputError("case " + c.hubId + " has no probe yet (sync to fetch its payload)");
  throw InputError("case " + c.hubId + " has no candidate ranked " + std::to_string(rank));
}

// Brings the case to comparison: open it, and lock the analysis when one is saved or stated.
void reachComparison(store::CaseStore& store, const Case& c, const std::optional<std::string>& value, const Actor& actor) {
  if (c.status == CaseStatus::Comparison) return;
  if (c.status != CaseStatus::Leased && c.status != CaseStatus::Analysis)
    throw InputError("case " + c.hubId + " is " + std::string(toLabel(c.status)) + "; a conclusion needs a leased case in analysis or comparison");
  const std::int64_t probe = impressionOf(store, c, ImpressionRole::Probe, 0);
  // Check everything before the first change, so a refused request changes nothing.
  if (!value && !store.latestFeatures(probe, FeatureAuthor::Examiner))
    throw InputError("case " + c.hubId +
                     ": the probe's analysis must be saved and locked before a conclusion (ACE-V). Analyse it in Ridgeline, "
                     "or state its value with --analysis-value VALUE|LIMITED|NOVALUE.");
  std::optional<ValueDetermination> stated;
  if (value) {
    stated = valueFromCode(*value);
    if (!stated || *stated == ValueDetermination::Unset) throw UsageError("--analysis-value must be VALUE, LIMITED or NOVALUE");
  }
  if (c.status == CaseStatus::Leased) store.openCase(c.id, actor);
  if (stated) {
    FeatureSet analysis = store.latestFeatures(probe, FeatureAuthor::Examiner).value_or(FeatureSetVersion{}).features;
    analysis.author = FeatureAuthor::Examiner;
    analysis.authorName = actor.user;
    analysis.value = *stated;
    store.saveFeatures(probe, analysis, actor);
  }
  store.lockAnalysis(c.id, actor);
}

int runDecide(Context& ctx) {
  const Arguments args(ctx.args, {"--candidate", "--conclusion", "--rationale", "--examiner", "--analysis-value"});
  args.expectPositional(1, 1, "one CASE (hub id or local id)");
  const std::string conclusion = args.required("--conclusion");
  if (conclusion != "identification" && conclusion != "inconclusive" && conclusion != "exclusion")
    throw UsageError("--conclusion must be identification, inconclusive or exclusion");
  const int rank = static_cast<int>(args.integer("--candidate", 1, 100).value_or(0));
  if (rank == 0) throw UsageError("option --candidate is required (the candidate's rank, 1 = best hub hit)");
  const std::string rationale = args.required("--rationale");
  if (rationale.find_first_not_of(" \t\r\n") == std::string::npos) throw UsageError("--rationale needs the written reasons");
  const Actor actor{deskUser(args), "examiner"};

  store::CaseStore store(profileOf(ctx.profileDir));
  const Case c = findCase(store, args.positional()[0]);
  const std::int64_t candidate = impressionOf(store, c, ImpressionRole::Candidate, rank);
  reachComparison(store, c, args.value("--analysis-value"), actor);
  Conclusion decision;
  decision.candidateId = candidate;
  decision.decision = conclusion;
  decision.rationale = rationale;
  decision.examiner = actor.user;
  decision.role = "examination";
  store.recordConclusion(c.id, decision, actor);
  ctx.out << "case " << c.hubId << ": " << conclusion << " on candidate " << rank
          << " recorded; it goes to the hub with the next sync\n";
  return 0;
}

const RegisterCommand reg{{"decide",
                           "[--profile DIR] decide CASE --candidate N --conclusion identification|inconclusive|exclusion "
                           "--rationale TEXT [--examiner NAME] [--analysis-value VALUE|LIMITED|NOVALUE]",
                           "Record a conclusion on candidate N of a case; it waits in the outbox for the next sync.", runDecide}};

}  // namespace
}  // namespace ridgeline::cli
