#include "compiler/function_lowering.hpp"

#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/MDBuilder.h>

#include <fmt/format.h>

#include <cassert>
#include <map>

#include "runtime/metering.hpp"
#include "ir/value.hpp"

namespace petrel::compiler {

using native::Helper;
using native::TrapCode;
namespace layout = native::layout;

FunctionLowering::FunctionLowering(ModuleCodegen& mc, uint32_t defined_index)
    : mc_(mc),
      wasm_(mc.wasm()),
      defined_index_(defined_index),
      func_(wasm_.functions[defined_index]),
      type_(wasm_.types[func_.type]),
      fn_(mc.defined_function(defined_index)),
      b_(mc.ctx()) {
  i32_ = b_.getInt32Ty();
  i64_ = b_.getInt64Ty();
  f32_ = b_.getFloatTy();
  f64_ = b_.getDoubleTy();
  v128_ = mc.type(ValType::V128);
  ptr_ = b_.getPtrTy();
}

Result<void> FunctionLowering::lower() {
  llvm::LLVMContext& ctx = mc_.ctx();
  entry_ = llvm::BasicBlock::Create(ctx, "entry", fn_);
  llvm::BasicBlock* body = llvm::BasicBlock::Create(ctx, "body", fn_);
  b_.SetInsertPoint(entry_);
  ctx_ = fn_->getArg(0);
  // Parameters and declared locals live in allocas; mem2reg turns them into registers.
  for (size_t i = 0; i < type_.params.size(); ++i) local_types_.push_back(type_.params[i]);
  for (ValType t : func_.locals) local_types_.push_back(t);
  for (size_t i = 0; i < local_types_.size(); ++i) {
    llvm::Type* t = mc_.type(local_types_[i]);
    auto* slot = b_.CreateAlloca(t);
    llvm::Value* init = i < type_.params.size() ? static_cast<llvm::Value*>(fn_->getArg(static_cast<unsigned>(i + 1)))
                                                : llvm::Constant::getNullValue(t);
    b_.CreateStore(init, slot);
    locals_.push_back(slot);
  }
  b_.CreateBr(body);
  b_.SetInsertPoint(body);

  // Stack exhaustion: compare the stack pointer with the store's limit on entry.
  {
    llvm::Value* exec = ctx_field(layout::kCtxExec, ptr_);
    auto* limit = b_.CreateLoad(i64_, b_.CreateConstGEP1_64(b_.getInt8Ty(), exec, layout::kExecStackLimit));
    llvm::Metadata* reg[] = {llvm::MDString::get(ctx, "rsp")};
    llvm::Value* sp = b_.CreateIntrinsic(llvm::Intrinsic::read_register, {i64_},
                                         {llvm::MetadataAsValue::get(ctx, llvm::MDNode::get(ctx, reg))});
    trap_if(b_.CreateICmpULT(sp, limit), TrapCode::CallStackExhausted);
  }

  Control fc;
  fc.kind = Control::Kind::Function;
  fc.end = llvm::BasicBlock::Create(ctx, "return", fn_);
  fc.label = fc.end;
  fc.end_phis = make_phis(fc.end, type_.results);
  fc.label_phis = fc.end_phis;
  control_.push_back(std::move(fc));

  InstrReader reader(wasm_.body(func_), func_.body_offset);
  Instr in;
  start_segment(std::nullopt);
  while (!control_.empty()) {
    if (reader.at_end()) return malformed("function body ends early");
    auto ok = reader.next(in);
    if (!ok) return std::unexpected(ok.error());
    // Every instruction read in reachable code counts, in the segment open at that point.
    if (mc_.metered() && !control_.back().unreachable) ++segment_cost_;
    auto lowered = lower_instr(in);
    if (!lowered) return lowered;
  }
  close_segment();
  tag_memory_accesses();
  return {};
}

void FunctionLowering::tag_memory_accesses() {
  llvm::MDBuilder md(mc_.ctx());
  llvm::MDNode* root = md.createTBAARoot("petrel");
  llvm::MDNode* memory = md.createTBAAScalarTypeNode("wasm linear memory", root);
  llvm::MDNode* global = md.createTBAAScalarTypeNode("wasm global", root);
  llvm::MDNode* memory_tag = md.createTBAAStructTagNode(memory, memory, 0);
  llvm::MDNode* global_tag = md.createTBAAStructTagNode(global, global, 0);
  for (llvm::BasicBlock& bb : *fn_) {
    for (llvm::Instruction& inst : bb) {
      llvm::Value* ptr = nullptr;
      if (auto* load = llvm::dyn_cast<llvm::LoadInst>(&inst)) ptr = load->getPointerOperand();
      else if (auto* store = llvm::dyn_cast<llvm::StoreInst>(&inst)) ptr = store->getPointerOperand();
      auto* gep = llvm::dyn_cast_or_null<llvm::GetElementPtrInst>(ptr);
      if (!gep) continue;
      llvm::Value* base = gep->getPointerOperand();
      if (mem_base_ && base == mem_base_) {
        inst.setMetadata(llvm::LLVMContext::MD_tbaa, memory_tag);
      } else if (auto* g = llvm::dyn_cast<llvm::LoadInst>(base); g && global_ptrs_.count(g)) {
        inst.setMetadata(llvm::LLVMContext::MD_tbaa, global_tag);
      }
    }
  }
}

Result<void> FunctionLowering::lower_instr(const Instr& in) {
  if (control_.back().unreachable) {
    // Dead code: only the structure matters.
    switch (in.op) {
      case Op::Block:
      case Op::Loop:
      case Op::If: ++skip_depth_; return {};
      case Op::Else:
        if (skip_depth_ > 0) return {};
        break;
      case Op::End:
        if (skip_depth_ > 0) {
          --skip_depth_;
          return {};
        }
        break;
      default: return {};
    }
  }
  if (lower_control(in) || lower_variable(in) || lower_memory(in) || lower_table(in) || lower_numeric(in) ||
      lower_conversion(in) || lower_simd(in))
    return {};
  return invalid(fmt::format("the compiler does not support {}", op_info(in.op).text), SourcePos::at_offset(in.offset));
}

// ---- control ---------------------------------------------------------------------------------

std::vector<llvm::PHINode*> FunctionLowering::make_phis(llvm::BasicBlock* bb, const std::vector<ValType>& types) {
  std::vector<llvm::PHINode*> phis;
  llvm::IRBuilder<> pb(bb);
  for (ValType t : types) phis.push_back(pb.CreatePHI(mc_.type(t), 2));
  return phis;
}

std::vector<llvm::Value*> FunctionLowering::pop_n(size_t n) {
  std::vector<llvm::Value*> v(stack_.end() - static_cast<ptrdiff_t>(n), stack_.end());
  stack_.resize(stack_.size() - n);
  return v;
}

void FunctionLowering::add_incoming(Control& c, std::span<llvm::Value* const> values) {
  llvm::BasicBlock* from = b_.GetInsertBlock();
  for (size_t i = 0; i < c.label_phis.size(); ++i) c.label_phis[i]->addIncoming(values[i], from);
}

void FunctionLowering::push_control(Control::Kind kind, const BlockType& bt) {
  auto [params, results] = *block_signature(wasm_.types, bt);  // validated
  llvm::LLVMContext& ctx = mc_.ctx();
  Control c;
  c.kind = kind;
  c.height = stack_.size() - params.size();
  c.end = llvm::BasicBlock::Create(ctx, "end", fn_);
  c.end_phis = make_phis(c.end, results);
  if (kind == Control::Kind::Loop) {
    c.label = llvm::BasicBlock::Create(ctx, "loop", fn_);
    c.label_phis = make_phis(c.label, params);
    auto args = pop_n(params.size());
    add_incoming(c, args);
    b_.CreateBr(c.label);
    b_.SetInsertPoint(c.label);
    for (auto* phi : c.label_phis) push(phi);
    start_segment(Op::Loop);  // a loop head: each iteration pays for its segment
    check_interrupt();
  } else {
    c.label = c.end;
    c.label_phis = c.end_phis;
  }
  control_.push_back(std::move(c));
}

void FunctionLowering::mark_unreachable() {
  Control& c = control_.back();
  c.unreachable = true;
  stack_.resize(c.height);
}

void FunctionLowering::branch_to(uint32_t depth) {
  Control& target = control_[control_.size() - 1 - depth];
  size_t n = target.label_phis.size();
  std::vector<llvm::Value*> values(stack_.end() - static_cast<ptrdiff_t>(n), stack_.end());
  add_incoming(target, values);
  b_.CreateBr(target.label);
}

void FunctionLowering::end_control() {
  Control& c = control_.back();
  if (c.kind == Control::Kind::If && c.else_block) {
    // No else: the params become the results on the false path.
    if (!c.unreachable) {
      auto vals = pop_n(c.end_phis.size());
      for (size_t i = 0; i < c.end_phis.size(); ++i) c.end_phis[i]->addIncoming(vals[i], b_.GetInsertBlock());
      b_.CreateBr(c.end);
    }
    b_.SetInsertPoint(c.else_block);
    for (size_t i = 0; i < c.end_phis.size(); ++i) c.end_phis[i]->addIncoming(c.if_params[i], c.else_block);
    b_.CreateBr(c.end);
  } else if (!c.unreachable) {
    auto vals = pop_n(c.end_phis.size());
    for (size_t i = 0; i < c.end_phis.size(); ++i) c.end_phis[i]->addIncoming(vals[i], b_.GetInsertBlock());
    b_.CreateBr(c.end);
  }
  Control done = std::move(control_.back());
  control_.pop_back();
  stack_.resize(done.height);
  skip_depth_ = 0;
  bool reached = !llvm::pred_empty(done.end);
  if (done.kind == Control::Kind::Function) {
    if (!reached) {
      for (auto* phi : done.end_phis) phi->eraseFromParent();
      done.end->eraseFromParent();
      return;
    }
    emit_return_from(done.end);
    return;
  }
  if (!reached) {
    for (auto* phi : done.end_phis) phi->eraseFromParent();
    done.end->eraseFromParent();
    mark_unreachable();
    return;
  }
  // Move the end block after the current code, for readable IR.
  done.end->moveAfter(&fn_->back());
  b_.SetInsertPoint(done.end);
  for (auto* phi : done.end_phis) push(phi);
  start_segment(Op::End);  // a branch target
}

void FunctionLowering::emit_return_from(llvm::BasicBlock* bb) {
  b_.SetInsertPoint(bb);
  std::vector<llvm::Value*> results;
  for (auto& inst : *bb)
    if (auto* phi = llvm::dyn_cast<llvm::PHINode>(&inst)) results.push_back(phi);
  if (type_.results.empty()) {
    b_.CreateRetVoid();
  } else if (type_.results.size() == 1) {
    b_.CreateRet(results[0]);
  } else {
    llvm::Value* agg = llvm::UndefValue::get(fn_->getReturnType());
    for (unsigned i = 0; i < results.size(); ++i) agg = b_.CreateInsertValue(agg, results[i], i);
    b_.CreateRet(agg);
  }
}

bool FunctionLowering::lower_control(const Instr& in) {
  llvm::LLVMContext& ctx = mc_.ctx();
  switch (in.op) {
    case Op::Nop: return true;
    case Op::Unreachable:
      b_.CreateBr(trap_block(TrapCode::Unreachable));
      mark_unreachable();
      return true;
    case Op::Block: push_control(Control::Kind::Block, in.block); return true;
    case Op::Loop: push_control(Control::Kind::Loop, in.block); return true;
    case Op::If: {
      llvm::Value* cond = b_.CreateICmpNE(pop(), i32(0));
      auto [params, results] = *block_signature(wasm_.types, in.block);  // validated
      std::vector<llvm::Value*> if_params(stack_.end() - static_cast<ptrdiff_t>(params.size()), stack_.end());
      auto* then_block = llvm::BasicBlock::Create(ctx, "then", fn_);
      auto* else_block = llvm::BasicBlock::Create(ctx, "else", fn_);
      b_.CreateCondBr(cond, then_block, else_block);
      b_.SetInsertPoint(then_block);
      push_control(Control::Kind::If, in.block);
      control_.back().else_block = else_block;
      control_.back().if_params = std::move(if_params);
      start_segment(Op::If);
      return true;
    }
    case Op::Else: {
      Control& c = control_.back();
      if (!c.unreachable) {
        auto vals = pop_n(c.end_phis.size());
        for (size_t i = 0; i < c.end_phis.size(); ++i) c.end_phis[i]->addIncoming(vals[i], b_.GetInsertBlock());
        b_.CreateBr(c.end);
      }
      stack_.resize(c.height);
      for (auto* v : c.if_params) push(v);
      b_.SetInsertPoint(c.else_block);
      c.else_block = nullptr;
      c.unreachable = false;
      skip_depth_ = 0;
      start_segment(Op::Else);
      return true;
    }
    case Op::End: end_control(); return true;
    case Op::Br:
      branch_to(in.a);
      mark_unreachable();
      return true;
    case Op::BrIf: {
      llvm::Value* cond = b_.CreateICmpNE(pop(), i32(0));
      Control& target = control_[control_.size() - 1 - in.a];
      size_t n = target.label_phis.size();
      std::vector<llvm::Value*> values(stack_.end() - static_cast<ptrdiff_t>(n), stack_.end());
      add_incoming(target, values);
      auto* cont = llvm::BasicBlock::Create(ctx, "cont", fn_);
      b_.CreateCondBr(cond, target.label, cont);
      b_.SetInsertPoint(cont);
      start_segment(Op::BrIf);  // the fall-through pays for itself: the branch may have left early
      return true;
    }
    case Op::BrTable: {
      llvm::Value* index = pop();
      // One block per distinct target, so that each phi sees one edge per predecessor.
      std::map<uint32_t, llvm::BasicBlock*> hops;
      llvm::BasicBlock* from = b_.GetInsertBlock();
      auto hop = [&](uint32_t depth) {
        auto [it, fresh] = hops.try_emplace(depth, nullptr);
        if (fresh) {
          it->second = llvm::BasicBlock::Create(ctx, "br_table", fn_);
          b_.SetInsertPoint(it->second);
          branch_to(depth);
        }
        return it->second;
      };
      llvm::BasicBlock* default_block = hop(in.a);
      std::vector<llvm::BasicBlock*> case_blocks;
      for (uint32_t l : in.labels) case_blocks.push_back(hop(l));
      b_.SetInsertPoint(from);
      auto* sw = b_.CreateSwitch(index, default_block, static_cast<unsigned>(case_blocks.size()));
      for (size_t i = 0; i < case_blocks.size(); ++i)
        if (case_blocks[i] != default_block) sw->addCase(b_.getInt32(static_cast<uint32_t>(i)), case_blocks[i]);
      mark_unreachable();
      return true;
    }
    case Op::Return:
      branch_to(static_cast<uint32_t>(control_.size() - 1));
      mark_unreachable();
      return true;
    case Op::Call:
      if (in.a >= wasm_.num_imported_funcs) {
        call_defined(in.a - wasm_.num_imported_funcs);
      } else {
        llvm::Value* funcs = ctx_field(layout::kCtxFuncs, ptr_);
        call_instance(load_indexed(funcs, in.a, ptr_, true), wasm_.func_type_index(in.a));
      }
      return true;
    case Op::CallIndirect: {
      // in.a: type index, in.b: table index.
      llvm::Value* index = b_.CreateZExt(pop(), i64_);
      llvm::Value* tables = ctx_field(layout::kCtxTables, ptr_);
      llvm::Value* table = load_indexed(tables, in.b, ptr_, true);
      llvm::Value* begin = b_.CreateLoad(ptr_, b_.CreateConstGEP1_64(b_.getInt8Ty(), table, layout::kTableBegin));
      llvm::Value* end = b_.CreateLoad(ptr_, b_.CreateConstGEP1_64(b_.getInt8Ty(), table, layout::kTableEnd));
      llvm::Value* size = b_.CreateLShr(b_.CreateSub(b_.CreatePtrToInt(end, i64_), b_.CreatePtrToInt(begin, i64_)), 3);
      trap_if(b_.CreateICmpUGE(index, size), TrapCode::UndefinedElement);
      llvm::Value* ref = b_.CreateLoad(ptr_, b_.CreateGEP(i64_, begin, index));
      {
        auto* cont = llvm::BasicBlock::Create(ctx, "ok", fn_);
        llvm::MDBuilder md(ctx);
        b_.CreateCondBr(b_.CreateIsNull(ref), trap_block(TrapCode::UninitializedElement, index), cont,
                        md.createUnlikelyBranchWeights());
        b_.SetInsertPoint(cont);
      }
      llvm::Value* actual = b_.CreateLoad(i32_, b_.CreateConstGEP1_64(b_.getInt8Ty(), ref, layout::kFuncTypeId));
      llvm::Value* expected = load_indexed(ctx_field(layout::kCtxTypeIds, ptr_), in.a, i32_, true);
      trap_if(b_.CreateICmpNE(actual, expected), TrapCode::IndirectCallTypeMismatch);
      call_instance(ref, in.a);
      return true;
    }
    default: return false;
  }
}

// ---- calls -----------------------------------------------------------------------------------

void FunctionLowering::push_results(llvm::Value* result, const FuncType& t) {
  if (t.results.size() == 1) {
    push(result);
  } else {
    for (unsigned i = 0; i < t.results.size(); ++i) push(b_.CreateExtractValue(result, i));
  }
}

void FunctionLowering::call_defined(uint32_t defined_index) {
  llvm::Function* callee = mc_.defined_function(defined_index);
  const FuncType& t = wasm_.types[wasm_.functions[defined_index].type];
  std::vector<llvm::Value*> args{ctx_};
  auto params = pop_n(t.params.size());
  args.insert(args.end(), params.begin(), params.end());
  auto* r = b_.CreateCall(callee, args);
  // No tail-call elimination: runaway recursion must exhaust the stack, not loop forever.
  r->setTailCallKind(llvm::CallInst::TCK_NoTail);
  if (!t.results.empty()) push_results(r, t);
}

void FunctionLowering::call_instance(llvm::Value* callee, uint32_t type_index) {
  llvm::LLVMContext& ctx = mc_.ctx();
  const FuncType& t = wasm_.types[type_index];
  auto params = pop_n(t.params.size());
  llvm::Value* native_fn = b_.CreateLoad(ptr_, b_.CreateConstGEP1_64(b_.getInt8Ty(), callee, layout::kFuncNativeFn));
  auto* fast = llvm::BasicBlock::Create(ctx, "call_native", fn_);
  auto* slow = llvm::BasicBlock::Create(ctx, "call_runtime", fn_);
  auto* join = llvm::BasicBlock::Create(ctx, "call_done", fn_);
  b_.CreateCondBr(b_.CreateIsNotNull(native_fn), fast, slow);

  // Compiled callee: a direct call of its typed entry with its own context.
  b_.SetInsertPoint(fast);
  llvm::Value* callee_ctx = b_.CreateLoad(ptr_, b_.CreateConstGEP1_64(b_.getInt8Ty(), callee, layout::kFuncNativeCtx));
  std::vector<llvm::Value*> args{callee_ctx};
  args.insert(args.end(), params.begin(), params.end());
  auto* fast_result = b_.CreateCall(mc_.signature(t), native_fn, args);
  fast_result->setTailCallKind(llvm::CallInst::TCK_NoTail);
  llvm::BasicBlock* fast_end = b_.GetInsertBlock();
  b_.CreateBr(join);

  // Host function or interpreted callee: through the runtime, with values in 64-bit slots.
  b_.SetInsertPoint(slow);
  uint32_t nslots = std::max(slot_count(t.params), slot_count(t.results));
  llvm::IRBuilder<> eb(entry_, entry_->getTerminator()->getIterator());
  auto* slots = eb.CreateAlloca(i64_, i32(std::max(nslots, 1u)));
  uint32_t s = 0;
  for (size_t i = 0; i < t.params.size(); ++i) {
    llvm::Value* v = params[i];
    llvm::Value* p = b_.CreateConstGEP1_32(i64_, slots, s);
    switch (t.params[i]) {
      case ValType::I32: v = b_.CreateZExt(v, i64_); break;
      case ValType::F32: v = b_.CreateZExt(b_.CreateBitCast(v, i32_), i64_); break;
      case ValType::F64: v = b_.CreateBitCast(v, i64_); break;
      default: break;
    }
    b_.CreateAlignedStore(v, p, llvm::Align(8));
    s += slot_count(t.params[i]);
  }
  call_helper(Helper::Call, {ctx_, callee, slots});
  std::vector<llvm::Value*> slow_results;
  s = 0;
  for (ValType rt : t.results) {
    llvm::Value* p = b_.CreateConstGEP1_32(i64_, slots, s);
    llvm::Value* v = nullptr;
    switch (rt) {
      case ValType::I32: v = b_.CreateAlignedLoad(i32_, p, llvm::Align(8)); break;
      case ValType::F32: v = b_.CreateAlignedLoad(f32_, p, llvm::Align(8)); break;
      case ValType::F64: v = b_.CreateAlignedLoad(f64_, p, llvm::Align(8)); break;
      case ValType::V128: v = b_.CreateAlignedLoad(v128_, p, llvm::Align(8)); break;
      default: v = b_.CreateAlignedLoad(i64_, p, llvm::Align(8)); break;
    }
    slow_results.push_back(v);
    s += slot_count(rt);
  }
  llvm::Value* slow_result = nullptr;
  if (t.results.size() == 1) {
    slow_result = slow_results[0];
  } else if (t.results.size() > 1) {
    slow_result = llvm::UndefValue::get(mc_.signature(t)->getReturnType());
    for (unsigned i = 0; i < slow_results.size(); ++i) slow_result = b_.CreateInsertValue(slow_result, slow_results[i], i);
  }
  llvm::BasicBlock* slow_end = b_.GetInsertBlock();
  b_.CreateBr(join);

  b_.SetInsertPoint(join);
  if (!t.results.empty()) {
    auto* phi = b_.CreatePHI(fast_result->getType(), 2);
    phi->addIncoming(fast_result, fast_end);
    phi->addIncoming(slow_result, slow_end);
    push_results(phi, t);
  }
}

// ---- runtime access ----------------------------------------------------------------------------

llvm::Value* FunctionLowering::ctx_field(uint32_t offset, llvm::Type* t, bool invariant) {
  // Loaded where used (not in the entry block): the optimiser hoists invariant loads out of
  // loops when that pays, without pinning every one in a callee-saved register.
  auto* load = b_.CreateLoad(t, b_.CreateConstGEP1_64(b_.getInt8Ty(), ctx_, offset));
  if (invariant) load->setMetadata(llvm::LLVMContext::MD_invariant_load, llvm::MDNode::get(mc_.ctx(), {}));
  return load;
}

llvm::Value* FunctionLowering::load_indexed(llvm::Value* array, uint32_t index, llvm::Type* t, bool invariant) {
  auto* load = b_.CreateLoad(t, b_.CreateConstGEP1_64(t, array, index));
  if (invariant) load->setMetadata(llvm::LLVMContext::MD_invariant_load, llvm::MDNode::get(mc_.ctx(), {}));
  return load;
}

llvm::CallInst* FunctionLowering::call_helper(Helper h, std::vector<llvm::Value*> args) {
  llvm::Value* rt = ctx_field(layout::kCtxHelpers, ptr_);
  llvm::Value* fp = load_indexed(rt, static_cast<uint32_t>(h), ptr_, true);
  return b_.CreateCall(mc_.helper_type(h), fp, args);
}

llvm::BasicBlock* FunctionLowering::trap_block(TrapCode code, llvm::Value* detail) {
  llvm::BasicBlock* shared = nullptr;
  auto& slot = detail ? shared : trap_blocks_[static_cast<size_t>(code)];
  if (slot) return slot;
  auto* bb = llvm::BasicBlock::Create(mc_.ctx(), "trap", fn_);
  slot = bb;
  llvm::IRBuilder<> tb(bb);
  llvm::Value* rt = tb.CreateLoad(ptr_, tb.CreateConstGEP1_64(tb.getInt8Ty(), ctx_, layout::kCtxHelpers));
  llvm::Value* fp = tb.CreateLoad(ptr_, rt);  // Helper::Trap is the first entry
  auto* call = tb.CreateCall(mc_.helper_type(Helper::Trap), fp,
                             {ctx_, tb.getInt32(static_cast<uint32_t>(code)), detail ? detail : tb.getInt64(0)});
  call->setDoesNotReturn();
  tb.CreateUnreachable();
  return bb;
}

void FunctionLowering::trap_if(llvm::Value* cond, TrapCode code) {
  auto* cont = llvm::BasicBlock::Create(mc_.ctx(), "ok", fn_);
  llvm::MDBuilder md(mc_.ctx());
  b_.CreateCondBr(cond, trap_block(code), cont, md.createUnlikelyBranchWeights());
  b_.SetInsertPoint(cont);
}

void FunctionLowering::start_segment([[maybe_unused]] std::optional<Op> after) {
  assert(opens_fuel_segment(after));  // the engines cut segments alike (runtime/metering.hpp)
  if (!mc_.metered()) return;
  close_segment();
  if (!fuel_ptr_) {
    llvm::IRBuilder<> eb(entry_, entry_->getTerminator()->getIterator());
    auto* exec = eb.CreateLoad(ptr_, eb.CreateConstGEP1_64(eb.getInt8Ty(), ctx_, layout::kCtxExec));
    exec->setMetadata(llvm::LLVMContext::MD_invariant_load, llvm::MDNode::get(mc_.ctx(), {}));
    auto* fuel = eb.CreateLoad(ptr_, eb.CreateConstGEP1_64(eb.getInt8Ty(), exec, layout::kExecFuel));
    fuel->setMetadata(llvm::LLVMContext::MD_invariant_load, llvm::MDNode::get(mc_.ctx(), {}));
    fuel_ptr_ = fuel;
    // A segment that cannot be paid in full does not run, and the rest of the budget is spent:
    // exactly the budget is consumed, as in the interpreter.
    fuel_out_ = llvm::BasicBlock::Create(mc_.ctx(), "fuel_exhausted", fn_);
    llvm::IRBuilder<> ob(fuel_out_);
    ob.CreateStore(ob.getInt64(0), fuel_ptr_);
    ob.CreateBr(trap_block(TrapCode::FuelExhausted));
  }
  // The costs are placeholders until close_segment() knows the count. Placeholders are
  // distinct (non-constant) values so that the builder folds nothing.
  llvm::Value* left = b_.CreateLoad(i64_, fuel_ptr_);
  auto* enough = llvm::cast<llvm::Instruction>(b_.CreateICmpSGE(left, left));
  auto* cont = llvm::BasicBlock::Create(mc_.ctx(), "paid", fn_);
  llvm::MDBuilder md(mc_.ctx());
  b_.CreateCondBr(enough, cont, fuel_out_, md.createLikelyBranchWeights());
  b_.SetInsertPoint(cont);
  auto* rest = llvm::cast<llvm::Instruction>(b_.CreateSub(left, left));
  b_.CreateStore(rest, fuel_ptr_);
  cost_users_ = {enough, rest};
  segment_cost_ = 0;
}

void FunctionLowering::close_segment() {
  if (cost_users_.empty()) return;
  for (llvm::Instruction* i : cost_users_) i->setOperand(1, llvm::ConstantInt::get(i64_, segment_cost_));
  cost_users_.clear();
}

void FunctionLowering::check_interrupt() {
  // Interrupts and deadlines are a feature of metered code, in both engines (petrel.h): plain
  // code runs its loops without polls, at full speed.
  if (!mc_.metered()) return;
  llvm::Value* exec = ctx_field(layout::kCtxExec, ptr_);
  auto* flag_ptr = b_.CreateLoad(ptr_, b_.CreateConstGEP1_64(b_.getInt8Ty(), exec, layout::kExecInterrupt));
  flag_ptr->setMetadata(llvm::LLVMContext::MD_invariant_load, llvm::MDNode::get(mc_.ctx(), {}));
  auto* flag = b_.CreateLoad(i32_, flag_ptr);
  flag->setVolatile(true);  // re-read at every poll; plain enough to fold into a compare
  flag->setAlignment(llvm::Align(4));
  auto* stop = llvm::BasicBlock::Create(mc_.ctx(), "interrupted", fn_);
  auto* cont = llvm::BasicBlock::Create(mc_.ctx(), "go", fn_);
  llvm::MDBuilder md(mc_.ctx());
  b_.CreateCondBr(b_.CreateICmpNE(flag, i32(0)), stop, cont, md.createUnlikelyBranchWeights());
  b_.SetInsertPoint(stop);
  call_helper(Helper::Interrupted, {ctx_});
  b_.CreateBr(cont);
  b_.SetInsertPoint(cont);
}

llvm::Value* FunctionLowering::quiet_nan(llvm::Value* v) {
  llvm::Type* t = v->getType();
  llvm::Type* it = t->isVectorTy() ? static_cast<llvm::Type*>(llvm::VectorType::getInteger(llvm::cast<llvm::VectorType>(t)))
                                   : b_.getIntNTy(t->getPrimitiveSizeInBits().getFixedValue());
  unsigned bits = t->getScalarSizeInBits();
  llvm::Value* quiet_bit = llvm::ConstantInt::get(it, uint64_t{1} << (bits == 32 ? 22 : 51));
  llvm::Value* quieted = b_.CreateBitCast(b_.CreateOr(b_.CreateBitCast(v, it), quiet_bit), t);
  return b_.CreateSelect(b_.CreateFCmpUNO(v, v), quieted, v);
}

llvm::Value* FunctionLowering::mem_base() {
  // Loaded once in the entry block: memory-heavy code wants it in a register throughout.
  if (!mem_base_) {
    llvm::IRBuilder<> eb(entry_, entry_->getTerminator()->getIterator());
    auto* load = eb.CreateLoad(ptr_, eb.CreateConstGEP1_64(eb.getInt8Ty(), ctx_, layout::kCtxMemBase));
    load->setMetadata(llvm::LLVMContext::MD_invariant_load, llvm::MDNode::get(mc_.ctx(), {}));
    mem_base_ = load;
  }
  return mem_base_;
}

llvm::Value* FunctionLowering::memory_address(llvm::Value* addr, uint64_t offset) {
  // Guard regions make any 32-bit address plus 32-bit offset safe to touch: no check here.
  llvm::Value* ea = b_.CreateZExt(addr, i64_);
  if (offset) ea = b_.CreateAdd(ea, i64(offset));
  return b_.CreateGEP(b_.getInt8Ty(), mem_base(), ea);
}

llvm::LoadInst* FunctionLowering::load_linear(llvm::Type* t, llvm::Value* addr, uint64_t offset) {
  llvm::LoadInst* load = b_.CreateAlignedLoad(t, memory_address(addr, offset), llvm::Align(1));
  load->setVolatile(true);
  return load;
}

void FunctionLowering::store_linear(llvm::Value* v, llvm::Value* addr, uint64_t offset) {
  b_.CreateAlignedStore(v, memory_address(addr, offset), llvm::Align(1), /*isVolatile=*/true);
}

// ---- variables ---------------------------------------------------------------------------------

bool FunctionLowering::lower_variable(const Instr& in) {
  switch (in.op) {
    case Op::Drop: pop(); return true;  // a dropped load stays: load_linear makes loads volatile
    case Op::Select:
    case Op::SelectT: {
      llvm::Value* c = b_.CreateICmpNE(pop(), i32(0));
      llvm::Value* v2 = pop();
      llvm::Value* v1 = pop();
      push(b_.CreateSelect(c, v1, v2));
      return true;
    }
    case Op::LocalGet: push(b_.CreateLoad(mc_.type(local_types_[in.a]), locals_[in.a])); return true;
    case Op::LocalSet: b_.CreateStore(pop(), locals_[in.a]); return true;
    case Op::LocalTee: b_.CreateStore(stack_.back(), locals_[in.a]); return true;
    case Op::GlobalGet:
    case Op::GlobalSet: {
      ValType t = wasm_.global_type(in.a).type;
      llvm::Value* globals = ctx_field(layout::kCtxGlobals, ptr_);
      llvm::Value* g = load_indexed(globals, in.a, ptr_, true);
      global_ptrs_.insert(g);
      llvm::Value* p = b_.CreateConstGEP1_64(b_.getInt8Ty(), g, layout::kGlobalValue);
      if (in.op == Op::GlobalGet) {
        push(b_.CreateAlignedLoad(mc_.type(t), p, llvm::Align(8)));  // a v128 global is 8-byte aligned
      } else {
        llvm::Value* v = pop();
        // Globals are 64-bit slots: narrower values are stored zero-extended.
        if (t == ValType::I32) v = b_.CreateZExt(v, i64_);
        if (t == ValType::F32) v = b_.CreateZExt(b_.CreateBitCast(v, i32_), i64_);
        // Volatile, as linear-memory accesses are: a trap must find every global.set before it
        // done and none after (see store_linear).
        b_.CreateAlignedStore(v, p, llvm::Align(8), /*isVolatile=*/true);
      }
      return true;
    }
    case Op::RefNull: push(i64(0)); return true;
    case Op::RefIsNull: push(bool_to_i32(b_.CreateICmpEQ(pop(), i64(0)))); return true;
    case Op::RefFunc: {
      llvm::Value* funcs = ctx_field(layout::kCtxFuncs, ptr_);
      push(b_.CreatePtrToInt(load_indexed(funcs, in.a, ptr_, true), i64_));
      return true;
    }
    default: return false;
  }
}

// ---- memory ------------------------------------------------------------------------------------

bool FunctionLowering::lower_memory(const Instr& in) {
  auto load = [&](llvm::Type* t, llvm::Type* ext_to = nullptr, bool sign = false) {
    llvm::Value* v = load_linear(t, pop(), in.memarg_offset);
    if (ext_to) v = sign ? b_.CreateSExt(v, ext_to) : b_.CreateZExt(v, ext_to);
    push(v);
  };
  auto store = [&](llvm::Type* narrow = nullptr) {
    llvm::Value* v = pop();
    llvm::Value* addr = pop();
    if (narrow) v = b_.CreateTrunc(v, narrow);
    store_linear(v, addr, in.memarg_offset);
  };
  llvm::Type* i8 = b_.getInt8Ty();
  llvm::Type* i16 = b_.getInt16Ty();
  switch (in.op) {
    case Op::I32Load: load(i32_); return true;
    case Op::I64Load: load(i64_); return true;
    case Op::F32Load: load(f32_); return true;
    case Op::F64Load: load(f64_); return true;
    case Op::I32Load8S: load(i8, i32_, true); return true;
    case Op::I32Load8U: load(i8, i32_, false); return true;
    case Op::I32Load16S: load(i16, i32_, true); return true;
    case Op::I32Load16U: load(i16, i32_, false); return true;
    case Op::I64Load8S: load(i8, i64_, true); return true;
    case Op::I64Load8U: load(i8, i64_, false); return true;
    case Op::I64Load16S: load(i16, i64_, true); return true;
    case Op::I64Load16U: load(i16, i64_, false); return true;
    case Op::I64Load32S: load(i32_, i64_, true); return true;
    case Op::I64Load32U: load(i32_, i64_, false); return true;
    case Op::I32Store:
    case Op::I64Store:
    case Op::F32Store:
    case Op::F64Store: store(); return true;
    case Op::I32Store8:
    case Op::I64Store8: store(i8); return true;
    case Op::I32Store16:
    case Op::I64Store16: store(i16); return true;
    case Op::I64Store32: store(i32_); return true;
    case Op::MemorySize: {
      llvm::Value* mem = ctx_field(layout::kCtxMemory, ptr_);
      llvm::Value* size = b_.CreateLoad(i64_, b_.CreateConstGEP1_64(b_.getInt8Ty(), mem, layout::kMemorySize));
      push(b_.CreateTrunc(b_.CreateLShr(size, 16), i32_));
      return true;
    }
    case Op::MemoryGrow: push(call_helper(Helper::MemoryGrow, {ctx_, pop()})); return true;
    case Op::MemoryFill: {
      llvm::Value* n = pop();
      llvm::Value* val = pop();
      llvm::Value* d = pop();
      call_helper(Helper::MemoryFill, {ctx_, d, val, n});
      return true;
    }
    case Op::MemoryCopy: {
      llvm::Value* n = pop();
      llvm::Value* s = pop();
      llvm::Value* d = pop();
      call_helper(Helper::MemoryCopy, {ctx_, d, s, n});
      return true;
    }
    case Op::MemoryInit: {
      llvm::Value* n = pop();
      llvm::Value* s = pop();
      llvm::Value* d = pop();
      call_helper(Helper::MemoryInit, {ctx_, i32(in.a), d, s, n});
      return true;
    }
    case Op::DataDrop: call_helper(Helper::DataDrop, {ctx_, i32(in.a)}); return true;
    default: return false;
  }
}

bool FunctionLowering::lower_table(const Instr& in) {
  switch (in.op) {
    case Op::TableGet: push(call_helper(Helper::TableGet, {ctx_, i32(in.a), pop()})); return true;
    case Op::TableSet: {
      llvm::Value* ref = pop();
      llvm::Value* i = pop();
      call_helper(Helper::TableSet, {ctx_, i32(in.a), i, ref});
      return true;
    }
    case Op::TableSize: push(call_helper(Helper::TableSize, {ctx_, i32(in.a)})); return true;
    case Op::TableGrow: {
      llvm::Value* n = pop();
      llvm::Value* init = pop();
      push(call_helper(Helper::TableGrow, {ctx_, i32(in.a), init, n}));
      return true;
    }
    case Op::TableFill: {
      llvm::Value* n = pop();
      llvm::Value* ref = pop();
      llvm::Value* i = pop();
      call_helper(Helper::TableFill, {ctx_, i32(in.a), i, ref, n});
      return true;
    }
    case Op::TableCopy: {
      llvm::Value* n = pop();
      llvm::Value* s = pop();
      llvm::Value* d = pop();
      call_helper(Helper::TableCopy, {ctx_, i32(in.a), i32(in.b), d, s, n});
      return true;
    }
    case Op::TableInit: {
      llvm::Value* n = pop();
      llvm::Value* s = pop();
      llvm::Value* d = pop();
      // in.a: element segment, in.b: table (as the decoder reads table.init's immediates).
      call_helper(Helper::TableInit, {ctx_, i32(in.b), i32(in.a), d, s, n});
      return true;
    }
    case Op::ElemDrop: call_helper(Helper::ElemDrop, {ctx_, i32(in.a)}); return true;
    default: return false;
  }
}

}  // namespace petrel::compiler
