#include "wast_runner.hpp"

#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "binary/encoder.hpp"
#include "host/spectest.hpp"
#include "native/compiler_plugin.hpp"
#include "native/native_code.hpp"
#include "interp/interpreter.hpp"
#include "runtime/instantiate.hpp"
#include "text/lexer.hpp"
#include "text/script.hpp"
#include "text/wat_parser.hpp"

namespace petrel::tools {
namespace {

using text::Command;
using text::Expected;

std::string show_value(const Value& v) {
  switch (v.type) {
    case ValType::I32: return fmt::format("(i32.const {})", static_cast<int32_t>(v.bits));
    case ValType::I64: return fmt::format("(i64.const {})", static_cast<int64_t>(v.bits));
    case ValType::F32:
      return fmt::format("(f32.const {} [{:#010x}])", std::bit_cast<float>(static_cast<uint32_t>(v.bits)), v.bits);
    case ValType::F64: return fmt::format("(f64.const {} [{:#018x}])", std::bit_cast<double>(v.bits), v.bits);
    case ValType::FuncRef: return v.bits ? "(ref.func)" : "(ref.null func)";
    case ValType::ExternRef: return v.bits ? fmt::format("(ref.extern {})", v.bits - 1) : "(ref.null extern)";
    case ValType::V128: return fmt::format("(v128.const i64x2 {:#018x} {:#018x})", v.bits, v.hi);
  }
  return "?";
}

// Lane `i` of `lane_bits` bits of a v128, as a value of the lane's type.
Value v128_lane(const Value& v, unsigned lane_bits, unsigned i, ValType lane_type) {
  unsigned bit = i * lane_bits;
  uint64_t half = bit < 64 ? v.bits : v.hi;
  uint64_t raw = lane_bits == 64 ? half : (half >> (bit % 64)) & ((uint64_t{1} << lane_bits) - 1);
  return Value{lane_type, raw};
}

std::string show_expected(const Expected& e) {
  switch (e.kind) {
    case Expected::Kind::Exact:
      if (!e.lanes.empty()) {
        std::string s = fmt::format("(v128.const {}x{}", e.lanes[0].value.type == ValType::F32 || e.lanes[0].value.type == ValType::F64 ? 'f' : 'i', 128 / e.lane_bits);
        for (const auto& l : e.lanes) {
          s.append(" ");
          if (l.kind == Expected::Kind::CanonicalNan) s.append("nan:canonical");
          else if (l.kind == Expected::Kind::ArithmeticNan) s.append("nan:arithmetic");
          else s.append(fmt::format("{:#x}", l.value.bits));
        }
        return s + ")";
      }
      return show_value(e.value);
    case Expected::Kind::CanonicalNan: return fmt::format("({}.const nan:canonical)", valtype_name(e.value.type));
    case Expected::Kind::ArithmeticNan: return fmt::format("({}.const nan:arithmetic)", valtype_name(e.value.type));
    case Expected::Kind::AnyRef: return fmt::format("({})", e.value.type == ValType::FuncRef ? "ref.func" : "ref.extern");
    case Expected::Kind::Either: {
      std::string s = "(either";
      for (const auto& a : e.alternatives) s.append(" ").append(show_expected(a));
      return s + ")";
    }
  }
  return "?";
}

bool matches(const Expected& e, const Value& v) {
  if (!e.lanes.empty() && e.kind != Expected::Kind::Either) {
    if (v.type != ValType::V128) return false;
    for (unsigned i = 0; i < e.lanes.size(); ++i)
      if (!matches(e.lanes[i], v128_lane(v, e.lane_bits, i, e.lanes[i].value.type))) return false;
    return true;
  }
  switch (e.kind) {
    case Expected::Kind::Either:
      for (const auto& a : e.alternatives)
        if (matches(a, v)) return true;
      return false;
    case Expected::Kind::AnyRef: return v.type == e.value.type && v.bits != kNullRef;
    case Expected::Kind::CanonicalNan:
    case Expected::Kind::ArithmeticNan: {
      if (v.type != e.value.type) return false;
      bool canonical = e.kind == Expected::Kind::CanonicalNan;
      if (v.type == ValType::F32) {
        uint32_t b = static_cast<uint32_t>(v.bits);
        return canonical ? (b & 0x7FFFFFFFu) == 0x7FC00000u : (b & 0x7FC00000u) == 0x7FC00000u;
      }
      return canonical ? (v.bits & 0x7FFFFFFFFFFFFFFFull) == 0x7FF8000000000000ull
                       : (v.bits & 0x7FF8000000000000ull) == 0x7FF8000000000000ull;
    }
    case Expected::Kind::Exact:
      if (v.type != e.value.type) return false;
      if (v.type == ValType::I32 || v.type == ValType::F32)
        return static_cast<uint32_t>(v.bits) == static_cast<uint32_t>(e.value.bits);
      return v.bits == e.value.bits;
  }
  return false;
}

class ScriptRunner {
 public:
  ScriptRunner(std::string path, const SkipList& skips, const WastOptions& options)
      : path_(std::move(path)), file_(std::filesystem::path(path_).filename().string()), skips_(skips),
        aot_(options.aot),
        metered_(options.metered),
        store_(std::make_unique<interp::Interpreter>(interp::InterpreterConfig{.metered = options.metered}),
               StoreLimits{.guard_regions = options.aot}) {
    host::define_spectest(store_, linker_);
  }

  WastTotals run(const std::vector<Command>& cmds) {
    for (const auto& c : cmds) {
      bool assertion = text::is_assertion(c.kind);
      if (assertion) {
        if (const auto* reason = skips_.find(file_, c.line)) {
          (void)reason;
          ++totals_.skipped;
          continue;
        }
      }
      std::string failure = execute(c);
      if (failure.empty()) {
        if (assertion) ++totals_.passed;
      } else {
        ++totals_.failed;
        fmt::print("{}:{}: {}\n", path_, c.line, failure);
      }
    }
    return totals_;
  }

 private:
  // Decodes/parses and validates a script module.
  Result<std::shared_ptr<const LoadedModule>> load(const text::ScriptModule& sm) {
    switch (sm.form) {
      case text::ScriptModule::Form::Text:
        if (!sm.text) return std::unexpected(sm.text.error());
        return load_ir(*sm.text);
      case text::ScriptModule::Form::Binary:
        return load_binary(std::span(reinterpret_cast<const uint8_t*>(sm.bytes.data()), sm.bytes.size()));
      case text::ScriptModule::Form::Quote: {
        auto m = text::parse_wat(sm.bytes);
        if (!m) return std::unexpected(m.error());
        return load_ir(std::move(*m));
      }
    }
    return std::unexpected(Error{Error::Kind::Malformed, "bad module form", {}});
  }

  Result<ModuleInstance*> instantiate(const text::ScriptModule& sm) {
    auto lm = load(sm);
    if (!lm) return std::unexpected(lm.error());
    if (aot_) {
      lm = compile(sm, **lm);
      if (!lm) return std::unexpected(lm.error());
    }
    return linker_.instantiate(store_, *lm);
  }

  // --aot: the module compiled, loaded from its universal form; failing to compile or to use
  // the compiled code is an error (no silent fallback to the interpreter).
  Result<std::shared_ptr<const LoadedModule>> compile(const text::ScriptModule& sm, const LoadedModule& lm) {
    std::vector<uint8_t> bytes = sm.form == text::ScriptModule::Form::Binary
                                     ? std::vector<uint8_t>(sm.bytes.begin(), sm.bytes.end())
                                     : encode_module(lm.ir);
    native::CompileRequest request;
    request.metered = metered_;
    auto universal = native::compile_module(bytes, request);
    if (!universal) return std::unexpected(Error{Error::Kind::Io, "aot: " + universal.error().message, {}});
    native::LoadReport report;
    auto compiled = native::load_module(*universal, {.made_here = true}, &report);
    if (compiled && !report.native)
      return std::unexpected(Error{Error::Kind::Io, "aot: compiled code not used: " + report.why_not, {}});
    return compiled;
  }

  ModuleInstance* target(const std::optional<std::string>& id) {
    if (!id) return current_;
    auto it = named_.find(*id);
    return it == named_.end() ? nullptr : it->second;
  }

  Result<std::vector<Value>> perform(const text::Action& a) {
    ModuleInstance* inst = target(a.module);
    if (!inst) return std::unexpected(Error{Error::Kind::Usage, "no such module instance", {}});
    auto ext = inst->find_export(a.name);
    if (!ext) return std::unexpected(Error{Error::Kind::Usage, fmt::format("no export \"{}\"", a.name), {}});
    if (a.kind == text::Action::Kind::Get) {
      if (ext->kind != ExternKind::Global) return std::unexpected(Error{Error::Kind::Usage, "not a global", {}});
      return std::vector<Value>{Value{ext->global()->type.type, ext->global()->value, ext->global()->hi}};
    }
    if (ext->kind != ExternKind::Func) return std::unexpected(Error{Error::Kind::Usage, "not a function", {}});
    FuncInstance* f = ext->func();
    if (a.args.size() != f->type.params.size())
      return std::unexpected(Error{Error::Kind::Usage, "wrong number of arguments", {}});
    std::vector<uint64_t> args, results(slot_count(f->type.results));
    for (const auto& v : a.args) push_slots(v, args);
    auto r = store_.call(f, args, results);
    if (!r) return std::unexpected(r.error());
    std::vector<Value> out;
    size_t slot = 0;
    for (ValType t : f->type.results) {
      Value v{t, results[slot++]};
      if (t == ValType::V128) v.hi = results[slot++];
      out.push_back(v);
    }
    return out;
  }

  static bool message_matches(const std::string& expected, const std::string& got) {
    return got.compare(0, expected.size(), expected) == 0;
  }

  std::string expect_failure(const Result<ModuleInstance*>& r, const Command& c, const char* what) {
    if (r) return fmt::format("expected {} \"{}\", but the module instantiated", what, c.message);
    if (!message_matches(c.message, r.error().message))
      return fmt::format("expected {} \"{}\", got \"{}\"", what, c.message, r.error().describe());
    return {};
  }

  std::string execute(const Command& c) {
    switch (c.kind) {
      case Command::Kind::Module: {
        auto r = instantiate(c.module);
        if (!r) return fmt::format("module failed: {}", r.error().describe());
        current_ = *r;
        if (c.module.id) named_[*c.module.id] = *r;
        return {};
      }
      case Command::Kind::Register: {
        ModuleInstance* inst = target(c.register_module);
        if (!inst) return "register: no such module instance";
        linker_.define_instance(c.message, *inst);
        return {};
      }
      case Command::Kind::Action: {
        auto r = perform(c.action);
        if (!r) return fmt::format("action failed: {}", r.error().describe());
        return {};
      }
      case Command::Kind::AssertReturn: {
        auto r = perform(c.action);
        if (!r) return fmt::format("expected a result, got error: {}", r.error().describe());
        bool ok = r->size() == c.expected.size();
        for (size_t i = 0; ok && i < r->size(); ++i) ok = matches(c.expected[i], (*r)[i]);
        if (ok) return {};
        std::string exp, got;
        for (const auto& e : c.expected) exp += show_expected(e) + " ";
        for (const auto& v : *r) got += show_value(v) + " ";
        return fmt::format("{}: expected {}, got {}", c.action.name, exp, got);
      }
      case Command::Kind::AssertTrap:
      case Command::Kind::AssertExhaustion: {
        if (c.has_module) {
          auto r = instantiate(c.module);
          if (r) return fmt::format("expected trap \"{}\", but the module instantiated", c.message);
          if (r.error().kind != Error::Kind::Trap || !message_matches(c.message, r.error().message))
            return fmt::format("expected trap \"{}\", got \"{}\"", c.message, r.error().describe());
          return {};
        }
        auto r = perform(c.action);
        if (r) return fmt::format("{}: expected trap \"{}\", got a result", c.action.name, c.message);
        if (r.error().kind != Error::Kind::Trap || !message_matches(c.message, r.error().message))
          return fmt::format("{}: expected trap \"{}\", got \"{}\"", c.action.name, c.message, r.error().describe());
        return {};
      }
      case Command::Kind::AssertMalformed:
      case Command::Kind::AssertInvalid: {
        auto lm = load(c.module);
        const char* what = c.kind == Command::Kind::AssertMalformed ? "malformed" : "invalid";
        if (lm) return fmt::format("expected {} \"{}\", but the module loaded", what, c.message);
        if (!message_matches(c.message, lm.error().message))
          return fmt::format("expected {} \"{}\", got \"{}\"", what, c.message, lm.error().describe());
        return {};
      }
      case Command::Kind::AssertUnlinkable:
        return expect_failure(instantiate(c.module), c, "unlinkable");
      case Command::Kind::AssertUninstantiable:
        return expect_failure(instantiate(c.module), c, "uninstantiable");
    }
    return "unknown command";
  }

  std::string path_, file_;
  const SkipList& skips_;
  bool aot_ = false;
  bool metered_ = false;
  Store store_;
  Linker linker_;
  ModuleInstance* current_ = nullptr;
  std::map<std::string, ModuleInstance*> named_;
  WastTotals totals_;
};

// Top-level `(assert_…` commands, found by tokens alone (for scripts we cannot interpret yet).
uint64_t count_assertions(const std::string& source) {
  auto tokens = text::tokenize(source);
  if (!tokens) return 0;
  uint64_t n = 0;
  int depth = 0;
  const auto& t = *tokens;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind == text::TokKind::LParen) {
      if (depth == 0 && i + 1 < t.size() && t[i + 1].text.starts_with("assert_")) ++n;
      ++depth;
    } else if (t[i].kind == text::TokKind::RParen) {
      --depth;
    }
  }
  return n;
}

}  // namespace

bool SkipList::load(const std::string& path, SkipList& out, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = fmt::format("cannot read skip list {}", path);
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ss(line);
    std::string key, reason;
    ss >> key;
    std::getline(ss, reason);
    if (key.empty()) continue;
    if (reason.find_first_not_of(" \t") == std::string::npos) {
      error = fmt::format("{}: entry '{}' has no reason", path, key);
      return false;
    }
    out.entries[key] = reason.substr(reason.find_first_not_of(" \t"));
  }
  return true;
}

const std::string* SkipList::find(const std::string& file, uint32_t line) const {
  auto it = entries.find(file);
  if (it != entries.end()) return &it->second;
  it = entries.find(fmt::format("{}:{}", file, line));
  return it != entries.end() ? &it->second : nullptr;
}

WastTotals run_wast_file(const std::string& path, const SkipList& skips, const WastOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fmt::print("{}: cannot read file\n", path);
    return {0, 1, 0};
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string file = std::filesystem::path(path).filename().string();
  if (const auto* reason = skips.find(file, 0)) {
    // A whole file is skipped: count its assertions without interpreting them.
    uint64_t n = count_assertions(ss.str());
    fmt::print("{}: skipped {} assertions: {}\n", path, n, *reason);
    return {0, 0, n};
  }
  auto cmds = text::parse_script(ss.str());
  if (!cmds) {
    fmt::print("{}: {}\n", path, cmds.error().describe());
    return {0, 1, 0};
  }
  ScriptRunner runner(path, skips, options);
  return runner.run(*cmds);
}

}  // namespace petrel::tools
