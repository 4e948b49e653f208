#include "core/model/vocabulary.h"

#include <array>
#include <tuple>
#include <utility>

namespace ridgeline {
namespace {

// One table per enum: code and label side by side, so the two never drift.
template <typename E, size_t N>
using Table = std::array<std::tuple<E, std::string_view, std::string_view>, N>;

constexpr Table<Modality, 3> kModality{{{Modality::Fingerprint, "fingerprint", "fingerprint"},
                                        {Modality::Palm, "palm", "palm print"},
                                        {Modality::Face, "face", "face"}}};
constexpr Table<MinutiaType, 3> kMinutia{{{MinutiaType::Ending, "E", "ridge ending"},
                                          {MinutiaType::Bifurcation, "B", "bifurcation"},
                                          {MinutiaType::Unknown, "X", "unknown type"}}};
constexpr Table<CorrespondenceType, 5> kCorrespondence{
    {{CorrespondenceType::Definite, "D", "definite"},
     {CorrespondenceType::Possible, "P", "possible"},
     {CorrespondenceType::DoesNotExist, "DNE", "does not exist"},
     {CorrespondenceType::OutOfRegion, "OOR", "out of region"},
     {CorrespondenceType::Unclear, "UNC", "unclear area"}}};
constexpr Table<ValueDetermination, 4> kValue{{{ValueDetermination::Unset, "", "not determined"},
                                               {ValueDetermination::Value, "VALUE", "of value"},
                                               {ValueDetermination::LimitedValue, "LIMITED", "limited value"},
                                               {ValueDetermination::NoValue, "NOVALUE", "no value"}}};
constexpr Table<FeatureAuthor, 3> kAuthor{{{FeatureAuthor::Hub, "hub", "hub"},
                                           {FeatureAuthor::LocalMatcher, "matcher", "local matcher"},
                                           {FeatureAuthor::Examiner, "examiner", "examiner"}}};
constexpr Table<ImpressionRole, 2> kRole{{{ImpressionRole::Probe, "probe", "probe"},
                                          {ImpressionRole::Candidate, "candidate", "candidate"}}};
constexpr Table<CaseStatus, 8> kStatus{{{CaseStatus::Queued, "queued", "queued"},
                                        {CaseStatus::Leased, "leased", "leased"},
                                        {CaseStatus::Analysis, "analysis", "in analysis"},
                                        {CaseStatus::Comparison, "comparison", "in comparison"},
                                        {CaseStatus::Concluded, "concluded", "concluded"},
                                        {CaseStatus::Verified, "verified", "verified"},
                                        {CaseStatus::Delivered, "delivered", "delivered"},
                                        {CaseStatus::Purged, "purged", "purged"}}};

template <typename E, size_t N>
std::string_view code(const Table<E, N>& t, E v) {
  for (auto& [e, c, l] : t)
    if (e == v) return c;
  return {};
}
template <typename E, size_t N>
std::string_view label(const Table<E, N>& t, E v) {
  for (auto& [e, c, l] : t)
    if (e == v) return l;
  return {};
}
template <typename E, size_t N>
std::optional<E> parse(const Table<E, N>& t, std::string_view s) {
  for (auto& [e, c, l] : t)
    if (c == s) return e;
  return std::nullopt;
}

}  // namespace

std::string_view toCode(Modality v) { return code(kModality, v); }
std::string_view toCode(MinutiaType v) { return code(kMinutia, v); }
std::string_view toCode(CorrespondenceType v) { return code(kCorrespondence, v); }
std::string_view toCode(ValueDetermination v) { return code(kValue, v); }
std::string_view toCode(FeatureAuthor v) { return code(kAuthor, v); }
std::string_view toCode(ImpressionRole v) { return code(kRole, v); }
std::string_view toCode(CaseStatus v) { return code(kStatus, v); }

std::string_view toLabel(MinutiaType v) { return label(kMinutia, v); }
std::string_view toLabel(CorrespondenceType v) { return label(kCorrespondence, v); }
std::string_view toLabel(ValueDetermination v) { return label(kValue, v); }
std::string_view toLabel(CaseStatus v) { return label(kStatus, v); }

std::optional<Modality> modalityFromCode(std::string_view c) { return parse(kModality, c); }
std::optional<MinutiaType> minutiaTypeFromCode(std::string_view c) { return parse(kMinutia, c); }
std::optional<CorrespondenceType> correspondenceTypeFromCode(std::string_view c) { return parse(kCorrespondence, c); }
std::optional<ValueDetermination> valueFromCode(std::string_view c) { return parse(kValue, c); }
std::optional<FeatureAuthor> featureAuthorFromCode(std::string_view c) { return parse(kAuthor, c); }
std::optional<ImpressionRole> impressionRoleFromCode(std::string_view c) { return parse(kRole, c); }
std::optional<CaseStatus> caseStatusFromCode(std::string_view c) { return parse(kStatus, c); }

}  // namespace ridgeline
