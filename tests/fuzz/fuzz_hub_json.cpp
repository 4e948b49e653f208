// libFuzzer target: hub protocol JSON as the desk and the reference hub read
// it (queue pages, case summaries, lease grants, receipts, decisions). Any
// input must either parse or throw InputError; a parsed queue page must
// re-serialise to text that parses to the same entries.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/hub/protocol/hub_messages.h"
#include "core/util/errors.h"

namespace {

template <typename Parse>
void tryParse(Parse parse, const std::string& text) {
  try {
    parse(text);
  } catch (const ridgeline::InputError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ridgeline::hub;
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const QueuePage page = parseQueuePage(text);
    const QueuePage again = parseQueuePage(toJson(page));
    if (again.items.size() != page.items.size() || again.nextCursor != page.nextCursor) std::abort();
    for (size_t i = 0; i < page.items.size(); ++i)
      if (again.items[i].hubId != page.items[i].hubId || again.items[i].priority != page.items[i].priority) std::abort();
  } catch (const ridgeline::InputError&) {
  }
  tryParse(parseCaseSummary, text);
  tryParse(parseLeaseGrant, text);
  tryParse(parseDecisionReceipt, text);
  tryParse(parseDecisionSubmission, text);
  tryParse(parseHubVersion, text);
  (void)errorMessageFrom(text);
  return 0;
}
