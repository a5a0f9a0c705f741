#include "compile_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>

#include "binary/encoder.hpp"
#include "module_file.hpp"
#include "native/compiler_plugin.hpp"
#include "native/trust.hpp"
#include "run_command.hpp"
#include "runtime/instantiate.hpp"

namespace petrel::tools {

void add_compile_options(CLI::App& compile, CompileOptions& o) {
  compile.add_option("-O", o.level, "Optimisation: -O0, -O1, -O2 (default), -O3 or -Os")
      ->check(CLI::IsMember({"0", "1", "2", "3", "s"}))
      ->type_name("LEVEL");
  compile.add_option("--target", o.target,
                     "CPU to compile for: native (this host's best x86-64 level, default), generic (any x86-64), "
                     "x86-64-v2, x86-64-v3 or x86-64-v4")
      ->type_name("TARGET");
  compile.add_flag("--metered", o.metered,
                   "Count fuel as the metered interpreter does (for embedders that limit fuel; a little slower)");
  compile.add_option("--sign", o.sign,
                     "Sign the native code with this key (from `petrel keygen`), so that hosts trusting its "
                     ".pub run it (petrel run --trust KEY.pub)")
      ->type_name("KEY.key");
  compile.add_option("-o,--output", o.output, "The universal wasm to write")->required()->type_name("OUT.wasm");
  compile.add_option("input", o.input, "The module: binary .wasm or text .wat")->required()->type_name("IN.wasm");
  compile.footer(
      "The output is the input module with a custom section (petrel.native) holding the native code;\n"
      "`petrel run` uses it when it matches the host and is trusted: compiled on this machine (authenticated\n"
      "with the machine key in ~/.config/petrel, made on first use) or signed (--sign) by a key the runner\n"
      "trusts; otherwise it interprets (see `petrel run --verbose`). Other runtimes ignore the section.");
}

int compile_command(const CompileOptions& o) {
  std::optional<native::SigningKey> signer;
  if (!o.sign.empty()) {
    auto key = native::read_signing_key(o.sign);
    if (!key) {
      fmt::print(stderr, "petrel: --sign {}\n", key.error().message);
      return kExitUsage;
    }
    signer = *key;
  }
  auto lm = load_module_file(o.input, {.use_native = false});
  if (!lm) {
    fmt::print(stderr, "petrel: {}\n", lm.error().message);
    return kExitError;
  }
  // Binary input is compiled as it is (keeping its custom sections); text is encoded first.
  auto raw = read_file_bytes(o.input);
  if (!raw) {
    fmt::print(stderr, "petrel: {}\n", raw.error().message);
    return kExitError;
  }
  std::vector<uint8_t> bytes;
  if (raw->compare(0, 4, std::string("\0asm", 4)) == 0)
    bytes.assign(raw->begin(), raw->end());
  else
    bytes = encode_module((*lm)->ir);
  native::CompileRequest req;
  req.optimize_size = o.level == "s";
  req.opt_level = o.level == "s" ? 2 : static_cast<unsigned>(o.level[0] - '0');
  req.target = o.target;
  req.metered = o.metered;
  auto compiled = native::compile_module(bytes, req);
  if (!compiled) {
    fmt::print(stderr, "petrel: {}: {}\n", o.input, compiled.error().message);
    return kExitError;
  }
  // Authenticated for this machine (so that `petrel run` here trusts it), signed when asked.
  auto machine = native::machine_key(native::user_config_dir(), true);
  if (!machine && !signer)
    fmt::print(stderr, "petrel: warning: {}; {} will run interpreted unless signed (--sign)\n", machine.error().message,
               o.output);
  auto out = native::authenticate(*compiled, machine ? &*machine : nullptr, signer ? &*signer : nullptr);
  if (!out) {
    fmt::print(stderr, "petrel: {}: {}\n", o.input, out.error().message);
    return kExitError;
  }
  if (auto w = write_file_atomically(o.output, *out); !w) {
    fmt::print(stderr, "petrel: {}\n", w.error().message);
    return kExitError;
  }
  return 0;
}

void add_keygen_options(CLI::App& keygen, std::string& base) {
  keygen.add_option("base", base, "Writes BASE.key (the secret key, readable by you alone) and BASE.pub")
      ->required()
      ->type_name("BASE");
  keygen.footer(
      "Sign with `petrel compile --sign BASE.key`; hosts run the signed code with `petrel run --trust BASE.pub`,\n"
      "or by copying BASE.pub into ~/.config/petrel/trusted-keys/ (petrel-oci: /etc/petrel/trusted-keys/).");
}

int keygen_command(const std::string& base) {
  if (auto w = native::write_key_pair(base); !w) {
    fmt::print(stderr, "petrel: {}\n", w.error().message);
    return kExitError;
  }
  fmt::print("wrote {0}.key (secret: keep it private) and {0}.pub (give it to the hosts that should trust it)\n", base);
  return 0;
}

}  // namespace petrel::tools
