#pragma once
// The field's words (NIST EFS, ANSI/NIST-ITL 1-2011 Type-9, ACE-V) as plain
// enums, with their codes, so an examiner recognises them and the ANSI/NIST
// mapping is one-to-one.
#include <optional>
#include <string>
#include <string_view>

namespace ridgeline {

enum class Modality { Fingerprint, Palm, Face };

// EFS MIN type (9.331): E ridge ending, B bifurcation, X unknown.
enum class MinutiaType { Ending, Bifurcation, Unknown };

// EFS correspondence types (9.361 CPF): definite, possible, does not exist,
// out of region, unclear area.
enum class CorrespondenceType { Definite, Possible, DoesNotExist, OutOfRegion, Unclear };

// EFS value determination (9.353 VAL): of value for individualisation,
// limited value (exclusion only), no value.
enum class ValueDetermination { Unset, Value, LimitedValue, NoValue };

// Who produced a feature set.
enum class FeatureAuthor { Hub, LocalMatcher, Examiner };

enum class ImpressionRole { Probe, Candidate };

// Local life of a case in the examiner's desk.
enum class CaseStatus { Queued, Leased, Analysis, Comparison, Concluded, Verified, Delivered, Purged };

std::string_view toCode(Modality v);            // "fingerprint" | "palm" | "face"
std::string_view toCode(MinutiaType v);         // "E" | "B" | "X"
std::string_view toCode(CorrespondenceType v);  // "D" | "P" | "DNE" | "OOR" | "UNC"
std::string_view toCode(ValueDetermination v);  // "" | "VALUE" | "LIMITED" | "NOVALUE"
std::string_view toCode(FeatureAuthor v);       // "hub" | "matcher" | "examiner"
std::string_view toCode(ImpressionRole v);      // "probe" | "candidate"
std::string_view toCode(CaseStatus v);          // "queued" ... "purged"

// Words for the examiner's screen and reports ("bifurcation", "does not exist").
std::string_view toLabel(MinutiaType v);
std::string_view toLabel(CorrespondenceType v);
std::string_view toLabel(ValueDetermination v);
std::string_view toLabel(CaseStatus v);

std::optional<Modality> modalityFromCode(std::string_view code);
std::optional<MinutiaType> minutiaTypeFromCode(std::string_view code);
std::optional<CorrespondenceType> correspondenceTypeFromCode(std::string_view code);
std::optional<ValueDetermination> valueFromCode(std::string_view code);
std::optional<FeatureAuthor> featureAuthorFromCode(std::string_view code);
std::optional<ImpressionRole> impressionRoleFromCode(std::string_view code);
std::optional<CaseStatus> caseStatusFromCode(std::string_view code);

}  // namespace ridgeline
