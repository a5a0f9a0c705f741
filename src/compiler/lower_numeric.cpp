// Scalar numeric instructions: constants, comparisons, arithmetic and conversions, with the
// spec's traps made explicit (division by zero, overflow, invalid conversions).
#include <llvm/ADT/APFloat.h>
#include <llvm/IR/Intrinsics.h>

#include "compiler/function_lowering.hpp"
#include "runtime/trunc_range.hpp"

namespace petrel::compiler {

using native::TrapCode;
using llvm::Intrinsic::ID;

namespace {
llvm::Constant* float_bits(llvm::Type* t, uint64_t bits) {
  bool single = t->isFloatTy();
  llvm::APFloat value(single ? llvm::APFloat::IEEEsingle() : llvm::APFloat::IEEEdouble(),
                      llvm::APInt(single ? 32 : 64, bits));
  return llvm::ConstantFP::get(t, value);
}
}  // namespace

bool FunctionLowering::lower_numeric(const Instr& in) {
  using llvm::CmpInst;
  auto cmp = [&](CmpInst::Predicate p) {
    llvm::Value* r = pop();
    llvm::Value* l = pop();
    push(bool_to_i32(llvm::CmpInst::isFPPredicate(p) ? b_.CreateFCmp(p, l, r) : b_.CreateICmp(p, l, r)));
  };
  auto bin = [&](llvm::Instruction::BinaryOps op) {
    llvm::Value* r = pop();
    llvm::Value* l = pop();
    llvm::Value* v = b_.CreateBinOp(op, l, r);
    // x*±1, x/±1, x±0 and -0-x fold to x or -x in LLVM, passing a signalling NaN through.
    auto* c = llvm::dyn_cast<llvm::ConstantFP>(r);
    if (!c) c = llvm::dyn_cast<llvm::ConstantFP>(l);
    if (c && (c->isZero() || c->isExactlyValue(1.0) || c->isExactlyValue(-1.0))) v = quiet_nan(v);
    push(v);
  };
  auto shift = [&](llvm::Instruction::BinaryOps op, unsigned bits) {
    llvm::Value* r = pop();
    llvm::Value* l = pop();
    push(b_.CreateBinOp(op, l, b_.CreateAnd(r, llvm::ConstantInt::get(r->getType(), bits - 1))));
  };
  auto unary_intrinsic = [&](ID id) {
    llvm::Value* v = pop();
    push(b_.CreateUnaryIntrinsic(id, v));
  };
  auto binary_intrinsic = [&](ID id) {
    llvm::Value* r = pop();
    llvm::Value* l = pop();
    llvm::Value* v = b_.CreateBinaryIntrinsic(id, l, r);
    // x86's min/max pass a NaN operand through unchanged; wasm wants it quiet.
    if (id == llvm::Intrinsic::minimum || id == llvm::Intrinsic::maximum) v = quiet_nan(v);
    push(v);
  };
  auto count_bits = [&](ID id) {
    llvm::Value* v = pop();
    push(id == llvm::Intrinsic::ctpop ? b_.CreateUnaryIntrinsic(id, v)
                                      : b_.CreateBinaryIntrinsic(id, v, b_.getFalse()));
  };
  auto rotate = [&](ID id) {
    llvm::Value* r = pop();
    llvm::Value* l = pop();
    push(b_.CreateIntrinsic(id, {l->getType()}, {l, l, r}));
  };
  auto divide = [&](bool is_signed, bool remainder) {
    llvm::Value* r = pop();
    llvm::Value* l = pop();
    llvm::Type* t = l->getType();
    trap_if(b_.CreateICmpEQ(r, llvm::ConstantInt::get(t, 0)), TrapCode::IntegerDivideByZero);
    if (!is_signed) {
      push(remainder ? b_.CreateURem(l, r) : b_.CreateUDiv(l, r));
      return;
    }
    llvm::Value* minus_one = b_.CreateICmpEQ(r, llvm::ConstantInt::getSigned(t, -1));
    if (!remainder) {
      auto* min = llvm::ConstantInt::get(t, llvm::APInt::getSignedMinValue(t->getIntegerBitWidth()));
      trap_if(b_.CreateAnd(minus_one, b_.CreateICmpEQ(l, min)), TrapCode::IntegerOverflow);
      push(b_.CreateSDiv(l, r));
    } else {
      // x rem -1 is 0, and the hardware instruction would fault on INT_MIN rem -1.
      llvm::Value* safe = b_.CreateSelect(minus_one, llvm::ConstantInt::get(t, 1), r);
      push(b_.CreateSRem(l, safe));
    }
  };
  switch (in.op) {
    case Op::I32Const: push(i32(static_cast<uint32_t>(in.bits))); return true;
    case Op::I64Const: push(i64(in.bits)); return true;
    case Op::F32Const: push(float_bits(f32_, static_cast<uint32_t>(in.bits))); return true;
    case Op::F64Const: push(float_bits(f64_, in.bits)); return true;

    case Op::I32Eqz: push(bool_to_i32(b_.CreateICmpEQ(pop(), i32(0)))); return true;
    case Op::I64Eqz: push(bool_to_i32(b_.CreateICmpEQ(pop(), i64(0)))); return true;
    case Op::I32Eq: case Op::I64Eq: cmp(CmpInst::ICMP_EQ); return true;
    case Op::I32Ne: case Op::I64Ne: cmp(CmpInst::ICMP_NE); return true;
    case Op::I32LtS: case Op::I64LtS: cmp(CmpInst::ICMP_SLT); return true;
    case Op::I32LtU: case Op::I64LtU: cmp(CmpInst::ICMP_ULT); return true;
    case Op::I32GtS: case Op::I64GtS: cmp(CmpInst::ICMP_SGT); return true;
    case Op::I32GtU: case Op::I64GtU: cmp(CmpInst::ICMP_UGT); return true;
    case Op::I32LeS: case Op::I64LeS: cmp(CmpInst::ICMP_SLE); return true;
    case Op::I32LeU: case Op::I64LeU: cmp(CmpInst::ICMP_ULE); return true;
    case Op::I32GeS: case Op::I64GeS: cmp(CmpInst::ICMP_SGE); return true;
    case Op::I32GeU: case Op::I64GeU: cmp(CmpInst::ICMP_UGE); return true;
    case Op::F32Eq: case Op::F64Eq: cmp(CmpInst::FCMP_OEQ); return true;
    case Op::F32Ne: case Op::F64Ne: cmp(CmpInst::FCMP_UNE); return true;
    case Op::F32Lt: case Op::F64Lt: cmp(CmpInst::FCMP_OLT); return true;
    case Op::F32Gt: case Op::F64Gt: cmp(CmpInst::FCMP_OGT); return true;
    case Op::F32Le: case Op::F64Le: cmp(CmpInst::FCMP_OLE); return true;
    case Op::F32Ge: case Op::F64Ge: cmp(CmpInst::FCMP_OGE); return true;

    case Op::I32Clz: case Op::I64Clz: count_bits(llvm::Intrinsic::ctlz); return true;
    case Op::I32Ctz: case Op::I64Ctz: count_bits(llvm::Intrinsic::cttz); return true;
    case Op::I32Popcnt: case Op::I64Popcnt: count_bits(llvm::Intrinsic::ctpop); return true;
    case Op::I32Add: case Op::I64Add: bin(llvm::Instruction::Add); return true;
    case Op::I32Sub: case Op::I64Sub: bin(llvm::Instruction::Sub); return true;
    case Op::I32Mul: case Op::I64Mul: bin(llvm::Instruction::Mul); return true;
    case Op::I32DivS: case Op::I64DivS: divide(true, false); return true;
    case Op::I32DivU: case Op::I64DivU: divide(false, false); return true;
    case Op::I32RemS: case Op::I64RemS: divide(true, true); return true;
    case Op::I32RemU: case Op::I64RemU: divide(false, true); return true;
    case Op::I32And: case Op::I64And: bin(llvm::Instruction::And); return true;
    case Op::I32Or: case Op::I64Or: bin(llvm::Instruction::Or); return true;
    case Op::I32Xor: case Op::I64Xor: bin(llvm::Instruction::Xor); return true;
    case Op::I32Shl: shift(llvm::Instruction::Shl, 32); return true;
    case Op::I64Shl: shift(llvm::Instruction::Shl, 64); return true;
    case Op::I32ShrS: shift(llvm::Instruction::AShr, 32); return true;
    case Op::I64ShrS: shift(llvm::Instruction::AShr, 64); return true;
    case Op::I32ShrU: shift(llvm::Instruction::LShr, 32); return true;
    case Op::I64ShrU: shift(llvm::Instruction::LShr, 64); return true;
    case Op::I32Rotl: case Op::I64Rotl: rotate(llvm::Intrinsic::fshl); return true;
    case Op::I32Rotr: case Op::I64Rotr: rotate(llvm::Intrinsic::fshr); return true;

    case Op::F32Abs: case Op::F64Abs: unary_intrinsic(llvm::Intrinsic::fabs); return true;
    case Op::F32Neg: case Op::F64Neg: push(b_.CreateFNeg(pop())); return true;
    case Op::F32Ceil: case Op::F64Ceil: unary_intrinsic(llvm::Intrinsic::ceil); return true;
    case Op::F32Floor: case Op::F64Floor: unary_intrinsic(llvm::Intrinsic::floor); return true;
    case Op::F32Trunc: case Op::F64Trunc: unary_intrinsic(llvm::Intrinsic::trunc); return true;
    case Op::F32Nearest: case Op::F64Nearest: unary_intrinsic(llvm::Intrinsic::roundeven); return true;
    case Op::F32Sqrt: case Op::F64Sqrt: unary_intrinsic(llvm::Intrinsic::sqrt); return true;
    case Op::F32Add: case Op::F64Add: bin(llvm::Instruction::FAdd); return true;
    case Op::F32Sub: case Op::F64Sub: bin(llvm::Instruction::FSub); return true;
    case Op::F32Mul: case Op::F64Mul: bin(llvm::Instruction::FMul); return true;
    case Op::F32Div: case Op::F64Div: bin(llvm::Instruction::FDiv); return true;
    // llvm.minimum/maximum are wasm's min/max: NaN-propagating, -0 below +0.
    case Op::F32Min: case Op::F64Min: binary_intrinsic(llvm::Intrinsic::minimum); return true;
    case Op::F32Max: case Op::F64Max: binary_intrinsic(llvm::Intrinsic::maximum); return true;
    case Op::F32Copysign: case Op::F64Copysign: binary_intrinsic(llvm::Intrinsic::copysign); return true;
    default: return false;
  }
}

bool FunctionLowering::lower_conversion(const Instr& in) {
  // Trapping float-to-int: NaN is an invalid conversion; values outside the instruction's
  // range (runtime/trunc_range.hpp, shared with the interpreter) overflow.
  auto trunc = [&](llvm::Type* to, bool is_signed, auto range) {
    llvm::Value* v = pop();
    llvm::Type* ft = v->getType();
    trap_if(b_.CreateFCmpUNO(v, v), TrapCode::InvalidConversion);
    llvm::Value* lo_v = llvm::ConstantFP::get(ft, static_cast<double>(range.lo));  // exact: F widens to double
    llvm::Value* hi_v = llvm::ConstantFP::get(ft, static_cast<double>(range.hi));
    llvm::Value* above = range.lo_inclusive ? b_.CreateFCmpOGE(v, lo_v) : b_.CreateFCmpOGT(v, lo_v);
    llvm::Value* in_range = b_.CreateAnd(above, b_.CreateFCmpOLT(v, hi_v));
    trap_if(b_.CreateNot(in_range), TrapCode::IntegerOverflow);
    push(is_signed ? b_.CreateFPToSI(v, to) : b_.CreateFPToUI(v, to));
  };
  auto trunc_sat = [&](llvm::Type* to, bool is_signed) {
    llvm::Value* v = pop();
    push(b_.CreateIntrinsic(is_signed ? llvm::Intrinsic::fptosi_sat : llvm::Intrinsic::fptoui_sat, {to, v->getType()}, {v}));
  };
  auto sext_from = [&](llvm::Type* narrow) {
    llvm::Value* v = pop();
    push(b_.CreateSExt(b_.CreateTrunc(v, narrow), v->getType()));
  };
  switch (in.op) {
    case Op::I32WrapI64: push(b_.CreateTrunc(pop(), i32_)); return true;
    case Op::I64ExtendI32S: push(b_.CreateSExt(pop(), i64_)); return true;
    case Op::I64ExtendI32U: push(b_.CreateZExt(pop(), i64_)); return true;
    case Op::I32TruncF32S: trunc(i32_, true, trunc_range<int32_t, float>()); return true;
    case Op::I32TruncF64S: trunc(i32_, true, trunc_range<int32_t, double>()); return true;
    case Op::I32TruncF32U: trunc(i32_, false, trunc_range<uint32_t, float>()); return true;
    case Op::I32TruncF64U: trunc(i32_, false, trunc_range<uint32_t, double>()); return true;
    case Op::I64TruncF32S: trunc(i64_, true, trunc_range<int64_t, float>()); return true;
    case Op::I64TruncF64S: trunc(i64_, true, trunc_range<int64_t, double>()); return true;
    case Op::I64TruncF32U: trunc(i64_, false, trunc_range<uint64_t, float>()); return true;
    case Op::I64TruncF64U: trunc(i64_, false, trunc_range<uint64_t, double>()); return true;
    case Op::I32TruncSatF32S: case Op::I32TruncSatF64S: trunc_sat(i32_, true); return true;
    case Op::I32TruncSatF32U: case Op::I32TruncSatF64U: trunc_sat(i32_, false); return true;
    case Op::I64TruncSatF32S: case Op::I64TruncSatF64S: trunc_sat(i64_, true); return true;
    case Op::I64TruncSatF32U: case Op::I64TruncSatF64U: trunc_sat(i64_, false); return true;
    case Op::F32ConvertI32S: case Op::F32ConvertI64S: push(b_.CreateSIToFP(pop(), f32_)); return true;
    case Op::F32ConvertI32U: case Op::F32ConvertI64U: push(b_.CreateUIToFP(pop(), f32_)); return true;
    case Op::F64ConvertI32S: case Op::F64ConvertI64S: push(b_.CreateSIToFP(pop(), f64_)); return true;
    case Op::F64ConvertI32U: case Op::F64ConvertI64U: push(b_.CreateUIToFP(pop(), f64_)); return true;
    case Op::F32DemoteF64: {
      llvm::Value* v = pop();
      bool promoted = llvm::isa<llvm::FPExtInst>(v);  // demote(promote x) folds to x
      v = b_.CreateFPTrunc(v, f32_);
      push(promoted ? quiet_nan(v) : v);
      return true;
    }
    case Op::F64PromoteF32: push(b_.CreateFPExt(pop(), f64_)); return true;
    case Op::I32ReinterpretF32: push(b_.CreateBitCast(pop(), i32_)); return true;
    case Op::I64ReinterpretF64: push(b_.CreateBitCast(pop(), i64_)); return true;
    case Op::F32ReinterpretI32: push(b_.CreateBitCast(pop(), f32_)); return true;
    case Op::F64ReinterpretI64: push(b_.CreateBitCast(pop(), f64_)); return true;
    case Op::I32Extend8S: case Op::I64Extend8S: sext_from(b_.getInt8Ty()); return true;
    case Op::I32Extend16S: case Op::I64Extend16S: sext_from(b_.getInt16Ty()); return true;
    case Op::I64Extend32S: sext_from(i32_); return true;
    default: return false;
  }
}

}  // namespace petrel::compiler
