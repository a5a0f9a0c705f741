// One pass over a validated body: track the operand stack (types, hence slot widths), emit
// handler words and immediates, and patch forward branches when their block ends. Code after
// an unconditional branch is not emitted. Heights and branch adjustments are in slots.
#include "interp/translator.hpp"

#include <algorithm>

#include "ir/instr_reader.hpp"
#include "runtime/value.hpp"

namespace petrel::interp {
namespace {

struct Ctrl {
  Op op;
  size_t operands;  // operand count below the block's parameters
  uint32_t height;  // slot height below the block's parameters
  std::vector<ValType> params, results;
  size_t start;     // loop: code index of the loop head
  std::vector<size_t> fixups;  // code indices of target words to point at the block's end
  size_t else_fixup = SIZE_MAX;
  bool dead;        // opened inside unreachable code: emits nothing at all
  bool unreachable = false;
  uint32_t label_slots() const { return slot_count(op == Op::Loop ? params : results); }
};

// The super-instruction forms of an operator, if it has them.
struct FusedForms {
  uint16_t ll = 0, lc = 0, l = 0;  // 0: none
};
FusedForms fused_forms(Op op) {
  switch (op) {
#define PETREL_CASE_BINOP(name) \
  case Op::name: return {iop(IOp::name##_LL), iop(IOp::name##_LC), 0};
    PETREL_FUSED_BINOPS(PETREL_CASE_BINOP)
#undef PETREL_CASE_BINOP
#define PETREL_CASE_LOAD(name) \
  case Op::name: return {0, 0, iop(IOp::name##_L)};
    PETREL_FUSED_LOADS(PETREL_CASE_LOAD)
#undef PETREL_CASE_LOAD
    default: return {};
  }
}

class Translator {
 public:
  Translator(const Module& m, uint32_t idx, const void* const* handlers, bool metered)
      : m_(m), f_(m.functions[idx]), handlers_(handlers), metered_(metered) {}

  std::unique_ptr<CompiledFunction> run() {
    auto out = std::make_unique<CompiledFunction>();
    const auto& type = m_.types[f_.type];
    uint32_t slot = 0;
    for (ValType t : type.params) add_local(t, slot);
    out->num_params = slot;
    for (ValType t : f_.locals) add_local(t, slot);
    out->num_locals = slot - out->num_params;
    out->num_results = slot_count(type.results);
    height_ = slot;
    max_height_ = slot;
    ctrls_.push_back(Ctrl{Op::Block, 0, height_, {}, type.results, 0, {}, SIZE_MAX, false});

    InstrReader r(m_.body(f_), f_.body_offset);
    Instr in;
    start_segment();
    while (!ctrls_.empty() && !r.at_end()) {
      if (!r.next(in)) break;  // validated code: cannot happen
      if (metered_ && live() && fuel_word_ != SIZE_MAX) ++code_[fuel_word_].u;
      step(in);
    }
    // Resolve target indices to word addresses now that the vector no longer grows.
    for (size_t i : targets_) code_[i].target = code_.data() + code_[i].u;
    out->code = std::move(code_);
    out->max_stack = max_height_ + 2;
    out->offsets = std::move(offsets_);
    out->defined_index = static_cast<uint32_t>(&f_ - m_.functions.data());
    return out;
  }

 private:
  void add_local(ValType t, uint32_t& slot) {
    local_slot_.push_back(slot);
    local_type_.push_back(t);
    slot += slot_count(t);
  }
  void emit(uint16_t op) {
    recent_.push_back(Recent{op, code_.size()});
    code_.push_back(Word{.handler = handlers_[op]});
  }
  // The instructions emitted since the last branch target, for the peephole: a fusion never
  // spans a label, so no branch can land inside a fused instruction.
  struct Recent {
    uint16_t op;
    size_t pos;
  };
  // True when the last `n` emitted instructions are `ops` (in order), ending the code.
  bool recent_are(std::initializer_list<uint16_t> ops) const {
    if (recent_.size() < ops.size()) return false;
    size_t i = recent_.size() - ops.size();
    for (uint16_t op : ops)
      if (recent_[i++].op != op) return false;
    return true;
  }
  // Removes the last `n` emitted instructions (with their offset records) and returns their
  // immediates' first words.
  std::vector<uint64_t> take_recent(size_t n) {
    std::vector<uint64_t> imms;
    size_t start = recent_[recent_.size() - n].pos;
    for (size_t i = recent_.size() - n; i < recent_.size(); ++i) {
      // An instruction without immediates (i32.eqz) has no word after its handler.
      size_t next = recent_[i].pos + 1;
      bool has_imm = next < code_.size() && (i + 1 == recent_.size() || next < recent_[i + 1].pos);
      imms.push_back(has_imm ? code_[next].u : 0);
    }
    code_.resize(start);
    recent_.resize(recent_.size() - n);
    while (!offsets_.empty() && offsets_.back().first >= start) offsets_.pop_back();
    return imms;
  }
  void imm(uint64_t v) { code_.push_back(Word{.u = v}); }
  // Emits a target word; `index` is a code index, or filled in later through `fixups`.
  void target(size_t index) {
    targets_.push_back(code_.size());
    imm(index);
  }
  void push(ValType t) {
    stack_.push_back(t);
    height_ += slot_count(t);
    max_height_ = std::max(max_height_, height_);
  }
  ValType pop() {
    ValType t = stack_.back();
    stack_.pop_back();
    height_ -= slot_count(t);
    return t;
  }
  void pop(size_t n) {
    while (n--) pop();
  }
  void push_all(const std::vector<ValType>& ts) {
    for (ValType t : ts) push(t);
  }
  void reset_to(const Ctrl& c) {
    stack_.resize(c.operands);
    height_ = c.height;
  }
  bool live() const { return !ctrls_.back().unreachable && !ctrls_.back().dead; }
  void set_unreachable() { ctrls_.back().unreachable = true; }

  std::pair<std::vector<ValType>, std::vector<ValType>> block_types(const BlockType& bt) const {
    switch (bt.kind) {
      case BlockType::Kind::Empty: return {};
      case BlockType::Kind::Value: return {{}, {bt.value}};
      case BlockType::Kind::TypeIndex: return {m_.types[bt.type_index].params, m_.types[bt.type_index].results};
    }
    return {};
  }

  // Emits the branch part of a br/br_if/br_table entry to label `depth`.
  void branch(uint32_t depth, uint16_t plain_op, uint16_t adjust_op, bool in_table) {
    Ctrl& c = ctrls_[ctrls_.size() - 1 - depth];
    uint32_t keep = c.label_slots();
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
      case Op::If:
      case Op::Else:
      case Op::End: recent_.clear(); break;
      default: break;
    }
    switch (in.op) {
      case Op::Block:
      case Op::Loop:
      case Op::If: {
        auto [params, results] = block_types(in.block);
        bool dead = !live();
        if (!dead && in.op == Op::If) {
          pop();
          emit(iop(IOp::BrUnless));
          target(0);
        }
        size_t operands = dead ? 0 : stack_.size() - params.size();
        uint32_t height = dead ? 0 : height_ - slot_count(params);
        Ctrl c{in.op, operands, height, params, results, code_.size(), {}, SIZE_MAX, dead};
        if (!dead && in.op == Op::If) c.else_fixup = code_.size() - 1;
        ctrls_.push_back(std::move(c));
        // A loop head is a branch target: each iteration pays for its segment. An `if` body
        // runs conditionally: it is a segment of its own.
        if (!dead && (in.op == Op::Loop || in.op == Op::If)) start_segment();
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
        reset_to(c);
        push_all(c.params);
        start_segment();
        return;
      }
      case Op::End: {
        Ctrl c = std::move(ctrls_.back());
        ctrls_.pop_back();
        if (c.dead) return;
        size_t here = code_.size();
        for (size_t fx : c.fixups) code_[fx].u = here;
        if (ctrls_.empty()) {
          // End of the function: its label's branches land on the final return.
          emit(iop(Op::Return));
          imm(slot_count(c.results));
          return;
        }
        if (c.else_fixup != SIZE_MAX) code_[c.else_fixup].u = here;
        reset_to(c);
        push_all(c.results);
        // Code after a block's end is a branch target (unless nothing branches there, which
        // only costs a Fuel instruction).
        start_segment();
        return;
      }
      default: break;
    }
    if (!live() || in.op == Op::Nop) return;
    offsets_.emplace_back(static_cast<uint32_t>(code_.size()), static_cast<uint32_t>(in.offset));

    if (info.params != "*" && fuse(in)) {
      pop(info.params.size());
      for (char c : info.results) push(signature_type(c));
      return;
    }
    if (info.params != "*") {
      emit(iop(in.op));
      switch (info.imm) {
        case ImmKind::Memarg: imm(in.memarg_offset); break;
        case ImmKind::MemargLane: imm(in.memarg_offset); imm(in.lane); break;
        case ImmKind::Lane: imm(in.lane); break;
        case ImmKind::V128:
        case ImmKind::Shuffle: imm(in.bits); imm(in.bits_hi); break;
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
      pop(info.params.size());
      for (char c : info.results) push(signature_type(c));
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
      case Op::BrIf: {
        pop();
        Ctrl& c = ctrls_[ctrls_.size() - 1 - in.a];
        bool plain = height_ - c.height == c.label_slots();
        if (plain && recent_are({iop(Op::I32Eqz)})) {
          // i32.eqz; br_if → br_unless
          take_recent(1);
          offsets_.emplace_back(static_cast<uint32_t>(code_.size()), static_cast<uint32_t>(in.offset));
          branch(in.a, iop(IOp::BrUnless), iop(IOp::BrUnless), false);
        } else {
          branch(in.a, iop(Op::BrIf), iop(IOp::BrIfAdjust), false);
        }
        recent_.clear();
        start_segment();
        break;
      }
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
        imm(slot_count(ctrls_.front().results));
        set_unreachable();
        break;
      case Op::Call: {
        emit(iop(Op::Call));
        imm(in.a);
        const auto& t = m_.types[m_.func_type_index(in.a)];
        pop(t.params.size());
        push_all(t.results);
        break;
      }
      case Op::CallIndirect: {
        emit(iop(Op::CallIndirect));
        imm(in.a);
        imm(in.b);
        const auto& t = m_.types[in.a];
        pop(1 + t.params.size());
        push_all(t.results);
        break;
      }
      case Op::Drop:
        for (uint32_t i = slot_count(pop()); i > 0; --i) emit(iop(Op::Drop));
        break;
      case Op::Select:
      case Op::SelectT: {
        pop();
        pop();
        ValType t = pop();
        emit(t == ValType::V128 ? iop(IOp::SelectV) : iop(Op::Select));
        push(t);
        break;
      }
      case Op::LocalGet:
      case Op::LocalSet:
      case Op::LocalTee: {
        ValType t = local_type_[in.a];
        bool v = t == ValType::V128;
        if (in.op == Op::LocalGet) emit(v ? iop(IOp::LocalGetV) : iop(Op::LocalGet));
        if (in.op == Op::LocalSet) emit(v ? iop(IOp::LocalSetV) : iop(Op::LocalSet));
        if (in.op == Op::LocalTee) emit(v ? iop(IOp::LocalTeeV) : iop(Op::LocalTee));
        imm(local_slot_[in.a]);
        if (in.op != Op::LocalGet) pop();
        if (in.op != Op::LocalSet) push(t);
        break;
      }
      case Op::GlobalGet:
      case Op::GlobalSet: {
        ValType t = m_.global_type(in.a).type;
        bool v = t == ValType::V128;
        if (in.op == Op::GlobalGet) {
          emit(v ? iop(IOp::GlobalGetV) : iop(Op::GlobalGet));
          push(t);
        } else {
          emit(v ? iop(IOp::GlobalSetV) : iop(Op::GlobalSet));
          pop();
        }
        imm(in.a);
        break;
      }
      case Op::TableGet: emit(iop(Op::TableGet)); imm(in.a); pop(); push(m_.table_type(in.a).elem); break;
      case Op::TableSet: emit(iop(Op::TableSet)); imm(in.a); pop(2); break;
      case Op::TableGrow: emit(iop(Op::TableGrow)); imm(in.a); pop(2); push(ValType::I32); break;
      case Op::TableFill: emit(iop(Op::TableFill)); imm(in.a); pop(3); break;
      case Op::TableCopy: emit(iop(Op::TableCopy)); imm(in.a); imm(in.b); pop(3); break;
      case Op::TableInit: emit(iop(Op::TableInit)); imm(in.a); imm(in.b); pop(3); break;
      case Op::RefNull: emit(iop(IOp::Const)); imm(0); push(in.type); break;
      case Op::RefIsNull: emit(iop(Op::RefIsNull)); pop(); push(ValType::I32); break;
      case Op::RefFunc: emit(iop(Op::RefFunc)); imm(in.a); push(ValType::FuncRef); break;
      default: break;
    }
  }

  // Metered code: opens a new straight-line segment with a Fuel instruction whose count the
  // following instructions increment.
  void start_segment() {
    if (!metered_) return;
    recent_.clear();
    code_.push_back(Word{.handler = handlers_[iop(IOp::Fuel)]});
    fuel_word_ = code_.size();
    imm(0);
  }

  // Emits a super-instruction for `in` when the code just emitted allows it.
  bool fuse(const Instr& in) {
    FusedForms f = fused_forms(in.op);
    uint16_t get = iop(Op::LocalGet), cnst = iop(IOp::Const);
    if (f.ll && recent_are({get, get})) {
      auto imms = take_recent(2);
      offsets_.emplace_back(static_cast<uint32_t>(code_.size()), static_cast<uint32_t>(in.offset));
      emit(f.ll);
      imm(imms[0]);
      imm(imms[1]);
      return true;
    }
    if (f.lc && recent_are({get, cnst})) {
      auto imms = take_recent(2);
      offsets_.emplace_back(static_cast<uint32_t>(code_.size()), static_cast<uint32_t>(in.offset));
      emit(f.lc);
      imm(imms[0]);
      imm(imms[1]);
      return true;
    }
    if (f.l && recent_are({get})) {
      auto imms = take_recent(1);
      offsets_.emplace_back(static_cast<uint32_t>(code_.size()), static_cast<uint32_t>(in.offset));
      emit(f.l);
      imm(imms[0]);
      imm(in.memarg_offset);
      return true;
    }
    return false;
  }

  const Module& m_;
  const Function& f_;
  const void* const* handlers_;
  bool metered_ = false;
  size_t fuel_word_ = SIZE_MAX;  // the open segment's Fuel count
  std::vector<Recent> recent_;
  std::vector<Word> code_;
  std::vector<size_t> targets_;
  std::vector<std::pair<uint32_t, uint32_t>> offsets_;
  std::vector<Ctrl> ctrls_;
  std::vector<ValType> stack_;
  std::vector<uint32_t> local_slot_;
  std::vector<ValType> local_type_;
  uint32_t height_ = 0, max_height_ = 0;
};

}  // namespace

std::unique_ptr<CompiledFunction> translate(const Module& m, uint32_t defined_index, const void* const* handlers,
                                            bool metered) {
  return Translator(m, defined_index, handlers, metered).run();
}

}  // namespace petrel::interp
