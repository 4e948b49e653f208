#include "core/formats/wsq/nistcom.h"

#include <cstdlib>
#include <sstream>

namespace ridgeline::wsq {

bool isNistcom(const std::string& comment) { return comment.rfind("NIST_COM", 0) == 0; }

std::map<std::string, std::string> parseNistcom(const std::string& comment) {
  std::map<std::string, std::string> fields;
  std::istringstream in(comment);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == '\0' || line.back() == ' ')) line.pop_back();
    const auto space = line.find(' ');
    if (space == std::string::npos || space == 0) continue;
    const auto valueStart = line.find_first_not_of(' ', space);
    fields.emplace(line.substr(0, space), valueStart == std::string::npos ? "" : line.substr(valueStart));
  }
  return fields;
}

double ppiFromComments(const std::vector<std::string>& comments) {
  for (const auto& c : comments) {
    if (!isNistcom(c)) continue;
    const auto fields = parseNistcom(c);
    const auto it = fields.find("PPI");
    if (it == fields.end()) continue;
    char* end = nullptr;
    const double ppi = std::strtod(it->second.c_str(), &end);
    // "PPI -1" means unknown; anything absurd is treated as not stated.
    if (end != it->second.c_str() && ppi > 0 && ppi < 100000) return ppi;
  }
  return 0;
}

std::string makeNistcom(int width, int height, double ppi, double bitrate) {
  std::ostringstream body;
  int lines = 1;
  auto add = [&](const std::string& key, const std::string& value) {
    body << key << ' ' << value << '\n';
    ++lines;
  };
  add("PIX_WIDTH", std::to_string(width));
  add("PIX_HEIGHT", std::to_string(height));
  add("PIX_DEPTH", "8");
  std::ostringstream p;
  if (ppi > 0) p << ppi;
  else p << -1;
  add("PPI", p.str());
  add("LOSSY", "1");
  add("COLORSPACE", "GRAY");
  add("COMPRESSION", "WSQ");
  std::ostringstream b;
  b << bitrate;
  add("WSQ_BITRATE", b.str());
  return "NIST_COM " + std::to_string(lines) + "\n" + body.str();
}

}  // namespace ridgeline::wsq
