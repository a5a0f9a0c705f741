// Deciding whether a bundle is a wasm container, and reading its module from the rootfs.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "bundle.hpp"
#include "errors.hpp"

namespace petrel::oci {

struct WasmEntry {
  bool is_wasm = false;
  std::string guest_path;  // process.args[0] resolved inside the rootfs (absolute, as the guest sees it)
  std::string why;         // what made the decision: an annotation, or the file's magic bytes
};

// A bundle is a wasm container when its annotations say so (module.wasm.image/variant =
// compat or compat-smart, or run.oci.handler = wasm) or its entrypoint inside the rootfs
// starts with the wasm magic bytes. An annotated bundle whose entrypoint is not wasm is an
// error (compat-smart excepted: it means "wasm when the entrypoint is wasm").
Result<WasmEntry> detect_wasm(const Bundle& bundle);

// The bytes of GUEST_PATH inside ROOT; symlinks and ".." resolve inside ROOT, never above it.
Result<std::vector<uint8_t>> read_in_root(const std::string& root, const std::string& guest_path);

}  // namespace petrel::oci
