// A temporary folder per CLI test, with the guests the test writes into it.
#pragma once
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace petrel::test {

class CliDir : public ::testing::Test {
 protected:
  std::filesystem::path dir;
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "-" + info->name();
    for (char& c : name)
      if (c == '/') c = '-';
    dir = std::filesystem::temp_directory_path() / ("petrel-cli-" + std::to_string(getpid()) + "-" + name);
    std::filesystem::create_directories(dir);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }

  std::string path(const std::string& name) const { return (dir / name).string(); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
    return path(name);
  }
  // The environment for a `petrel` command: its compile cache inside this folder.
  std::string env() const { return "XDG_CACHE_HOME=" + path("cache") + " "; }
};

}  // namespace petrel::test
