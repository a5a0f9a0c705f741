#pragma once
#include <cstddef>
#include <cstdint>

#include "interp/code.hpp"
#include "runtime/engine.hpp"
#include "runtime/instances.hpp"

namespace petrel::interp {

struct InterpreterConfig {
  size_t stack_slots = size_t{1} << 20;  // 8 MiB of operand stack and locals
  size_t max_frames = size_t{1} << 16;   // call depth before "call stack exhausted"
};

// The portable engine: translates each function on its first call, then runs the threaded
// code in one dispatch loop. Guest calls never recurse natively; host calls may re-enter.
class Interpreter final : public Engine {
 public:
  explicit Interpreter(InterpreterConfig config = {});
  ~Interpreter() override;
  Result<void> invoke(FuncInstance& f, std::span<const uint64_t> args, std::span<uint64_t> results) override;

  struct Frame {
    const Word* pc;
    uint64_t* fp;
    ModuleInstance* inst;
    FuncInstance* func;  // the caller, for trap locations
  };

 private:
  Result<void> run(FuncInstance* f, uint64_t* sp);
  const CompiledFunction* code_for(FuncInstance& f);

  uint64_t* stack_ = nullptr;
  uint64_t* stack_end_ = nullptr;
  size_t stack_bytes_ = 0;
  Frame* frames_ = nullptr;
  Frame* frames_end_ = nullptr;
  size_t frames_bytes_ = 0;
  uint64_t* sp_ = nullptr;      // first free slot between calls (host re-entry starts here)
  Frame* frame_top_ = nullptr;  // first free frame
};

}  // namespace petrel::interp
