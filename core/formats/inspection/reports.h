#pragma once
// Internal to inspection: one report builder per format family.
#include <cstdint>
#include <vector>

#include "core/formats/inspection/file_inspection.h"

namespace ridgeline::inspection {

JsonValue ansiNistReport(const std::vector<std::uint8_t>& bytes, const InspectOptions& options);
JsonValue isoTemplateReport(const std::vector<std::uint8_t>& bytes, const InspectOptions& options);
JsonValue imageReport(const std::vector<std::uint8_t>& bytes, const InspectOptions& options);

}  // namespace ridgeline::inspection
