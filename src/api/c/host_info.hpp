// The host info of one C API object (wasm_*_set_host_info): a pointer the embedder attaches,
// with an optional finalizer that runs exactly once, when the info stops being the object's —
// the object dies, or new host info replaces it.
#pragma once
#include <utility>

class HostInfo {
 public:
  using Finalizer = void (*)(void*);

  HostInfo() = default;
  HostInfo(const HostInfo&) = delete;
  HostInfo& operator=(const HostInfo&) = delete;
  ~HostInfo() {
    if (finalizer_) finalizer_(info_);
  }

  void* get() const { return info_; }

  // Setting what is already set changes nothing (its finalizer must not free what stays
  // attached). Else the old info's finalizer runs, after the new info is in place, so that a
  // finalizer which looks at the object sees the new info.
  void set(void* info, Finalizer finalizer) {
    if (info == info_ && finalizer == finalizer_) return;
    void* old_info = std::exchange(info_, info);
    Finalizer old_finalizer = std::exchange(finalizer_, finalizer);
    if (old_finalizer) old_finalizer(old_info);
  }

 private:
  void* info_ = nullptr;
  Finalizer finalizer_ = nullptr;
};
