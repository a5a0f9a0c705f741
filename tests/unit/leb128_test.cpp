#include <gtest/gtest.h>

#include <vector>

#include "support/byte_reader.hpp"

using petrel::ByteReader;

namespace {
ByteReader reader(const std::vector<uint8_t>& b) { return ByteReader(b); }
}  // namespace

TEST(Leb128, UnsignedSmallAndMultiByte) {
  std::vector<uint8_t> a{0x00}, b{0x7F}, c{0xE5, 0x8E, 0x26};
  EXPECT_EQ(*reader(a).u32(), 0u);
  EXPECT_EQ(*reader(b).u32(), 127u);
  EXPECT_EQ(*reader(c).u32(), 624485u);
}

TEST(Leb128, RedundantZeroPaddingIsAccepted) {
  std::vector<uint8_t> b{0x80, 0x80, 0x80, 0x80, 0x00};
  EXPECT_EQ(*reader(b).u32(), 0u);
}

TEST(Leb128, U32TooLongIsRejected) {
  std::vector<uint8_t> b{0x80, 0x80, 0x80, 0x80, 0x80, 0x00};
  auto r = reader(b).u32();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "integer representation too long");
}

TEST(Leb128, U32UnusedBitsMustBeZero) {
  std::vector<uint8_t> ok{0xFF, 0xFF, 0xFF, 0xFF, 0x0F}, bad{0xFF, 0xFF, 0xFF, 0xFF, 0x1F};
  EXPECT_EQ(*reader(ok).u32(), 0xFFFFFFFFu);
  auto r = reader(bad).u32();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "integer too large");
}

TEST(Leb128, SignedValues) {
  std::vector<uint8_t> m1{0x7F}, m128{0x80, 0x7F}, min32{0x80, 0x80, 0x80, 0x80, 0x78};
  EXPECT_EQ(*reader(m1).s32(), -1);
  EXPECT_EQ(*reader(m128).s32(), -128);
  EXPECT_EQ(*reader(min32).s32(), INT32_MIN);
}

TEST(Leb128, SignedUnusedBitsMustMatchSign) {
  // 5th byte of an s32 may only carry sign-extension bits.
  std::vector<uint8_t> bad_pos{0xFF, 0xFF, 0xFF, 0xFF, 0x4F}, bad_neg{0x80, 0x80, 0x80, 0x80, 0x70};
  EXPECT_FALSE(reader(bad_pos).s32());
  EXPECT_FALSE(reader(bad_neg).s32());
}

TEST(Leb128, S64Extremes) {
  std::vector<uint8_t> min64{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F};
  std::vector<uint8_t> bad{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x41};
  EXPECT_EQ(*reader(min64).s64(), INT64_MIN);
  EXPECT_FALSE(reader(bad).s64());
}

TEST(Leb128, TruncatedInputReportsUnexpectedEnd) {
  std::vector<uint8_t> b{0x80, 0x80};
  auto r = reader(b).u32();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "unexpected end");
  EXPECT_EQ(r.error().pos.offset, 2u);
}
