#pragma once
#include <cstdint>
#include <map>
#include <string>

namespace petrel::tools {

// Tracked skips: a whole file, or one assertion as FILE:LINE, each with its reason.
struct SkipList {
  std::map<std::string, std::string> entries;
  static bool load(const std::string& path, SkipList& out, std::string& error);
  const std::string* find(const std::string& file, uint32_t line) const;
};

struct WastTotals {
  uint64_t passed = 0, failed = 0, skipped = 0;
};

struct WastOptions {
  bool metered = false;  // run on metered code (fuel and interrupt checks), to test that variant
  bool aot = false;      // compile every module and run the assertions against the native code
};

// Runs one .wast script; prints a line per failing assertion (FILE:LINE: expected vs got).
WastTotals run_wast_file(const std::string& path, const SkipList& skips, const WastOptions& options = {});

}  // namespace petrel::tools
