// The petrel.native section's authenticators and the trust decision (src/native/trust.cpp),
// on sections made here: no compiler needed.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "native/section.hpp"
#include "native/trust.hpp"

namespace {

using namespace petrel::native;
namespace fs = std::filesystem;

const std::vector<uint8_t> kModule = {0, 'a', 's', 'm', 1, 0, 0, 0};
const std::vector<uint8_t> kCode = {0x7f, 'E', 'L', 'F', 1, 2, 3, 4, 5, 6, 7, 8};

struct TrustTest : ::testing::Test {
  fs::path dir;
  void SetUp() override {
    dir = fs::temp_directory_path() / ("petrel-trust-unit-" + std::to_string(getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    chmod(dir.c_str(), 0700);
  }
  void TearDown() override { fs::remove_all(dir); }

  static std::vector<uint8_t> universal() {
    return make_universal(kModule, header_for(kModule, kCode, "x86-64", false), kCode);
  }
  // The section of `u`, parsed (its spans point into `u`).
  static NativeSection section_of(const std::vector<uint8_t>& u) {
    auto found = find_native_section(u);
    EXPECT_TRUE(found && found->is_last);
    auto s = parse_native_section(found->payload);
    EXPECT_TRUE(s.has_value()) << s.error().message;
    return *s;
  }
  TrustPolicy policy() const {
    TrustPolicy p;
    p.config_dir = dir.string();
    return p;
  }
};

TEST_F(TrustTest, UnauthenticatedSectionIsNotTrusted) {
  auto u = universal();
  auto s = section_of(u);
  EXPECT_TRUE(s.authenticators.empty());
  EXPECT_NE(why_untrusted(s, kModule, policy()).find("not authenticated"), std::string::npos);
  TrustPolicy any = policy();
  any.mode = TrustPolicy::Mode::Any;
  EXPECT_EQ(why_untrusted(s, kModule, any), "");
}

TEST_F(TrustTest, MachineKeyAuthenticates) {
  auto key = machine_key(dir.string(), true);
  ASSERT_TRUE(key.has_value()) << key.error().message;
  struct stat st {};
  ASSERT_EQ(stat((dir / "machine.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto again = machine_key(dir.string(), true);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->secret, key->secret) << "a second use keeps the key";

  auto u = authenticate(universal(), &*key, nullptr);
  ASSERT_TRUE(u.has_value()) << u.error().message;
  auto s = section_of(*u);
  ASSERT_EQ(s.authenticators.size(), 1u);
  EXPECT_EQ(why_untrusted(s, kModule, policy()), "");
  TrustPolicy never = policy();
  never.mode = TrustPolicy::Mode::Never;
  EXPECT_NE(why_untrusted(s, kModule, never), "");

  // The MAC covers the module and the code, not just their (non-secret) XXH3 hashes.
  std::vector<uint8_t> other_module = {0, 'a', 's', 'm', 1, 0, 0, 0, 0, 1, 0};
  EXPECT_NE(why_untrusted(s, other_module, policy()).find("altered"), std::string::npos);
  std::vector<uint8_t> altered(s.code.begin(), s.code.end());
  altered.back() ^= 1;
  NativeSection t = s;
  t.code = altered;
  EXPECT_NE(why_untrusted(t, kModule, policy()).find("altered"), std::string::npos);
  // Another machine's key is told apart from a forgery.
  TrustPolicy elsewhere;
  elsewhere.config_dir = (dir / "elsewhere").string();
  ASSERT_TRUE(machine_key(elsewhere.config_dir, true).has_value());
  EXPECT_NE(why_untrusted(s, kModule, elsewhere).find("another machine"), std::string::npos);
}

TEST_F(TrustTest, UnsafeMachineKeyIsRefused) {
  ASSERT_TRUE(machine_key(dir.string(), true).has_value());
  chmod((dir / "machine.key").c_str(), 0644);
  auto key = machine_key(dir.string(), true);
  ASSERT_FALSE(key.has_value());
  EXPECT_NE(key.error().message.find("others can read or write it"), std::string::npos) << key.error().message;
  chmod((dir / "machine.key").c_str(), 0600);
  chmod(dir.c_str(), 0777);
  key = machine_key(dir.string(), false);
  ASSERT_FALSE(key.has_value());
  EXPECT_NE(key.error().message.find("its folder is unsafe"), std::string::npos) << key.error().message;
}

TEST_F(TrustTest, SignaturesByTrustedKeysOnly) {
  std::string base = (dir / "alice").string();
  ASSERT_TRUE(write_key_pair(base).has_value());
  EXPECT_FALSE(write_key_pair(base).has_value()) << "never overwrites a key";
  auto signer = read_signing_key(base + ".key");
  ASSERT_TRUE(signer.has_value()) << signer.error().message;
  auto pub = read_public_key(base + ".pub");
  ASSERT_TRUE(pub.has_value()) << pub.error().message;
  EXPECT_EQ(*pub, signer->public_key);

  auto u = authenticate(universal(), nullptr, &*signer);
  ASSERT_TRUE(u.has_value());
  auto s = section_of(*u);
  EXPECT_NE(why_untrusted(s, kModule, policy()).find("not trusted here"), std::string::npos);
  TrustPolicy trusting = policy();
  trusting.trusted_keys.push_back(*pub);
  EXPECT_EQ(why_untrusted(s, kModule, trusting), "");
  // The same through the trusted-keys folder.
  fs::create_directories(dir / "trusted-keys");
  fs::copy_file(base + ".pub", dir / "trusted-keys" / "alice.pub");
  EXPECT_EQ(why_untrusted(s, kModule, policy()), "");
  // A corrupted signature does not verify.
  s.authenticators[0].data.back() ^= 1;
  EXPECT_NE(why_untrusted(s, kModule, trusting).find("does not verify"), std::string::npos);
}

TEST_F(TrustTest, KeyFilesAreParsedStrictly) {
  auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  EXPECT_FALSE(read_public_key(write("short.pub", "petrel-ed25519-public abcd\n")).has_value());
  EXPECT_FALSE(read_public_key(write("tag.pub", "ssh-ed25519 " + std::string(64, 'a'))).has_value());
  EXPECT_FALSE(read_public_key(write("hex.pub", "petrel-ed25519-public " + std::string(64, 'g'))).has_value());
  EXPECT_TRUE(read_public_key(write("ok.pub", "  petrel-ed25519-public " + std::string(64, 'A') + "\n")).has_value());
  EXPECT_FALSE(read_public_key((dir / "missing.pub").string()).has_value());
}

TEST_F(TrustTest, MalformedAuthenticatorsAreRefused) {
  auto u = universal();
  auto found = find_native_section(u);
  ASSERT_TRUE(found);
  // The authenticator count follows the header: claim 17 (over the limit), then 1 that is cut short.
  auto s = section_of(u);
  size_t count_at = static_cast<size_t>(s.header_bytes.data() + s.header_bytes.size() - u.data());
  std::vector<uint8_t> bad = u;
  bad[count_at] = 17;
  auto parsed = parse_native_section(find_native_section(bad)->payload);
  ASSERT_FALSE(parsed.has_value());
  EXPECT_NE(parsed.error().message.find("too many authenticators"), std::string::npos);
  bad[count_at] = 1;
  parsed = parse_native_section(find_native_section(bad)->payload);
  ASSERT_FALSE(parsed.has_value());
  // A section in the format before authenticators says so.
  bad = u;
  bad[static_cast<size_t>(s.header_bytes.data() - u.data()) + 7] = 'C';
  parsed = parse_native_section(find_native_section(bad)->payload);
  ASSERT_FALSE(parsed.has_value());
  EXPECT_NE(parsed.error().message.find("older Petrel"), std::string::npos);
}

}  // namespace
