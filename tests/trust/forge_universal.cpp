// What an attacker can make: a universal wasm whose petrel.native section holds any shared
// object, with a header that matches this host and correct XXH3 hashes (they are no secret).
//   forge_universal MODULE.wasm OBJECT.so OUT.wasm [--sign KEY.key] [--machine-key DIR]
//     wraps OBJECT.so; signs it with KEY, or authenticates it with DIR's machine key, if asked
//   forge_universal --alter UNIVERSAL.wasm OUT.wasm
//     flips one byte of the code and fixes the code hash, keeping the authenticators
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "native/section.hpp"
#include "native/trust.hpp"

using namespace petrel::native;

namespace {

std::vector<uint8_t> read_all(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "forge_universal: cannot read %s\n", path);
    std::exit(2);
  }
  return {std::istreambuf_iterator<char>(in), {}};
}

void write_all(const char* path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::fprintf(stderr, "forge_universal: cannot write %s\n", path);
    std::exit(2);
  }
}

int alter(const char* in_path, const char* out_path) {
  auto universal = read_all(in_path);
  auto found = find_native_section(universal);
  if (!found || !found->is_last) return std::fprintf(stderr, "forge_universal: no native section\n"), 2;
  auto section = parse_native_section(found->payload);
  if (!section || section->code.empty()) return std::fprintf(stderr, "forge_universal: bad native section\n"), 2;
  std::vector<uint8_t> code(section->code.begin(), section->code.end());
  code[code.size() / 2] ^= 0x01;
  SectionHeader header = section->header;
  header.code_hash = hash_bytes(code);
  std::span<const uint8_t> module(universal.data(), found->module_end);
  write_all(out_path, make_universal(module, header, code, section->authenticators));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "--alter") return alter(argv[2], argv[3]);
  if (argc < 4) {
    std::fprintf(stderr, "usage: forge_universal MODULE.wasm OBJECT.so OUT.wasm [--sign KEY.key] [--machine-key DIR]\n"
                         "       forge_universal --alter UNIVERSAL.wasm OUT.wasm\n");
    return 2;
  }
  auto module = read_all(argv[1]);
  auto object = read_all(argv[2]);
  std::optional<SigningKey> signer;
  std::optional<MachineKey> machine;
  for (int i = 4; i + 1 < argc; i += 2) {
    std::string opt = argv[i];
    if (opt == "--sign") {
      auto k = read_signing_key(argv[i + 1]);
      if (!k) return std::fprintf(stderr, "forge_universal: %s\n", k.error().message.c_str()), 2;
      signer = *k;
    } else if (opt == "--machine-key") {
      auto k = machine_key(argv[i + 1], true);
      if (!k) return std::fprintf(stderr, "forge_universal: %s\n", k.error().message.c_str()), 2;
      machine = *k;
    }
  }
  auto universal = make_universal(module, header_for(module, object, "x86-64", false), object);
  if (signer || machine) {
    auto signed_universal = authenticate(universal, machine ? &*machine : nullptr, signer ? &*signer : nullptr);
    if (!signed_universal) return std::fprintf(stderr, "forge_universal: %s\n", signed_universal.error().message.c_str()), 2;
    universal = std::move(*signed_universal);
  }
  write_all(argv[3], universal);
  return 0;
}
