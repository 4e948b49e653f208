#pragma once
// Every benchmark opens with the machine it ran on, so figures are never
// compared across machines by accident.
#include <string>

namespace ridgeline::bench {

std::string machineDescription();  // CPU model, cores, memory, compiler, build type
void printMachineHeader(const std::string& benchmarkName);

}  // namespace ridgeline::bench
