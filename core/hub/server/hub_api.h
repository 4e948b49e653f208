#pragma once
// Protocol v1 routes of the reference hub (docs/hub-protocol.md): bearer-token
// auth by role, JSON in and out, the ANSI/NIST payload, every request logged.
// Request bodies are read with a size cap and parsed as hostile input; any
// failure becomes a JSON error with a status code, never a dropped connection.
#include <string>
#include <vector>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "core/hub/server/hub_database.h"
#include "core/hub/server/hub_tokens.h"
#include "core/hub/server/request_log.h"

namespace ridgeline::hub {

class HubApi {
 public:
  HubApi(HubDatabase& database, HubTokens tokens, RequestLog& log) : db_(database), tokens_(std::move(tokens)), log_(log) {}

  void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

 private:
  struct Reply {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
  };
  struct Call;

  Reply route(Call& call);
  Reply queue(Call& call);
  Reply caseSummary(Call& call, const std::string& hubId);
  Reply casePayload(Call& call, const std::string& hubId);
  Reply lease(Call& call, const std::string& hubId);
  Reply release(Call& call, const std::string& hubId);
  Reply decision(Call& call);

  HubDatabase& db_;
  HubTokens tokens_;
  RequestLog& log_;
};

}  // namespace ridgeline::hub
