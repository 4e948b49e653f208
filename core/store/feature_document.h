#pragma once
// A FeatureSet as the JSON document the store keeps for each version. The
// text is deterministic (fixed key order, shortest round-trip numbers), so
// its SHA-256 identifies the markup and survives in the audit trail after a
// purge deletes the document itself.
#include <string>

#include "core/model/feature_set.h"

namespace ridgeline::store {

std::string encodeFeatureDocument(const FeatureSet& features);
// Throws InputError naming the problem when the document is malformed.
FeatureSet decodeFeatureDocument(const std::string& json);

}  // namespace ridgeline::store
