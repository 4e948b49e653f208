#pragma once
// Builds a transaction from model types: the Type-1 header, free-form Type-2
// text, Type-14 / Type-13 images and Type-9 EFS features. This is what the
// hub and the export use for case payloads (probe, candidate list, images,
// features); CNT and every LEN come out consistent.
//
//   TransactionBuilder b({.typeOfTransaction = "LFS", .originatingAgency = "HUB00001"});
//   b.addUserDefinedText({{3, "search 42"}, {10, "candidate list..."}});
//   const int probe = b.addLatentImage(probeImage);
//   b.addFeatures(probe, probeFeatures, {.impressionType = 4});
//   const int cand = b.addFingerprintImage(candidateImage, 2);
//   std::vector<std::uint8_t> bytes = b.write();
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/formats/ansinist/transaction.h"
#include "core/formats/ansinist/type9_efs_writer.h"
#include "core/formats/image/image_codec.h"

namespace ridgeline::ansinist {

struct TransactionHeader {
  std::string version = "0502";            // 1.002 VER: ANSI/NIST-ITL 1-2011 Update 2015
  std::string typeOfTransaction = "ZZZ";   // 1.004 TOT, agreed with the receiver
  std::string destinationAgency = "DAI000000";  // 1.007 DAI
  std::string originatingAgency = "ORI000000";  // 1.008 ORI
  std::string controlNumber;               // 1.009 TCN; empty = derived from the time
  std::string date;                        // 1.005 DAT YYYYMMDD; empty = today (UTC)
  std::string gmt;                         // 1.014 GMT YYYYMMDDhhmmssZ; empty = now
  std::string domainName;                  // 1.013 DOM, optional
};

// An already-encoded image to carry in a record.
struct EncodedImage {
  std::vector<std::uint8_t> bytes;
  ImageFormat format = ImageFormat::Unknown;  // Wsq, Jpeg, Jpeg2000, Png or Raw (8-bit)
  int width = 0, height = 0;
  double ppi = 500;
  int bitsPerPixel = 8;
};

class TransactionBuilder {
 public:
  explicit TransactionBuilder(TransactionHeader header = {});

  // Type-2 with fields 2.003 and up (number, text); returns its IDC.
  int addUserDefinedText(const std::vector<std::pair<int, std::string>>& fields);
  // Type-14 (tenprint / exemplar) image; returns its IDC.
  int addFingerprintImage(const EncodedImage& image, int fingerPosition = 0, int impressionType = 0);
  // Type-13 (latent / mark) image; returns its IDC.
  int addLatentImage(const EncodedImage& image, int fingerPosition = 0, int impressionType = 4);
  // Type-9 EFS record sharing the image's IDC. Image size and finger position
  // come from the image record unless the options say otherwise.
  void addFeatures(int imageIdc, const FeatureSet& features, Type9Options options = {});

  Transaction build() const;
  std::vector<std::uint8_t> write() const;

 private:
  int addImageRecord(int type, const EncodedImage& image, int fingerPosition, int impressionType);
  int nextIdc_ = 0;
  TransactionHeader header_;
  std::vector<Record> records_;
};

// The CGA text for a format ("WSQ20", "JPEGB", "JP2", "PNG", "NONE").
std::string compressionCodeFor(ImageFormat format);

}  // namespace ridgeline::ansinist
