// bench_case_view: how fast the comparison workspace is for the examiner.
//
//   first paint  ms from creating the case view (analysis locked, so the
//                comparison step opens directly) until both print canvases
//                have painted, window 1920x1080;
//   per frame    ms to pan or zoom the probe (the candidate follows, linked)
//                and repaint, synchronously, what that changes: both
//                canvases and the correspondence lines across them.
// Each is measured with the load of issue 7 (300 minutiae on each print,
// 100 numbered correspondences) and, in the same run, against a baseline
// of the same prints with no markup, so the cost of the markup is visible.
// Run under Xvfb on xcb for figures that include the X server
// (xvfb-run -a -s "-screen 0 1920x1200x24"); --smoke does a few iterations.
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <numbers>
#include <random>
#include <vector>

#include "machine_info.h"
#include "views/casework/case_view.h"
#include "views/comparison/correspondence_overlay.h"
#include "views/comparison/correspondence_document.h"
#include "views/shell/views_init.h"

using namespace ridgeline;
using namespace ridgeline::views;

namespace {

struct Load {
  const char* name;
  int minutiae;
  int correspondences;
};

std::vector<Minutia> scatter(int n, QSize size, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> x(20, size.width() - 20), y(20, size.height() - 20),
      a(0, 2 * std::numbers::pi);
  std::vector<Minutia> out(static_cast<size_t>(n));
  for (Minutia& m : out) {
    m.x = x(rng), m.y = y(rng), m.direction = a(rng);
    m.type = rng() % 2 ? MinutiaType::Ending : MinutiaType::Bifurcation;
    m.positionRadius = 6;
  }
  return out;
}

CaseSession session(const Load& load) {
  const QString dir = QStringLiteral(RIDGELINE_TEST_DATA "/views/");
  CaseSession s;
  s.caseInfo.hubId = "BENCH-1";
  s.probe.impression.ppi = 500;
  s.probe.image = QImage(dir + "mark_1_5.png").convertToFormat(QImage::Format_Grayscale8);
  s.analysis.author = FeatureAuthor::Examiner;
  s.analysis.minutiae = scatter(load.minutiae, s.probe.image.size(), 1);
  s.analysisLocked = true;
  LoadedImpression cand;
  cand.impression.id = 1;
  cand.impression.ppi = 500;
  cand.image = QImage(dir + "clean_1_2.png").convertToFormat(QImage::Format_Grayscale8);
  cand.automatic.author = FeatureAuthor::LocalMatcher;
  cand.automatic.minutiae = scatter(load.minutiae, cand.image.size(), 2);
  s.candidates.push_back(cand);
  return s;
}

// Notes when a canvas viewport gets its first paint event.
class PaintWatch : public QObject {
 public:
  int painted = 0;
  bool eventFilter(QObject*, QEvent* e) override {
    if (e->type() == QEvent::Paint) ++painted;
    return false;
  }
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}
double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<size_t>(p * double(v.size())))];
}

void linkMarkup(CaseView& view, const Load& load) {
  std::vector<Correspondence> links;
  for (int i = 0; i < load.correspondences; ++i)
    links.push_back({i + 1, i, i, i % 3 ? CorrespondenceType::Definite : CorrespondenceType::Possible});
  view.correspondences()->reset(links);
}

double firstPaintMs(const Load& load) {
  QElapsedTimer clock;
  clock.start();
  CaseView view(session(load));
  linkMarkup(view, load);
  PaintWatch probe, candidate;
  view.comparison()->probeCanvas()->viewport()->installEventFilter(&probe);
  view.comparison()->candidateCanvas()->viewport()->installEventFilter(&candidate);
  view.resize(1920, 1080);
  view.show();
  // The paint runs right after the filter sees its event; the next turn of
  // the loop is therefore after both canvases have drawn.
  while (!(probe.painted && candidate.painted)) QApplication::processEvents(QEventLoop::AllEvents, 5);
  QApplication::processEvents();
  const double ms = double(clock.nsecsElapsed()) / 1e6;
  view.comparison()->probeCanvas()->viewport()->removeEventFilter(&probe);
  view.comparison()->candidateCanvas()->viewport()->removeEventFilter(&candidate);
  return ms;
}

std::vector<double> frameMs(const Load& load, int frames) {
  CaseView view(session(load));
  linkMarkup(view, load);
  view.resize(1920, 1080);
  view.show();
  for (int i = 0; i < 20; ++i) QApplication::processEvents();
  PrintCanvas* probe = view.comparison()->probeCanvas();
  QWidget* printArea = view.comparison()->overlay()->parentWidget();
  const double scale = probe->pixelsPerMm();
  const QPointF centre = probe->centreMm();
  std::vector<double> out;
  QElapsedTimer clock;
  for (int f = 0; f < frames; ++f) {
    clock.start();
    // Alternate pan (a slow circle of 3 mm) and zoom (1x..2x): both move every glyph and line.
    const double t = f * 0.1;
    const double zoom = f % 2 ? 1.0 + 0.5 * (1 + std::sin(t)) : 1.0;
    probe->setView(scale * zoom, probe->rotationDegrees(), centre + QPointF(3 * std::cos(t), 3 * std::sin(t)));
    printArea->repaint();  // what a pan or zoom dirties: both canvases and the lines across them
    QApplication::processEvents();
    out.push_back(double(clock.nsecsElapsed()) / 1e6);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  initViewsResources();
  const bool smoke = argc > 1 && std::strcmp(argv[1], "--smoke") == 0;
  bench::printMachineHeader("bench_case_view");
  std::printf("# Qt platform: %s; window 1920x1080; prints 500 ppi (tests/data/views)\n",
              qPrintable(QGuiApplication::platformName()));
  const int opens = smoke ? 2 : 15, frames = smoke ? 10 : 300;
  const Load loads[] = {{"baseline (no markup)", 0, 0}, {"300 minutiae + 100 links", 300, 100}};
  for (const Load& load : loads) {
    std::vector<double> paints;
    for (int i = 0; i < opens; ++i) paints.push_back(firstPaintMs(load));
    const auto frame = frameMs(load, frames);
    std::printf("%-26s first paint median %6.1f ms (max %6.1f, %d opens)   frame median %5.2f ms, p95 %5.2f ms, "
                "max %5.2f ms (%d frames)\n",
                load.name, median(paints), *std::max_element(paints.begin(), paints.end()), opens, median(frame),
                percentile(frame, 0.95), *std::max_element(frame.begin(), frame.end()), frames);
  }
  std::printf("goals (issue 7): first paint <= 150 ms, frame <= 16 ms\n");
  return 0;
}
