// Documents the runtime prints: `features` (what this runtime supports, as the runtime spec's
// features document) and `spec` (a starting config.json for a wasm bundle).
#pragma once
#include <nlohmann/json.hpp>

namespace petrel::oci {

nlohmann::json features_document();
nlohmann::json spec_template();

}  // namespace petrel::oci
