#pragma once
// Shared helpers of the ANSI/NIST suites: committed fixtures by name.
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

inline std::vector<std::uint8_t> readAnsiNistFixture(const std::string& name) {
  std::ifstream in(std::string(RIDGELINE_TEST_DATA) + "/formats/ansinist/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

inline const std::vector<std::string>& ansiNistFixtureNames() {
  static const std::vector<std::string> names = {
      "rec01_rec02_rec16.nst.an2", "sign_vec.an2",      "type-10-branded-tattoo-mark.an2",
      "type-14-amp-nqm-utf8.an2",  "type-17-iris.an2",  "type-4-slaps.an2",
      "type-5.an2",                "type-8-sig-fax.an2", "type-9-14-m1.an2",
      "type-9-14-std.an2",         "valid1.15.an2"};
  return names;
}
