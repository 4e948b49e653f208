#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ridgeline {

std::string toHex(std::span<const std::uint8_t> bytes);
// nullopt when the text is not an even-length string of hex digits.
std::optional<std::vector<std::uint8_t>> fromHex(std::string_view text);

}  // namespace ridgeline
