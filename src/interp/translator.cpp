// One pass over a validated body into register code (see code.hpp). The translator keeps a
// virtual operand stack whose entries say where each value is: in its home slot (the slot of
// its stack position), still in a local (`local.get` emits nothing), or a constant. Values
// are moved into their home slots only where that is needed: before a write to the local
// they name, at block boundaries (every path into a label must agree on where values are),
// and for instructions that only have a stack form. Code after an unconditional branch is
// not emitted.
#include "interp/translator.hpp"

#include <algorithm>
#include <cassert>
#include <optional>

#include "ir/instr_reader.hpp"
#include "runtime/metering.hpp"
#include "ir/value.hpp"

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
  const std::vector<ValType>& label_types() const { return op == Op::Loop ? params : results; }
  uint32_t label_slots() const { return slot_count(label_types()); }
};

// Where a value on the virtual operand stack is.
struct Val {
  enum Kind : uint8_t { Home, Local, Const };
  ValType type;
  Kind kind;
  uint32_t home;   // its slot when in its home
  uint32_t local;  // Local: the local's slot
  uint64_t bits;   // Const: the value
};

const Forms& forms(uint16_t op) { return kForms[op]; }
const Forms& forms(Op op) { return kForms[iop(op)]; }

// The fused compare-and-branch forms of a comparison: branch when true, or when false;
// `constant`: the comparison's right operand is a constant.
struct CompareBranch {
  uint16_t when_true = 0, when_false = 0;
  bool constant = false;
};
CompareBranch compare_branch(uint16_t op) {
  switch (op) {
#define PETREL_CASE(name, negated)                                                             \
  case iop(Op::name): return {iop(IOp::BrIf##name), iop(IOp::BrIf##negated), false};          \
  case iop(IOp::name##_A): return {iop(IOp::BrIf##name##_A), iop(IOp::BrIf##negated##_A), false}; \
  case iop(IOp::name##_C): return {iop(IOp::BrIf##name##_C), iop(IOp::BrIf##negated##_C), true};  \
  case iop(IOp::name##_AC): return {iop(IOp::BrIf##name##_AC), iop(IOp::BrIf##negated##_AC), true};
    PETREL_INT_COMPARES(PETREL_CASE)
#undef PETREL_CASE
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
    deferred_.resize(local_type_.size());
    height_ = slot;
    max_height_ = slot;
    ctrls_.push_back(Ctrl{Op::Block, 0, height_, {}, type.results, 0, {}, SIZE_MAX, false});

    InstrReader r(m_.body(f_), f_.body_offset);
    Instr in;
    start_segment(std::nullopt);
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
  // The last instruction emitted, while nothing has been emitted after it and no label lies
  // between it and the code being translated: its result slot can be retargeted to a local,
  // and a comparison can be fused into the branch that tests it.
  struct Last {
    size_t pos = SIZE_MAX;  // code index of its handler word
    uint16_t op = 0;
    uint32_t dst = 0;       // the home slot it writes (UINT32_MAX: retargeted to a local)
    uint32_t written = 0;   // the slot it writes
    bool acc = false;       // it leaves its result in the accumulator too
  };

  void add_local(ValType t, uint32_t& slot) {
    local_slot_.push_back(slot);
    local_type_.push_back(t);
    slot += slot_count(t);
  }
  void emit(uint16_t op) {
    last_ = {};
    code_.push_back(Word{.handler = handlers_[op]});
  }
  // An instruction that can trap: its bytecode offset is recorded for trap locations.
  void emit_at(uint16_t op, const Instr& in) {
    offsets_.emplace_back(static_cast<uint32_t>(code_.size()), static_cast<uint32_t>(in.offset));
    emit(op);
  }
  // An instruction whose result goes to slot `dst`, named by the first operand word.
  void emit_result(uint16_t op, uint32_t dst) {
    size_t pos = code_.size();
    emit(op);
    last_ = {pos, op, dst, dst, writes_accumulator(op)};
  }
  static bool writes_accumulator(uint16_t op) { return forms(op).writes_acc; }
  // Whether `v` is in its home, put there by the last instruction (which can then be fused
  // with or retargeted by the one being translated).
  bool produced_by_last(const Val& v) const {
    return v.kind == Val::Home && last_.pos != SIZE_MAX && last_.dst == v.home;
  }
  static bool is_i32_add(uint16_t op, bool& constant) {
    constant = op == iop(IOp::I32Add_C) || op == iop(IOp::I32Add_AC);
    return constant || op == iop(Op::I32Add) || op == iop(IOp::I32Add_A);
  }
  // Whether the accumulator holds `v` when the next instruction runs.
  bool in_accumulator(const Val& v) const {
    if (last_.pos == SIZE_MAX || !last_.acc || v.kind == Val::Const) return false;
    return (v.kind == Val::Local ? v.local : v.home) == last_.written;
  }
  void imm(uint64_t v) { code_.push_back(Word{.u = v}); }
  void pair(uint32_t a, uint32_t b) { code_.push_back(Word{.p = {a, b}}); }
  // Emits a target word; `index` is a code index, or filled in later through `fixups`.
  void target(size_t index) {
    targets_.push_back(code_.size());
    imm(index);
  }
  // A point other code can branch to: nothing before it may be fused or retargeted, and the
  // stack pointer is unknown.
  void label() {
    last_ = {};
    copy_pos_ = SIZE_MAX;
    sp_height_ = UINT32_MAX;
  }

  // ---- the virtual operand stack -----------------------------------------------------------
  void push_home(ValType t) {
    stack_.push_back(Val{t, Val::Home, height_, 0, 0});
    grow(t);
  }
  void push_local(uint32_t index) {
    ValType t = local_type_[index];
    deferred_[index].push_back(static_cast<uint32_t>(stack_.size()));
    stack_.push_back(Val{t, Val::Local, height_, local_slot_[index], 0});
    grow(t);
  }
  void push_const(ValType t, uint64_t bits) {
    stack_.push_back(Val{t, Val::Const, height_, 0, bits});
    grow(t);
  }
  void grow(ValType t) {
    height_ += slot_count(t);
    max_height_ = std::max(max_height_, height_);
  }
  Val pop() {
    Val v = stack_.back();
    stack_.pop_back();
    height_ -= slot_count(v.type);
    home_below_ = std::min(home_below_, stack_.size());
    return v;
  }
  void pop(size_t n) {
    while (n--) pop();
  }
  void push_all_home(const std::vector<ValType>& ts) {
    for (ValType t : ts) push_home(t);
  }
  void reset_to(const Ctrl& c) {
    stack_.resize(c.operands);
    height_ = c.height;
    home_below_ = std::min(home_below_, stack_.size());
  }
  // Emits a move between slots; up to three consecutive moves share one instruction.
  void copy(ValType t, uint32_t dst, uint32_t src) {
    if (t == ValType::V128) {
      emit(iop(IOp::CopyV));
      pair(dst, src);
      return;
    }
    size_t n = code_.size();
    if (copy_pos_ != SIZE_MAX && copy_pos_ + copy_len_ == n && copy_len_ < 4) {
      code_[copy_pos_].handler = handlers_[copy_len_ == 2 ? iop(IOp::Copy2) : iop(IOp::Copy3)];
      pair(dst, src);
      ++copy_len_;
      last_ = {};
      return;
    }
    emit(iop(IOp::Copy));
    pair(dst, src);
    copy_pos_ = n;
    copy_len_ = 2;
  }
  // Moves a value into its home slot.
  void materialize(Val& v) {
    if (v.kind == Val::Local) {
      copy(v.type, v.home, v.local);
    } else if (v.kind == Val::Const) {
      emit(iop(IOp::Const));
      pair(v.home, 0);
      imm(v.bits);
    }
    v.kind = Val::Home;
  }
  // The slot an instruction reads a value from (a constant is stored to its home first).
  uint32_t operand(Val& v) {
    if (v.kind == Val::Local) return v.local;
    materialize(v);
    return v.home;
  }
  void materialize_top(size_t n) {
    for (size_t i = stack_.size() - n; i < stack_.size(); ++i) materialize(stack_[i]);
  }
  void materialize_all() {
    for (size_t i = home_below_; i < stack_.size(); ++i) materialize(stack_[i]);
    home_below_ = stack_.size();
  }
  // Before local `index` is written: stack values still reading it move to their homes.
  // Returns whether any did.
  bool save_readers_of(uint32_t index) {
    bool any = false;
    for (uint32_t i : deferred_[index]) {
      if (i < stack_.size() && stack_[i].kind == Val::Local && stack_[i].local == local_slot_[index]) {
        materialize(stack_[i]);
        any = true;
      }
    }
    deferred_[index].clear();
    return any;
  }
  // Stack-form instructions read their operands below the stack pointer.
  void set_sp() {
    if (sp_height_ == height_) return;
    emit(iop(IOp::SetSp));
    imm(height_);
    sp_height_ = height_;
  }

  bool live() const { return !ctrls_.back().unreachable && !ctrls_.back().dead; }
  void set_unreachable() { ctrls_.back().unreachable = true; }

  // ---- branches ----------------------------------------------------------------------------
  // A target word for label `c`.
  void label_target(Ctrl& c) {
    size_t t = code_.size();
    target(0);
    bind(c, t);
  }
  // br: the label's values (on top, moved to their homes) go to the label's slots.
  void branch(uint32_t depth) {
    Ctrl& c = ctrls_[ctrls_.size() - 1 - depth];
    materialize_top(c.label_types().size());
    uint32_t keep = c.label_slots(), src = height_ - keep;
    if (src == c.height) {
      emit(iop(IOp::Jump));
      label_target(c);
    } else {
      emit(iop(IOp::JumpAdjust));
      label_target(c);
      pair(src, c.height);
      imm(keep);
    }
  }
  // Points target word `t` at label `c`.
  void bind(Ctrl& c, size_t t) {
    if (c.op == Op::Loop) code_[t].u = c.start;
    else c.fixups.push_back(t);
  }
  // br_if and if: a conditional branch on `cond`, taken when it is true (`when_true`) or
  // false; `adjust` moves `keep` slots from `src` to `dst` when taken. A comparison computed
  // just before into `cond`'s slot is fused into the branch. Returns the code index of the
  // target word, for the caller to bind.
  size_t conditional(Val cond, bool when_true, bool adjust, uint32_t src, uint32_t dst, uint32_t keep) {
    if (!adjust && produced_by_last(cond)) {
      uint16_t op = last_.op;
      size_t pos = last_.pos;
      CompareBranch cb = compare_branch(op);
      if (cb.when_true) {
        uint32_t a = code_[pos + 1].p.b;
        Word second = code_[pos + 2];
        drop_code_from(pos);
        emit(when_true ? cb.when_true : cb.when_false);
        if (cb.constant) {
          pair(a, 0);
          imm(second.u);
        } else {
          pair(a, second.p.a);
        }
        size_t t = code_.size();
        target(0);
        return t;
      }
      if (op == iop(Op::I32Eqz) || op == iop(Op::I64Eqz) || op == iop(IOp::I32Eqz_A) || op == iop(IOp::I64Eqz_A)) {
        uint32_t a = code_[pos + 1].p.b;
        drop_code_from(pos);
        bool wide = op == iop(Op::I64Eqz) || op == iop(IOp::I64Eqz_A);
        bool acc = op == iop(IOp::I32Eqz_A) || op == iop(IOp::I64Eqz_A);
        uint16_t z = iop(wide ? IOp::BrIfZ64 : IOp::BrIfZ), nz = iop(wide ? IOp::BrIfNZ64 : IOp::BrIfNZ);
        if (acc) z = iop(wide ? IOp::BrIfZ64_A : IOp::BrIfZ_A), nz = iop(wide ? IOp::BrIfNZ64_A : IOp::BrIfNZ_A);
        emit(when_true ? z : nz);
        pair(a, 0);
        size_t t = code_.size();
        target(0);
        return t;
      }
    }
    bool acc = !adjust && in_accumulator(cond);
    uint32_t slot = operand(cond);
    if (acc) emit(iop(when_true ? IOp::BrIfNZ_A : IOp::BrIfZ_A));
    else emit(adjust ? iop(IOp::BrIfNZAdjust) : iop(when_true ? IOp::BrIfNZ : IOp::BrIfZ));
    pair(slot, 0);
    size_t t = code_.size();
    target(0);
    if (adjust) {
      pair(src, dst);
      imm(keep);
    }
    return t;
  }
  void drop_code_from(size_t pos) {
    code_.resize(pos);
    while (!offsets_.empty() && offsets_.back().first >= pos) offsets_.pop_back();
    last_ = {};
  }

  // ---- instructions ------------------------------------------------------------------------
  void step(const Instr& in) {
    const OpInfo& info = op_info(in.op);
    // Structure is tracked even in dead code, so that `else` and `end` pair up.
    switch (in.op) {
      case Op::Block:
      case Op::Loop:
      case Op::If: {
        auto [params, results] = *block_signature(m_.types, in.block);  // validated
        bool dead = !live();
        size_t else_fixup = SIZE_MAX;
        if (!dead) {
          if (in.op == Op::If) {
            Val cond = pop();
            materialize_all();
            else_fixup = conditional(cond, false, false, 0, 0, 0);
          } else {
            materialize_all();
          }
          label();
        }
        size_t operands = dead ? 0 : stack_.size() - params.size();
        uint32_t height = dead ? 0 : height_ - slot_count(params);
        Ctrl c{in.op, operands, height, params, results, code_.size(), {}, else_fixup, dead};
        ctrls_.push_back(std::move(c));
        // A loop head is a branch target: each iteration pays for its segment. An `if` body
        // runs conditionally: it is a segment of its own.
        if (!dead && (in.op == Op::Loop || in.op == Op::If)) start_segment(in.op);
        return;
      }
      case Op::Else: {
        Ctrl& c = ctrls_.back();
        if (c.dead) return;
        if (!c.unreachable) {
          materialize_top(c.results.size());
          emit(iop(IOp::Jump));
          label_target(c);
        }
        code_[c.else_fixup].u = code_.size();
        c.else_fixup = SIZE_MAX;
        c.op = Op::Else;
        c.unreachable = false;
        reset_to(c);
        push_all_home(c.params);
        home_below_ = stack_.size();
        label();
        start_segment(Op::Else);
        return;
      }
      case Op::End: {
        Ctrl& cb = ctrls_.back();
        if (cb.dead) {
          ctrls_.pop_back();
          return;
        }
        bool fallthrough = !cb.unreachable;
        if (ctrls_.size() == 1) {
          // End of the function: the fallthrough returns its values from where they are; the
          // function label's branches land on a return from the label's slots.
          uint32_t n = slot_count(cb.results);
          if (fallthrough) emit_return(n);
          Ctrl c = std::move(ctrls_.back());
          ctrls_.pop_back();
          if (!c.fixups.empty() || !fallthrough) {
            size_t here = code_.size();
            for (size_t fx : c.fixups) code_[fx].u = here;
            emit(iop(Op::Return));
            pair(c.height, n);
          }
          return;
        }
        if (fallthrough) materialize_top(cb.results.size());
        Ctrl c = std::move(ctrls_.back());
        ctrls_.pop_back();
        size_t here = code_.size();
        for (size_t fx : c.fixups) code_[fx].u = here;
        if (c.else_fixup != SIZE_MAX) code_[c.else_fixup].u = here;
        reset_to(c);
        push_all_home(c.results);
        home_below_ = stack_.size();
        label();
        // Code after a block's end is a branch target (unless nothing branches there, which
        // only costs a Fuel instruction).
        start_segment(Op::End);
        return;
      }
      default: break;
    }
    if (!live() || in.op == Op::Nop) return;

    if (info.numeric()) {
      if (info.params.size() == 1) {
        Val a = pop();
        bool acc = in_accumulator(a);
        uint32_t sa = operand(a);
        emit_result_at(acc ? forms(in.op).acc : iop(in.op), a.home, in);
        pair(a.home, sa);
        push_home(signature_type(info.results[0]));
        return;
      }
      Val b = pop(), a = pop();
      uint32_t dst = a.home;
      const Forms& f = forms(in.op);
      if (!in_accumulator(a) && in_accumulator(b) && info.family == OpFamily::Commutative) std::swap(a, b);
      bool acc = f.acc && in_accumulator(a);
      uint32_t sa = operand(a);
      if (b.kind == Val::Const && f.constant) {
        emit_result_at(acc ? f.acc_const : f.constant, dst, in);
        pair(dst, sa);
        imm(b.bits);
      } else {
        uint32_t sb = operand(b);
        emit_result_at(acc ? f.acc : iop(in.op), dst, in);
        pair(dst, sa);
        pair(sb, 0);
      }
      push_home(signature_type(info.results[0]));
      return;
    }
    if (info.family == OpFamily::Simd) {
      size_t n = info.params.size();
      Val ops[3] = {};
      for (size_t i = n; i-- > 0;) ops[i] = pop();
      if (uint16_t m = forms(in.op).loaded;
          m && produced_by_last(ops[1]) &&
          (last_.op == iop(Op::V128Load) || last_.op == iop(IOp::V128Load_A) ||
           last_.op == iop(IOp::V128Load_XC))) {
        // v128.load; op → op with the load fused in (the load's location reports its traps).
        size_t pos = last_.pos;
        bool added = last_.op == iop(IOp::V128Load_XC);
        uint32_t address = code_[pos + 1].p.b;
        uint32_t addend = added ? static_cast<uint32_t>(code_[pos + 2].u) : 0;
        uint64_t offset = code_[pos + (added ? 3 : 2)].u;
        uint32_t load_offset = offsets_.back().second;
        drop_code_from(pos);
        uint32_t sa = operand(ops[0]);
        offsets_.emplace_back(static_cast<uint32_t>(code_.size()), load_offset);
        emit_result(m, ops[0].home);
        pair(ops[0].home, sa);
        pair(address, addend);
        imm(offset);
        push_home(ValType::V128);
        return;
      }
      uint32_t slots[3] = {0, 0, 0};
      for (size_t i = 0; i < n; ++i) slots[i] = operand(ops[i]);
      emit_result_at(iop(in.op), ops[0].home, in);
      pair(ops[0].home, slots[0]);
      if (n > 1) pair(slots[1], slots[2]);
      push_home(signature_type(info.results[0]));
      return;
    }
    if (info.address_load()) {
      Val a = pop();
      const Forms& f = forms(in.op);
      bool constant = false;
      bool after_add = produced_by_last(a) && is_i32_add(last_.op, constant);
      if (in.op == Op::V128Load && after_add && constant) {
        // i32.add of a constant; v128.load → the load adds it (and may fold into a SIMD op).
        size_t pos = last_.pos;
        uint32_t base = code_[pos + 1].p.b;
        uint64_t addend = code_[pos + 2].u;
        drop_code_from(pos);
        emit_result_at(f.indexed_const, a.home, in);
        pair(a.home, base);
        imm(addend);
        imm(in.memarg_offset);
        push_home(ValType::V128);
        return;
      }
      if (f.indexed && after_add) {
        // i32.add; load → the load adds its address itself.
        size_t pos = last_.pos;
        SlotPair ops = code_[pos + 1].p;
        Word second = code_[pos + 2];
        drop_code_from(pos);
        emit_result_at(constant ? f.indexed_const : f.indexed, a.home, in);
        pair(a.home, ops.b);
        if (constant) imm(second.u);
        else pair(second.p.a, 0);
        imm(in.memarg_offset);
        push_home(signature_type(info.results[0]));
        return;
      }
      bool acc = f.acc && in_accumulator(a);
      uint32_t sa = operand(a);
      emit_result_at(acc ? f.acc : iop(in.op), a.home, in);
      pair(a.home, sa);
      imm(in.memarg_offset);
      push_home(signature_type(info.results[0]));
      return;
    }
    if (info.store()) {
      Val v = pop(), a = pop();
      if (in.op == Op::V128Store && produced_by_last(v) && forms(last_.op).loaded_store) {
        // op with a loaded operand; v128.store of its result → one instruction. Its offset
        // records: the load's at the start, the store's at the store offset word.
        size_t pos = last_.pos;
        uint16_t op = forms(last_.op).loaded_store;
        SlotPair ops = code_[pos + 1].p, load = code_[pos + 2].p;
        uint64_t load_offset = code_[pos + 3].u;
        uint32_t load_location = offsets_.back().second;
        drop_code_from(pos);
        uint32_t sa = operand(a);
        offsets_.emplace_back(static_cast<uint32_t>(code_.size()), load_location);
        emit(op);
        pair(sa, ops.b);
        pair(load.a, load.b);
        imm(load_offset);
        offsets_.emplace_back(static_cast<uint32_t>(code_.size()), static_cast<uint32_t>(in.offset));
        imm(in.memarg_offset);
        return;
      }
      uint16_t op = iop(in.op);
      const Forms& f = forms(in.op);
      if (f.acc && in_accumulator(a)) op = f.acc;
      else if (f.acc_value && in_accumulator(v)) op = f.acc_value;
      uint32_t sa = operand(a), sv = operand(v);
      emit_at(op, in);
      pair(sa, sv);
      imm(in.memarg_offset);
      return;
    }
    switch (in.op) {
      case Op::I32Const:
      case Op::I64Const:
      case Op::F32Const:
      case Op::F64Const: push_const(signature_type(info.results[0]), in.bits); return;
      case Op::RefNull: push_const(in.type, 0); return;
      case Op::V128Load8Lane:
      case Op::V128Load16Lane:
      case Op::V128Load32Lane:
      case Op::V128Load64Lane: {
        Val v = pop(), a = pop();
        uint32_t sa = operand(a), sv = operand(v);
        emit_result_at(iop(in.op), a.home, in);
        pair(a.home, sa);
        pair(sv, in.lane);
        imm(in.memarg_offset);
        push_home(ValType::V128);
        return;
      }
      case Op::V128Store8Lane:
      case Op::V128Store16Lane:
      case Op::V128Store32Lane:
      case Op::V128Store64Lane: {
        Val v = pop(), a = pop();
        uint32_t sa = operand(a), sv = operand(v);
        emit_at(iop(in.op), in);
        pair(sa, sv);
        imm(in.lane);
        imm(in.memarg_offset);
        return;
      }
      case Op::I8x16Shuffle: {
        Val b = pop(), a = pop();
        uint32_t sa = operand(a), sb = operand(b);
        emit_result(iop(in.op), a.home);
        pair(a.home, sa);
        pair(sb, 0);
        imm(in.bits);
        imm(in.bits_hi);
        push_home(ValType::V128);
        return;
      }
      case Op::I8x16ExtractLaneS:
      case Op::I8x16ExtractLaneU:
      case Op::I16x8ExtractLaneS:
      case Op::I16x8ExtractLaneU:
      case Op::I32x4ExtractLane:
      case Op::I64x2ExtractLane:
      case Op::F32x4ExtractLane:
      case Op::F64x2ExtractLane: {
        Val a = pop();
        uint32_t sa = operand(a);
        emit_result(iop(in.op), a.home);
        pair(a.home, sa);
        imm(in.lane);
        push_home(signature_type(info.results[0]));
        return;
      }
      case Op::I8x16ReplaceLane:
      case Op::I16x8ReplaceLane:
      case Op::I32x4ReplaceLane:
      case Op::I64x2ReplaceLane:
      case Op::F32x4ReplaceLane:
      case Op::F64x2ReplaceLane: {
        Val x = pop(), a = pop();
        uint32_t sa = operand(a), sx = operand(x);
        emit_result(iop(in.op), a.home);
        pair(a.home, sa);
        pair(sx, in.lane);
        push_home(ValType::V128);
        return;
      }
      case Op::V128Const:
        emit_result(iop(Op::V128Const), height_);
        pair(height_, 0);
        imm(in.bits);
        imm(in.bits_hi);
        push_home(ValType::V128);
        return;
      case Op::Unreachable:
        emit_at(iop(Op::Unreachable), in);
        set_unreachable();
        return;
      case Op::Br:
        branch(in.a);
        set_unreachable();
        return;
      case Op::BrIf: {
        Val cond = pop();
        Ctrl& c = ctrls_[ctrls_.size() - 1 - in.a];
        size_t nvals = c.label_types().size();
        uint32_t src = height_ - c.label_slots();
        bool adjust = src != c.height;
        materialize_top(nvals);
        bind(c, conditional(cond, true, adjust, src, c.height, c.label_slots()));
        start_segment(Op::BrIf);
        return;
      }
      case Op::BrTable: {
        Val idx = pop();
        uint32_t si = operand(idx);
        std::vector<uint32_t> labels(in.labels.begin(), in.labels.end());
        labels.push_back(in.a);
        Ctrl& d = ctrls_[ctrls_.size() - 1 - in.a];
        materialize_top(d.label_types().size());
        uint32_t keep = d.label_slots();
        emit(iop(Op::BrTable));
        pair(si, static_cast<uint32_t>(in.labels.size()));
        pair(height_ - keep, keep);
        for (uint32_t l : labels) {
          Ctrl& c = ctrls_[ctrls_.size() - 1 - l];
          label_target(c);
          imm(c.height);
        }
        set_unreachable();
        return;
      }
      case Op::Return:
        emit_return(slot_count(ctrls_.front().results));
        set_unreachable();
        return;
      case Op::Call: {
        const auto& t = m_.types[m_.func_type_index(in.a)];
        materialize_top(t.params.size());
        emit_at(iop(Op::Call), in);
        imm(in.a);
        imm(height_);
        pop(t.params.size());
        push_all_home(t.results);
        sp_height_ = UINT32_MAX;
        return;
      }
      case Op::CallIndirect: {
        const auto& t = m_.types[in.a];
        stack_form(in, t.params.size() + 1);
        imm(in.a);
        imm(in.b);
        pop(1 + t.params.size());
        push_all_home(t.results);
        sp_height_ = UINT32_MAX;
        return;
      }
      case Op::Drop: pop(); return;
      case Op::Select:
      case Op::SelectT: {
        if (stack_[stack_.size() - 2].type == ValType::V128) {
          stack_op(in, 3, {ValType::V128}, {}, iop(IOp::SelectV));
          return;
        }
        Val c = pop(), b = pop(), a = pop();
        uint32_t sa = operand(a), sb = operand(b), sc = operand(c);
        emit_result(iop(Op::Select), a.home);
        pair(a.home, sa);
        pair(sb, sc);
        push_home(a.type);
        return;
      }
      case Op::LocalGet: push_local(in.a); return;
      case Op::LocalSet:
      case Op::LocalTee: {
        Val v = pop();
        uint32_t dst = local_slot_[in.a];
        bool saved = save_readers_of(in.a);
        if (!saved && produced_by_last(v)) {
          code_[last_.pos + 1].p.a = dst;  // the result goes straight to the local
          last_.dst = UINT32_MAX;
          last_.written = dst;
        } else if (v.kind == Val::Const) {
          emit(iop(IOp::Const));
          pair(dst, 0);
          imm(v.bits);
        } else {
          uint32_t src = v.kind == Val::Local ? v.local : v.home;
          if (src != dst) copy(v.type, dst, src);
        }
        if (in.op == Op::LocalTee) push_local(in.a);
        return;
      }
      case Op::GlobalGet: {
        ValType t = m_.global_type(in.a).type;
        if (t == ValType::V128) {
          stack_op(in, 0, {t}, {in.a}, iop(IOp::GlobalGetV));
          return;
        }
        emit_result(iop(Op::GlobalGet), height_);
        pair(height_, in.a);
        push_home(t);
        return;
      }
      case Op::GlobalSet: {
        ValType t = m_.global_type(in.a).type;
        if (t == ValType::V128) {
          stack_op(in, 1, {}, {in.a}, iop(IOp::GlobalSetV));
          return;
        }
        Val v = pop();
        uint32_t s = operand(v);
        emit(iop(Op::GlobalSet));
        pair(s, in.a);
        return;
      }
      case Op::TableGet: stack_op(in, 1, {m_.table_type(in.a).elem}, {in.a}); return;
      case Op::TableSet: stack_op(in, 2, {}, {in.a}); return;
      case Op::TableGrow: stack_op(in, 2, {ValType::I32}, {in.a}); return;
      case Op::TableFill: stack_op(in, 3, {}, {in.a}); return;
      case Op::TableCopy: stack_op(in, 3, {}, {in.a, in.b}); return;
      case Op::TableInit: stack_op(in, 3, {}, {in.a, in.b}); return;
      case Op::RefIsNull: stack_op(in, 1, {ValType::I32}, {}); return;
      case Op::RefFunc: stack_op(in, 0, {ValType::FuncRef}, {in.a}); return;
      default: break;
    }
    // Everything else (memory.size/grow, bulk memory, table.size, elem.drop) has only a stack
    // form, typed by opcodes.def; every SIMD instruction was handled above.
    stack_form(in, info.params.size());
    switch (info.imm) {
      case ImmKind::MemoryInit:
      case ImmKind::Data:
      case ImmKind::Elem:
      case ImmKind::Table: imm(in.a); break;
      default: break;
    }
    pop(info.params.size());
    for (char c : info.results) push_home(signature_type(c));
    sp_height_ = height_;
  }

  void emit_result_at(uint16_t op, uint32_t dst, const Instr& in) {
    offsets_.emplace_back(static_cast<uint32_t>(code_.size()), static_cast<uint32_t>(in.offset));
    emit_result(op, dst);
  }
  // A stack-form instruction: its `n` operands in their homes, the stack pointer above them.
  void stack_form(const Instr& in, size_t n, uint16_t op = 0) {
    materialize_top(n);
    set_sp();
    emit_at(op ? op : iop(in.op), in);
  }
  // A stack-form instruction with its immediates, typed by hand.
  void stack_op(const Instr& in, size_t n, std::initializer_list<ValType> results,
                std::initializer_list<uint32_t> imms, uint16_t op = 0) {
    stack_form(in, n, op);
    for (uint32_t v : imms) imm(v);
    pop(n);
    for (ValType t : results) push_home(t);
    sp_height_ = height_;
  }
  // Returns the top `n` slots of values: a single-slot value straight from where it is.
  void emit_return(uint32_t n) {
    size_t count = ctrls_.front().results.size();
    uint32_t src;
    if (count == 1 && n == 1) {
      src = operand(stack_.back());
    } else {
      materialize_top(count);
      src = height_ - n;
    }
    emit(iop(Op::Return));
    pair(src, n);
  }

  // Metered code: opens a new straight-line segment with a Fuel instruction whose count the
  // following instructions increment. Only where runtime/metering.hpp says.
  void start_segment([[maybe_unused]] std::optional<Op> after) {
    assert(opens_fuel_segment(after));
    if (!metered_) return;
    emit(iop(IOp::Fuel));
    fuel_word_ = code_.size();
    imm(0);
  }


  const Module& m_;
  const Function& f_;
  const void* const* handlers_;
  bool metered_ = false;
  size_t fuel_word_ = SIZE_MAX;  // the open segment's Fuel count
  Last last_;
  size_t copy_pos_ = SIZE_MAX;  // the Copy instruction moves may join (not across a label)
  size_t copy_len_ = 0;         // its length in words
  uint32_t sp_height_ = UINT32_MAX;  // the stack pointer's height where known, else UINT32_MAX
  std::vector<Word> code_;
  std::vector<size_t> targets_;
  std::vector<std::pair<uint32_t, uint32_t>> offsets_;
  std::vector<Ctrl> ctrls_;
  std::vector<Val> stack_;
  size_t home_below_ = 0;  // stack_[i] for i below this is in its home
  std::vector<std::vector<uint32_t>> deferred_;  // per local: stack indices that read it
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
