#pragma once
// The images of a transaction with the Type-9 features that share their IDC:
// what a case payload (probe, candidates) looks like to the desk.
#include <optional>
#include <vector>

#include "core/formats/ansinist/record_image.h"
#include "core/formats/ansinist/transaction.h"
#include "core/formats/ansinist/type9_features.h"

namespace ridgeline::ansinist {

struct ImageWithFeatures {
  std::size_t imageRecord = 0;  // index into Transaction::records
  int recordType = 0;
  int idc = -1;
  RecordImageInfo image;        // header facts; decode with decodeRecordImage(t, imageRecord)
  std::optional<std::size_t> featureRecord;  // the same-IDC Type-9 record
  std::optional<Type9Features> features;
};

// Every record that carries an image, in transaction order, each with its
// Type-9 reading when there is one. Throws InputError naming the record and
// field when an image header or a Type-9 record is malformed.
std::vector<ImageWithFeatures> imagesWithFeatures(const Transaction& t);

}  // namespace ridgeline::ansinist
