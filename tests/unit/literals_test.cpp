#include <gtest/gtest.h>

#include "text/literals.hpp"

using namespace petrel::text;

TEST(IntLiterals, DecimalHexAndUnderscores) {
  EXPECT_EQ(parse_int("1_000", 32).value, 1000u);
  EXPECT_EQ(parse_int("0xFF_FF", 32).value, 0xFFFFu);
  EXPECT_EQ(parse_int("-1", 32).value, 0xFFFFFFFFu);
  EXPECT_EQ(parse_int("4294967295", 32).value, 0xFFFFFFFFu);
  EXPECT_EQ(parse_int("-0x8000_0000", 32).value, 0x80000000u);
}

TEST(IntLiterals, RangeAndSyntaxErrors) {
  EXPECT_EQ(parse_int("4294967296", 32).status, LitStatus::OutOfRange);
  EXPECT_EQ(parse_int("-2147483649", 32).status, LitStatus::OutOfRange);
  EXPECT_EQ(parse_int("1__0", 32).status, LitStatus::Malformed);
  EXPECT_EQ(parse_int("_1", 32).status, LitStatus::Malformed);
  EXPECT_EQ(parse_int("1_", 32).status, LitStatus::Malformed);
  EXPECT_EQ(parse_int("0x", 32).status, LitStatus::Malformed);
  EXPECT_EQ(parse_uint("-1", 32).status, LitStatus::Malformed);
  EXPECT_EQ(parse_int("18446744073709551616", 64).status, LitStatus::OutOfRange);
}

TEST(FloatLiterals, SpecialValues) {
  EXPECT_EQ(parse_f32("inf").bits, 0x7F800000u);
  EXPECT_EQ(parse_f32("-inf").bits, 0xFF800000u);
  EXPECT_EQ(parse_f32("nan").bits, 0x7FC00000u);
  EXPECT_EQ(parse_f32("-nan:0x200000").bits, 0xFFA00000u);
  EXPECT_EQ(parse_f64("nan:0x1").bits, 0x7FF0000000000001ull);
  EXPECT_EQ(parse_f32("nan:0x0").status, LitStatus::OutOfRange);
  EXPECT_EQ(parse_f32("nan:0x800000").status, LitStatus::OutOfRange);
}

TEST(FloatLiterals, DecimalAndHexRoundCorrectly) {
  EXPECT_EQ(parse_f32("0x1p-149").bits, 0x00000001u);           // smallest subnormal
  EXPECT_EQ(parse_f32("0x1.fffffep127").bits, 0x7F7FFFFFu);     // largest finite
  EXPECT_EQ(parse_f32("0x1.fffffefffffffffp127").bits, 0x7F7FFFFFu);  // rounds down, not to inf
  EXPECT_EQ(parse_f32("0x1.ffffffp127").status, LitStatus::OutOfRange);
  EXPECT_EQ(parse_f64("1e308").status, LitStatus::Ok);
  EXPECT_EQ(parse_f64("1e309").status, LitStatus::OutOfRange);
  EXPECT_EQ(parse_f64("0.1").bits, 0x3FB999999999999Aull);
  EXPECT_EQ(parse_f32("1_000.000_1").status, LitStatus::Ok);
  EXPECT_EQ(parse_f32("-0").bits, 0x80000000u);
}

TEST(FloatLiterals, Malformed) {
  EXPECT_EQ(parse_f32("1.e").status, LitStatus::Malformed);
  EXPECT_EQ(parse_f32("._1").status, LitStatus::Malformed);
  EXPECT_EQ(parse_f32("1._0").status, LitStatus::Malformed);
  EXPECT_EQ(parse_f32("0x1p_1").status, LitStatus::Malformed);
  EXPECT_EQ(parse_f32("nan:canonical").status, LitStatus::Malformed);
}
