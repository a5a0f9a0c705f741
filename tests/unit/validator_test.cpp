#include <gtest/gtest.h>

#include "text/wat_parser.hpp"
#include "validator/validator.hpp"

namespace {

std::string validate(const char* wat) {
  auto m = petrel::text::parse_wat(wat);
  if (!m) return "parse: " + m.error().message;
  auto v = petrel::validate_module(*m);
  return v ? "ok" : v.error().message;
}

}  // namespace

TEST(Validator, UnreachableMakesStackPolymorphic) {
  EXPECT_EQ(validate("(func (result i32) unreachable i32.add)"), "ok");
  EXPECT_EQ(validate("(func (result i32) (br 0 (i32.const 1)) i64.add)"), "type mismatch");
}

TEST(Validator, SelectNeedsMatchingNumericOperands) {
  EXPECT_EQ(validate("(func (result i32) unreachable select)"), "ok");
  EXPECT_EQ(validate("(func (select (i32.const 1) (i64.const 1) (i32.const 1)) drop)"), "type mismatch");
  EXPECT_EQ(validate("(func (param funcref) (select (local.get 0) (local.get 0) (i32.const 1)) drop)"),
            "type mismatch");
}

TEST(Validator, BrTableArityMustAgree) {
  EXPECT_EQ(validate("(func (block (result i32) (block (br_table 0 1 (i32.const 0) (i32.const 0)))) drop)"),
            "type mismatch");
  EXPECT_EQ(validate("(func (block (result i32) (block (result i32) unreachable br_table 0 1) drop unreachable) drop)"),
            "ok");
}

TEST(Validator, IfWithoutElseMustNotChangeTypes) {
  EXPECT_EQ(validate("(func (result i32) (if (result i32) (i32.const 1) (then (i32.const 1))))"), "type mismatch");
  EXPECT_EQ(validate("(func (param i32) (result i32) (local.get 0) (if (param i32) (result i32) (i32.const 1) (then)))"),
            "ok");
}

TEST(Validator, IndicesAndImmutability) {
  EXPECT_EQ(validate("(func (local.get 1) drop)"), "unknown local 1");
  EXPECT_EQ(validate("(global i32 (i32.const 0)) (func (global.set 0 (i32.const 1)))"), "global is immutable");
  EXPECT_EQ(validate("(func (ref.func 0) drop)"), "undeclared function reference");
  EXPECT_EQ(validate("(func (i32.load align=8 (i32.const 0)) drop)"), "unknown memory 0");
  EXPECT_EQ(validate("(memory 1) (func (i32.load align=8 (i32.const 0)) drop)"),
            "alignment must not be larger than natural");
}

TEST(Validator, ConstantExpressions) {
  EXPECT_EQ(validate("(global i32 (i32.add (i32.const 1) (i32.const 2)))"), "constant expression required");
  EXPECT_EQ(validate("(global i32 (i64.const 1))"), "type mismatch");
  EXPECT_EQ(validate("(global i32 (i32.const 1)) (global i32 (global.get 0))"), "unknown global 0");
}
