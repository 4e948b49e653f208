// Type-9 minutiae to model types: legacy IAFIS and INCITS 378 from NIST's
// samples (which encode the same 48 minutiae both ways, so each reading
// checks the other), and EFS written by the builder and read back.
#include <QtTest>

#include <cmath>
#include <numbers>

#include "ansinist_fixtures.h"
#include "core/formats/ansinist/record_image.h"
#include "core/formats/ansinist/transaction_builder.h"
#include "core/formats/ansinist/transaction_contents.h"
#include "core/formats/ansinist/type98_audit_log.h"
#include "core/formats/ansinist/type9_features.h"
#include "core/util/errors.h"

using namespace ridgeline;
using namespace ridgeline::ansinist;

namespace {

double angleGap(double a, double b) {
  const double d = std::fmod(std::abs(a - b), 2 * std::numbers::pi);
  return std::min(d, 2 * std::numbers::pi - d);
}

EncodedImage grayRaw(int w, int h) {
  EncodedImage img;
  img.format = ImageFormat::Raw;
  img.width = w;
  img.height = h;
  img.ppi = 500;
  img.bytes.assign(static_cast<size_t>(w * h), 128);
  return img;
}

FeatureSet probeFeatures() {
  FeatureSet fs;
  fs.ppi = 500;
  fs.authorName = "Durand";
  fs.minutiae = {{10.2, 20.4, 0.5, MinutiaType::Ending, 3.0, 0.2, -1},
                 {150, 90, 3.0, MinutiaType::Bifurcation, 0, 0, -1},
                 {60, 170.5, 6.0, MinutiaType::Unknown, 0, 0, -1}};
  fs.cores = {{80, 60, 1.5, 4}};
  fs.deltas = {{40, 150, {0.1, 2.0, 4.0}, 0}};
  fs.regionOfInterest = {{5, 5}, {190, 5}, {190, 175}, {5, 175}};
  ClarityMap map;
  map.blockSize = 5;  // 0.25 mm at 500 ppi, the RQM cell
  map.cols = 40;
  map.rows = 36;
  map.levels.assign(40 * 36, 2);
  map.levels[0] = 0;
  map.levels[41] = 5;
  fs.clarity = map;
  fs.value = ValueDetermination::Value;
  fs.patternClass = "LS";
  return fs;
}

}  // namespace

class TestType9 : public QObject {
  Q_OBJECT
 private slots:
  void readsLegacyAndIncits378Consistently() {
    const Transaction legacyT = readTransaction(readAnsiNistFixture("type-9-14-std.an2"));
    const Transaction m1T = readTransaction(readAnsiNistFixture("type-9-14-m1.an2"));
    const Type9Features legacy = readType9Features(legacyT, 2);
    const Type9Features m1 = readType9Features(m1T, 2);
    QCOMPARE(legacy.source, std::string("legacy IAFIS"));
    QCOMPARE(m1.source, std::string("INCITS 378"));
    QCOMPARE(legacy.features.minutiae.size(), size_t(48));
    QCOMPARE(m1.features.minutiae.size(), size_t(48));
    QCOMPARE(legacy.features.ppi, 500.0);  // Type-14 SLC 2, THPS 197 px/cm
    QCOMPARE(m1.features.ppi, 500.0);
    QCOMPARE(legacy.fingerPosition, 8);
    QCOMPARE(m1.features.minutiae[0].x, 432.0);
    QCOMPARE(m1.features.minutiae[0].y, 368.0);
    for (size_t i = 0; i < 48; ++i) {
      const Minutia& a = legacy.features.minutiae[i];
      const Minutia& b = m1.features.minutiae[i];
      QVERIFY2(std::abs(a.x - b.x) < 1.5 && std::abs(a.y - b.y) < 1.5, qPrintable(QString::number(i)));
      QVERIFY2(angleGap(a.direction, b.direction) < 3 * std::numbers::pi / 180, qPrintable(QString::number(i)));
    }
    QCOMPARE(legacy.features.patternClass, std::string("LS"));
    QCOMPARE(legacy.features.cores.size(), size_t(1));
    QCOMPARE(m1.features.cores.size(), size_t(1));
    QVERIFY(std::abs(legacy.features.cores[0].x - m1.features.cores[0].x) < 2);
    QVERIFY(std::abs(legacy.features.cores[0].y - m1.features.cores[0].y) < 2);
    QVERIFY(!legacy.ridgeCounts.empty());
  }

  void describesRecordImages() {
    const Transaction t = readTransaction(readAnsiNistFixture("type-9-14-std.an2"));
    const auto info = recordImageInfo(t, 3);
    QVERIFY(info);
    QCOMPARE(info->width, 800);
    QCOMPARE(info->height, 768);
    QCOMPARE(info->format, ImageFormat::Raw);
    QCOMPARE(info->data.size(), size_t(800 * 768));
    const Transaction t4 = readTransaction(readAnsiNistFixture("type-4-slaps.an2"));
    const auto slap = recordImageInfo(t4, 2);
    QCOMPARE(slap->format, ImageFormat::Wsq);
    QCOMPARE(slap->ppi, 500.0);  // 1.011 NSR 19.69 ppmm
    QVERIFY(!recordImageInfo(t, 2));  // Type-9 has no image
  }

  // Images inside records through the shared codec: raw, WSQ (Type-4),
  // JPEG (Type-10), PNG (Type-17).
  void decodesRecordImages() {
    const Transaction raw = readTransaction(readAnsiNistFixture("type-9-14-std.an2"));
    const GrayImage a = decodeRecordImage(raw, 3);
    QCOMPARE(a.pixels.cols, 800);
    QCOMPARE(a.pixels.rows, 768);
    QCOMPARE(a.ppi, 500.0);
    const Transaction wsq = readTransaction(readAnsiNistFixture("type-4-slaps.an2"));
    const auto info = recordImageInfo(wsq, 2);
    const GrayImage b = decodeRecordImage(wsq, 2);
    QCOMPARE(b.pixels.cols, info->width);
    QCOMPARE(b.pixels.rows, info->height);
    const Transaction jpeg = readTransaction(readAnsiNistFixture("type-10-branded-tattoo-mark.an2"));
    const GrayImage c = decodeRecordImage(jpeg, 2);
    QVERIFY(c.pixels.cols > 0);
    const Transaction png = readTransaction(readAnsiNistFixture("type-17-iris.an2"));
    const GrayImage d = decodeRecordImage(png, 2);
    QCOMPARE(d.pixels.cols, recordImageInfo(png, 2)->width);
    QVERIFY_THROWS_EXCEPTION(InputError, decodeRecordImage(raw, 2));  // Type-9: no image
  }

  void writesAndReadsEfsWithCorrespondences() {
    TransactionBuilder b({.typeOfTransaction = "LFS", .originatingAgency = "RIDGE0001", .controlNumber = "T1",
                          .date = "20261122", .gmt = "20261122024500Z"});
    b.addUserDefinedText({{3, "search 42"}, {10, "Müller"}});
    const int probe = b.addLatentImage(grayRaw(200, 180));
    const int cand = b.addFingerprintImage(grayRaw(210, 190), 2, 1);
    const std::vector<Correspondence> links = {{1, 0, 1, CorrespondenceType::Definite},
                                               {2, 1, 0, CorrespondenceType::Possible},
                                               {3, 2, -1, CorrespondenceType::DoesNotExist}};
    Type9Options po;
    po.impressionType = 4;
    po.correspondencePoints = correspondencePointsFor(links, true);
    po.pairings = links;
    po.pairingOtherIdc = cand;
    po.determinations = {{cand, "", "identification", "FINAL", {"Durand", "Anne", "Lab", "20261122024500Z"}, ""}};
    const FeatureSet pf = probeFeatures();
    b.addFeatures(probe, pf, po);
    FeatureSet cf;
    cf.ppi = 500;
    cf.minutiae = {{30, 40, 1.0, MinutiaType::Bifurcation, 0, 0, -1}, {100, 120, 2.0, MinutiaType::Ending, 0, 0, -1}};
    Type9Options co;
    co.correspondencePoints = correspondencePointsFor(links, false);
    b.addFeatures(cand, cf, co);

    const std::vector<std::uint8_t> bytes = b.write();
    const Transaction t = readTransaction(bytes);
    QVERIFY2(t.warnings.empty(), t.warnings.empty() ? "" : t.warnings[0].c_str());
    QCOMPARE(writeTransaction(t), bytes);
    QCOMPARE(t.records.size(), size_t(6));
    QCOMPARE(t.records[0].find(15)->value(), std::string("003"));  // UTF-8 declared for "Müller"

    const Type9Features p = readType9Features(t, 4);
    const Type9Features c = readType9Features(t, 5);
    QCOMPARE(p.source, std::string("EFS"));
    QCOMPARE(p.features.minutiae.size(), size_t(3));
    for (size_t i = 0; i < 3; ++i) {
      const Minutia& a = pf.minutiae[i];
      const Minutia& m = p.features.minutiae[i];
      QVERIFY(std::abs(a.x - m.x) < 0.2 && std::abs(a.y - m.y) < 0.2);
      QVERIFY(angleGap(a.direction, m.direction) <= 0.5 * std::numbers::pi / 180 + 1e-9);
      QCOMPARE(m.type, a.type);
    }
    QVERIFY(std::abs(p.features.minutiae[0].positionRadius - 3.0) < 0.2);
    QCOMPARE(p.features.cores.size(), size_t(1));
    QCOMPARE(p.features.deltas[0].directions.size(), size_t(3));
    QCOMPARE(p.features.regionOfInterest.size(), size_t(4));
    QVERIFY(std::abs(p.features.regionOfInterest[1].x - 190) < 0.2);
    QCOMPARE(p.features.value, ValueDetermination::Value);
    QCOMPARE(p.features.patternClass, std::string("LS"));
    QVERIFY(p.features.clarity);
    QCOMPARE(p.features.clarity->at(0, 0), std::uint8_t(0));
    QCOMPARE(p.features.clarity->at(1, 1), std::uint8_t(5));
    QCOMPARE(p.features.clarity->at(3, 3), std::uint8_t(2));
    QCOMPARE(p.assessment->examiner.surname, std::string("Durand"));
    QCOMPARE(p.pairings, links);
    QCOMPARE(p.pairingOtherIdc, cand);
    QCOMPARE(correspondencesByLabel(p, c), links);
    QCOMPARE(p.determinations.size(), size_t(1));
    QCOMPARE(p.determinations[0].decision, std::string("identification"));
    QCOMPARE(c.fingerPosition, 2);
    QCOMPARE(c.features.minutiae.size(), size_t(2));

    // The payload as the desk sees it: images with their features.
    const auto images = imagesWithFeatures(t);
    QCOMPARE(images.size(), size_t(2));
    QCOMPARE(images[0].recordType, 13);
    QCOMPARE(images[0].idc, probe);
    QVERIFY(images[0].features);
    QCOMPARE(images[0].features->pairings, links);
    QCOMPARE(images[1].recordType, 14);
    QCOMPARE(images[1].image.width, 210);
    QCOMPARE(decodeRecordImage(t, images[1].imageRecord).pixels.rows, 190);
  }

  void namesFieldSubfieldAndItemInErrors() {
    TransactionBuilder b({.date = "20261122", .gmt = "20261122024500Z"});
    const int idc = b.addLatentImage(grayRaw(200, 180));
    b.addFeatures(idc, probeFeatures());
    Transaction t = b.build();
    Field* min = t.records[2].find(331);
    min->subfields[1].items[1] = "12a";
    try {
      readType9Features(t, 2);
      QFAIL("accepted a malformed minutia");
    } catch (const InputError& e) {
      const std::string m = e.what();
      QVERIFY2(m.find("record 3") != std::string::npos && m.find("9.331 MIN") != std::string::npos &&
                   m.find("subfield 2, item 2 (MYC)") != std::string::npos,
               e.what());
    }
    min->subfields[1].items[1] = "100";
    min->subfields[1].items[3] = "Q";
    QVERIFY_THROWS_EXCEPTION(InputError, readType9Features(t, 2));
  }

  void appendsAndReadsTheType98AuditLog() {
    TransactionBuilder b({.date = "20261122", .gmt = "20261122024500Z"});
    b.addLatentImage(grayRaw(20, 20));
    Transaction t = b.build();
    appendAuditEvent(t, 7, {"Added", "analysis", "1,9.331,NA,NA", "examiner durand", "", {}});
    appendAuditEvent(t, 7, {"Modified", "verification", "1,9.331,4,MXC", "examiner roux", "1234", {}});
    QVERIFY_THROWS_EXCEPTION(UsageError, appendAuditEvent(t, 7, {"Added", "", "", "x", "", {}}));
    const Transaction back = readTransaction(writeTransaction(t));
    QVERIFY(back.warnings.empty());
    const auto logs = readAuditLogs(back);
    QCOMPARE(logs.size(), size_t(1));
    QCOMPARE(logs[0].idc, 7);
    QCOMPARE(logs[0].revision, std::string("2"));
    QCOMPARE(logs[0].entries.size(), size_t(2));
    QCOMPARE(logs[0].entries[1].event, std::string("Modified"));
    QCOMPARE(logs[0].entries[1].oldValue, std::string("1234"));
    QCOMPARE(logs[0].entries[0].agent, std::string("examiner durand"));
  }

  void builderRefusesWhatItCannotWrite() {
    TransactionBuilder b;
    EncodedImage bad = grayRaw(10, 10);
    bad.bytes.pop_back();
    QVERIFY_THROWS_EXCEPTION(UsageError, b.addLatentImage(bad));
    QVERIFY_THROWS_EXCEPTION(UsageError, b.addFeatures(7, FeatureSet{}));
    const int idc = b.addLatentImage(grayRaw(10, 10));
    FeatureSet fs;
    fs.minutiae = {{-3, 4, 0, MinutiaType::Ending, 0, 0, -1}};
    QVERIFY_THROWS_EXCEPTION(UsageError, b.addFeatures(idc, fs));
  }
};

QTEST_GUILESS_MAIN(TestType9)
#include "test_type9.moc"
