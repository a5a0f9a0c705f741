// One pass over a validated body: track the operand-stack height, emit handler words and
// immediates, and patch forward branches when their block ends. Code after an unconditional
// branch is not emitted.
#include "interp/translator.hpp"

#include <algorithm>

#include "ir/instr_reader.hpp"

namespace petrel::interp {
namespace {

struct Ctrl {
  Op op;
  uint32_t height;  // stack height below the block's parameters
  uint32_t nparams, nresults;
  size_t start;     // loop: code index of the loop head
  std::vector<size_t> fixups;  // code indices of target words to point at the block's end
  size_t else_fixup = SIZE_MAX;
  bool dead;        // opened inside unreachable code: emits nothing at all
  bool unreachable = false;
  uint32_t label_arity() const { return op == Op::Loop ? nparams : nresults; }
};

class Translator {
 public:
  Translator(const Module& m, uint32_t idx, const void* const* handlers)
      : m_(m), f_(m.functions[idx]), handlers_(handlers) {}

  std::unique_ptr<CompiledFunction> run() {
    auto out = std::make_unique<CompiledFunction>();
    const auto& type = m_.types[f_.type];
    out->num_params = static_cast<uint32_t>(type.params.size());
    out->num_locals = static_cast<uint32_t>(f_.locals.size());
    out->num_results = static_cast<uint32_t>(type.results.size());
    base_ = out->num_params + out->num_locals;
    height_ = base_;
    max_height_ = base_;
    ctrls_.push_back(Ctrl{Op::Block, base_, 0, out->num_results, 0, {}, SIZE_MAX, false});

    InstrReader r(m_.body(f_), f_.body_offset);
    Instr in;
    while (!ctrls_.empty() && !r.at_end()) {
      if (!r.next(in)) break;  // validated code: cannot happen
      step(in);
    }
    // Resolve target indices to word addresses now that the vector no longer grows.
    for (size_t i : targets_) code_[i].target = code_.data() + code_[i].u;
    out->code = std::move(code_);
    out->max_stack = max_height_ + 1;
    return out;
  }

 private:
  void emit(uint16_t op) { code_.push_back(Word{.handler = handlers_[op]}); }
  void imm(uint64_t v) { code_.push_back(Word{.u = v}); }
  // Emits a target word; `index` is a code index, or filled in later through `fixups`.
  void target(size_t index) {
    targets_.push_back(code_.size());
    imm(index);
  }
  void push(uint32_t n = 1) {
    height_ += n;
    max_height_ = std::max(max_height_, height_);
  }
  void pop(uint32_t n = 1) { height_ -= n; }
  bool live() const { return !ctrls_.back().unreachable && !ctrls_.back().dead; }
  void set_unreachable() { ctrls_.back().unreachable = true; }

  std::pair<uint32_t, uint32_t> arity(const BlockType& bt) const {
    switch (bt.kind) {
      case BlockType::Kind::Empty: return {0, 0};
      case BlockType::Kind::Value: return {0, 1};
      case BlockType::Kind::TypeIndex: {
        const auto& t = m_.types[bt.type_index];
        return {static_cast<uint32_t>(t.params.size()), static_cast<uint32_t>(t.results.size())};
      }
    }
    return {0, 0};
  }

  // Emits the branch part of a br/br_if/br_table entry to label `depth`.
  void branch(uint32_t depth, uint16_t plain_op, uint16_t adjust_op, bool in_table) {
    Ctrl& c = ctrls_[ctrls_.size() - 1 - depth];
    uint32_t keep = c.label_arity();
    uint32_t drop = height_ - c.height - keep;
    if (!in_table) emit(drop == 0 ? plain_op : adjust_op);
    if (c.op == Op::Loop) {
      target(c.start);
    } else {
      c.fixups.push_back(code_.size());
      target(0);
    }
    if (in_table || drop != 0) {
      imm(drop);
      imm(keep);
    }
  }

  void step(const Instr& in) {
    const OpInfo& info = op_info(in.op);
    // Structure is tracked even in dead code, so that `else` and `end` pair up.
    switch (in.op) {
      case Op::Block:
      case Op::Loop:
      case Op::If: {
        auto [np, nr] = arity(in.block);
        bool dead = !live();
        if (!dead && in.op == Op::If) {
          pop();
          emit(iop(IOp::BrUnless));
          target(0);
        }
        Ctrl c{in.op, height_ - np, np, nr, code_.size(), {}, SIZE_MAX, dead};
        if (!dead && in.op == Op::If) c.else_fixup = code_.size() - 1;
        ctrls_.push_back(std::move(c));
        return;
      }
      case Op::Else: {
        Ctrl& c = ctrls_.back();
        if (c.dead) return;
        if (!c.unreachable) {
          emit(iop(IOp::Jump));
          c.fixups.push_back(code_.size());
          target(0);
        }
        code_[c.else_fixup].u = code_.size();
        c.else_fixup = SIZE_MAX;
        c.op = Op::Else;
        c.unreachable = false;
        height_ = c.height + c.nparams;
        return;
      }
      case Op::End: {
        Ctrl c = std::move(ctrls_.back());
        ctrls_.pop_back();
        if (c.dead) return;
        if (ctrls_.empty()) {
          // End of the function: its label's branches land on the final return.
          size_t here = code_.size();
          for (size_t fx : c.fixups) code_[fx].u = here;
          emit(iop(Op::Return));
          imm(c.nresults);
          return;
        }
        size_t here = code_.size();
        for (size_t fx : c.fixups) code_[fx].u = here;
        if (c.else_fixup != SIZE_MAX) code_[c.else_fixup].u = here;
        height_ = c.height + c.nresults;
        return;
      }
      default: break;
    }
    if (!live() || in.op == Op::Nop) return;

    if (info.params != "*") {
      emit(iop(in.op));
      switch (info.imm) {
        case ImmKind::Memarg: imm(in.memarg_offset); break;
        case ImmKind::I32:
        case ImmKind::I64:
        case ImmKind::F32:
        case ImmKind::F64: code_.back().handler = handlers_[iop(IOp::Const)]; imm(in.bits); break;
        case ImmKind::MemoryInit:
        case ImmKind::Data:
        case ImmKind::Elem:
        case ImmKind::Table: imm(in.a); break;
        default: break;
      }
      pop(static_cast<uint32_t>(info.params.size()));
      push(static_cast<uint32_t>(info.results.size()));
      return;
    }
    switch (in.op) {
      case Op::Unreachable:
        emit(iop(Op::Unreachable));
        set_unreachable();
        break;
      case Op::Br:
        branch(in.a, iop(IOp::Jump), iop(IOp::JumpAdjust), false);
        set_unreachable();
        break;
      case Op::BrIf:
        pop();
        branch(in.a, iop(Op::BrIf), iop(IOp::BrIfAdjust), false);
        break;
      case Op::BrTable: {
        pop();
        emit(iop(Op::BrTable));
        imm(in.labels.size());
        std::vector<uint32_t> labels(in.labels.begin(), in.labels.end());
        for (uint32_t l : labels) branch(l, 0, 0, true);
        branch(in.a, 0, 0, true);
        set_unreachable();
        break;
      }
      case Op::Return:
        emit(iop(Op::Return));
        imm(ctrls_.front().nresults);
        set_unreachable();
        break;
      case Op::Call: {
        emit(iop(Op::Call));
        imm(in.a);
        const auto& t = m_.types[m_.func_type_index(in.a)];
        pop(static_cast<uint32_t>(t.params.size()));
        push(static_cast<uint32_t>(t.results.size()));
        break;
      }
      case Op::CallIndirect: {
        emit(iop(Op::CallIndirect));
        imm(in.a);
        imm(in.b);
        const auto& t = m_.types[in.a];
        pop(1 + static_cast<uint32_t>(t.params.size()));
        push(static_cast<uint32_t>(t.results.size()));
        break;
      }
      case Op::Drop: emit(iop(Op::Drop)); pop(); break;
      case Op::Select:
      case Op::SelectT: emit(iop(Op::Select)); pop(2); break;
      case Op::LocalGet: emit(iop(Op::LocalGet)); imm(in.a); push(); break;
      case Op::LocalSet: emit(iop(Op::LocalSet)); imm(in.a); pop(); break;
      case Op::LocalTee: emit(iop(Op::LocalTee)); imm(in.a); break;
      case Op::GlobalGet: emit(iop(Op::GlobalGet)); imm(in.a); push(); break;
      case Op::GlobalSet: emit(iop(Op::GlobalSet)); imm(in.a); pop(); break;
      case Op::TableGet: emit(iop(Op::TableGet)); imm(in.a); break;
      case Op::TableSet: emit(iop(Op::TableSet)); imm(in.a); pop(2); break;
      case Op::TableGrow: emit(iop(Op::TableGrow)); imm(in.a); pop(); break;
      case Op::TableFill: emit(iop(Op::TableFill)); imm(in.a); pop(3); break;
      case Op::TableCopy: emit(iop(Op::TableCopy)); imm(in.a); imm(in.b); pop(3); break;
      case Op::TableInit: emit(iop(Op::TableInit)); imm(in.a); imm(in.b); pop(3); break;
      case Op::RefNull: emit(iop(IOp::Const)); imm(0); push(); break;
      case Op::RefIsNull: emit(iop(Op::RefIsNull)); break;
      case Op::RefFunc: emit(iop(Op::RefFunc)); imm(in.a); push(); break;
      default: break;
    }
  }

  const Module& m_;
  const Function& f_;
  const void* const* handlers_;
  std::vector<Word> code_;
  std::vector<size_t> targets_;
  std::vector<Ctrl> ctrls_;
  uint32_t base_ = 0, height_ = 0, max_height_ = 0;
};

}  // namespace

std::unique_ptr<CompiledFunction> translate(const Module& m, uint32_t defined_index, const void* const* handlers) {
  return Translator(m, defined_index, handlers).run();
}

}  // namespace petrel::interp
