#pragma once
// A real case for GUI tests: a latent-like mark and its clean mate (MinNet
// generated-latent set from FVC2000 DB2a, see tests/data/views/SOURCES.md)
// with the minutiae NBIS wrote beside them (.xyt: x y theta quality).
#include <QFile>
#include <QImage>
#include <QTextStream>
#include <cmath>
#include <numbers>

#include "views/casework/case_session.h"

inline ridgeline::FeatureSet readXyt(const QString& path) {
  ridgeline::FeatureSet set;
  set.author = ridgeline::FeatureAuthor::Hub;
  set.authorName = "NBIS mindtct (fixture)";
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return set;
  QTextStream in(&f);
  while (!in.atEnd()) {
    const auto parts = in.readLine().split(' ', Qt::SkipEmptyParts);
    if (parts.size() < 4) continue;
    ridgeline::Minutia m;
    m.x = parts[0].toDouble();
    m.y = parts[1].toDouble();
    m.direction = ridgeline::normalizeAngle(parts[2].toDouble() * std::numbers::pi / 180);
    m.quality = parts[3].toInt();
    m.type = ridgeline::MinutiaType::Unknown;
    set.minutiae.push_back(m);
  }
  return set;
}

inline ridgeline::views::CaseSession fixtureSession() {
  using namespace ridgeline;
  const QString dir = QStringLiteral(RIDGELINE_TEST_DATA "/views/");
  views::CaseSession s;
  s.caseInfo.hubId = "S-2026-000417";
  s.caseInfo.priority = 2;
  s.caseInfo.hubThreshold = 40;
  s.caseInfo.bestHubScore = 31.5;
  s.probe.impression.role = ImpressionRole::Probe;
  s.probe.impression.ppi = 500;
  s.probe.image = QImage(dir + "mark_1_5.png").convertToFormat(QImage::Format_Grayscale8);
  s.probe.automatic = readXyt(dir + "mark_1_5.xyt");
  views::LoadedImpression cand;
  cand.impression.id = 77;
  cand.impression.role = ImpressionRole::Candidate;
  cand.impression.rank = 1;
  cand.impression.hubScore = 31.5;
  cand.impression.ppi = 500;
  cand.image = QImage(dir + "clean_1_2.png").convertToFormat(QImage::Format_Grayscale8);
  cand.automatic = readXyt(dir + "clean_1_2.xyt");
  s.candidates.push_back(cand);
  return s;
}
