#include "core/store/feature_document.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cmath>

#include "core/store/json_text.h"
#include "core/util/errors.h"

namespace ridgeline::store {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

void writeMinutiae(JsonWriter& w, const FeatureSet& f) {
  w.key("minutiae").beginArray();
  for (const Minutia& m : f.minutiae) {
    w.beginObject().key("x").value(m.x).key("y").value(m.y).key("direction").value(m.direction);
    w.key("type").value(toCode(m.type)).key("positionRadius").value(m.positionRadius);
    w.key("directionUncertainty").value(m.directionUncertainty).key("quality").value(m.quality).endObject();
  }
  w.endArray();
}

void writeSingularities(JsonWriter& w, const FeatureSet& f) {
  w.key("cores").beginArray();
  for (const Core& c : f.cores) {
    w.beginObject().key("x").value(c.x).key("y").value(c.y).key("direction");
    c.direction ? w.value(*c.direction) : w.null();
    w.key("positionRadius").value(c.positionRadius).endObject();
  }
  w.endArray().key("deltas").beginArray();
  for (const Delta& d : f.deltas) {
    w.beginObject().key("x").value(d.x).key("y").value(d.y).key("directions").beginArray();
    for (double a : d.directions) w.value(a);
    w.endArray().key("positionRadius").value(d.positionRadius).endObject();
  }
  w.endArray();
}

void writeRegionAndClarity(JsonWriter& w, const FeatureSet& f) {
  w.key("regionOfInterest").beginArray();
  for (const Point2& p : f.regionOfInterest) w.beginArray().value(p.x).value(p.y).endArray();
  w.endArray().key("clarity");
  if (!f.clarity) {
    w.null();
    return;
  }
  std::string levels;
  for (std::uint8_t v : f.clarity->levels) levels += static_cast<char>('0' + v);
  w.beginObject().key("blockSize").value(f.clarity->blockSize).key("cols").value(f.clarity->cols);
  w.key("rows").value(f.clarity->rows).key("levels").value(levels).endObject();
}

// Degrees per block, RidgeFlowMap::kNoFlow outside the print; null when the
// set has no flow map (examiner-made sets, documents written before it existed).
void writeRidgeFlow(JsonWriter& w, const FeatureSet& f) {
  w.key("ridgeFlow");
  if (!f.ridgeFlow) {
    w.null();
    return;
  }
  w.beginObject().key("blockSize").value(f.ridgeFlow->blockSize).key("cols").value(f.ridgeFlow->cols);
  w.key("rows").value(f.ridgeFlow->rows).key("directions").beginArray();
  for (std::uint8_t d : f.ridgeFlow->directions) w.value(int(d));
  w.endArray().key("periods").beginArray();
  for (std::uint16_t p : f.ridgeFlow->periods) w.value(int(p));
  w.endArray().endObject();
}

double number(const Object::Ptr& o, const std::string& key) {
  if (!o->has(key) || o->isNull(key)) throw InputError("feature document: '" + key + "' is missing");
  double v = o->getValue<double>(key);
  if (!std::isfinite(v)) throw InputError("feature document: '" + key + "' is not a finite number");
  return v;
}

// Whole numbers within bounds: a cast of an out-of-range double is undefined behaviour.
int integer(const Object::Ptr& o, const std::string& key, int min, int max) {
  const double v = number(o, key);
  if (v < min || v > max || v != std::floor(v))
    throw InputError("feature document: '" + key + "' must be a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max));
  return static_cast<int>(v);
}

double finiteElement(const Array::Ptr& a, size_t i, const std::string& what) {
  const double v = a->getElement<double>(static_cast<unsigned>(i));
  if (!std::isfinite(v)) throw InputError("feature document: " + what + " is not a finite number");
  return v;
}

template <class T, class F>
T parseCode(const std::string& code, F from, const std::string& what) {
  auto v = from(code);
  if (!v) throw InputError("feature document: unknown " + what + " '" + code + "'");
  return *v;
}

Array::Ptr array(const Object::Ptr& o, const std::string& key) {
  Array::Ptr a = o->getArray(key);
  if (!a) throw InputError("feature document: '" + key + "' is not an array");
  return a;
}

Object::Ptr element(const Array::Ptr& a, size_t i, const std::string& what) {
  Object::Ptr o = a->getObject(static_cast<unsigned>(i));
  if (!o) throw InputError("feature document: " + what + " " + std::to_string(i) + " is not an object");
  return o;
}

void readMinutiae(const Object::Ptr& root, FeatureSet& f) {
  Array::Ptr list = array(root, "minutiae");
  for (size_t i = 0; i < list->size(); ++i) {
    Object::Ptr o = element(list, i, "minutia");
    Minutia m;
    m.x = number(o, "x");
    m.y = number(o, "y");
    m.direction = number(o, "direction");
    m.type = parseCode<MinutiaType>(o->getValue<std::string>("type"), minutiaTypeFromCode, "minutia type");
    m.positionRadius = number(o, "positionRadius");
    m.directionUncertainty = number(o, "directionUncertainty");
    m.quality = integer(o, "quality", -1, 100);
    f.minutiae.push_back(m);
  }
}

void readSingularities(const Object::Ptr& root, FeatureSet& f) {
  Array::Ptr cores = array(root, "cores");
  for (size_t i = 0; i < cores->size(); ++i) {
    Object::Ptr o = element(cores, i, "core");
    Core c{number(o, "x"), number(o, "y"), std::nullopt, number(o, "positionRadius")};
    if (!o->isNull("direction")) c.direction = number(o, "direction");
    f.cores.push_back(c);
  }
  Array::Ptr deltas = array(root, "deltas");
  for (size_t i = 0; i < deltas->size(); ++i) {
    Object::Ptr o = element(deltas, i, "delta");
    Delta d{number(o, "x"), number(o, "y"), {}, number(o, "positionRadius")};
    Array::Ptr dirs = array(o, "directions");
    if (dirs->size() > 3) throw InputError("feature document: a delta has at most three directions");
    for (size_t k = 0; k < dirs->size(); ++k) d.directions.push_back(finiteElement(dirs, k, "delta direction"));
    f.deltas.push_back(d);
  }
}

Object::Ptr blockMap(const Object::Ptr& root, const std::string& key) {
  Object::Ptr o = root->getObject(key);
  if (!o) throw InputError("feature document: '" + key + "' is not an object");
  return o;
}

// The block grid shared by the clarity and ridge flow maps.
template <class Map>
void readGrid(const Object::Ptr& o, Map& map) {
  map.blockSize = integer(o, "blockSize", 1, 1024);
  map.cols = integer(o, "cols", 0, 65536);
  map.rows = integer(o, "rows", 0, 65536);
}

void readRegionAndClarity(const Object::Ptr& root, FeatureSet& f) {
  Array::Ptr roi = array(root, "regionOfInterest");
  for (size_t i = 0; i < roi->size(); ++i) {
    Array::Ptr p = roi->getArray(static_cast<unsigned>(i));
    if (!p || p->size() != 2) throw InputError("feature document: region point " + std::to_string(i) + " is not [x, y]");
    f.regionOfInterest.push_back({finiteElement(p, 0, "region x"), finiteElement(p, 1, "region y")});
  }
  if (root->isNull("clarity")) return;
  Object::Ptr c = blockMap(root, "clarity");
  ClarityMap map;
  readGrid(c, map);
  const std::string levels = c->getValue<std::string>("levels");
  if (levels.size() != static_cast<size_t>(map.cols) * static_cast<size_t>(map.rows))
    throw InputError("feature document: clarity map size does not match its levels");
  for (char ch : levels) {
    if (ch < '0' || ch > '5') throw InputError("feature document: clarity level outside 0-5");
    map.levels.push_back(static_cast<std::uint8_t>(ch - '0'));
  }
  f.clarity = std::move(map);
}

void readRidgeFlow(const Object::Ptr& root, FeatureSet& f) {
  if (!root->has("ridgeFlow") || root->isNull("ridgeFlow")) return;
  Object::Ptr o = blockMap(root, "ridgeFlow");
  RidgeFlowMap map;
  readGrid(o, map);
  Array::Ptr directions = array(o, "directions");
  if (directions->size() != static_cast<size_t>(map.cols) * static_cast<size_t>(map.rows))
    throw InputError("feature document: ridge flow map size does not match its directions");
  for (size_t i = 0; i < directions->size(); ++i) {
    const double d = finiteElement(directions, i, "ridge flow direction");
    if (d != std::floor(d) || d < 0 || (d > 179 && d != RidgeFlowMap::kNoFlow))
      throw InputError("feature document: ridge flow direction must be whole degrees 0-179 (255: no flow)");
    map.directions.push_back(static_cast<std::uint8_t>(d));
  }
  // Periods (tenths of a pixel, 0 unmeasured) came later: absent means none.
  if (o->has("periods")) {
    Array::Ptr periods = array(o, "periods");
    if (periods->size() != 0 && periods->size() != directions->size())
      throw InputError("feature document: ridge period count does not match the ridge flow map");
    for (size_t i = 0; i < periods->size(); ++i) {
      const double p = finiteElement(periods, i, "ridge period");
      if (p != std::floor(p) || p < 0 || p > 65535)
        throw InputError("feature document: ridge period must be whole tenths of a pixel, 0-65535");
      map.periods.push_back(static_cast<std::uint16_t>(p));
    }
  }
  f.ridgeFlow = std::move(map);
}

}  // namespace

std::string encodeFeatureDocument(const FeatureSet& f) {
  JsonWriter w;
  w.beginObject().key("format").value("ridgeline-features-1");
  w.key("author").value(toCode(f.author)).key("authorName").value(f.authorName).key("ppi").value(f.ppi);
  writeMinutiae(w, f);
  writeSingularities(w, f);
  writeRegionAndClarity(w, f);
  writeRidgeFlow(w, f);
  w.key("value").value(toCode(f.value)).key("patternClass").value(f.patternClass).key("quality").value(f.quality);
  w.endObject();
  return w.str();
}

FeatureSet decodeFeatureDocument(const std::string& json) {
  try {
    Poco::JSON::Parser parser;
    Object::Ptr root = parser.parse(json).extract<Object::Ptr>();
    if (root->getValue<std::string>("format") != "ridgeline-features-1")
      throw InputError("feature document: unknown format");
    FeatureSet f;
    f.author = parseCode<FeatureAuthor>(root->getValue<std::string>("author"), featureAuthorFromCode, "author");
    f.authorName = root->getValue<std::string>("authorName");
    f.ppi = number(root, "ppi");
    readMinutiae(root, f);
    readSingularities(root, f);
    readRegionAndClarity(root, f);
    readRidgeFlow(root, f);
    f.value = parseCode<ValueDetermination>(root->getValue<std::string>("value"), valueFromCode, "value");
    f.patternClass = root->getValue<std::string>("patternClass");
    f.quality = integer(root, "quality", -1, 100);
    return f;
  } catch (const Poco::Exception& e) {
    throw InputError("feature document is malformed: " + e.displayText());
  } catch (const std::bad_cast&) {
    throw InputError("feature document is malformed: a field has the wrong type");
  }
}

}  // namespace ridgeline::store
