#include "runtime/instantiate.hpp"

#include <fmt/format.h>

#include <cstring>

#include "binary/decoder.hpp"
#include "ir/instr_reader.hpp"
#include "validator/validator.hpp"

namespace petrel {
namespace {

std::unexpected<Error> unlinkable(std::string msg) {
  return std::unexpected(Error{Error::Kind::Unlinkable, std::move(msg), {}});
}

Result<void> check_import(const Module& m, const Import& imp, const ExternVal& v) {
  auto incompatible = [&] {
    return unlinkable(fmt::format("incompatible import type for {}.{}", imp.module, imp.name));
  };
  if (v.kind != imp.kind) return incompatible();
  switch (imp.kind) {
    case ExternKind::Func:
      if (v.func()->type != m.types[imp.func_type]) return incompatible();
      break;
    case ExternKind::Table: {
      auto actual = v.table()->current_type();
      if (actual.elem != imp.table.elem || !limits_match(actual.limits, imp.table.limits)) return incompatible();
      break;
    }
    case ExternKind::Memory:
      if (!limits_match(v.memory()->current_type().limits, imp.memory.limits)) return incompatible();
      break;
    case ExternKind::Global:
      if (!(v.global()->type == imp.global)) return incompatible();
      break;
  }
  return {};
}

// Evaluates a validated constant expression; `hi` receives a v128's high half.
uint64_t eval_const(const ConstExpr& e, const ModuleInstance& inst, uint64_t* hi = nullptr) {
  InstrReader r(e.code, e.offset);
  Instr in;
  uint64_t value = 0, high = 0;
  while (!r.at_end() && r.next(in)) {
    switch (in.op) {
      case Op::I32Const:
      case Op::F32Const: value = static_cast<uint32_t>(in.bits); break;
      case Op::I64Const:
      case Op::F64Const: value = in.bits; break;
      case Op::V128Const: value = in.bits; high = in.bits_hi; break;
      case Op::RefNull: value = kNullRef; break;
      case Op::RefFunc: value = reinterpret_cast<Ref>(inst.funcs[in.a]); break;
      case Op::GlobalGet: value = inst.globals[in.a]->value; high = inst.globals[in.a]->hi; break;
      default: goto done;
    }
  }
done:
  if (hi) *hi = high;
  return value;
}

}  // namespace

Result<std::shared_ptr<const LoadedModule>> load_ir(Module ir) {
  auto v = validate_module(ir);
  if (!v) return std::unexpected(v.error());
  auto lm = std::make_shared<LoadedModule>();
  lm->ir = std::move(ir);
  return lm;
}

Result<std::shared_ptr<const LoadedModule>> load_binary(std::span<const uint8_t> bytes) {
  auto m = decode_module(bytes);
  if (!m) return std::unexpected(m.error());
  return load_ir(std::move(*m));
}

Result<ModuleInstance*> instantiate(Store& store, std::shared_ptr<const LoadedModule> lm,
                                    std::span<const ExternVal> imports) {
  const Module& m = lm->ir;
  if (imports.size() != m.imports.size())
    return unlinkable(fmt::format("expected {} imports, got {}", m.imports.size(), imports.size()));
  for (size_t i = 0; i < imports.size(); ++i) {
    auto ok = check_import(m, m.imports[i], imports[i]);
    if (!ok) return std::unexpected(ok.error());
  }

  auto owned = std::make_unique<ModuleInstance>();
  ModuleInstance& inst = *owned;
  inst.module = lm;
  for (const auto& t : m.types) inst.type_ids.push_back(intern_func_type(t));
  for (size_t i = 0; i < imports.size(); ++i) {
    const auto& v = imports[i];
    switch (v.kind) {
      case ExternKind::Func: inst.funcs.push_back(v.func()); break;
      case ExternKind::Table: inst.tables.push_back(v.table()); break;
      case ExternKind::Memory: inst.memories.push_back(v.memory()); break;
      case ExternKind::Global: inst.globals.push_back(v.global()); break;
    }
  }
  for (uint32_t i = 0; i < m.functions.size(); ++i) {
    auto f = std::make_unique<FuncInstance>();
    f->type = m.types[m.functions[i].type];
    f->type_id = inst.type_ids[m.functions[i].type];
    f->instance = &inst;
    f->defined_index = i;
    uint32_t index = m.num_imported_funcs + i;
    if (auto it = m.func_names.find(index); it != m.func_names.end()) f->debug_name = it->second;
    inst.funcs.push_back(store.add_func(std::move(f)));
  }
  for (const auto& t : m.tables) {
    auto table = store.add_table(t, kNullRef);
    if (!table) return std::unexpected(table.error());
    inst.tables.push_back(*table);
  }
  for (const auto& mt : m.memories) {
    auto mem = store.add_memory(mt, lm->native != nullptr);
    if (!mem) return std::unexpected(mem.error());
    inst.memories.push_back(*mem);
  }
  for (const auto& g : m.globals) {
    uint64_t hi = 0;
    uint64_t lo = eval_const(g.init, inst, &hi);
    inst.globals.push_back(store.add_global(g.type, lo, hi));
  }
  for (const auto& seg : m.elems) {
    std::vector<Ref> refs;
    refs.reserve(seg.items.size());
    for (const auto& item : seg.items) refs.push_back(eval_const(item, inst));
    inst.elem_segments.push_back(std::move(refs));
  }
  for (const auto& seg : m.datas) inst.data_segments.emplace_back(seg.bytes);
  for (const auto& e : m.exports) {
    ExternVal v{e.kind, nullptr};
    switch (e.kind) {
      case ExternKind::Func:
        v.ptr = inst.funcs[e.index];
        if (inst.funcs[e.index]->debug_name.empty()) inst.funcs[e.index]->debug_name = e.name;
        break;
      case ExternKind::Table: v.ptr = inst.tables[e.index]; break;
      case ExternKind::Memory: v.ptr = inst.memories[e.index]; break;
      case ExternKind::Global: v.ptr = inst.globals[e.index]; break;
    }
    inst.exports.emplace_back(e.name, v);
  }
  ModuleInstance* result = store.add_instance(std::move(owned));
  if (lm->native) {
    std::string why;
    inst.runs_native = lm->native->attach(store, inst, why);
    inst.native_fallback = std::move(why);
  }

  // Segment initialisation, in order; a trap leaves earlier writes in place (as the spec says).
  for (size_t i = 0; i < m.elems.size(); ++i) {
    const auto& seg = m.elems[i];
    if (seg.mode == SegmentMode::Passive) continue;
    if (seg.mode == SegmentMode::Active) {
      uint64_t offset = static_cast<uint32_t>(eval_const(seg.offset, inst));
      auto* table = inst.tables[seg.table];
      const auto& refs = inst.elem_segments[i];
      if (offset + refs.size() > table->elems.size()) return trap(trap_message(TrapCode::TableOutOfBounds));
      std::copy(refs.begin(), refs.end(), table->elems.begin() + static_cast<ptrdiff_t>(offset));
    }
    inst.elem_segments[i].clear();
  }
  for (size_t i = 0; i < m.datas.size(); ++i) {
    const auto& seg = m.datas[i];
    if (seg.mode != SegmentMode::Active) continue;
    uint64_t offset = static_cast<uint32_t>(eval_const(seg.offset, inst));
    auto* mem = inst.memories[seg.memory];
    if (offset + seg.bytes.size() > mem->size_bytes()) return trap(trap_message(TrapCode::MemoryOutOfBounds));
    if (!seg.bytes.empty()) std::memcpy(mem->data() + offset, seg.bytes.data(), seg.bytes.size());
    inst.data_segments[i] = {};
  }
  if (m.start) {
    auto ok = store.call(inst.funcs[*m.start], {}, {});
    if (!ok) return std::unexpected(ok.error());
  }
  return result;
}

void Linker::define(const std::string& module, const std::string& name, ExternVal v) {
  defs_[{module, name}] = v;
}

void Linker::define_instance(const std::string& module, const ModuleInstance& inst) {
  for (const auto& [name, v] : inst.exports) define(module, name, v);
}

Result<ModuleInstance*> Linker::instantiate(Store& store, std::shared_ptr<const LoadedModule> module) const {
  std::vector<ExternVal> imports;
  for (const auto& imp : module->ir.imports) {
    auto it = defs_.find({imp.module, imp.name});
    if (it == defs_.end()) return unlinkable(fmt::format("unknown import {}.{}", imp.module, imp.name));
    imports.push_back(it->second);
  }
  return petrel::instantiate(store, std::move(module), imports);
}

}  // namespace petrel
