// The interpreter's translation: how fast it turns wasm into register code, and how large that
// code is next to the wasm it came from.
//   petrel_translate_bench translate FILE.wasm…   every function of each file, 5 times
//   petrel_translate_bench replicate FILE.wasm MEGABYTES OUT.wasm
//     writes FILE with its defined functions repeated until the code is about MEGABYTES large
//     (calls still reach the originals, so the module stays valid and runs as FILE does): a
//     large module for measuring start-up, which translates only the functions that run.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "binary/decoder.hpp"
#include "binary/encoder.hpp"
#include "interp/code.hpp"
#include "interp/translator.hpp"
#include "validator/validator.hpp"

namespace {

std::vector<uint8_t> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

petrel::Result<petrel::Module> load(const char* path) {
  auto bytes = read_file(path);
  auto m = petrel::decode_module(bytes);
  if (!m) return m;
  if (auto v = petrel::validate_module(*m); !v) return std::unexpected(v.error());
  return m;
}

int translate(int argc, char** argv) {
  // The translator only stores handler addresses; any table of the right size will do.
  static const void* const handlers[petrel::interp::kNumIOps] = {};
  double bytes = 0, seconds = 0, code_bytes = 0;
  for (int i = 0; i < argc; ++i) {
    auto m = load(argv[i]);
    if (!m) {
      std::fprintf(stderr, "%s: %s\n", argv[i], m.error().describe().c_str());
      return 1;
    }
    double file_body = 0, file_code = 0;
    for (const auto& f : m->functions) file_body += f.body_end - f.body_begin;
    constexpr int kReps = 5;
    auto start = std::chrono::steady_clock::now();
    for (int rep = 0; rep < kReps; ++rep) {
      file_code = 0;
      for (uint32_t f = 0; f < m->functions.size(); ++f) {
        auto cf = petrel::interp::translate(*m, f, handlers);
        file_code += static_cast<double>(cf->code.size() * sizeof(petrel::interp::Word) +
                                         cf->offsets.size() * sizeof(cf->offsets[0]) + sizeof(*cf));
      }
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / kReps;
    std::printf("%-40s %8.1f KiB of code  %7.1f MB/s  register code %.1fx its size\n", argv[i], file_body / 1024,
                file_body / 1e6 / s, file_code / file_body);
    bytes += file_body;
    seconds += s;
    code_bytes += file_code;
  }
  std::printf("translation: %.1f KiB of function bodies at %.1f MB/s; register code (with trap offsets) is %.1fx "
              "the wasm code\n",
              bytes / 1024, bytes / 1e6 / seconds, code_bytes / bytes);
  return 0;
}

int replicate(const char* in, double megabytes, const char* out) {
  auto m = load(in);
  if (!m) {
    std::fprintf(stderr, "%s: %s\n", in, m.error().describe().c_str());
    return 1;
  }
  size_t n = m->functions.size();
  double body = 0;
  for (const auto& f : m->functions) body += f.body_end - f.body_begin;
  int copies = static_cast<int>(megabytes * 1e6 / body) + 1;
  for (int c = 1; c < copies; ++c)
    for (size_t i = 0; i < n; ++i) m->functions.push_back(m->functions[i]);
  auto bytes = petrel::encode_module(*m);
  std::ofstream(out, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                             static_cast<std::streamsize>(bytes.size()));
  std::printf("%s: %.1f MB, %zu functions\n", out, static_cast<double>(bytes.size()) / 1e6, m->functions.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "translate" && argc > 2) return translate(argc - 2, argv + 2);
  if (mode == "replicate" && argc == 5) return replicate(argv[2], std::atof(argv[3]), argv[4]);
  std::fprintf(stderr, "usage: %s translate FILE.wasm… | replicate FILE.wasm MEGABYTES OUT.wasm\n", argv[0]);
  return 2;
}
