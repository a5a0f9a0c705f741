// The validation algorithm of the spec's appendix: an operand stack whose entries may be
// "unknown" below an unreachable point, and a stack of control frames.
#include "validator/code_validator.hpp"

#include <fmt/format.h>

#include <vector>

#include "ir/instr_reader.hpp"

namespace petrel {
namespace {

// An operand type, or Unknown (bottom) in unreachable code.
enum class VT : uint8_t { Unknown = 0 };
inline VT vt(ValType t) { return static_cast<VT>(t); }
inline bool is_num(VT t) {
  return t == vt(ValType::I32) || t == vt(ValType::I64) || t == vt(ValType::F32) || t == vt(ValType::F64) ||
         t == vt(ValType::V128);
}

struct Frame {
  Op op;
  std::vector<ValType> params, results;
  size_t height;
  bool unreachable = false;
  const std::vector<ValType>& label_types() const { return op == Op::Loop ? params : results; }
};

class CodeValidator {
 public:
  CodeValidator(const Module& m, uint32_t index, const std::set<uint32_t>& refs)
      : m_(m), f_(m.functions[index]), refs_(refs), reader_(m.body(f_), f_.body_offset) {
    const auto& t = m.types[f_.type];
    locals_ = t.params;
    locals_.insert(locals_.end(), f_.locals.begin(), f_.locals.end());
    ctrls_.push_back(Frame{Op::Block, {}, t.results, 0});
  }

  Result<void> run() {
    Instr in;
    while (!ctrls_.empty()) {
      if (reader_.at_end()) return malformed("END opcode expected", SourcePos::at_offset(reader_.offset()));
      PETREL_CHECK(reader_.next(in));
      pos_ = SourcePos::at_offset(in.offset);
      PETREL_CHECK(step(in));
    }
    if (!reader_.at_end()) return malformed("section size mismatch", SourcePos::at_offset(reader_.offset()));
    return {};
  }

 private:
  std::unexpected<Error> fail(std::string msg) { return invalid(std::move(msg), pos_); }
  std::unexpected<Error> mismatch() { return fail("type mismatch"); }

  void push(VT t) { vals_.push_back(t); }
  void push(ValType t) { vals_.push_back(vt(t)); }
  Result<VT> pop() {
    auto& c = ctrls_.back();
    if (vals_.size() == c.height) {
      if (c.unreachable) return VT::Unknown;
      return mismatch();
    }
    VT t = vals_.back();
    vals_.pop_back();
    return t;
  }
  Result<VT> pop(ValType expect) {
    auto t = pop();
    if (!t) return t;
    if (*t != vt(expect) && *t != VT::Unknown) return mismatch();
    return *t;
  }
  Result<void> pop_all(const std::vector<ValType>& ts) {
    for (size_t i = ts.size(); i-- > 0;) PETREL_CHECK(pop(ts[i]));
    return {};
  }
  void push_all(const std::vector<ValType>& ts) {
    for (auto t : ts) push(t);
  }
  void push_ctrl(Op op, std::vector<ValType> params, std::vector<ValType> results) {
    ctrls_.push_back(Frame{op, std::move(params), std::move(results), vals_.size()});
    push_all(ctrls_.back().params);
  }
  Result<Frame> pop_ctrl() {
    if (ctrls_.empty()) return mismatch();
    PETREL_CHECK(pop_all(ctrls_.back().results));
    if (vals_.size() != ctrls_.back().height) return mismatch();
    Frame f = std::move(ctrls_.back());
    ctrls_.pop_back();
    return f;
  }
  void set_unreachable() {
    vals_.resize(ctrls_.back().height);
    ctrls_.back().unreachable = true;
  }

  Result<FuncType> block_type(const BlockType& bt) {
    auto sig = block_signature(m_.types, bt);
    if (!sig) return fail(fmt::format("unknown type {}", bt.type_index));
    return std::move(*sig);
  }
  Result<const Frame*> label(uint32_t depth) {
    if (depth >= ctrls_.size()) return fail(fmt::format("unknown label {}", depth));
    return &ctrls_[ctrls_.size() - 1 - depth];
  }
  Result<void> need_memory(uint32_t idx) {
    if (idx >= m_.total_memories()) return fail(fmt::format("unknown memory {}", idx));
    return {};
  }
  Result<TableType> table(uint32_t idx) {
    if (idx >= m_.total_tables()) return fail(fmt::format("unknown table {}", idx));
    return m_.table_type(idx);
  }
  Result<void> need_data_count() {
    if (!m_.data_count) return malformed("data count section required", pos_);
    return {};
  }

  Result<void> step(const Instr& in) {
    const OpInfo& info = op_info(in.op);
    if (info.params != "*") {
      // Plain instructions: typed by the opcode table.
      if (info.imm == ImmKind::Memarg || info.imm == ImmKind::MemargLane) {
        PETREL_CHECK(need_memory(0));
        if (in.align > info.natural_align) return fail("alignment must not be larger than natural");
        if (info.imm == ImmKind::MemargLane && in.lane >= lane_count(in.op)) return fail("invalid lane index");
      } else if (info.imm == ImmKind::Lane) {
        if (in.lane >= lane_count(in.op)) return fail("invalid lane index");
      } else if (info.imm == ImmKind::Shuffle) {
        for (int i = 0; i < 8; ++i)
          if (((in.bits >> (8 * i)) & 0xFF) >= 32 || ((in.bits_hi >> (8 * i)) & 0xFF) >= 32)
            return fail("invalid lane index");
      } else if (info.imm == ImmKind::Memory || info.imm == ImmKind::MemoryCopy) {
        PETREL_CHECK(need_memory(0));
      } else if (in.op == Op::MemoryInit) {
        PETREL_CHECK(need_data_count());
        PETREL_CHECK(need_memory(0));
        if (in.a >= *m_.data_count) return fail(fmt::format("unknown data segment {}", in.a));
      } else if (in.op == Op::DataDrop) {
        PETREL_CHECK(need_data_count());
        if (in.a >= *m_.data_count) return fail(fmt::format("unknown data segment {}", in.a));
      } else if (in.op == Op::ElemDrop) {
        if (in.a >= m_.elems.size()) return fail(fmt::format("unknown elem segment {}", in.a));
      } else if (in.op == Op::TableSize) {
        PETREL_CHECK(table(in.a));
      }
      for (size_t i = info.params.size(); i-- > 0;) PETREL_CHECK(pop(signature_type(info.params[i])));
      for (char c : info.results) push(signature_type(c));
      return {};
    }
    switch (in.op) {
      case Op::Unreachable: set_unreachable(); return {};
      case Op::Block:
      case Op::Loop: {
        auto bt = block_type(in.block);
        if (!bt) return std::unexpected(bt.error());
        PETREL_CHECK(pop_all(bt->params));
        push_ctrl(in.op, bt->params, bt->results);
        return {};
      }
      case Op::If: {
        auto bt = block_type(in.block);
        if (!bt) return std::unexpected(bt.error());
        PETREL_CHECK(pop(ValType::I32));
        PETREL_CHECK(pop_all(bt->params));
        push_ctrl(Op::If, bt->params, bt->results);
        return {};
      }
      case Op::Else: {
        if (ctrls_.back().op != Op::If) return mismatch();
        auto f = pop_ctrl();
        if (!f) return std::unexpected(f.error());
        push_ctrl(Op::Else, f->params, f->results);
        return {};
      }
      case Op::End: {
        auto f = pop_ctrl();
        if (!f) return std::unexpected(f.error());
        // An `if` without `else` must leave its parameters as its results.
        if (f->op == Op::If && f->params != f->results) return mismatch();
        push_all(f->results);
        return {};
      }
      case Op::Br: {
        auto l = label(in.a);
        if (!l) return std::unexpected(l.error());
        PETREL_CHECK(pop_all((*l)->label_types()));
        set_unreachable();
        return {};
      }
      case Op::BrIf: {
        PETREL_CHECK(pop(ValType::I32));
        auto l = label(in.a);
        if (!l) return std::unexpected(l.error());
        auto types = (*l)->label_types();
        PETREL_CHECK(pop_all(types));
        push_all(types);
        return {};
      }
      case Op::BrTable: {
        PETREL_CHECK(pop(ValType::I32));
        auto def = label(in.a);
        if (!def) return std::unexpected(def.error());
        size_t arity = (*def)->label_types().size();
        for (uint32_t target : in.labels) {
          auto l = label(target);
          if (!l) return std::unexpected(l.error());
          auto types = (*l)->label_types();
          if (types.size() != arity) return mismatch();
          // Check operands against this label without consuming them.
          std::vector<VT> popped;
          for (size_t i = types.size(); i-- > 0;) {
            auto t = pop(types[i]);
            if (!t) return std::unexpected(t.error());
            popped.push_back(*t);
          }
          for (size_t i = popped.size(); i-- > 0;) push(popped[i]);
        }
        PETREL_CHECK(pop_all((*def)->label_types()));
        set_unreachable();
        return {};
      }
      case Op::Return:
        PETREL_CHECK(pop_all(ctrls_.front().results));
        set_unreachable();
        return {};
      case Op::Call: {
        if (in.a >= m_.total_funcs()) return fail(fmt::format("unknown function {}", in.a));
        const auto& t = m_.types[m_.func_type_index(in.a)];
        PETREL_CHECK(pop_all(t.params));
        push_all(t.results);
        return {};
      }
      case Op::CallIndirect: {
        auto tt = table(in.b);
        if (!tt) return std::unexpected(tt.error());
        if (tt->elem != ValType::FuncRef) return mismatch();
        if (in.a >= m_.types.size()) return fail(fmt::format("unknown type {}", in.a));
        PETREL_CHECK(pop(ValType::I32));
        const auto& t = m_.types[in.a];
        PETREL_CHECK(pop_all(t.params));
        push_all(t.results);
        return {};
      }
      case Op::Drop: PETREL_CHECK(pop()); return {};
      case Op::Select: {
        PETREL_CHECK(pop(ValType::I32));
        auto t1 = pop();
        if (!t1) return std::unexpected(t1.error());
        auto t2 = pop();
        if (!t2) return std::unexpected(t2.error());
        if ((*t1 != VT::Unknown && !is_num(*t1)) || (*t2 != VT::Unknown && !is_num(*t2))) return mismatch();
        if (*t1 != *t2 && *t1 != VT::Unknown && *t2 != VT::Unknown) return mismatch();
        push(*t1 == VT::Unknown ? *t2 : *t1);
        return {};
      }
      case Op::SelectT:
        PETREL_CHECK(pop(ValType::I32));
        PETREL_CHECK(pop(in.type));
        PETREL_CHECK(pop(in.type));
        push(in.type);
        return {};
      case Op::LocalGet:
      case Op::LocalSet:
      case Op::LocalTee: {
        if (in.a >= locals_.size()) return fail(fmt::format("unknown local {}", in.a));
        ValType t = locals_[in.a];
        if (in.op != Op::LocalGet) PETREL_CHECK(pop(t));
        if (in.op != Op::LocalSet) push(t);
        return {};
      }
      case Op::GlobalGet:
      case Op::GlobalSet: {
        if (in.a >= m_.total_globals()) return fail(fmt::format("unknown global {}", in.a));
        auto g = m_.global_type(in.a);
        if (in.op == Op::GlobalGet) {
          push(g.type);
        } else {
          if (!g.mut) return fail("global is immutable");
          PETREL_CHECK(pop(g.type));
        }
        return {};
      }
      case Op::TableGet: {
        auto tt = table(in.a);
        if (!tt) return std::unexpected(tt.error());
        PETREL_CHECK(pop(ValType::I32));
        push(tt->elem);
        return {};
      }
      case Op::TableSet: {
        auto tt = table(in.a);
        if (!tt) return std::unexpected(tt.error());
        PETREL_CHECK(pop(tt->elem));
        PETREL_CHECK(pop(ValType::I32));
        return {};
      }
      case Op::TableGrow: {
        auto tt = table(in.a);
        if (!tt) return std::unexpected(tt.error());
        PETREL_CHECK(pop(ValType::I32));
        PETREL_CHECK(pop(tt->elem));
        push(ValType::I32);
        return {};
      }
      case Op::TableFill: {
        auto tt = table(in.a);
        if (!tt) return std::unexpected(tt.error());
        PETREL_CHECK(pop(ValType::I32));
        PETREL_CHECK(pop(tt->elem));
        PETREL_CHECK(pop(ValType::I32));
        return {};
      }
      case Op::TableCopy: {
        auto dst = table(in.a);
        if (!dst) return std::unexpected(dst.error());
        auto src = table(in.b);
        if (!src) return std::unexpected(src.error());
        if (dst->elem != src->elem) return mismatch();
        for (int i = 0; i < 3; ++i) PETREL_CHECK(pop(ValType::I32));
        return {};
      }
      case Op::TableInit: {
        auto tt = table(in.b);
        if (!tt) return std::unexpected(tt.error());
        if (in.a >= m_.elems.size()) return fail(fmt::format("unknown elem segment {}", in.a));
        if (m_.elems[in.a].type != tt->elem) return mismatch();
        for (int i = 0; i < 3; ++i) PETREL_CHECK(pop(ValType::I32));
        return {};
      }
      case Op::RefNull: push(in.type); return {};
      case Op::RefIsNull: {
        auto t = pop();
        if (!t) return std::unexpected(t.error());
        if (*t != VT::Unknown && *t != vt(ValType::FuncRef) && *t != vt(ValType::ExternRef)) return mismatch();
        push(ValType::I32);
        return {};
      }
      case Op::RefFunc:
        if (in.a >= m_.total_funcs()) return fail(fmt::format("unknown function {}", in.a));
        if (!refs_.count(in.a)) return fail("undeclared function reference");
        push(ValType::FuncRef);
        return {};
      default: return mismatch();
    }
  }

  const Module& m_;
  const Function& f_;
  const std::set<uint32_t>& refs_;
  InstrReader reader_;
  std::vector<ValType> locals_;
  std::vector<VT> vals_;
  std::vector<Frame> ctrls_;
  SourcePos pos_;
};

}  // namespace

Result<void> validate_function(const Module& m, uint32_t index, const std::set<uint32_t>& declared_refs) {
  return CodeValidator(m, index, declared_refs).run();
}

}  // namespace petrel
