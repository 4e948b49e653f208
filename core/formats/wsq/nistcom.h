#pragma once
// NISTCOM: the NIST convention for a WSQ comment segment holding image
// attributes as "KEY value" lines, the first being "NIST_COM <line count>".
// It is where a WSQ file states its resolution (PPI).
#include <map>
#include <string>
#include <vector>

namespace ridgeline::wsq {

bool isNistcom(const std::string& comment);
std::map<std::string, std::string> parseNistcom(const std::string& comment);
// PPI from the first NISTCOM comment stating a positive one; 0 if none does.
double ppiFromComments(const std::vector<std::string>& comments);
std::string makeNistcom(int width, int height, double ppi, double bitrate);

}  // namespace ridgeline::wsq
