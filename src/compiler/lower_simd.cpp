// 128-bit SIMD as LLVM vector IR. Values travel as <2 x i64> and are bitcast to the lane shape
// each instruction works on. Relaxed SIMD follows the interpreter's x86-64 choices (see
// interp/simd.hpp) so both engines give the same answers.
#include <llvm/IR/Intrinsics.h>

#include "compiler/function_lowering.hpp"

namespace petrel::compiler {
namespace {

llvm::FixedVectorType* vec(llvm::Type* lane, unsigned n) { return llvm::FixedVectorType::get(lane, n); }

}  // namespace

bool FunctionLowering::lower_simd(const Instr& in) {
  llvm::Type* i8 = b_.getInt8Ty();
  llvm::Type* i16 = b_.getInt16Ty();
  auto* v16i8 = vec(i8, 16);
  auto* v8i16 = vec(i16, 8);
  auto* v4i32 = vec(i32_, 4);
  auto* v2i64 = vec(i64_, 2);
  auto* v4f32 = vec(f32_, 4);
  auto* v2f64 = vec(f64_, 2);
  using ID = llvm::Intrinsic::ID;
  namespace I = llvm::Intrinsic;

  auto out = [&](llvm::Value* v) { push(b_.CreateBitCast(v, v128_)); };
  auto pop_v = [&](llvm::Type* t) { return b_.CreateBitCast(pop(), t); };
  auto un = [&](llvm::Type* t, auto f) { out(f(pop_v(t))); };
  auto bin = [&](llvm::Type* t, auto f) {
    llvm::Value* r = pop_v(t);
    llvm::Value* l = pop_v(t);
    out(f(l, r));
  };
  auto binop = [&](llvm::Type* t, llvm::Instruction::BinaryOps op) {
    bin(t, [&](llvm::Value* l, llvm::Value* r) { return b_.CreateBinOp(op, l, r); });
  };
  auto bin_intrinsic = [&](llvm::Type* t, ID id) {
    bin(t, [&](llvm::Value* l, llvm::Value* r) {
      llvm::Value* v = b_.CreateBinaryIntrinsic(id, l, r);
      return id == I::minimum || id == I::maximum ? quiet_nan(v) : v;
    });
  };
  auto un_intrinsic = [&](llvm::Type* t, ID id) { un(t, [&](llvm::Value* v) { return b_.CreateUnaryIntrinsic(id, v); }); };
  auto cmp = [&](llvm::Type* t, llvm::CmpInst::Predicate p) {
    bin(t, [&](llvm::Value* l, llvm::Value* r) {
      llvm::Value* c = llvm::CmpInst::isFPPredicate(p) ? b_.CreateFCmp(p, l, r) : b_.CreateICmp(p, l, r);
      return b_.CreateSExt(c, llvm::VectorType::getInteger(llvm::cast<llvm::VectorType>(t)));
    });
  };
  auto shift = [&](llvm::FixedVectorType* t, llvm::Instruction::BinaryOps op) {
    unsigned bits = t->getScalarSizeInBits();
    llvm::Value* count = b_.CreateAnd(pop(), i32(bits - 1));
    llvm::Value* v = pop_v(t);
    count = b_.CreateZExtOrTrunc(count, t->getElementType());
    out(b_.CreateBinOp(op, v, b_.CreateVectorSplat(t->getNumElements(), count)));
  };
  // Lanes [first, first + n) of a vector.
  auto lanes = [&](llvm::Value* v, unsigned first, unsigned n) {
    std::vector<int> mask;
    for (unsigned i = 0; i < n; ++i) mask.push_back(static_cast<int>(first + i));
    return b_.CreateShuffleVector(v, mask);
  };
  auto concat = [&](llvm::Value* a, llvm::Value* b) {
    unsigned n = llvm::cast<llvm::FixedVectorType>(a->getType())->getNumElements();
    std::vector<int> mask;
    for (unsigned i = 0; i < 2 * n; ++i) mask.push_back(static_cast<int>(i));
    return b_.CreateShuffleVector(a, b, mask);
  };
  auto evens_odds = [&](llvm::Value* v, bool odd) {
    unsigned n = llvm::cast<llvm::FixedVectorType>(v->getType())->getNumElements();
    std::vector<int> mask;
    for (unsigned i = 0; i < n / 2; ++i) mask.push_back(static_cast<int>(2 * i + (odd ? 1 : 0)));
    return b_.CreateShuffleVector(v, mask);
  };
  // Half (low or high) of `v` widened to `wide` lanes.
  auto extend = [&](llvm::FixedVectorType* from, llvm::FixedVectorType* wide, bool high, bool is_signed) {
    llvm::Value* v = pop_v(from);
    unsigned n = wide->getNumElements();
    llvm::Value* half = lanes(v, high ? n : 0, n);
    out(is_signed ? b_.CreateSExt(half, wide) : b_.CreateZExt(half, wide));
  };
  auto extmul = [&](llvm::FixedVectorType* from, llvm::FixedVectorType* wide, bool high, bool is_signed) {
    llvm::Value* r = pop_v(from);
    llvm::Value* l = pop_v(from);
    unsigned n = wide->getNumElements();
    auto ext = [&](llvm::Value* v) {
      llvm::Value* half = lanes(v, high ? n : 0, n);
      return is_signed ? b_.CreateSExt(half, wide) : b_.CreateZExt(half, wide);
    };
    out(b_.CreateMul(ext(l), ext(r)));
  };
  auto extadd_pairwise = [&](llvm::FixedVectorType* from, llvm::FixedVectorType* wide, bool is_signed) {
    llvm::Value* v = pop_v(from);
    auto* full = vec(wide->getElementType(), from->getNumElements());
    llvm::Value* w = is_signed ? b_.CreateSExt(v, full) : b_.CreateZExt(v, full);
    out(b_.CreateAdd(evens_odds(w, false), evens_odds(w, true)));
  };
  auto narrow = [&](llvm::FixedVectorType* from, llvm::FixedVectorType* to, bool is_signed) {
    llvm::Value* r = pop_v(from);
    llvm::Value* l = pop_v(from);
    unsigned bits = to->getScalarSizeInBits();
    llvm::APInt lo = is_signed ? llvm::APInt::getSignedMinValue(bits).sext(from->getScalarSizeInBits())
                               : llvm::APInt(from->getScalarSizeInBits(), 0);
    llvm::APInt hi = is_signed ? llvm::APInt::getSignedMaxValue(bits).sext(from->getScalarSizeInBits())
                               : llvm::APInt::getMaxValue(bits).zext(from->getScalarSizeInBits());
    auto clamp = [&](llvm::Value* v) {
      v = b_.CreateBinaryIntrinsic(I::smax, v, llvm::ConstantInt::get(from, lo));
      v = b_.CreateBinaryIntrinsic(I::smin, v, llvm::ConstantInt::get(from, hi));
      return b_.CreateTrunc(v, vec(to->getElementType(), from->getNumElements()));
    };
    out(concat(clamp(l), clamp(r)));
  };
  auto all_true = [&](llvm::FixedVectorType* t) {
    llvm::Value* v = pop_v(t);
    llvm::Value* nz = b_.CreateICmpNE(v, llvm::Constant::getNullValue(t));
    llvm::Value* bits = b_.CreateBitCast(nz, b_.getIntNTy(t->getNumElements()));
    push(bool_to_i32(b_.CreateICmpEQ(bits, llvm::Constant::getAllOnesValue(bits->getType()))));
  };
  auto bitmask = [&](llvm::FixedVectorType* t) {
    llvm::Value* v = pop_v(t);
    llvm::Value* neg = b_.CreateICmpSLT(v, llvm::Constant::getNullValue(t));
    push(b_.CreateZExt(b_.CreateBitCast(neg, b_.getIntNTy(t->getNumElements())), i32_));
  };
  auto splat = [&](llvm::FixedVectorType* t) {
    llvm::Value* x = pop();
    if (t->getElementType()->isIntegerTy() && x->getType() != t->getElementType())
      x = b_.CreateTrunc(x, t->getElementType());
    out(b_.CreateVectorSplat(t->getNumElements(), x));
  };
  auto extract = [&](llvm::FixedVectorType* t, int ext) {  // ext: 0 none, 1 signed, 2 unsigned
    llvm::Value* v = pop_v(t);
    llvm::Value* x = b_.CreateExtractElement(v, static_cast<uint64_t>(in.lane));
    if (ext == 1) x = b_.CreateSExt(x, i32_);
    if (ext == 2) x = b_.CreateZExt(x, i32_);
    push(x);
  };
  auto replace = [&](llvm::FixedVectorType* t) {
    llvm::Value* x = pop();
    llvm::Value* v = pop_v(t);
    if (t->getElementType()->isIntegerTy() && x->getType() != t->getElementType())
      x = b_.CreateTrunc(x, t->getElementType());
    out(b_.CreateInsertElement(v, x, static_cast<uint64_t>(in.lane)));
  };
  auto load_ext = [&](llvm::Type* narrow_lane, llvm::FixedVectorType* wide, bool is_signed) {
    llvm::Value* v = load_linear(vec(narrow_lane, wide->getNumElements()), pop(), in.memarg_offset);
    out(is_signed ? b_.CreateSExt(v, wide) : b_.CreateZExt(v, wide));
  };
  auto load_splat = [&](llvm::FixedVectorType* t) {
    llvm::Value* x = load_linear(t->getElementType(), pop(), in.memarg_offset);
    out(b_.CreateVectorSplat(t->getNumElements(), x));
  };
  auto load_zero = [&](llvm::FixedVectorType* t) {
    llvm::Value* x = load_linear(t->getElementType(), pop(), in.memarg_offset);
    out(b_.CreateInsertElement(llvm::Constant::getNullValue(t), x, uint64_t{0}));
  };
  auto load_lane = [&](llvm::FixedVectorType* t) {
    llvm::Value* v = pop_v(t);
    llvm::Value* x = load_linear(t->getElementType(), pop(), in.memarg_offset);
    out(b_.CreateInsertElement(v, x, static_cast<uint64_t>(in.lane)));
  };
  auto store_lane = [&](llvm::FixedVectorType* t) {
    llvm::Value* v = pop_v(t);
    store_linear(b_.CreateExtractElement(v, static_cast<uint64_t>(in.lane)), pop(), in.memarg_offset);
  };
  auto pmin_pmax = [&](llvm::Type* t, bool is_min) {
    bin(t, [&](llvm::Value* a, llvm::Value* b) {
      // pmin: b < a ? b : a; pmax: a < b ? b : a.
      return is_min ? b_.CreateSelect(b_.CreateFCmpOLT(b, a), b, a) : b_.CreateSelect(b_.CreateFCmpOLT(a, b), b, a);
    });
  };
  auto trunc_sat = [&](llvm::Type* from, bool is_signed, bool zero_high) {
    llvm::Value* v = pop_v(from);
    unsigned n = llvm::cast<llvm::FixedVectorType>(from)->getNumElements();
    llvm::Value* r = b_.CreateIntrinsic(is_signed ? I::fptosi_sat : I::fptoui_sat, {vec(i32_, n), from}, {v});
    if (zero_high) r = concat(r, llvm::Constant::getNullValue(vec(i32_, 2)));
    out(r);
  };
  // cvttps2dq: NaN and out-of-range lanes become INT32_MIN.
  auto relaxed_trunc_s = [&](llvm::Type* from, bool zero_high) {
    llvm::Value* v = pop_v(from);
    auto* ft = llvm::cast<llvm::FixedVectorType>(from);
    unsigned n = ft->getNumElements();
    llvm::Value* lo = llvm::ConstantFP::get(from, -2147483648.0);
    llvm::Value* hi = llvm::ConstantFP::get(from, 2147483648.0);
    bool f64 = ft->getElementType()->isDoubleTy();
    llvm::Value* ok = b_.CreateAnd(f64 ? b_.CreateFCmpOGT(v, llvm::ConstantFP::get(from, -2147483649.0))
                                       : b_.CreateFCmpOGE(v, lo),
                                   b_.CreateFCmpOLT(v, hi));
    auto* it = vec(i32_, n);
    llvm::Value* safe = b_.CreateSelect(ok, v, llvm::Constant::getNullValue(from));
    llvm::Value* r = b_.CreateSelect(ok, b_.CreateFPToSI(safe, it),
                                     llvm::ConstantInt::get(it, llvm::APInt::getSignedMinValue(32)));
    if (zero_high) r = concat(r, llvm::Constant::getNullValue(vec(i32_, 2)));
    out(r);
  };
  // pmaddubsw(b, a): a's bytes signed, b's unsigned, adjacent products summed with saturation.
  auto maddubs = [&](llvm::Value* a, llvm::Value* b) {
    auto* w = vec(i32_, 16);
    llvm::Value* p = b_.CreateMul(b_.CreateSExt(a, w), b_.CreateZExt(b, w));
    llvm::Value* s = b_.CreateAdd(evens_odds(p, false), evens_odds(p, true));
    auto* v8i32 = vec(i32_, 8);
    s = b_.CreateBinaryIntrinsic(I::smax, s, llvm::ConstantInt::get(v8i32, static_cast<uint64_t>(-32768), true));
    s = b_.CreateBinaryIntrinsic(I::smin, s, llvm::ConstantInt::get(v8i32, 32767));
    return b_.CreateTrunc(s, v8i16);
  };
  auto fma = [&](llvm::Type* t, bool negate) {
    llvm::Value* c = pop_v(t);
    llvm::Value* bv = pop_v(t);
    llvm::Value* a = pop_v(t);
    if (negate) a = b_.CreateFNeg(a);
    out(b_.CreateIntrinsic(I::fma, {t}, {a, bv, c}));
  };
  auto bitselect = [&]() {
    llvm::Value* c = pop_v(v2i64);
    llvm::Value* v2 = pop_v(v2i64);
    llvm::Value* v1 = pop_v(v2i64);
    out(b_.CreateOr(b_.CreateAnd(v1, c), b_.CreateAnd(v2, b_.CreateNot(c))));
  };
  // Lane-wise select of a[idx] (idx < 16) or 0, one lane at a time.
  auto swizzle = [&](bool relaxed) {
    llvm::Value* s = pop_v(v16i8);
    llvm::Value* a = pop_v(v16i8);
    llvm::Value* r = llvm::Constant::getNullValue(v16i8);
    for (uint64_t i = 0; i < 16; ++i) {
      llvm::Value* idx = b_.CreateExtractElement(s, i);
      llvm::Value* in_range = relaxed ? b_.CreateICmpSGE(idx, b_.getInt8(0)) : b_.CreateICmpULT(idx, b_.getInt8(16));
      llvm::Value* lane = b_.CreateExtractElement(a, b_.CreateAnd(idx, b_.getInt8(15)));
      r = b_.CreateInsertElement(r, b_.CreateSelect(in_range, lane, b_.getInt8(0)), i);
    }
    out(r);
  };
  using P = llvm::CmpInst::Predicate;
  using B = llvm::Instruction::BinaryOps;

  switch (in.op) {
    case Op::V128Load: push(load_linear(v128_, pop(), in.memarg_offset)); return true;
    case Op::V128Load8x8S: load_ext(i8, v8i16, true); return true;
    case Op::V128Load8x8U: load_ext(i8, v8i16, false); return true;
    case Op::V128Load16x4S: load_ext(i16, v4i32, true); return true;
    case Op::V128Load16x4U: load_ext(i16, v4i32, false); return true;
    case Op::V128Load32x2S: load_ext(i32_, v2i64, true); return true;
    case Op::V128Load32x2U: load_ext(i32_, v2i64, false); return true;
    case Op::V128Load8Splat: load_splat(v16i8); return true;
    case Op::V128Load16Splat: load_splat(v8i16); return true;
    case Op::V128Load32Splat: load_splat(v4i32); return true;
    case Op::V128Load64Splat: load_splat(v2i64); return true;
    case Op::V128Load32Zero: load_zero(v4i32); return true;
    case Op::V128Load64Zero: load_zero(v2i64); return true;
    case Op::V128Load8Lane: load_lane(v16i8); return true;
    case Op::V128Load16Lane: load_lane(v8i16); return true;
    case Op::V128Load32Lane: load_lane(v4i32); return true;
    case Op::V128Load64Lane: load_lane(v2i64); return true;
    case Op::V128Store8Lane: store_lane(v16i8); return true;
    case Op::V128Store16Lane: store_lane(v8i16); return true;
    case Op::V128Store32Lane: store_lane(v4i32); return true;
    case Op::V128Store64Lane: store_lane(v2i64); return true;
    case Op::V128Store: {
      llvm::Value* v = pop();
      store_linear(v, pop(), in.memarg_offset);
      return true;
    }
    case Op::V128Const:
      push(llvm::ConstantVector::get({b_.getInt64(in.bits), b_.getInt64(in.bits_hi)}));
      return true;
    case Op::I8x16Shuffle: {
      llvm::Value* r = pop_v(v16i8);
      llvm::Value* l = pop_v(v16i8);
      std::vector<int> mask;
      for (int i = 0; i < 16; ++i) mask.push_back(static_cast<int>(((i < 8 ? in.bits : in.bits_hi) >> (8 * (i % 8))) & 0xFF));
      out(b_.CreateShuffleVector(l, r, mask));
      return true;
    }
    case Op::I8x16Swizzle: swizzle(false); return true;
    case Op::I8x16RelaxedSwizzle: swizzle(true); return true;
    case Op::I8x16Splat: splat(v16i8); return true;
    case Op::I16x8Splat: splat(v8i16); return true;
    case Op::I32x4Splat: splat(v4i32); return true;
    case Op::I64x2Splat: splat(v2i64); return true;
    case Op::F32x4Splat: splat(v4f32); return true;
    case Op::F64x2Splat: splat(v2f64); return true;
    case Op::I8x16ExtractLaneS: extract(v16i8, 1); return true;
    case Op::I8x16ExtractLaneU: extract(v16i8, 2); return true;
    case Op::I16x8ExtractLaneS: extract(v8i16, 1); return true;
    case Op::I16x8ExtractLaneU: extract(v8i16, 2); return true;
    case Op::I32x4ExtractLane: extract(v4i32, 0); return true;
    case Op::I64x2ExtractLane: extract(v2i64, 0); return true;
    case Op::F32x4ExtractLane: extract(v4f32, 0); return true;
    case Op::F64x2ExtractLane: extract(v2f64, 0); return true;
    case Op::I8x16ReplaceLane: replace(v16i8); return true;
    case Op::I16x8ReplaceLane: replace(v8i16); return true;
    case Op::I32x4ReplaceLane: replace(v4i32); return true;
    case Op::I64x2ReplaceLane: replace(v2i64); return true;
    case Op::F32x4ReplaceLane: replace(v4f32); return true;
    case Op::F64x2ReplaceLane: replace(v2f64); return true;

    case Op::I8x16Eq: cmp(v16i8, P::ICMP_EQ); return true;
    case Op::I8x16Ne: cmp(v16i8, P::ICMP_NE); return true;
    case Op::I8x16LtS: cmp(v16i8, P::ICMP_SLT); return true;
    case Op::I8x16LtU: cmp(v16i8, P::ICMP_ULT); return true;
    case Op::I8x16GtS: cmp(v16i8, P::ICMP_SGT); return true;
    case Op::I8x16GtU: cmp(v16i8, P::ICMP_UGT); return true;
    case Op::I8x16LeS: cmp(v16i8, P::ICMP_SLE); return true;
    case Op::I8x16LeU: cmp(v16i8, P::ICMP_ULE); return true;
    case Op::I8x16GeS: cmp(v16i8, P::ICMP_SGE); return true;
    case Op::I8x16GeU: cmp(v16i8, P::ICMP_UGE); return true;
    case Op::I16x8Eq: cmp(v8i16, P::ICMP_EQ); return true;
    case Op::I16x8Ne: cmp(v8i16, P::ICMP_NE); return true;
    case Op::I16x8LtS: cmp(v8i16, P::ICMP_SLT); return true;
    case Op::I16x8LtU: cmp(v8i16, P::ICMP_ULT); return true;
    case Op::I16x8GtS: cmp(v8i16, P::ICMP_SGT); return true;
    case Op::I16x8GtU: cmp(v8i16, P::ICMP_UGT); return true;
    case Op::I16x8LeS: cmp(v8i16, P::ICMP_SLE); return true;
    case Op::I16x8LeU: cmp(v8i16, P::ICMP_ULE); return true;
    case Op::I16x8GeS: cmp(v8i16, P::ICMP_SGE); return true;
    case Op::I16x8GeU: cmp(v8i16, P::ICMP_UGE); return true;
    case Op::I32x4Eq: cmp(v4i32, P::ICMP_EQ); return true;
    case Op::I32x4Ne: cmp(v4i32, P::ICMP_NE); return true;
    case Op::I32x4LtS: cmp(v4i32, P::ICMP_SLT); return true;
    case Op::I32x4LtU: cmp(v4i32, P::ICMP_ULT); return true;
    case Op::I32x4GtS: cmp(v4i32, P::ICMP_SGT); return true;
    case Op::I32x4GtU: cmp(v4i32, P::ICMP_UGT); return true;
    case Op::I32x4LeS: cmp(v4i32, P::ICMP_SLE); return true;
    case Op::I32x4LeU: cmp(v4i32, P::ICMP_ULE); return true;
    case Op::I32x4GeS: cmp(v4i32, P::ICMP_SGE); return true;
    case Op::I32x4GeU: cmp(v4i32, P::ICMP_UGE); return true;
    case Op::I64x2Eq: cmp(v2i64, P::ICMP_EQ); return true;
    case Op::I64x2Ne: cmp(v2i64, P::ICMP_NE); return true;
    case Op::I64x2LtS: cmp(v2i64, P::ICMP_SLT); return true;
    case Op::I64x2GtS: cmp(v2i64, P::ICMP_SGT); return true;
    case Op::I64x2LeS: cmp(v2i64, P::ICMP_SLE); return true;
    case Op::I64x2GeS: cmp(v2i64, P::ICMP_SGE); return true;
    case Op::F32x4Eq: cmp(v4f32, P::FCMP_OEQ); return true;
    case Op::F32x4Ne: cmp(v4f32, P::FCMP_UNE); return true;
    case Op::F32x4Lt: cmp(v4f32, P::FCMP_OLT); return true;
    case Op::F32x4Gt: cmp(v4f32, P::FCMP_OGT); return true;
    case Op::F32x4Le: cmp(v4f32, P::FCMP_OLE); return true;
    case Op::F32x4Ge: cmp(v4f32, P::FCMP_OGE); return true;
    case Op::F64x2Eq: cmp(v2f64, P::FCMP_OEQ); return true;
    case Op::F64x2Ne: cmp(v2f64, P::FCMP_UNE); return true;
    case Op::F64x2Lt: cmp(v2f64, P::FCMP_OLT); return true;
    case Op::F64x2Gt: cmp(v2f64, P::FCMP_OGT); return true;
    case Op::F64x2Le: cmp(v2f64, P::FCMP_OLE); return true;
    case Op::F64x2Ge: cmp(v2f64, P::FCMP_OGE); return true;

    case Op::V128Not: un(v2i64, [&](llvm::Value* v) { return b_.CreateNot(v); }); return true;
    case Op::V128And: binop(v2i64, B::And); return true;
    case Op::V128Or: binop(v2i64, B::Or); return true;
    case Op::V128Xor: binop(v2i64, B::Xor); return true;
    case Op::V128Andnot: bin(v2i64, [&](llvm::Value* a, llvm::Value* b) { return b_.CreateAnd(a, b_.CreateNot(b)); }); return true;
    case Op::V128Bitselect:
    case Op::I8x16RelaxedLaneselect:
    case Op::I16x8RelaxedLaneselect:
    case Op::I32x4RelaxedLaneselect:
    case Op::I64x2RelaxedLaneselect: bitselect(); return true;
    case Op::V128AnyTrue: {
      llvm::Value* v = b_.CreateBitCast(pop(), b_.getInt128Ty());
      push(bool_to_i32(b_.CreateICmpNE(v, llvm::ConstantInt::get(b_.getInt128Ty(), 0))));
      return true;
    }
    case Op::I8x16AllTrue: all_true(v16i8); return true;
    case Op::I16x8AllTrue: all_true(v8i16); return true;
    case Op::I32x4AllTrue: all_true(v4i32); return true;
    case Op::I64x2AllTrue: all_true(v2i64); return true;
    case Op::I8x16Bitmask: bitmask(v16i8); return true;
    case Op::I16x8Bitmask: bitmask(v8i16); return true;
    case Op::I32x4Bitmask: bitmask(v4i32); return true;
    case Op::I64x2Bitmask: bitmask(v2i64); return true;

    case Op::I8x16Abs: un(v16i8, [&](llvm::Value* v) { return b_.CreateBinaryIntrinsic(I::abs, v, b_.getFalse()); }); return true;
    case Op::I16x8Abs: un(v8i16, [&](llvm::Value* v) { return b_.CreateBinaryIntrinsic(I::abs, v, b_.getFalse()); }); return true;
    case Op::I32x4Abs: un(v4i32, [&](llvm::Value* v) { return b_.CreateBinaryIntrinsic(I::abs, v, b_.getFalse()); }); return true;
    case Op::I64x2Abs: un(v2i64, [&](llvm::Value* v) { return b_.CreateBinaryIntrinsic(I::abs, v, b_.getFalse()); }); return true;
    case Op::I8x16Neg: un(v16i8, [&](llvm::Value* v) { return b_.CreateNeg(v); }); return true;
    case Op::I16x8Neg: un(v8i16, [&](llvm::Value* v) { return b_.CreateNeg(v); }); return true;
    case Op::I32x4Neg: un(v4i32, [&](llvm::Value* v) { return b_.CreateNeg(v); }); return true;
    case Op::I64x2Neg: un(v2i64, [&](llvm::Value* v) { return b_.CreateNeg(v); }); return true;
    case Op::I8x16Popcnt: un_intrinsic(v16i8, I::ctpop); return true;
    case Op::I8x16NarrowI16x8S: narrow(v8i16, v16i8, true); return true;
    case Op::I8x16NarrowI16x8U: narrow(v8i16, v16i8, false); return true;
    case Op::I16x8NarrowI32x4S: narrow(v4i32, v8i16, true); return true;
    case Op::I16x8NarrowI32x4U: narrow(v4i32, v8i16, false); return true;

    case Op::I8x16Shl: shift(v16i8, B::Shl); return true;
    case Op::I8x16ShrS: shift(v16i8, B::AShr); return true;
    case Op::I8x16ShrU: shift(v16i8, B::LShr); return true;
    case Op::I16x8Shl: shift(v8i16, B::Shl); return true;
    case Op::I16x8ShrS: shift(v8i16, B::AShr); return true;
    case Op::I16x8ShrU: shift(v8i16, B::LShr); return true;
    case Op::I32x4Shl: shift(v4i32, B::Shl); return true;
    case Op::I32x4ShrS: shift(v4i32, B::AShr); return true;
    case Op::I32x4ShrU: shift(v4i32, B::LShr); return true;
    case Op::I64x2Shl: shift(v2i64, B::Shl); return true;
    case Op::I64x2ShrS: shift(v2i64, B::AShr); return true;
    case Op::I64x2ShrU: shift(v2i64, B::LShr); return true;

    case Op::I8x16Add: binop(v16i8, B::Add); return true;
    case Op::I16x8Add: binop(v8i16, B::Add); return true;
    case Op::I32x4Add: binop(v4i32, B::Add); return true;
    case Op::I64x2Add: binop(v2i64, B::Add); return true;
    case Op::I8x16Sub: binop(v16i8, B::Sub); return true;
    case Op::I16x8Sub: binop(v8i16, B::Sub); return true;
    case Op::I32x4Sub: binop(v4i32, B::Sub); return true;
    case Op::I64x2Sub: binop(v2i64, B::Sub); return true;
    case Op::I16x8Mul: binop(v8i16, B::Mul); return true;
    case Op::I32x4Mul: binop(v4i32, B::Mul); return true;
    case Op::I64x2Mul: binop(v2i64, B::Mul); return true;
    case Op::I8x16AddSatS: bin_intrinsic(v16i8, I::sadd_sat); return true;
    case Op::I8x16AddSatU: bin_intrinsic(v16i8, I::uadd_sat); return true;
    case Op::I8x16SubSatS: bin_intrinsic(v16i8, I::ssub_sat); return true;
    case Op::I8x16SubSatU: bin_intrinsic(v16i8, I::usub_sat); return true;
    case Op::I16x8AddSatS: bin_intrinsic(v8i16, I::sadd_sat); return true;
    case Op::I16x8AddSatU: bin_intrinsic(v8i16, I::uadd_sat); return true;
    case Op::I16x8SubSatS: bin_intrinsic(v8i16, I::ssub_sat); return true;
    case Op::I16x8SubSatU: bin_intrinsic(v8i16, I::usub_sat); return true;
    case Op::I8x16MinS: bin_intrinsic(v16i8, I::smin); return true;
    case Op::I8x16MinU: bin_intrinsic(v16i8, I::umin); return true;
    case Op::I8x16MaxS: bin_intrinsic(v16i8, I::smax); return true;
    case Op::I8x16MaxU: bin_intrinsic(v16i8, I::umax); return true;
    case Op::I16x8MinS: bin_intrinsic(v8i16, I::smin); return true;
    case Op::I16x8MinU: bin_intrinsic(v8i16, I::umin); return true;
    case Op::I16x8MaxS: bin_intrinsic(v8i16, I::smax); return true;
    case Op::I16x8MaxU: bin_intrinsic(v8i16, I::umax); return true;
    case Op::I32x4MinS: bin_intrinsic(v4i32, I::smin); return true;
    case Op::I32x4MinU: bin_intrinsic(v4i32, I::umin); return true;
    case Op::I32x4MaxS: bin_intrinsic(v4i32, I::smax); return true;
    case Op::I32x4MaxU: bin_intrinsic(v4i32, I::umax); return true;
    case Op::I8x16AvgrU:
    case Op::I16x8AvgrU: {
      auto* t = in.op == Op::I8x16AvgrU ? v16i8 : v8i16;
      auto* wide = vec(i32_, t->getNumElements());
      bin(t, [&](llvm::Value* a, llvm::Value* b) {
        llvm::Value* s = b_.CreateAdd(b_.CreateAdd(b_.CreateZExt(a, wide), b_.CreateZExt(b, wide)),
                                      llvm::ConstantInt::get(wide, 1));
        return b_.CreateTrunc(b_.CreateLShr(s, llvm::ConstantInt::get(wide, 1)), t);
      });
      return true;
    }
    case Op::I16x8Q15mulrSatS:
    case Op::I16x8RelaxedQ15mulrS: {
      bool saturate = in.op == Op::I16x8Q15mulrSatS;
      auto* wide = vec(i32_, 8);
      bin(v8i16, [&](llvm::Value* a, llvm::Value* b) {
        llvm::Value* p = b_.CreateMul(b_.CreateSExt(a, wide), b_.CreateSExt(b, wide));
        p = b_.CreateAShr(b_.CreateAdd(p, llvm::ConstantInt::get(wide, 0x4000)), llvm::ConstantInt::get(wide, 15));
        if (saturate) p = b_.CreateBinaryIntrinsic(I::smin, p, llvm::ConstantInt::get(wide, 32767));
        return b_.CreateTrunc(p, v8i16);
      });
      return true;
    }
    case Op::I16x8ExtaddPairwiseI8x16S: extadd_pairwise(v16i8, v8i16, true); return true;
    case Op::I16x8ExtaddPairwiseI8x16U: extadd_pairwise(v16i8, v8i16, false); return true;
    case Op::I32x4ExtaddPairwiseI16x8S: extadd_pairwise(v8i16, v4i32, true); return true;
    case Op::I32x4ExtaddPairwiseI16x8U: extadd_pairwise(v8i16, v4i32, false); return true;
    case Op::I16x8ExtendLowI8x16S: extend(v16i8, v8i16, false, true); return true;
    case Op::I16x8ExtendHighI8x16S: extend(v16i8, v8i16, true, true); return true;
    case Op::I16x8ExtendLowI8x16U: extend(v16i8, v8i16, false, false); return true;
    case Op::I16x8ExtendHighI8x16U: extend(v16i8, v8i16, true, false); return true;
    case Op::I32x4ExtendLowI16x8S: extend(v8i16, v4i32, false, true); return true;
    case Op::I32x4ExtendHighI16x8S: extend(v8i16, v4i32, true, true); return true;
    case Op::I32x4ExtendLowI16x8U: extend(v8i16, v4i32, false, false); return true;
    case Op::I32x4ExtendHighI16x8U: extend(v8i16, v4i32, true, false); return true;
    case Op::I64x2ExtendLowI32x4S: extend(v4i32, v2i64, false, true); return true;
    case Op::I64x2ExtendHighI32x4S: extend(v4i32, v2i64, true, true); return true;
    case Op::I64x2ExtendLowI32x4U: extend(v4i32, v2i64, false, false); return true;
    case Op::I64x2ExtendHighI32x4U: extend(v4i32, v2i64, true, false); return true;
    case Op::I16x8ExtmulLowI8x16S: extmul(v16i8, v8i16, false, true); return true;
    case Op::I16x8ExtmulHighI8x16S: extmul(v16i8, v8i16, true, true); return true;
    case Op::I16x8ExtmulLowI8x16U: extmul(v16i8, v8i16, false, false); return true;
    case Op::I16x8ExtmulHighI8x16U: extmul(v16i8, v8i16, true, false); return true;
    case Op::I32x4ExtmulLowI16x8S: extmul(v8i16, v4i32, false, true); return true;
    case Op::I32x4ExtmulHighI16x8S: extmul(v8i16, v4i32, true, true); return true;
    case Op::I32x4ExtmulLowI16x8U: extmul(v8i16, v4i32, false, false); return true;
    case Op::I32x4ExtmulHighI16x8U: extmul(v8i16, v4i32, true, false); return true;
    case Op::I64x2ExtmulLowI32x4S: extmul(v4i32, v2i64, false, true); return true;
    case Op::I64x2ExtmulHighI32x4S: extmul(v4i32, v2i64, true, true); return true;
    case Op::I64x2ExtmulLowI32x4U: extmul(v4i32, v2i64, false, false); return true;
    case Op::I64x2ExtmulHighI32x4U: extmul(v4i32, v2i64, true, false); return true;
    case Op::I32x4DotI16x8S: {
      auto* wide = vec(i32_, 8);
      bin(v8i16, [&](llvm::Value* a, llvm::Value* b) {
        llvm::Value* p = b_.CreateMul(b_.CreateSExt(a, wide), b_.CreateSExt(b, wide));
        return b_.CreateAdd(evens_odds(p, false), evens_odds(p, true));
      });
      return true;
    }
    case Op::I16x8RelaxedDotI8x16I7x16S: bin(v16i8, [&](llvm::Value* a, llvm::Value* b) { return maddubs(a, b); }); return true;
    case Op::I32x4RelaxedDotI8x16I7x16AddS: {
      llvm::Value* c = pop_v(v4i32);
      llvm::Value* bv = pop_v(v16i8);
      llvm::Value* a = pop_v(v16i8);
      llvm::Value* d = b_.CreateSExt(maddubs(a, bv), vec(i32_, 8));
      out(b_.CreateAdd(c, b_.CreateAdd(evens_odds(d, false), evens_odds(d, true))));
      return true;
    }

    case Op::F32x4Abs: un_intrinsic(v4f32, I::fabs); return true;
    case Op::F64x2Abs: un_intrinsic(v2f64, I::fabs); return true;
    case Op::F32x4Neg: un(v4f32, [&](llvm::Value* v) { return b_.CreateFNeg(v); }); return true;
    case Op::F64x2Neg: un(v2f64, [&](llvm::Value* v) { return b_.CreateFNeg(v); }); return true;
    case Op::F32x4Sqrt: un_intrinsic(v4f32, I::sqrt); return true;
    case Op::F64x2Sqrt: un_intrinsic(v2f64, I::sqrt); return true;
    case Op::F32x4Ceil: un_intrinsic(v4f32, I::ceil); return true;
    case Op::F64x2Ceil: un_intrinsic(v2f64, I::ceil); return true;
    case Op::F32x4Floor: un_intrinsic(v4f32, I::floor); return true;
    case Op::F64x2Floor: un_intrinsic(v2f64, I::floor); return true;
    case Op::F32x4Trunc: un_intrinsic(v4f32, I::trunc); return true;
    case Op::F64x2Trunc: un_intrinsic(v2f64, I::trunc); return true;
    case Op::F32x4Nearest: un_intrinsic(v4f32, I::roundeven); return true;
    case Op::F64x2Nearest: un_intrinsic(v2f64, I::roundeven); return true;
    case Op::F32x4Add: binop(v4f32, B::FAdd); return true;
    case Op::F64x2Add: binop(v2f64, B::FAdd); return true;
    case Op::F32x4Sub: binop(v4f32, B::FSub); return true;
    case Op::F64x2Sub: binop(v2f64, B::FSub); return true;
    case Op::F32x4Mul: binop(v4f32, B::FMul); return true;
    case Op::F64x2Mul: binop(v2f64, B::FMul); return true;
    case Op::F32x4Div: binop(v4f32, B::FDiv); return true;
    case Op::F64x2Div: binop(v2f64, B::FDiv); return true;
    case Op::F32x4Min: bin_intrinsic(v4f32, I::minimum); return true;
    case Op::F64x2Min: bin_intrinsic(v2f64, I::minimum); return true;
    case Op::F32x4Max: bin_intrinsic(v4f32, I::maximum); return true;
    case Op::F64x2Max: bin_intrinsic(v2f64, I::maximum); return true;
    case Op::F32x4Pmin: pmin_pmax(v4f32, true); return true;
    case Op::F64x2Pmin: pmin_pmax(v2f64, true); return true;
    case Op::F32x4Pmax: pmin_pmax(v4f32, false); return true;
    case Op::F64x2Pmax: pmin_pmax(v2f64, false); return true;
    // minps/maxps: a < b ? a : b and a > b ? a : b.
    case Op::F32x4RelaxedMin:
    case Op::F64x2RelaxedMin:
    case Op::F32x4RelaxedMax:
    case Op::F64x2RelaxedMax: {
      bool is_min = in.op == Op::F32x4RelaxedMin || in.op == Op::F64x2RelaxedMin;
      llvm::Type* t = in.op == Op::F32x4RelaxedMin || in.op == Op::F32x4RelaxedMax ? v4f32 : v2f64;
      bin(t, [&](llvm::Value* a, llvm::Value* b) {
        return b_.CreateSelect(is_min ? b_.CreateFCmpOLT(a, b) : b_.CreateFCmpOGT(a, b), a, b);
      });
      return true;
    }
    case Op::F32x4RelaxedMadd: fma(v4f32, false); return true;
    case Op::F32x4RelaxedNmadd: fma(v4f32, true); return true;
    case Op::F64x2RelaxedMadd: fma(v2f64, false); return true;
    case Op::F64x2RelaxedNmadd: fma(v2f64, true); return true;

    case Op::I32x4TruncSatF32x4S: trunc_sat(v4f32, true, false); return true;
    case Op::I32x4TruncSatF32x4U:
    case Op::I32x4RelaxedTruncF32x4U: trunc_sat(v4f32, false, false); return true;
    case Op::I32x4TruncSatF64x2SZero: trunc_sat(v2f64, true, true); return true;
    case Op::I32x4TruncSatF64x2UZero:
    case Op::I32x4RelaxedTruncF64x2UZero: trunc_sat(v2f64, false, true); return true;
    case Op::I32x4RelaxedTruncF32x4S: relaxed_trunc_s(v4f32, false); return true;
    case Op::I32x4RelaxedTruncF64x2SZero: relaxed_trunc_s(v2f64, true); return true;
    case Op::F32x4ConvertI32x4S: out(b_.CreateSIToFP(pop_v(v4i32), v4f32)); return true;
    case Op::F32x4ConvertI32x4U: out(b_.CreateUIToFP(pop_v(v4i32), v4f32)); return true;
    case Op::F64x2ConvertLowI32x4S: out(b_.CreateSIToFP(lanes(pop_v(v4i32), 0, 2), v2f64)); return true;
    case Op::F64x2ConvertLowI32x4U: out(b_.CreateUIToFP(lanes(pop_v(v4i32), 0, 2), v2f64)); return true;
    case Op::F32x4DemoteF64x2Zero:
      out(concat(b_.CreateFPTrunc(pop_v(v2f64), vec(f32_, 2)), llvm::Constant::getNullValue(vec(f32_, 2))));
      return true;
    case Op::F64x2PromoteLowF32x4: out(b_.CreateFPExt(lanes(pop_v(v4f32), 0, 2), v2f64)); return true;
    default: return false;
  }
}

}  // namespace petrel::compiler
