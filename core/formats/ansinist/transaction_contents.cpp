#include "core/formats/ansinist/transaction_contents.h"

#include <unordered_map>

namespace ridgeline::ansinist {

std::vector<ImageWithFeatures> imagesWithFeatures(const Transaction& t) {
  std::unordered_map<int, std::size_t> type9ByIdc;
  for (std::size_t i = 0; i < t.records.size(); ++i)
    if (t.records[i].type == 9) type9ByIdc.emplace(t.records[i].idc(), i);
  std::vector<ImageWithFeatures> out;
  for (std::size_t i = 0; i < t.records.size(); ++i) {
    auto info = recordImageInfo(t, i);
    if (!info) continue;
    ImageWithFeatures item;
    item.imageRecord = i;
    item.recordType = t.records[i].type;
    item.idc = t.records[i].idc();
    item.image = *info;
    if (auto it = type9ByIdc.find(item.idc); it != type9ByIdc.end()) {
      item.featureRecord = it->second;
      item.features = readType9Features(t, it->second);
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace ridgeline::ansinist
