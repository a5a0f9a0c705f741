#include "validator/validator.hpp"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include <set>
#include <string>
#include <unordered_set>

#include "ir/instr_reader.hpp"
#include "validator/code_validator.hpp"

namespace petrel {
namespace {

class ModuleValidator {
 public:
  explicit ModuleValidator(const Module& m) : m_(m) {}

  Result<void> run() {
    for (const auto& imp : m_.imports) {
      switch (imp.kind) {
        case ExternKind::Func:
          if (imp.func_type >= m_.types.size()) return invalid(fmt::format("unknown type {}", imp.func_type));
          break;
        case ExternKind::Table: PETREL_CHECK(table_limits(imp.table.limits)); break;
        case ExternKind::Memory: PETREL_CHECK(memory_limits(imp.memory.limits)); break;
        case ExternKind::Global: break;
      }
    }
    for (const auto& f : m_.functions)
      if (f.type >= m_.types.size()) return invalid(fmt::format("unknown type {}", f.type));
    for (const auto& t : m_.tables) PETREL_CHECK(table_limits(t.limits));
    for (const auto& mem : m_.memories) PETREL_CHECK(memory_limits(mem.limits));
    if (m_.total_memories() > 1) return invalid("multiple memories");

    collect_declared_refs();

    // Global initialisers see only imported globals (WebAssembly 2.0).
    for (const auto& g : m_.globals) PETREL_CHECK(const_expr(g.init, g.type.type, m_.num_imported_globals));

    std::unordered_set<std::string_view> names;
    for (const auto& e : m_.exports) {
      if (!names.insert(e.name).second) return invalid("duplicate export name");
      PETREL_CHECK(index_exists(e.kind, e.index));
    }
    if (m_.start) {
      PETREL_CHECK(index_exists(ExternKind::Func, *m_.start));
      const auto& t = m_.types[m_.func_type_index(*m_.start)];
      if (!t.params.empty() || !t.results.empty()) return invalid("start function");
    }
    for (const auto& seg : m_.elems) {
      if (seg.mode == SegmentMode::Active) {
        if (seg.table >= m_.total_tables()) return invalid(fmt::format("unknown table {}", seg.table));
        if (m_.table_type(seg.table).elem != seg.type) return invalid("type mismatch");
        PETREL_CHECK(const_expr(seg.offset, ValType::I32, m_.num_imported_globals));
      }
      for (const auto& item : seg.items) PETREL_CHECK(const_expr(item, seg.type, m_.num_imported_globals));
    }
    for (const auto& seg : m_.datas) {
      if (seg.mode == SegmentMode::Active) {
        if (seg.memory >= m_.total_memories()) return invalid(fmt::format("unknown memory {}", seg.memory));
        PETREL_CHECK(const_expr(seg.offset, ValType::I32, m_.num_imported_globals));
      }
    }
    return validate_functions();
  }

 private:
  // Function bodies are independent: a large module validates them on several threads. The
  // error reported is the first function's in index order, as when validating one by one.
  Result<void> validate_functions() {
    uint32_t n = static_cast<uint32_t>(m_.functions.size());
    unsigned threads = std::min(std::thread::hardware_concurrency(), 4u);
    if (threads < 2 || m_.code.size() < (size_t{4} << 20)) {
      for (uint32_t i = 0; i < n; ++i) PETREL_CHECK(validate_function(m_, i, declared_refs_));
      return {};
    }
    constexpr uint32_t kChunk = 256;
    std::atomic<uint32_t> next{0};
    std::atomic<uint32_t> first_failure{UINT32_MAX};
    std::vector<std::optional<Error>> errors(threads);
    std::vector<uint32_t> failed_at(threads, UINT32_MAX);
    auto work = [&](unsigned t) {
      for (;;) {
        uint32_t begin = next.fetch_add(kChunk, std::memory_order_relaxed);
        if (begin >= n || begin > first_failure.load(std::memory_order_relaxed)) return;
        for (uint32_t i = begin; i < std::min(n, begin + kChunk); ++i) {
          auto r = validate_function(m_, i, declared_refs_);
          if (r) continue;
          if (i < failed_at[t]) {
            failed_at[t] = i;
            errors[t] = std::move(r.error());
          }
          uint32_t seen = first_failure.load(std::memory_order_relaxed);
          while (i < seen && !first_failure.compare_exchange_weak(seen, i, std::memory_order_relaxed)) {
          }
          return;  // later functions of this chunk cannot come first
        }
      }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool) th.join();
    unsigned best = 0;
    for (unsigned t = 1; t < threads; ++t)
      if (failed_at[t] < failed_at[best]) best = t;
    if (failed_at[best] == UINT32_MAX) return {};
    return std::unexpected(std::move(*errors[best]));
  }

  Result<void> table_limits(const Limits& l) {
    if (l.max && l.min > *l.max) return invalid("size minimum must not be greater than maximum");
    return {};
  }
  Result<void> memory_limits(const Limits& l) {
    if (l.min > kMaxPages || (l.max && *l.max > kMaxPages))
      return invalid("memory size must be at most 65536 pages (4GiB)");
    if (l.max && l.min > *l.max) return invalid("size minimum must not be greater than maximum");
    return {};
  }
  Result<void> index_exists(ExternKind kind, uint32_t idx) {
    switch (kind) {
      case ExternKind::Func:
        if (idx >= m_.total_funcs()) return invalid(fmt::format("unknown function {}", idx));
        break;
      case ExternKind::Table:
        if (idx >= m_.total_tables()) return invalid(fmt::format("unknown table {}", idx));
        break;
      case ExternKind::Memory:
        if (idx >= m_.total_memories()) return invalid(fmt::format("unknown memory {}", idx));
        break;
      case ExternKind::Global:
        if (idx >= m_.total_globals()) return invalid(fmt::format("unknown global {}", idx));
        break;
    }
    return {};
  }
  // C.refs: functions referenced outside function bodies may be used by ref.func in bodies.
  void collect_declared_refs() {
    auto scan = [&](const ConstExpr& e) {
      InstrReader r(e.code, e.offset);
      Instr in;
      while (!r.at_end() && r.next(in)) {
        if (in.op == Op::RefFunc) declared_refs_.insert(in.a);
      }
    };
    for (const auto& g : m_.globals) scan(g.init);
    for (const auto& seg : m_.elems)
      for (const auto& item : seg.items) scan(item);
    for (const auto& e : m_.exports)
      if (e.kind == ExternKind::Func) declared_refs_.insert(e.index);
  }
  Result<void> const_expr(const ConstExpr& e, ValType expected, uint32_t visible_globals) {
    InstrReader r(e.code, e.offset);
    Instr in;
    std::vector<ValType> stack;
    for (;;) {
      PETREL_CHECK(r.next(in));
      auto pos = SourcePos::at_offset(in.offset);
      switch (in.op) {
        case Op::I32Const: stack.push_back(ValType::I32); break;
        case Op::I64Const: stack.push_back(ValType::I64); break;
        case Op::F32Const: stack.push_back(ValType::F32); break;
        case Op::F64Const: stack.push_back(ValType::F64); break;
        case Op::V128Const: stack.push_back(ValType::V128); break;
        case Op::RefNull: stack.push_back(in.type); break;
        case Op::RefFunc:
          if (in.a >= m_.total_funcs()) return invalid(fmt::format("unknown function {}", in.a), pos);
          stack.push_back(ValType::FuncRef);
          break;
        case Op::GlobalGet: {
          if (in.a >= visible_globals) return invalid(fmt::format("unknown global {}", in.a), pos);
          auto t = m_.global_type(in.a);
          if (t.mut) return invalid("constant expression required", pos);
          stack.push_back(t.type);
          break;
        }
        case Op::End:
          if (stack.size() != 1 || stack[0] != expected) return invalid("type mismatch", pos);
          return {};
        default: return invalid("constant expression required", pos);
      }
    }
  }

  const Module& m_;
  std::set<uint32_t> declared_refs_;
};

}  // namespace

Result<void> validate_module(const Module& m) { return ModuleValidator(m).run(); }

}  // namespace petrel
