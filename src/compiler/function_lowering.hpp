// Lowers one wasm function body to LLVM IR, instruction by instruction: the operand stack
// becomes SSA values, locals become allocas (promoted to registers by the optimiser), blocks
// become basic blocks whose results meet in phi nodes.
#pragma once
#include <llvm/IR/IRBuilder.h>

#include <array>
#include <optional>
#include <set>
#include <vector>

#include "compiler/module_codegen.hpp"
#include "ir/instr_reader.hpp"

namespace petrel::compiler {

class FunctionLowering {
 public:
  FunctionLowering(ModuleCodegen& mc, uint32_t defined_index);
  Result<void> lower();

 private:
  struct Control {
    enum class Kind : uint8_t { Function, Block, Loop, If } kind;
    llvm::BasicBlock* label = nullptr;       // where a branch to this label goes
    llvm::BasicBlock* end = nullptr;         // after the construct
    llvm::BasicBlock* else_block = nullptr;  // an `if` whose `else` has not been seen yet
    std::vector<llvm::PHINode*> label_phis;  // a branch's values (loop: params; else results)
    std::vector<llvm::PHINode*> end_phis;    // the construct's results
    std::vector<llvm::Value*> if_params;     // for the implicit else of an `if`
    size_t height = 0;                       // operand stack height below the params
    bool unreachable = false;                // the rest of this construct is dead code
  };

  // ---- instruction groups (each returns false for opcodes it does not handle) ------------
  Result<void> lower_instr(const Instr& in);
  bool lower_control(const Instr& in);
  bool lower_variable(const Instr& in);
  bool lower_memory(const Instr& in);
  bool lower_table(const Instr& in);
  bool lower_numeric(const Instr& in);
  bool lower_conversion(const Instr& in);
  bool lower_simd(const Instr& in);

  // ---- control helpers ---------------------------------------------------------------------
  void push_control(Control::Kind kind, const BlockType& bt);
  void branch_to(uint32_t depth);  // unconditional, with the label's values from the stack
  void add_incoming(Control& c, std::span<llvm::Value* const> values);
  std::vector<llvm::PHINode*> make_phis(llvm::BasicBlock* bb, const std::vector<ValType>& types);
  void end_control();
  void mark_unreachable();
  void emit_return_from(llvm::BasicBlock* bb);

  // ---- calls ---------------------------------------------------------------------------------
  void call_defined(uint32_t defined_index);
  // Calls the function `callee` (a FuncInstance*) of wasm type `type_index` through its native
  // entry when it has one, else through the runtime.
  void call_instance(llvm::Value* callee, uint32_t type_index);
  void push_results(llvm::Value* result, const FuncType& t);

  // ---- runtime access --------------------------------------------------------------------------
  llvm::Value* ctx_field(uint32_t offset, llvm::Type* t, bool invariant = true);
  llvm::Value* load_indexed(llvm::Value* array, uint32_t index, llvm::Type* t, bool invariant);
  llvm::CallInst* call_helper(native::Helper h, std::vector<llvm::Value*> args);
  // A block that traps with `code`; shared per code unless `detail` (the element index of
  // "uninitialized element") is given.
  llvm::BasicBlock* trap_block(native::TrapCode code, llvm::Value* detail = nullptr);
  // Quiets a NaN result (sets its quiet bit) where LLVM may fold an operation away and pass a
  // signalling NaN through, which wasm forbids (x*1, x-0, min/max, demote(promote x)).
  llvm::Value* quiet_nan(llvm::Value* v);
  // Branches to a trap when `cond` holds; continues in a fresh block.
  void trap_if(llvm::Value* cond, native::TrapCode code);
  llvm::Value* memory_address(llvm::Value* addr, uint64_t offset);
  // A load of `t` from linear memory at `addr` + `offset`, volatile so that LLVM never deletes
  // it: out of bounds it must trap (through the guard region) even when its value turns out
  // unused, e.g. once a call that ignores the value is inlined.
  llvm::LoadInst* load_linear(llvm::Type* t, llvm::Value* addr, uint64_t offset);
  // A store of `v` to linear memory at `addr` + `offset`. Volatile too: a store may fault
  // (through the guard region), and the state a trap leaves (memory and globals, which the
  // embedder and later calls see) must be the state at the faulting instruction. LLVM keeps
  // volatile accesses in order and never merges or deletes one, so no earlier store sinks past
  // a fault and none is folded into a later one.
  void store_linear(llvm::Value* v, llvm::Value* addr, uint64_t offset);
  llvm::Value* mem_base();
  void check_interrupt();
  // Metered code: charges the straight-line segment that starts here, at the same places and
  // with the same instruction counts as the metered interpreter (interp/translator.cpp), so
  // that both engines consume identical fuel. The cost is patched in when the segment closes.
  void start_segment(std::optional<Op> after);
  void close_segment();
  // Type-based alias tags: linear memory and globals never overlap, so the optimiser may keep
  // a global (e.g. C's stack pointer) in a register across memory stores, and vice versa.
  void tag_memory_accesses();

  // ---- operand stack ---------------------------------------------------------------------------
  void push(llvm::Value* v) { stack_.push_back(v); }
  llvm::Value* pop() {
    llvm::Value* v = stack_.back();
    stack_.pop_back();
    return v;
  }
  llvm::Value* pop_as(llvm::Type* t) { return b_.CreateBitCast(pop(), t); }
  std::vector<llvm::Value*> pop_n(size_t n);

  llvm::Value* i32(uint32_t v) { return b_.getInt32(v); }
  llvm::Value* i64(uint64_t v) { return b_.getInt64(v); }
  llvm::Value* bool_to_i32(llvm::Value* b) { return b_.CreateZExt(b, b_.getInt32Ty()); }

  ModuleCodegen& mc_;
  const Module& wasm_;
  uint32_t defined_index_;
  const Function& func_;
  const FuncType& type_;
  llvm::Function* fn_;
  llvm::IRBuilder<> b_;
  llvm::BasicBlock* entry_ = nullptr;  // allocas and invariant loads, before the body
  llvm::Value* ctx_ = nullptr;
  llvm::Value* mem_base_ = nullptr;
  std::vector<llvm::AllocaInst*> locals_;
  std::set<llvm::Value*> global_ptrs_;  // loaded GlobalInstance pointers (for alias tags)
  std::vector<ValType> local_types_;
  std::vector<llvm::Value*> stack_;
  std::vector<Control> control_;
  uint32_t skip_depth_ = 0;  // nesting of constructs inside dead code
  llvm::Value* fuel_ptr_ = nullptr;              // metered: the store's fuel counter
  llvm::BasicBlock* fuel_out_ = nullptr;         // metered: empties the counter, then traps
  uint64_t segment_cost_ = 0;                    // wasm instructions in the open segment
  std::vector<llvm::Instruction*> cost_users_;   // the open segment's compare and subtract
  std::array<llvm::BasicBlock*, 16> trap_blocks_{};
  llvm::Type *i32_, *i64_, *f32_, *f64_, *v128_, *ptr_;
};

}  // namespace petrel::compiler
