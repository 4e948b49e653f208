#pragma once
// OpenCV's encoders do not write a resolution for PNG, JPEG or BMP; these
// put the stated PPI into the encoded bytes the way each format defines it.
#include <cstdint>
#include <vector>

namespace ridgeline {

void addPngResolution(std::vector<std::uint8_t>& png, double ppi);   // inserts a pHYs chunk after IHDR
void setJfifResolution(std::vector<std::uint8_t>& jpeg, double ppi); // patches the JFIF APP0 density
void setBmpResolution(std::vector<std::uint8_t>& bmp, double ppi);   // patches biXPelsPerMeter/biYPelsPerMeter
void addJp2Resolution(std::vector<std::uint8_t>& jp2, double ppi);   // appends a capture-resolution box to jp2h
std::uint32_t crc32(const std::uint8_t* data, std::size_t n, std::uint32_t crc = 0);

}  // namespace ridgeline
