// libFuzzer target: arbitrary text through the WAST script parser and, for every module
// that parses, the validator.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/script.hpp"
#include "text/wat_parser.hpp"
#include "validator/validator.hpp"

using namespace petrel;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view src(reinterpret_cast<const char*>(data), size);
  if (auto m = text::parse_wat(src)) (void)validate_module(*m);
  if (auto cmds = text::parse_script(src)) {
    for (const auto& c : *cmds) {
      if (!c.has_module) continue;
      if (c.module.form == text::ScriptModule::Form::Text && c.module.text) (void)validate_module(*c.module.text);
      if (c.module.form == text::ScriptModule::Form::Quote) {
        if (auto m = text::parse_wat(c.module.bytes)) (void)validate_module(*m);
      }
    }
  }
  return 0;
}
