#pragma once
// The case payload of protocol v1: one ANSI/NIST-ITL 1-2011 transaction (the
// traditional encoding) as INT-I-style hubs send it, and its reading on the
// desk. Layout (docs/hub-protocol.md, "Case payload"):
//   Type-1   header, TOT "SRE" (search result)
//   Type-2   IDC 0, user-defined fields of the hub profile:
//              2.003 hub case id       2.004 modality code
//              2.005 hub threshold     2.006 score source
//              2.007 probe image IDC
//              2.010 candidate list: one subfield per candidate,
//                    items rank / subject id / hub score / image IDC
//   Type-13  the probe mark (fingerprint, palm), lossless PNG
//   Type-14  candidate exemplars, WSQ at 0.75 bpp
//   Type-10  face probe and candidates (JPEG) for face searches
//   Type-9   EFS features of an image (same IDC) where the hub has them
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/formats/ansinist/transaction_builder.h"
#include "core/hub/protocol/hub_messages.h"
#include "core/model/case.h"
#include "core/model/feature_set.h"

namespace ridgeline::hub {

// Resolution recorded for images whose record states no scale (faces).
inline constexpr double kUnscaledPpi = 72;

struct PayloadImage {
  ansinist::EncodedImage image;
  int fingerPosition = 0;
  std::optional<FeatureSet> features;  // goes out as Type-9 EFS when present
};

struct PayloadCandidate {
  int rank = 0;
  std::string subjectId;
  double score = 0;
  PayloadImage image;
};

struct SearchResult {
  std::string hubId;
  Modality modality = Modality::Fingerprint;
  double threshold = 0;
  std::string scoreSource;
  PayloadImage probe;
  std::vector<PayloadCandidate> candidates;  // rank order
};

struct BuiltPayload {
  std::vector<std::uint8_t> bytes;
  int probeRecord = 0;                 // IDC
  std::vector<int> candidateRecords;   // IDC per candidate, same order
};

// Throws UsageError when the search cannot be written (no candidates, bad image).
BuiltPayload buildCasePayload(const SearchResult& search);

// One impression read from a payload, with the encoded image bytes to store.
struct ReceivedImpression {
  Impression impression;            // role, rank, subject, score, size, ppi, format, FGP
  std::vector<std::uint8_t> bytes;  // the image as the record carries it
  std::optional<FeatureSet> hubFeatures;
};

struct ReceivedPayload {
  ReceivedImpression probe;
  std::vector<ReceivedImpression> candidates;
};

// Reads a payload against its summary: the transaction must parse, name the
// same case, carry every image record the summary lists (each one decodable)
// and the same candidates. Throws InputError naming the record or field.
ReceivedPayload readCasePayload(const std::vector<std::uint8_t>& bytes, const CaseSummary& summary);

}  // namespace ridgeline::hub
