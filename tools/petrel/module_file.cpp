#include "module_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "binary/encoder.hpp"
#include "native/compile_cache.hpp"
#include "native/native_code.hpp"
#include "runtime/instantiate.hpp"
#include "text/wat_parser.hpp"

namespace petrel::tools {

Result<std::string> read_file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(Error{Error::Kind::Io, fmt::format("{}: cannot open file", path), {}});
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<void> write_file_atomically(const std::string& path, std::span<const uint8_t> bytes) {
  std::string tmp = fmt::format("{}.tmp{}", path, getpid());
  auto cannot = [&] {
    std::remove(tmp.c_str());
    return std::unexpected(Error{Error::Kind::Io, fmt::format("cannot write {}: check the folder exists and is writable", path), {}});
  };
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!f) return cannot();
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return cannot();
  return {};
}

Result<std::shared_ptr<const LoadedModule>> load_module_file(const std::string& path, const ModuleFileOptions& options,
                                                             ModuleFileReport* file_report) {
  ModuleFileReport unused;
  ModuleFileReport& out = file_report ? *file_report : unused;
  out.why_not = options.use_native ? "no compiled code (run with --aot, or make a universal wasm with petrel compile)"
                                    : "--interpret";
  auto bytes = read_file_bytes(path);
  if (!bytes) return std::unexpected(bytes.error());
  const std::string& data = *bytes;
  Result<std::shared_ptr<const LoadedModule>> lm;
  // Text is told apart by its extension; anything else that is not plainly text (a NUL
  // byte, or a .wasm name) goes to the binary decoder, which names what is wrong with it.
  bool text_name = path.ends_with(".wat") || path.ends_with(".wast");
  bool binary = data.compare(0, 4, std::string("\0asm", 4)) == 0 ||
                (!text_name && (path.ends_with(".wasm") || data.find('\0') != std::string::npos));
  std::string text_encoded;  // a .wat module as binary, for --aot
  if (!binary && options.aot) {
    auto m = text::parse_wat(data);
    if (m) {
      auto bytes = encode_module(*m);
      text_encoded.assign(bytes.begin(), bytes.end());
      binary = true;
    }
  }
  if (binary) {
    std::span<const uint8_t> input(reinterpret_cast<const uint8_t*>(text_encoded.empty() ? data.data() : text_encoded.data()),
                                   text_encoded.empty() ? data.size() : text_encoded.size());
    std::vector<uint8_t> universal;
    native::LoadOptions load{.use_native = options.use_native, .trust = options.trust};
    // --aot compiles, unless the file already carries code that runs here as asked (a universal
    // wasm made on this machine or signed by a trusted key, metered when the run is): compiling
    // again would make the same code.
    native::LoadReport embedded;
    auto carried = options.aot && options.use_native ? native::check_native(input, load, embedded) : std::nullopt;
    if (options.aot && options.use_native && !(carried && carried->metered == options.metered)) {
      auto compile_start = std::chrono::steady_clock::now();
      auto cached = native::compile_cached(input, {.metered = options.metered});
      out.compile_ns = static_cast<uint64_t>(
          std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - compile_start).count());
      if (cached) {
        universal = std::move(cached->universal);
        input = universal;
        load.made_here = true;
        if (options.verbose) fmt::print(stderr, "petrel: {}: {}\n", path, cached->note);
      } else {
        fmt::print(stderr, "petrel: {}: cannot compile ({}); interpreting\n", path, cached.error().message);
        out.why_not = "cannot compile: " + cached.error().message;
      }
    }
    native::LoadReport report;
    lm = native::load_module(input, load, &report);
    out.native = report.native;
    if (report.had_section && !report.native && !report.why_not.empty()) out.why_not = report.why_not;
    if (report.native) out.why_not.clear();
    if (lm && options.verbose) {
      if (report.native)
        fmt::print(stderr, "petrel: {}: running compiled code\n", path);
      else if (report.had_section)
        fmt::print(stderr, "petrel: {}: not using its compiled code: {}; interpreting\n", path, report.why_not);
      else
        fmt::print(stderr, "petrel: {}: no compiled code; interpreting\n", path);
    }
  } else {
    auto m = text::parse_wat(data);
    if (!m) lm = std::unexpected(m.error());
    else lm = load_ir(std::move(*m));
  }
  if (!lm) {
    Error e = lm.error();
    e.message = fmt::format("{}: {}", path, e.describe());
    e.pos = {};
    return std::unexpected(e);
  }
  return lm;
}

}  // namespace petrel::tools
