// The store's JSON text: deterministic output, UTF-8 only, and the feature
// document reader treating its input as hostile.
#include <QtTest>

#include "core/store/feature_document.h"
#include "core/store/json_text.h"
#include "core/util/errors.h"
#include "store_fixtures.h"

using namespace ridgeline;
using namespace ridgeline::store;

class TestStoreJson : public QObject {
  Q_OBJECT
 private slots:
  void writerIsDeterministicAndEscapes() {
    JsonWriter w;
    w.beginObject().key("a").value("x\"y\\z\n").key("n").value(0.1).key("i").value(42);
    w.key("list").beginArray().value(true).null().value(-2.5e-7).endArray().key("empty").beginObject().endObject();
    w.endObject();
    // (no raw string here: moc's tokenizer trips over escaped quotes inside one)
    QCOMPARE(w.str(), std::string("{\"a\":\"x\\\"y\\\\z\\n\",\"n\":0.1,\"i\":42,"
                                  "\"list\":[true,null,-2.5e-07],\"empty\":{}}"));
    QVERIFY_THROWS_EXCEPTION(InputError, JsonWriter().value(std::numeric_limits<double>::infinity()));
  }

  void utf8IsChecked() {
    QVERIFY(isValidUtf8("plain"));
    QVERIFY(isValidUtf8("Zürich — 指紋 😀"));
    QVERIFY(!isValidUtf8("\xff"));
    QVERIFY(!isValidUtf8("\xc3"));              // truncated
    QVERIFY(!isValidUtf8("\xc0\xaf"));          // overlong '/'
    QVERIFY(!isValidUtf8("\xed\xa0\x80"));      // surrogate
    QVERIFY(!isValidUtf8("\xf4\x90\x80\x80"));  // beyond U+10FFFF
    QVERIFY_THROWS_EXCEPTION(InputError, jsonQuote("bad \xff byte"));
    QVERIFY_THROWS_EXCEPTION(InputError, requireJsonObject("{\"a\":\"\xff\"}", "details"));
  }

  void featureDocumentRoundTripsExactly() {
    FeatureSet f = fixtures::makeFeatures(20);
    f.minutiae[3].direction = 6.283185307179586 - 1e-15;
    f.minutiae[4].x = 1.0 / 3.0;
    f.cores[0].direction.reset();
    f.authorName = "Zürich lab 指紋";
    const std::string doc = encodeFeatureDocument(f);
    QVERIFY(decodeFeatureDocument(doc) == f);
    QCOMPARE(encodeFeatureDocument(decodeFeatureDocument(doc)), doc);  // same bytes, same hash
  }

  void documentsWithoutRidgeFlowStillRead() {
    // Sets saved before the flow map existed, and examiner-made sets, have none.
    FeatureSet f = fixtures::makeFeatures(3);
    f.ridgeFlow.reset();
    std::string doc = encodeFeatureDocument(f);
    QVERIFY(doc.find("\"ridgeFlow\":null") != std::string::npos);
    QVERIFY(decodeFeatureDocument(doc) == f);
    doc.replace(doc.find(",\"ridgeFlow\":null"), std::string(",\"ridgeFlow\":null").size(), "");
    QVERIFY(decodeFeatureDocument(doc) == f);
    // A flow map saved before ridge periods were kept reads with none.
    FeatureSet withFlow = fixtures::makeFeatures(3);
    std::string older = encodeFeatureDocument(withFlow);
    const std::string periods = ",\"periods\":[90,85,102,0,0,77]";
    older.replace(older.find(periods), periods.size(), "");
    withFlow.ridgeFlow->periods.clear();
    QVERIFY(decodeFeatureDocument(older) == withFlow);
  }

  void hostileFeatureDocumentsAreRefused_data() {
    QTest::addColumn<QByteArray>("doc");
    const std::string good = encodeFeatureDocument(fixtures::makeFeatures(2));
    auto replaced = [&](const std::string& from, const std::string& to) {
      std::string s = good;
      s.replace(s.find(from), from.size(), to);
      return QByteArray::fromStdString(s);
    };
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("not json") << QByteArray("{{{");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("truncated") << QByteArray::fromStdString(good.substr(0, good.size() / 2));
    QTest::newRow("wrong format") << replaced("ridgeline-features-1", "other-9");
    QTest::newRow("minutia type") << replaced("\"type\":\"E\"", "\"type\":\"Q\"");
    QTest::newRow("x is text") << replaced("\"x\":10.25", "\"x\":\"ten\"");
    QTest::newRow("x missing") << replaced("\"x\":10.25,", "");
    QTest::newRow("minutiae not array") << replaced("\"minutiae\":[", "\"minutiae\":{\"a\":[");
    QTest::newRow("clarity size") << replaced("\"cols\":2", "\"cols\":9");
    QTest::newRow("clarity level") << replaced("\"levels\":\"012345\"", "\"levels\":\"012349\"");
    QTest::newRow("flow size") << replaced("\"cols\":3", "\"cols\":4");
    QTest::newRow("flow direction") << replaced("[0,45,179", "[0,45,180");
    QTest::newRow("fractional flow") << replaced("[0,45,179", "[0,45.5,179");
    QTest::newRow("period count") << replaced("[90,85,102,0,0,77]", "[90,85,102,0,0]");
    QTest::newRow("negative period") << replaced("[90,85,102", "[-90,85,102");
    QTest::newRow("flow not object") << replaced("\"ridgeFlow\":{", "\"ridgeFlow\":5,\"was\":{");
    QTest::newRow("region point") << replaced("[0,0]", "[0]");
    QTest::newRow("huge quality") << replaced("\"quality\":55}", "\"quality\":1e300}");
    QTest::newRow("fractional cols") << replaced("\"cols\":2", "\"cols\":2.5");
    QTest::newRow("four delta directions") << replaced("[0.5,2.5,4]", "[0.5,2.5,4,1]");
    QTest::newRow("infinite region") << replaced("[0,0]", "[1e999,0]");
    QTest::newRow("deep nesting") << QByteArray(100000, '[');
  }
  void hostileFeatureDocumentsAreRefused() {
    QFETCH(QByteArray, doc);
    QVERIFY_THROWS_EXCEPTION(InputError, decodeFeatureDocument(doc.toStdString()));
  }
};

QTEST_GUILESS_MAIN(TestStoreJson)
#include "test_store_json.moc"
