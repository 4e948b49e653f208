#pragma once
// Seeds the reference hub with the demo searches of resources/demo
// (manifest.json, SOURCES.md): each probe is ranked against the small
// gallery by the scores the manifest supplies, the best candidates go into
// an ANSI/NIST payload, and the search is queued only when its best score is
// below the modality's threshold, as a real hub does.
#include <filesystem>
#include <string>
#include <vector>

#include "core/hub/server/hub_database.h"

namespace ridgeline::hub {

struct DemoSeedReport {
  std::vector<std::string> queued;    // hub ids added to the queue
  std::vector<std::string> answered;  // best score at or above threshold: the hub decided alone
};

// demoDir holds manifest.json; InputError naming the file/field when it is wrong.
DemoSeedReport seedDemoCases(HubDatabase& database, const std::filesystem::path& demoDir);

// resources/demo as found by findResource; RemoteError saying where it looked.
std::filesystem::path demoResourceDir();

}  // namespace ridgeline::hub
