// The WAST script format of the spec testsuite: modules, actions and assertions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ir/module.hpp"
#include "ir/value.hpp"
#include "support/error.hpp"

namespace petrel::text {

struct ScriptModule {
  enum class Form { Text, Binary, Quote } form = Form::Text;
  std::optional<std::string> id;
  Result<Module> text = std::unexpected(Error{});  // Form::Text: the parse result
  std::string bytes;                               // Form::Binary: bytes; Form::Quote: source
};

// An expected result: an exact value, a NaN class, any non-null reference, or alternatives.
struct Expected {
  enum class Kind { Exact, CanonicalNan, ArithmeticNan, AnyRef, Either } kind = Kind::Exact;
  Value value;
  std::vector<Expected> alternatives;
  // A v128 result is compared lane by lane (so lanes may hold NaN patterns): `lanes` holds
  // one expectation per lane of `lane_bits` bits (i32/i64/f32/f64 values; i8/i16 as i32).
  std::vector<Expected> lanes;
  unsigned lane_bits = 0;
};

struct Action {
  enum class Kind { Invoke, Get } kind = Kind::Invoke;
  std::optional<std::string> module;
  std::string name;
  std::vector<Value> args;
};

struct Command {
  enum class Kind {
    Module, Register, Action, AssertReturn, AssertTrap, AssertExhaustion, AssertMalformed,
    AssertInvalid, AssertUnlinkable, AssertUninstantiable,
  } kind;
  uint32_t line = 0;
  ScriptModule module;       // Module and module assertions
  bool has_module = false;   // AssertTrap may hold a module instead of an action
  Action action;
  std::vector<Expected> expected;
  std::string message;       // assertion text, or the name given to `register`
  std::optional<std::string> register_module;
};

// Parses a whole .wast file. Syntax errors outside quoted/binary modules are fatal.
Result<std::vector<Command>> parse_script(std::string_view source);

// True when this is an assertion (counted as one test).
inline bool is_assertion(Command::Kind k) {
  return k != Command::Kind::Module && k != Command::Kind::Register && k != Command::Kind::Action;
}

}  // namespace petrel::text
