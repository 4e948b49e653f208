// Field names from ANSI/NIST-ITL 1-2011 (Update 2015) record layouts. Only
// the fields the desk meets are named; others print by number.
#include "core/formats/ansinist/field_names.h"

#include <map>
#include <utility>

namespace ridgeline::ansinist {
namespace {

using Key = std::pair<int, int>;

// Fields shared by most tagged records (x.001, x.002, annotation block, data).
FieldName commonField(int number) {
  switch (number) {
    case 1: return {"LEN", "record header / logical record length"};
    case 2: return {"IDC", "information designation character"};
    case 902: return {"ANN", "annotation information"};
    case 903: return {"DUI", "device unique identifier"};
    case 904: return {"MMS", "make/model/serial number"};
    case 993: return {"SAN", "source agency name"};
    case 995: return {"ASC", "associated context"};
    case 996: return {"HAS", "hash"};
    case 997: return {"SOR", "source representation"};
    case 998: return {"GEO", "geographic sample acquisition location"};
    case 999: return {"DAT", "data (image or biometric data block)"};
    default: return {};
  }
}

// Image records 13, 14, 15 (and 16, 17, 19, 20 for HLL..BPX) share numbering.
FieldName imageField(int type, int number) {
  switch (number) {
    case 3: return type == 10 ? FieldName{"IMT", "image type"} : FieldName{"IMP", "impression type"};
    case 4: return {"SRC", "source agency"};
    case 5: return {"CD", "capture date"};
    case 6: return {"HLL", "horizontal line length (pixels)"};
    case 7: return {"VLL", "vertical line length (pixels)"};
    case 8: return {"SLC", "scale units (1 ppi, 2 ppcm)"};
    case 9: return {"THPS", "transmitted horizontal pixel scale"};
    case 10: return {"TVPS", "transmitted vertical pixel scale"};
    case 11: return {"CGA", "compression algorithm"};
    case 12: return type == 10 ? FieldName{"CSP", "color space"} : FieldName{"BPX", "bits per pixel"};
    case 13:
      if (type == 15) return {"FGP", "friction ridge generalized position (palm)"};
      if (type == 17) return {"CSP", "color space"};
      return {"FGP", "friction ridge generalized position"};
    case 14: return type == 14 ? FieldName{"PPD", "print position descriptors"} : FieldName{};
    case 15: return type == 14 ? FieldName{"PPC", "print position coordinates"} : FieldName{};
    case 16: return {"SHPS", "scanned horizontal pixel scale"};
    case 17: return {"SVPS", "scanned vertical pixel scale"};
    case 20: return {"COM", "comment"};
    case 22: return type == 14 ? FieldName{"NQM", "NIST quality metric"} : FieldName{};
    case 23: return type == 14 ? FieldName{"SQM", "segmentation quality metric"} : FieldName{};
    case 24: return {"FQM/IQM", "image quality metric"};
    case 25: return type == 14 ? FieldName{"ASEG", "alternate finger segment position"} : FieldName{};
    case 30: return {"DMM", "device monitoring mode"};
    case 31: return type == 14 ? FieldName{"FAP", "subject acquisition profile - fingerprint"} : FieldName{};
    default: return commonField(number);
  }
}

const std::map<Key, FieldName>& table() {
  static const std::map<Key, FieldName> t = {
      // Type-1 transaction information
      {{1, 2}, {"VER", "version number"}},
      {{1, 3}, {"CNT", "transaction content"}},
      {{1, 4}, {"TOT", "type of transaction"}},
      {{1, 5}, {"DAT", "date"}},
      {{1, 6}, {"PRY", "priority"}},
      {{1, 7}, {"DAI", "destination agency identifier"}},
      {{1, 8}, {"ORI", "originating agency identifier"}},
      {{1, 9}, {"TCN", "transaction control number"}},
      {{1, 10}, {"TCR", "transaction control reference"}},
      {{1, 11}, {"NSR", "native scanning resolution (ppmm)"}},
      {{1, 12}, {"NTR", "nominal transmitting resolution (ppmm)"}},
      {{1, 13}, {"DOM", "domain name"}},
      {{1, 14}, {"GMT", "Greenwich mean time"}},
      {{1, 15}, {"DCS", "directory of character sets"}},
      {{1, 16}, {"APS", "application profile specifications"}},
      {{1, 17}, {"ANM", "agency names"}},
      {{1, 18}, {"GNS", "geographic name set"}},
      // Type-9 legacy (1-2007) minutiae fields
      {{9, 3}, {"IMP", "impression type"}},
      {{9, 4}, {"FMT", "minutiae format (S standard, U user-defined)"}},
      {{9, 5}, {"OFR", "originating fingerprint reading system"}},
      {{9, 6}, {"FGP", "finger position"}},
      {{9, 7}, {"FPC", "fingerprint pattern classification"}},
      {{9, 8}, {"CRP", "core position"}},
      {{9, 9}, {"DLT", "delta position"}},
      {{9, 10}, {"MIN", "number of minutiae"}},
      {{9, 11}, {"RDG", "minutiae ridge count indicator"}},
      {{9, 12}, {"MRC", "minutiae and ridge count data"}},
      // Type-9 INCITS 378 block
      {{9, 126}, {"CBI", "M1 CBEFF information"}},
      {{9, 127}, {"CEI", "M1 capture equipment identification"}},
      {{9, 128}, {"HLL", "M1 horizontal line length"}},
      {{9, 129}, {"VLL", "M1 vertical line length"}},
      {{9, 130}, {"SLC", "M1 scale units"}},
      {{9, 131}, {"THPS", "M1 transmitted horizontal pixel scale"}},
      {{9, 132}, {"TVPS", "M1 transmitted vertical pixel scale"}},
      {{9, 133}, {"FVW", "M1 finger view"}},
      {{9, 134}, {"FGP", "M1 finger position"}},
      {{9, 135}, {"FQD", "M1 finger quality data"}},
      {{9, 136}, {"NOM", "M1 number of minutiae"}},
      {{9, 137}, {"FMD", "M1 finger minutiae data"}},
      {{9, 138}, {"RCI", "M1 ridge count information"}},
      {{9, 139}, {"CIN", "M1 core information"}},
      {{9, 140}, {"DIN", "M1 delta information"}},
      {{9, 141}, {"ADA", "M1 additional delta angles"}},
      {{9, 255}, {"PAIR", "minutia pairing (non-standard, Ridgeline)"}},
      // Type-9 Extended Feature Set
      {{9, 300}, {"ROI", "EFS region of interest"}},
      {{9, 301}, {"ORT", "EFS orientation"}},
      {{9, 302}, {"FPP", "EFS finger/palm/plantar position"}},
      {{9, 303}, {"FSP", "EFS feature set profile"}},
      {{9, 307}, {"PAT", "EFS pattern classification"}},
      {{9, 308}, {"RQM", "EFS ridge quality map"}},
      {{9, 309}, {"RQF", "EFS ridge quality map format"}},
      {{9, 310}, {"RFM", "EFS ridge flow map"}},
      {{9, 311}, {"RFF", "EFS ridge flow map format"}},
      {{9, 312}, {"RWM", "EFS ridge wavelength map"}},
      {{9, 313}, {"RWF", "EFS ridge wavelength map format"}},
      {{9, 314}, {"TRV", "EFS tonal reversal"}},
      {{9, 315}, {"PLR", "EFS possible lateral reversal"}},
      {{9, 316}, {"FQM", "EFS friction ridge quality metric"}},
      {{9, 317}, {"PGS", "EFS possible growth or shrinkage"}},
      {{9, 320}, {"COR", "EFS cores"}},
      {{9, 321}, {"DEL", "EFS deltas"}},
      {{9, 322}, {"CDR", "EFS core-delta ridge counts"}},
      {{9, 323}, {"CPR", "EFS center point of reference"}},
      {{9, 324}, {"DIS", "EFS distinctive features"}},
      {{9, 325}, {"NCOR", "EFS no cores present"}},
      {{9, 326}, {"NDEL", "EFS no deltas present"}},
      {{9, 327}, {"NDIS", "EFS no distinctive features present"}},
      {{9, 331}, {"MIN", "EFS minutiae"}},
      {{9, 332}, {"MRA", "EFS minutiae ridge count algorithm"}},
      {{9, 333}, {"MRC", "EFS minutiae ridge counts"}},
      {{9, 334}, {"NMIN", "EFS no minutiae present"}},
      {{9, 335}, {"RCC", "EFS minutiae ridge count confidence"}},
      {{9, 340}, {"DOT", "EFS dots"}},
      {{9, 341}, {"INR", "EFS incipient ridges"}},
      {{9, 342}, {"CLD", "EFS creases and linear discontinuities"}},
      {{9, 343}, {"REF", "EFS ridge edge features"}},
      {{9, 344}, {"NPOR", "EFS no pores present"}},
      {{9, 345}, {"POR", "EFS pores"}},
      {{9, 346}, {"NDOT", "EFS no dots present"}},
      {{9, 347}, {"NINR", "EFS no incipient ridges present"}},
      {{9, 348}, {"NCLD", "EFS no creases present"}},
      {{9, 349}, {"NREF", "EFS no ridge edge features present"}},
      {{9, 350}, {"MFD", "EFS method of feature detection"}},
      {{9, 351}, {"COM", "EFS comment"}},
      {{9, 352}, {"LPM", "EFS latent processing method"}},
      {{9, 353}, {"EAA", "EFS examiner analysis assessment"}},
      {{9, 354}, {"EOF", "EFS evidence of fraud"}},
      {{9, 355}, {"LSB", "EFS latent substrate"}},
      {{9, 356}, {"LMT", "EFS latent matrix"}},
      {{9, 357}, {"LQI", "EFS local quality issues"}},
      {{9, 360}, {"AOC", "EFS area of correspondence"}},
      {{9, 361}, {"CPF", "EFS corresponding points or features"}},
      {{9, 362}, {"ECD", "EFS examiner comparison determination"}},
      {{9, 363}, {"RRC", "EFS relative rotation of corresponding print"}},
      {{9, 372}, {"SIM", "EFS skeletonized image"}},
      {{9, 373}, {"RPS", "EFS ridge path segments"}},
      {{9, 380}, {"TPL", "EFS temporary lines"}},
      {{9, 381}, {"FCC", "EFS feature color - comment"}},
      // Type-98 information assurance
      {{98, 3}, {"DFO", "IA data format owner"}},
      {{98, 4}, {"SRC", "source agency"}},
      {{98, 5}, {"DFT", "IA data format type"}},
      {{98, 6}, {"DCD", "IA data creation date (GMT)"}},
      {{98, 900}, {"ALF", "audit log"}},
      {{98, 901}, {"ARN", "audit revision number"}},
      // Type-99 CBEFF biometric data
      {{99, 3}, {"SRC", "source agency"}},
      {{99, 4}, {"BCD", "biometric capture date"}},
      {{99, 100}, {"HDV", "CBEFF header version"}},
      {{99, 101}, {"BTY", "biometric type"}},
      {{99, 102}, {"BDQ", "biometric data quality"}},
      {{99, 103}, {"BFO", "BDB format owner"}},
      {{99, 104}, {"BFT", "BDB format type"}},
      // Type-10 facial and other body part images (fields beyond the image block)
      {{10, 20}, {"POS", "subject pose"}},
      {{10, 21}, {"POA", "pose offset angle"}},
      {{10, 23}, {"PAS", "photo acquisition source"}},
      {{10, 25}, {"SPA", "subject pose angles"}},
      {{10, 26}, {"SXS", "subject facial description"}},
      {{10, 27}, {"SEC", "subject eye color"}},
      {{10, 28}, {"SHC", "subject hair color"}},
      {{10, 40}, {"SMT", "NCIC designation code (SMT)"}},
      {{10, 41}, {"SMS", "scar, mark and tattoo size"}},
      {{10, 42}, {"SMD", "SMT descriptors"}},
      // Type-17 iris
      {{17, 3}, {"ELR", "eye label"}},
      // Type-2 user-defined descriptive text
  };
  return t;
}

}  // namespace

std::string_view recordTypeName(int type) {
  switch (type) {
    case 1: return "Transaction information";
    case 2: return "User-defined descriptive text";
    case 3: return "Low-resolution grayscale fingerprint image (deprecated)";
    case 4: return "High-resolution grayscale fingerprint image";
    case 5: return "Low-resolution binary fingerprint image (deprecated)";
    case 6: return "High-resolution binary fingerprint image (deprecated)";
    case 7: return "User-defined image";
    case 8: return "Signature image";
    case 9: return "Minutiae data";
    case 10: return "Photographic body part imagery (face, SMT)";
    case 11: return "Forensic and investigatory voice data";
    case 12: return "Forensic dental and oral data";
    case 13: return "Friction-ridge image of variable resolution (latent)";
    case 14: return "Variable-resolution fingerprint image";
    case 15: return "Variable-resolution palm print image";
    case 16: return "User-defined variable-resolution testing image";
    case 17: return "Iris image";
    case 18: return "DNA data";
    case 19: return "Variable-resolution plantar image";
    case 20: return "Source representation";
    case 21: return "Associated context";
    case 22: return "Non-photographic imagery";
    case 98: return "Information assurance";
    case 99: return "CBEFF biometric data";
    default: return "Record type not defined by ANSI/NIST-ITL 1-2011";
  }
}

FieldName fieldName(int recordType, int fieldNumber) {
  if (auto it = table().find({recordType, fieldNumber}); it != table().end()) return it->second;
  switch (recordType) {
    case 10: case 13: case 14: case 15: case 16: case 17: case 19: case 20:
      return imageField(recordType, fieldNumber);
    case 1: return fieldNumber == 1 ? commonField(1) : FieldName{};
    case 2:
      if (fieldNumber <= 2) return commonField(fieldNumber);
      return {"UDF", "user-defined field"};
    case 9:
      if (fieldNumber >= 13 && fieldNumber <= 125) return {"", "vendor-defined feature set"};
      if (fieldNumber >= 176 && fieldNumber <= 225) return {"", "other feature set"};
      return commonField(fieldNumber);
    default:
      if (fieldNumber >= 200 && fieldNumber <= 900 && recordType != 98) return {"UDF", "user-defined field"};
      return commonField(fieldNumber);
  }
}

std::string_view binaryHeaderLayout(int recordType) {
  switch (recordType) {
    case 3: case 4: case 5: case 6: return "LEN(4) IDC(1) IMP(1) FGP(6) ISR(1) HLL(2) VLL(2) CGA(1) DATA";
    case 7: return "LEN(4) IDC(1) user-defined";
    case 8: return "LEN(4) IDC(1) SIG(1) SRT(1) ISR(1) HLL(2) VLL(2) DATA";
    default: return "";
  }
}

}  // namespace ridgeline::ansinist
