#include "core/formats/ansinist/transaction_builder.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "core/util/errors.h"

namespace ridgeline::ansinist {
namespace {

std::string utcNow(const char* format) {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

std::string twoDigits(int idc) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", idc);
  return buf;
}

Field textField(int type, int number, const std::string& value) { return Field{type, number, {}, false, {{{value}}}}; }

bool anyNonAscii(const std::vector<Record>& records) {
  for (const Record& r : records)
    for (const Field& f : r.fields) {
      if (f.binary) continue;
      for (const auto& s : f.subfields)
        for (const auto& item : s.items)
          if (std::any_of(item.begin(), item.end(), [](char c) { return (c & 0x80) != 0; })) return true;
    }
  return false;
}

}  // namespace

std::string compressionCodeFor(ImageFormat format) {
  switch (format) {
    case ImageFormat::Wsq: return "WSQ20";
    case ImageFormat::Jpeg: return "JPEGB";
    case ImageFormat::Jpeg2000: return "JP2";
    case ImageFormat::Png: return "PNG";
    case ImageFormat::Raw: return "NONE";
    default: throw UsageError("ANSI/NIST builder: images in records must be WSQ, JPEG, JPEG 2000, PNG or raw 8-bit");
  }
}

TransactionBuilder::TransactionBuilder(TransactionHeader header) : header_(std::move(header)) {
  if (header_.date.empty()) header_.date = utcNow("%Y%m%d");
  if (header_.gmt.empty()) header_.gmt = utcNow("%Y%m%d%H%M%SZ");
  if (header_.controlNumber.empty()) header_.controlNumber = header_.gmt;
}

int TransactionBuilder::addUserDefinedText(const std::vector<std::pair<int, std::string>>& fields) {
  Record r;
  r.type = 2;
  const int idc = nextIdc_++;
  r.fields = {textField(2, 1, "0"), textField(2, 2, twoDigits(idc))};
  for (const auto& [number, text] : fields) {
    if (number < 3 || number > 999) throw UsageError("ANSI/NIST builder: Type-2 field numbers run from 2.003 to 2.999");
    r.fields.push_back(textField(2, number, text));
  }
  std::sort(r.fields.begin() + 2, r.fields.end(), [](const Field& a, const Field& b) { return a.number < b.number; });
  records_.push_back(std::move(r));
  return idc;
}

int TransactionBuilder::addImageRecord(int type, const EncodedImage& image, int fingerPosition, int impressionType) {
  if (image.width <= 0 || image.height <= 0 || image.bytes.empty())
    throw UsageError("ANSI/NIST builder: an image record needs the image bytes and its size");
  if (image.format == ImageFormat::Raw &&
      static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) != image.bytes.size())
    throw UsageError("ANSI/NIST builder: raw image bytes do not match width x height");
  Record r;
  r.type = type;
  const int idc = nextIdc_++;
  r.fields = {textField(type, 1, "0"),
              textField(type, 2, twoDigits(idc)),
              textField(type, 3, std::to_string(impressionType)),
              textField(type, 4, header_.originatingAgency),
              textField(type, 5, header_.date),
              textField(type, 6, std::to_string(image.width)),
              textField(type, 7, std::to_string(image.height)),
              textField(type, 8, "1"),  // SLC 1: pixels per inch
              textField(type, 9, std::to_string(std::lround(image.ppi))),
              textField(type, 10, std::to_string(std::lround(image.ppi))),
              textField(type, 11, compressionCodeFor(image.format)),
              textField(type, 12, std::to_string(image.bitsPerPixel)),
              textField(type, 13, std::to_string(fingerPosition))};
  Field data{type, 999, {}, true, {{{std::string(image.bytes.begin(), image.bytes.end())}}}};
  r.fields.push_back(std::move(data));
  records_.push_back(std::move(r));
  return idc;
}

int TransactionBuilder::addFingerprintImage(const EncodedImage& image, int fingerPosition, int impressionType) {
  return addImageRecord(14, image, fingerPosition, impressionType);
}

int TransactionBuilder::addLatentImage(const EncodedImage& image, int fingerPosition, int impressionType) {
  return addImageRecord(13, image, fingerPosition, impressionType);
}

void TransactionBuilder::addFeatures(int imageIdc, const FeatureSet& features, Type9Options options) {
  const Record* image = nullptr;
  for (const Record& r : records_)
    if ((r.type == 13 || r.type == 14) && r.idc() == imageIdc) image = &r;
  if (!image) throw UsageError("ANSI/NIST builder: no image record with IDC " + std::to_string(imageIdc));
  if (options.imageWidth <= 0) options.imageWidth = std::stoi(image->find(6)->value());
  if (options.imageHeight <= 0) options.imageHeight = std::stoi(image->find(7)->value());
  if (options.fingerPosition <= 0) options.fingerPosition = std::stoi(image->find(13)->value());
  records_.push_back(makeType9EfsRecord(imageIdc, features, options));
}

Transaction TransactionBuilder::build() const {
  Transaction t;
  Record type1;
  type1.type = 1;
  type1.fields = {textField(1, 1, "0"), textField(1, 2, header_.version), textField(1, 3, ""),
                  textField(1, 4, header_.typeOfTransaction), textField(1, 5, header_.date),
                  textField(1, 7, header_.destinationAgency), textField(1, 8, header_.originatingAgency),
                  textField(1, 9, header_.controlNumber),
                  // NSR/NTR "00.00": no binary (Type-4) records, resolution is in each record.
                  textField(1, 11, "00.00"), textField(1, 12, "00.00")};
  if (!header_.domainName.empty()) type1.fields.push_back(textField(1, 13, header_.domainName));
  type1.fields.push_back(textField(1, 14, header_.gmt));
  if (anyNonAscii(records_))
    type1.fields.push_back(Field{1, 15, {}, false, {{{"003", "UTF-8"}}}});
  t.records.push_back(std::move(type1));
  t.records.insert(t.records.end(), records_.begin(), records_.end());
  rebuildContentsField(t);
  // Round-trip through the writer so LEN fields hold their real values.
  return readTransaction(writeTransaction(t));
}

std::vector<std::uint8_t> TransactionBuilder::write() const { return writeTransaction(build()); }

}  // namespace ridgeline::ansinist
