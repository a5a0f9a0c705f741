// A WASI command embedded: arguments, environment and stdout given by the host; its exit
// status returned. Usage: wasi MODULE.wasm [ARGS…]
#include <petrel/petrel.hpp>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc < 2) return std::fprintf(stderr, "usage: wasi MODULE.wasm [ARGS...]\n"), 2;
  petrel::Engine engine;
  petrel::Store store(engine);
  auto module = petrel::Module::from_file(store, argv[1]);
  if (!module) return std::fprintf(stderr, "%s\n", module.error().message.c_str()), 1;
  std::vector<std::string> args(argv + 1, argv + argc);
  auto instance = petrel::Instance::with_wasi(store, *module, petrel::Wasi().args(args).env("GREETING", "hi from C++"));
  if (!instance) return std::fprintf(stderr, "%s\n", instance.error().message.c_str()), 1;
  std::fflush(stdout);
  auto status = instance->run_wasi_start();
  if (!status) return std::fprintf(stderr, "trap: %s\n", status.error().message.c_str()), 1;
  std::printf("exit status: %d\n", *status);
  return 0;
}
