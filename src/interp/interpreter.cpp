// The dispatch loop. Hot state lives in locals (pc, sp, fp, memory base and size, instance);
// each handler ends by jumping straight to the next one (computed goto).
#include "interp/interpreter.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <bit>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <cmath>
#include <cstring>

#include <fmt/format.h>

#include "interp/numeric.hpp"
#include "interp/simd.hpp"
#include "interp/translator.hpp"

namespace petrel::interp {
namespace {

struct InterpCache final : EngineCache {
  std::vector<std::unique_ptr<CompiledFunction>> funcs, metered_funcs;
};


inline float as_f32(uint64_t s) { return std::bit_cast<float>(static_cast<uint32_t>(s)); }
inline double as_f64(uint64_t s) { return std::bit_cast<double>(s); }
inline uint64_t f32_slot(float f) { return std::bit_cast<uint32_t>(f); }
inline uint64_t f64_slot(double d) { return std::bit_cast<uint64_t>(d); }

void* map_zeroed(size_t bytes) {
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

// Calls a host function, or a function's compiled code, whose arguments are the top slots at
// `sp`, replacing them with its results. Kept out of the dispatch loop: it owns objects with
// destructors (and out of line: inlined, it costs the dispatch loop registers).
[[gnu::noinline]] bool call_out(const FuncInstance& f, uint64_t* sp, Error& error) {
  const HostCallback& fn = f.host ? f.host : f.compiled;
  size_t np = slot_count(f.type.params), nr = slot_count(f.type.results);
  uint64_t* args = sp - np;
  std::vector<uint64_t> results(nr);
  auto r = fn(std::span<const uint64_t>(args, np), std::span<uint64_t>(results));
  if (!r) {
    error = std::move(r.error());
    return false;
  }
  std::copy(results.begin(), results.end(), args);
  return true;
}

// Adds the trapping function and bytecode offset to a trap. `pc` is the dispatch loop's pc:
// one word past the trapping instruction's first word, at least.
std::unexpected<Error> located(std::unexpected<Error> t, const FuncInstance* f, const Word* pc) {
  if (!f || !f->engine_code) return t;
  const auto* cf = static_cast<const CompiledFunction*>(f->engine_code);
  std::string name = f->debug_name.empty() ? fmt::format("#{}", f->instance->module->ir.num_imported_funcs + cf->defined_index)
                                           : f->debug_name;
  t.error().where = fmt::format("function {}, offset {:#x}", name, cf->offset_of(pc - 1));
  return t;
}

// Filled by the first call of run(); indexed by IOp. Atomic: stores on several threads may
// start at once (they all store the same table).
std::atomic<const void* const*> g_handlers{nullptr};

}  // namespace

// A thread that raises the deadline interrupt when the deadline passes, unless cleared first.
struct Interpreter::Watchdog {
  std::mutex mu;
  std::condition_variable cv;
  std::optional<std::chrono::steady_clock::time_point> deadline;
  bool stop = false;
  std::thread thread;
  explicit Watchdog(std::atomic<int>& flag) {
    thread = std::thread([this, &flag] {
      std::unique_lock lock(mu);
      while (!stop) {
        if (!deadline) {
          cv.wait(lock);
        } else if (cv.wait_until(lock, *deadline) == std::cv_status::timeout && deadline &&
                   std::chrono::steady_clock::now() >= *deadline) {
          flag.store(2, std::memory_order_relaxed);
          deadline.reset();
        }
      }
    });
  }
  ~Watchdog() {
    {
      std::lock_guard lock(mu);
      stop = true;
    }
    cv.notify_all();
    thread.join();
  }
};

void Interpreter::set_deadline_in(std::chrono::nanoseconds timeout) {
  if (!watchdog_) watchdog_ = std::make_unique<Watchdog>(interrupt_);
  {
    std::lock_guard lock(watchdog_->mu);
    watchdog_->deadline = std::chrono::steady_clock::now() + timeout;
  }
  watchdog_->cv.notify_all();
}

void Interpreter::clear_deadline() {
  if (!watchdog_) return;
  {
    std::lock_guard lock(watchdog_->mu);
    watchdog_->deadline.reset();
  }
  watchdog_->cv.notify_all();
}

InterpreterConfig InterpreterConfig::for_stack_bytes(uint64_t bytes) {
  InterpreterConfig c;
  uint64_t call_bytes = bytes / 5;
  c.stack_slots = static_cast<size_t>((bytes - call_bytes) / sizeof(uint64_t));
  c.max_frames = static_cast<size_t>(call_bytes / sizeof(Interpreter::Frame));
  return c;
}

Interpreter::Interpreter(InterpreterConfig config) : config_(config) {
  stack_bytes_ = config.stack_slots * sizeof(uint64_t);
  frames_bytes_ = config.max_frames * sizeof(Frame);
  stack_ = static_cast<uint64_t*>(map_zeroed(stack_bytes_));
  frames_ = static_cast<Frame*>(map_zeroed(frames_bytes_));
  stack_end_ = stack_ ? stack_ + config.stack_slots : nullptr;
  frames_end_ = frames_ ? frames_ + config.max_frames : nullptr;
  sp_ = stack_;
  frame_top_ = frames_;
}

Interpreter::~Interpreter() {
  if (stack_) munmap(stack_, stack_bytes_);
  if (frames_) munmap(frames_, frames_bytes_);
}

uint64_t CompiledFunction::offset_of(const Word* pc) const {
  auto index = static_cast<uint32_t>(pc - code.data());
  auto it = std::upper_bound(offsets.begin(), offsets.end(), std::pair<uint32_t, uint32_t>{index, UINT32_MAX});
  return it == offsets.begin() ? 0 : std::prev(it)->second;
}

const CompiledFunction* Interpreter::code_for(FuncInstance& f) {
  if (f.engine_code) return static_cast<const CompiledFunction*>(f.engine_code);
  const LoadedModule& lm = *f.instance->module;
  std::lock_guard lock(lm.cache_mutex);
  if (!lm.cache) {
    auto c = std::make_unique<InterpCache>();
    c->funcs.resize(lm.ir.functions.size());
    lm.cache = std::move(c);
  }
  auto& cache = static_cast<InterpCache&>(*lm.cache);
  if (config_.metered && cache.metered_funcs.empty()) cache.metered_funcs.resize(lm.ir.functions.size());
  auto& slot = (config_.metered ? cache.metered_funcs : cache.funcs)[f.defined_index];
  if (!slot) {
    auto start = std::chrono::steady_clock::now();
    slot = translate(lm.ir, f.defined_index, g_handlers.load(std::memory_order_acquire), config_.metered);
    translation_ns_ += static_cast<uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count());
  }
  f.engine_code = slot.get();
  return slot.get();
}

Result<void> Interpreter::invoke(FuncInstance& f, std::span<const uint64_t> args, std::span<uint64_t> results) {
  if (f.host) return f.host(args, results);
  if (f.compiled) return f.compiled(args, results);
  if (!stack_ || !frames_) return trap("cannot allocate the interpreter stack");
  if (!g_handlers.load(std::memory_order_acquire)) (void)run(nullptr, nullptr);
  uint64_t* entry_sp = sp_;
  if (static_cast<size_t>(stack_end_ - entry_sp) < args.size() + results.size() + 1)
    return trap(trap_message(TrapCode::CallStackExhausted));
  std::copy(args.begin(), args.end(), entry_sp);
  Frame* entry_frames = frame_top_;
  auto r = run(&f, entry_sp + args.size());
  sp_ = entry_sp;
  frame_top_ = entry_frames;
  if (!r) return r;
  std::copy(entry_sp, entry_sp + results.size(), results.begin());
  return {};
}

Result<void> Interpreter::run(FuncInstance* entry, uint64_t* sp) {
  static const void* const handlers[kNumIOps] = {
#define OP(name, text, code, imm, align, params, results, family) &&L_##name,
#include "ir/opcodes.def"
#undef OP
#define IOP(name) &&L_##name,
#include "interp/iops.def"
#undef IOP
  };
  static_assert(sizeof(handlers) / sizeof(handlers[0]) == kNumIOps);
  if (!entry) {
    g_handlers.store(handlers, std::memory_order_release);
    return {};
  }
  static const Word halt_code[1] = {Word{.handler = &&L_Halt}};

  const Word* pc = halt_code;
  uint64_t* fp = sp;
  ModuleInstance* inst = nullptr;
  uint8_t* mem = nullptr;
  uint64_t mem_size = 0;
  Frame* ft = frame_top_;
  const char* trap_msg = nullptr;
  uint64_t uninitialized_index = 0;
  Error host_error{Error::Kind::Trap, {}, {}};
  FuncInstance* callee = entry;
  FuncInstance* current = nullptr;  // the function executing, for trap locations
  uint64_t acc = 0;                 // the last numeric result or loaded value (code.hpp)

#define NEXT() goto*(pc++)->handler
#define TRAP_MESSAGE(msg) \
  do {                    \
    trap_msg = (msg);     \
    goto do_trap;         \
  } while (0)
// (The message is a constant: constexpr evaluation keeps the trap path one store.)
#define TRAP(code)                                                           \
  do {                                                                       \
    static constexpr const char* kMessage = trap_message(TrapCode::code);  \
    TRAP_MESSAGE(kMessage);                                                  \
  } while (0)
#define RELOAD_MEMORY()                                                      \
  do {                                                                       \
    if (inst && !inst->memories.empty()) {                                   \
      mem = inst->memories[0]->data();                                       \
      mem_size = inst->memories[0]->size_bytes();                            \
    }                                                                        \
  } while (0)
#define U32(x) static_cast<uint32_t>(x)
#define S32(x) static_cast<int32_t>(x)
#define S64(x) static_cast<int64_t>(x)
  // Handlers are entered with pc at their first operand word; they trap before moving pc, so
  // that pc - 1 is the trapping instruction's handler word.
#define MOVE_SLOTS(dst, src, n) std::memmove(fp + (dst), fp + (src), (n) * sizeof(uint64_t))

  goto do_call;

  // ---- control -------------------------------------------------------------------------
L_Unreachable:
  TRAP(Unreachable);
L_Nop:
L_Block:
L_Loop:
L_If:
L_Else:
L_End:
L_Br:
L_BrIf:
L_SelectT:
L_Drop:
L_LocalGet:
L_LocalSet:
L_LocalTee:
L_I32Const:
L_I64Const:
L_F32Const:
L_F64Const:
L_RefNull:
  TRAP_MESSAGE("internal error: untranslated instruction");
L_Jump:
  pc = pc->target;
  NEXT();
L_JumpAdjust: {
  SlotPair m = pc[1].p;
  MOVE_SLOTS(m.b, m.a, pc[2].u);
  pc = pc->target;
  NEXT();
}
L_BrIfNZ:
  pc = U32(fp[pc[0].p.a]) ? pc[1].target : pc + 2;
  NEXT();
L_BrIfZ:
  pc = U32(fp[pc[0].p.a]) ? pc + 2 : pc[1].target;
  NEXT();
L_BrIfNZ64:
  pc = fp[pc[0].p.a] ? pc[1].target : pc + 2;
  NEXT();
L_BrIfZ64:
  pc = fp[pc[0].p.a] ? pc + 2 : pc[1].target;
  NEXT();
L_BrIfNZ_A:
  pc = U32(acc) ? pc[1].target : pc + 2;
  NEXT();
L_BrIfZ_A:
  pc = U32(acc) ? pc + 2 : pc[1].target;
  NEXT();
L_BrIfNZ64_A:
  pc = acc ? pc[1].target : pc + 2;
  NEXT();
L_BrIfZ64_A:
  pc = acc ? pc + 2 : pc[1].target;
  NEXT();
L_BrIfNZAdjust:
  if (U32(fp[pc[0].p.a])) {
    SlotPair m = pc[2].p;
    MOVE_SLOTS(m.b, m.a, pc[3].u);
    pc = pc[1].target;
  } else {
    pc += 4;
  }
  NEXT();
#define COMPARE_BRANCH_FORM(label, a_from, b_from, target_word, cond) \
  label : {                                                      \
    uint64_t a = a_from, b = b_from;                             \
    pc = (cond) ? pc[target_word].target : pc + target_word + 1;  \
    NEXT();                                                      \
  }
#define COMPARE_BRANCH(name, cond)                                             \
  COMPARE_BRANCH_FORM(L_BrIf##name, fp[pc[0].p.a], fp[pc[0].p.b], 1, cond)     \
  COMPARE_BRANCH_FORM(L_BrIf##name##_C, fp[pc[0].p.a], pc[1].u, 2, cond)       \
  COMPARE_BRANCH_FORM(L_BrIf##name##_A, acc, fp[pc[0].p.b], 1, cond)           \
  COMPARE_BRANCH_FORM(L_BrIf##name##_AC, acc, pc[1].u, 2, cond)
  // The integer comparisons, shared by their fused branches and their numeric forms.
#define PETREL_INT_COMPARE_EXPRS(X) \
  X(I32Eq, U32(a) == U32(b)) \
  X(I32Ne, U32(a) != U32(b)) \
  X(I32LtS, S32(a) < S32(b)) \
  X(I32LtU, U32(a) < U32(b)) \
  X(I32GtS, S32(a) > S32(b)) \
  X(I32GtU, U32(a) > U32(b)) \
  X(I32LeS, S32(a) <= S32(b)) \
  X(I32LeU, U32(a) <= U32(b)) \
  X(I32GeS, S32(a) >= S32(b)) \
  X(I32GeU, U32(a) >= U32(b)) \
  X(I64Eq, a == b) \
  X(I64Ne, a != b) \
  X(I64LtS, S64(a) < S64(b)) \
  X(I64LtU, a < b) \
  X(I64GtS, S64(a) > S64(b)) \
  X(I64GtU, a > b) \
  X(I64LeS, S64(a) <= S64(b)) \
  X(I64LeU, a <= b) \
  X(I64GeS, S64(a) >= S64(b)) \
  X(I64GeU, a >= b)
  PETREL_INT_COMPARE_EXPRS(COMPARE_BRANCH)
L_BrTable: {
  SlotPair o = pc[0].p, m = pc[1].p;
  uint64_t i = U32(fp[o.a]);
  if (i > o.b) i = o.b;
  const Word* e = pc + 2 + 2 * i;
  if (e[1].u != m.a) MOVE_SLOTS(e[1].u, m.a, m.b);
  pc = e[0].target;
  NEXT();
}
L_Return: {
  SlotPair o = pc[0].p;
  // Results move down to the frame's base, where the caller expects them.
  for (uint32_t i = 0; i < o.b; ++i) fp[i] = fp[o.a + i];
  --ft;
  pc = ft->pc;
  fp = ft->fp;
  current = ft->func;
  if (ft->inst != inst) {
    inst = ft->inst;
    RELOAD_MEMORY();
  }
  NEXT();
}
L_Call:
  callee = inst->funcs[pc[0].u];
  sp = fp + pc[1].u;
  pc += 2;
  goto do_call;
L_CallIndirect: {
  uint32_t type_index = U32(pc[0].u);
  TableInstance* table = inst->tables[pc[1].u];
  uint64_t i = U32(sp[-1]);
  if (i >= table->elems.size()) TRAP(UndefinedElement);
  Ref r = table->elems[i];
  if (r == kNullRef) {
    uninitialized_index = i;
    goto trap_uninitialized;
  }
  callee = reinterpret_cast<FuncInstance*>(r);
  if (callee->type_id != inst->type_ids[type_index]) TRAP(IndirectCallTypeMismatch);
  --sp;
  pc += 2;
  goto do_call;
}
do_call: {
  if (callee->host || callee->compiled) {
    // A host function, or compiled code: arguments are below sp; results replace them. Only
    // the former is a host call.
    sp_ = sp;
    frame_top_ = ft;
    if (callee->host) ++host_calls_;
    if (!call_out(*callee, sp, host_error)) goto do_trap;
    RELOAD_MEMORY();
    NEXT();
  }
  const CompiledFunction* cf = callee->engine_code ? static_cast<const CompiledFunction*>(callee->engine_code)
                                                   : code_for(*callee);
  if (ft == frames_end_) TRAP(CallStackExhausted);
  uint64_t* new_fp = sp - cf->num_params;
  if (static_cast<size_t>(stack_end_ - new_fp) < cf->max_stack) TRAP(CallStackExhausted);
  *ft++ = Frame{pc, fp, inst, current};
  current = callee;
  fp = new_fp;
  std::memset(sp, 0, cf->num_locals * sizeof(uint64_t));
  if (inst != callee->instance) {
    inst = callee->instance;
    RELOAD_MEMORY();
  }
  pc = cf->code.data();
  NEXT();
}
L_Halt:
  frame_top_ = ft;
  return {};
L_Fuel: {
  // Metered code: pay for the segment, then honour interrupts.
  int64_t cost = static_cast<int64_t>(pc->u);
  if (fuel_ < cost) {
    // A segment that cannot be paid for in full does not run; the remainder is spent, so
    // that exactly the budget is consumed (the rule compiled code follows too).
    fuel_ = 0;
    ++pc;
    TRAP(FuelExhausted);
  }
  ++pc;
  fuel_ -= cost;
  if (int why = interrupt_.load(std::memory_order_relaxed)) {
    interrupt_.store(0, std::memory_order_relaxed);
    TRAP_MESSAGE(why == 2 ? kDeadlineExceeded : kInterrupted);
  }
  NEXT();
}

  // ---- moves, parametric and variables ----------------------------------------------------
L_Const:
  fp[pc[0].p.a] = pc[1].u;
  pc += 2;
  NEXT();
L_Copy:
  fp[pc[0].p.a] = fp[pc[0].p.b];
  ++pc;
  NEXT();
L_Copy2:
  fp[pc[0].p.a] = fp[pc[0].p.b];
  fp[pc[1].p.a] = fp[pc[1].p.b];
  pc += 2;
  NEXT();
L_Copy3:
  fp[pc[0].p.a] = fp[pc[0].p.b];
  fp[pc[1].p.a] = fp[pc[1].p.b];
  fp[pc[2].p.a] = fp[pc[2].p.b];
  pc += 3;
  NEXT();
L_CopyV:
  std::memcpy(fp + pc[0].p.a, fp + pc[0].p.b, 16);
  ++pc;
  NEXT();
L_SetSp:
  sp = fp + pc[0].u;
  ++pc;
  NEXT();
L_Select: {
  SlotPair o = pc[0].p, q = pc[1].p;
  fp[o.a] = U32(fp[q.b]) ? fp[o.b] : fp[q.a];
  pc += 2;
  NEXT();
}
L_GlobalGet:
  fp[pc[0].p.a] = inst->globals[pc[0].p.b]->value;
  ++pc;
  NEXT();
L_GlobalSet:
  inst->globals[pc[0].p.b]->value = fp[pc[0].p.a];
  ++pc;
  NEXT();

  // ---- tables and references (stack form) -----------------------------------------------
L_TableGet: {
  TableInstance* t = inst->tables[pc->u];
  uint64_t i = U32(sp[-1]);
  if (i >= t->elems.size()) TRAP(TableOutOfBounds);
  ++pc;
  sp[-1] = t->elems[i];
  NEXT();
}
L_TableSet: {
  TableInstance* t = inst->tables[pc->u];
  uint64_t i = U32(sp[-2]);
  if (i >= t->elems.size()) TRAP(TableOutOfBounds);
  ++pc;
  t->elems[i] = sp[-1];
  sp -= 2;
  NEXT();
}
L_TableSize:
  *sp++ = inst->tables[pc->u]->elems.size();
  ++pc;
  NEXT();
L_TableGrow: {
  TableInstance* t = inst->tables[pc->u];
  ++pc;
  uint64_t delta = U32(sp[-1]);
  Ref init = sp[-2];
  --sp;
  sp[-1] = U32(static_cast<int32_t>(t->grow(delta, init)));
  NEXT();
}
L_TableFill: {
  TableInstance* t = inst->tables[pc->u];
  uint64_t i = U32(sp[-3]), n = U32(sp[-1]);
  Ref v = sp[-2];
  if (i + n > t->elems.size()) TRAP(TableOutOfBounds);
  ++pc;
  sp -= 3;
  std::fill_n(t->elems.begin() + static_cast<ptrdiff_t>(i), n, v);
  NEXT();
}
L_TableCopy: {
  TableInstance* dst = inst->tables[pc[0].u];
  TableInstance* src = inst->tables[pc[1].u];
  uint64_t d = U32(sp[-3]), s = U32(sp[-2]), n = U32(sp[-1]);
  if (s + n > src->elems.size() || d + n > dst->elems.size()) TRAP(TableOutOfBounds);
  pc += 2;
  sp -= 3;
  std::memmove(dst->elems.data() + d, src->elems.data() + s, n * sizeof(Ref));
  NEXT();
}
L_TableInit: {
  const auto& seg = inst->elem_segments[pc[0].u];
  TableInstance* t = inst->tables[pc[1].u];
  uint64_t d = U32(sp[-3]), s = U32(sp[-2]), n = U32(sp[-1]);
  if (s + n > seg.size() || d + n > t->elems.size()) TRAP(TableOutOfBounds);
  pc += 2;
  sp -= 3;
  std::copy_n(seg.begin() + static_cast<ptrdiff_t>(s), n, t->elems.begin() + static_cast<ptrdiff_t>(d));
  NEXT();
}
L_ElemDrop:
  inst->elem_segments[pc->u].clear();
  inst->elem_segments[pc->u].shrink_to_fit();
  ++pc;
  NEXT();
L_RefIsNull:
  sp[-1] = sp[-1] == kNullRef;
  NEXT();
L_RefFunc:
  *sp++ = reinterpret_cast<Ref>(inst->funcs[pc->u]);
  ++pc;
  NEXT();

  // ---- memory: loads [dst|addr][offset], stores [addr|value][offset] ----------------------
// `words`: the instruction's operand words; the offset is the last of them.
#define LOAD_FORM(label, address, words, T, convert)                    \
  label : {                                                             \
    SlotPair o = pc[0].p;                                               \
    uint64_t ea = static_cast<uint64_t>(U32(address)) + pc[(words) - 1].u; \
    if (ea + sizeof(T) > mem_size) TRAP(MemoryOutOfBounds);            \
    T v;                                                                \
    std::memcpy(&v, mem + ea, sizeof(T));                               \
    fp[o.a] = acc = convert;                                            \
    pc += (words);                                                      \
    NEXT();                                                             \
  }
#define LOAD(name, T, convert)                                           \
  LOAD_FORM(L_##name, fp[o.b], 2, T, convert)                            \
  LOAD_FORM(L_##name##_A, acc, 2, T, convert)                            \
  LOAD_FORM(L_##name##_X, fp[o.b] + fp[pc[1].p.a], 3, T, convert)        \
  LOAD_FORM(L_##name##_XC, fp[o.b] + pc[1].u, 3, T, convert)
#define STORE_FORM(label, address, value, T)                            \
  label : {                                                             \
    SlotPair o = pc[0].p;                                               \
    uint64_t ea = static_cast<uint64_t>(U32(address)) + pc[1].u;        \
    if (ea + sizeof(T) > mem_size) TRAP(MemoryOutOfBounds);            \
    T v = static_cast<T>(value);                                        \
    std::memcpy(mem + ea, &v, sizeof(T));                               \
    pc += 2;                                                            \
    NEXT();                                                             \
  }
#define STORE(name, T)                              \
  STORE_FORM(L_##name, fp[o.a], fp[o.b], T)         \
  STORE_FORM(L_##name##_A, acc, fp[o.b], T)         \
  STORE_FORM(L_##name##_V, fp[o.a], acc, T)
  LOAD(I32Load, uint32_t, v)
  LOAD(I64Load, uint64_t, v)
  LOAD(F32Load, uint32_t, v)
  LOAD(F64Load, uint64_t, v)
  LOAD(I32Load8S, int8_t, U32(static_cast<int32_t>(v)))
  LOAD(I32Load8U, uint8_t, v)
  LOAD(I32Load16S, int16_t, U32(static_cast<int32_t>(v)))
  LOAD(I32Load16U, uint16_t, v)
  LOAD(I64Load8S, int8_t, static_cast<uint64_t>(static_cast<int64_t>(v)))
  LOAD(I64Load8U, uint8_t, v)
  LOAD(I64Load16S, int16_t, static_cast<uint64_t>(static_cast<int64_t>(v)))
  LOAD(I64Load16U, uint16_t, v)
  LOAD(I64Load32S, int32_t, static_cast<uint64_t>(static_cast<int64_t>(v)))
  LOAD(I64Load32U, uint32_t, v)
  STORE(I32Store, uint32_t)
  STORE(I64Store, uint64_t)
  STORE(F32Store, uint32_t)
  STORE(F64Store, uint64_t)
  STORE(I32Store8, uint8_t)
  STORE(I32Store16, uint16_t)
  STORE(I64Store8, uint8_t)
  STORE(I64Store16, uint16_t)
  STORE(I64Store32, uint32_t)
  // Bulk memory, size and grow: stack form.
L_MemorySize:
  *sp++ = mem_size / kPageSize;
  NEXT();
L_MemoryGrow: {
  int64_t old = inst->memories[0]->grow(U32(sp[-1]));
  sp[-1] = U32(static_cast<int32_t>(old));
  RELOAD_MEMORY();
  NEXT();
}
L_MemoryFill: {
  uint64_t d = U32(sp[-3]), n = U32(sp[-1]);
  uint8_t v = static_cast<uint8_t>(sp[-2]);
  if (d + n > mem_size) TRAP(MemoryOutOfBounds);
  sp -= 3;
  std::memset(mem + d, v, n);
  NEXT();
}
L_MemoryCopy: {
  uint64_t d = U32(sp[-3]), s = U32(sp[-2]), n = U32(sp[-1]);
  if (s + n > mem_size || d + n > mem_size) TRAP(MemoryOutOfBounds);
  sp -= 3;
  std::memmove(mem + d, mem + s, n);
  NEXT();
}
L_MemoryInit: {
  auto seg = inst->data_segments[pc->u];
  uint64_t d = U32(sp[-3]), s = U32(sp[-2]), n = U32(sp[-1]);
  if (s + n > seg.size() || d + n > mem_size) TRAP(MemoryOutOfBounds);
  ++pc;
  sp -= 3;
  if (n) std::memcpy(mem + d, seg.data() + s, n);
  NEXT();
}
L_DataDrop:
  inst->data_segments[pc->u] = {};
  ++pc;
  NEXT();

  // ---- numeric: unary [dst|a], binary [dst|a][b|-], binary _C [dst|a][constant] --------------
#define UNARY_FORM(label, a_from, expr) \
  label : {                             \
    SlotPair o = pc[0].p;               \
    uint64_t a = a_from;                \
    fp[o.a] = acc = (expr);             \
    ++pc;                               \
    NEXT();                             \
  }
#define UNARY(name, expr) UNARY_FORM(L_##name, fp[o.b], expr) UNARY_FORM(L_##name##_A, acc, expr)
#define BINARY_FORM(label, a_from, b_from, body) \
  label : {                                        \
    SlotPair o = pc[0].p;                          \
    uint64_t a = a_from, b = b_from, r;            \
    body;                                          \
    fp[o.a] = acc = r;                             \
    pc += 2;                                       \
    NEXT();                                        \
  }
#define BINARY_S(name, body)                                   \
  BINARY_FORM(L_##name, fp[o.b], fp[pc[1].p.a], body)          \
  BINARY_FORM(L_##name##_C, fp[o.b], pc[1].u, body)            \
  BINARY_FORM(L_##name##_A, acc, fp[pc[1].p.a], body)          \
  BINARY_FORM(L_##name##_AC, acc, pc[1].u, body)
#define BINARY(name, expr) BINARY_S(name, r = (expr))
  PETREL_INT_COMPARE_EXPRS(BINARY)
  BINARY(I32Add, U32(a + b))
  BINARY(I32Sub, U32(a - b))
  BINARY(I32Mul, U32(U32(a) * U32(b)))
  BINARY(I32And, U32(a & b))
  BINARY(I32Or, U32(a | b))
  BINARY(I32Xor, U32(a ^ b))
  BINARY(I32Shl, U32(U32(a) << (b & 31)))
  BINARY(I32ShrS, U32(S32(a) >> (b & 31)))
  BINARY(I32ShrU, U32(a) >> (b & 31))
  BINARY(I64Add, a + b)
  BINARY(I64Sub, a - b)
  BINARY(I64Mul, a * b)
  BINARY(I64And, a & b)
  BINARY(I64Or, a | b)
  BINARY(I64Xor, a ^ b)
  BINARY(I64Shl, a << (b & 63))
  BINARY(I64ShrU, a >> (b & 63))
  BINARY(I64ShrS, static_cast<uint64_t>(S64(a) >> (b & 63)))
  BINARY(I64Rotl, std::rotl(a, static_cast<int>(b & 63)))
  BINARY(I64Rotr, std::rotr(a, static_cast<int>(b & 63)))
  BINARY(I32Rotl, std::rotl(U32(a), static_cast<int>(b & 31)))
  BINARY(I32Rotr, std::rotr(U32(a), static_cast<int>(b & 31)))
  UNARY(I32Eqz, U32(a) == 0)
  UNARY(I64Eqz, a == 0)
  BINARY(F32Eq, as_f32(a) == as_f32(b))
  BINARY(F32Ne, as_f32(a) != as_f32(b))
  BINARY(F32Lt, as_f32(a) < as_f32(b))
  BINARY(F32Gt, as_f32(a) > as_f32(b))
  BINARY(F32Le, as_f32(a) <= as_f32(b))
  BINARY(F32Ge, as_f32(a) >= as_f32(b))
  BINARY(F64Eq, as_f64(a) == as_f64(b))
  BINARY(F64Ne, as_f64(a) != as_f64(b))
  BINARY(F64Lt, as_f64(a) < as_f64(b))
  BINARY(F64Gt, as_f64(a) > as_f64(b))
  BINARY(F64Le, as_f64(a) <= as_f64(b))
  BINARY(F64Ge, as_f64(a) >= as_f64(b))
  UNARY(I32Clz, static_cast<uint64_t>(std::countl_zero(U32(a))))
  UNARY(I32Ctz, static_cast<uint64_t>(std::countr_zero(U32(a))))
  UNARY(I32Popcnt, static_cast<uint64_t>(std::popcount(U32(a))))
  BINARY_S(I32DivS, {
    if (U32(b) == 0) TRAP(IntegerDivideByZero);
    if (S32(a) == INT32_MIN && S32(b) == -1) TRAP(IntegerOverflow);
    r = U32(S32(a) / S32(b));
  })
  BINARY_S(I32DivU, {
    if (U32(b) == 0) TRAP(IntegerDivideByZero);
    r = U32(a) / U32(b);
  })
  BINARY_S(I32RemS, {
    if (U32(b) == 0) TRAP(IntegerDivideByZero);
    r = S32(b) == -1 ? 0 : U32(S32(a) % S32(b));
  })
  BINARY_S(I32RemU, {
    if (U32(b) == 0) TRAP(IntegerDivideByZero);
    r = U32(a) % U32(b);
  })
  UNARY(I64Clz, static_cast<uint64_t>(std::countl_zero(a)))
  UNARY(I64Ctz, static_cast<uint64_t>(std::countr_zero(a)))
  UNARY(I64Popcnt, static_cast<uint64_t>(std::popcount(a)))
  BINARY_S(I64DivS, {
    if (b == 0) TRAP(IntegerDivideByZero);
    if (S64(a) == INT64_MIN && S64(b) == -1) TRAP(IntegerOverflow);
    r = static_cast<uint64_t>(S64(a) / S64(b));
  })
  BINARY_S(I64DivU, {
    if (b == 0) TRAP(IntegerDivideByZero);
    r = a / b;
  })
  BINARY_S(I64RemS, {
    if (b == 0) TRAP(IntegerDivideByZero);
    r = S64(b) == -1 ? 0 : static_cast<uint64_t>(S64(a) % S64(b));
  })
  BINARY_S(I64RemU, {
    if (b == 0) TRAP(IntegerDivideByZero);
    r = a % b;
  })
  UNARY(F32Abs, U32(a) & 0x7FFFFFFFu)
  UNARY(F32Neg, U32(a) ^ 0x80000000u)
  UNARY(F32Ceil, f32_slot(numeric::wasm_ceil(as_f32(a))))
  UNARY(F32Floor, f32_slot(numeric::wasm_floor(as_f32(a))))
  UNARY(F32Trunc, f32_slot(numeric::wasm_trunc(as_f32(a))))
  UNARY(F32Nearest, f32_slot(numeric::wasm_nearest(as_f32(a))))
  UNARY(F32Sqrt, f32_slot(std::sqrt(as_f32(a))))
  BINARY(F32Add, f32_slot(as_f32(a) + as_f32(b)))
  BINARY(F32Sub, f32_slot(as_f32(a) - as_f32(b)))
  BINARY(F32Mul, f32_slot(as_f32(a) * as_f32(b)))
  BINARY(F32Div, f32_slot(as_f32(a) / as_f32(b)))
  BINARY(F32Min, f32_slot(numeric::wasm_min(as_f32(a), as_f32(b))))
  BINARY(F32Max, f32_slot(numeric::wasm_max(as_f32(a), as_f32(b))))
  BINARY(F32Copysign, (U32(a) & 0x7FFFFFFFu) | (U32(b) & 0x80000000u))
  UNARY(F64Abs, a & 0x7FFFFFFFFFFFFFFFull)
  UNARY(F64Neg, a ^ 0x8000000000000000ull)
  UNARY(F64Ceil, f64_slot(numeric::wasm_ceil(as_f64(a))))
  UNARY(F64Floor, f64_slot(numeric::wasm_floor(as_f64(a))))
  UNARY(F64Trunc, f64_slot(numeric::wasm_trunc(as_f64(a))))
  UNARY(F64Nearest, f64_slot(numeric::wasm_nearest(as_f64(a))))
  UNARY(F64Sqrt, f64_slot(std::sqrt(as_f64(a))))
  BINARY(F64Add, f64_slot(as_f64(a) + as_f64(b)))
  BINARY(F64Sub, f64_slot(as_f64(a) - as_f64(b)))
  BINARY(F64Mul, f64_slot(as_f64(a) * as_f64(b)))
  BINARY(F64Div, f64_slot(as_f64(a) / as_f64(b)))
  BINARY(F64Min, f64_slot(numeric::wasm_min(as_f64(a), as_f64(b))))
  BINARY(F64Max, f64_slot(numeric::wasm_max(as_f64(a), as_f64(b))))
  BINARY(F64Copysign, (a & 0x7FFFFFFFFFFFFFFFull) | (b & 0x8000000000000000ull))
  UNARY(I32WrapI64, U32(a))
#define TRUNC_FORM(label, a_from, I, fromslot, store)                              \
  label : {                                                                         \
    SlotPair o = pc[0].p;                                                           \
    I out;                                                                          \
    switch (numeric::trunc_checked<I>(fromslot(a_from), out)) {                     \
      case numeric::TruncStatus::Nan: TRAP(InvalidConversion);        \
      case numeric::TruncStatus::Overflow: TRAP(IntegerOverflow);                \
      case numeric::TruncStatus::Ok: break;                                         \
    }                                                                               \
    fp[o.a] = acc = store(out);                                                     \
    ++pc;                                                                           \
    NEXT();                                                                         \
  }
#define TRUNC(name, I, fromslot, store)                   \
  TRUNC_FORM(L_##name, fp[o.b], I, fromslot, store)       \
  TRUNC_FORM(L_##name##_A, acc, I, fromslot, store)
#define AS_U32(x) U32(x)
#define AS_U64(x) static_cast<uint64_t>(x)
  TRUNC(I32TruncF32S, int32_t, as_f32, AS_U32)
  TRUNC(I32TruncF32U, uint32_t, as_f32, AS_U32)
  TRUNC(I32TruncF64S, int32_t, as_f64, AS_U32)
  TRUNC(I32TruncF64U, uint32_t, as_f64, AS_U32)
  TRUNC(I64TruncF32S, int64_t, as_f32, AS_U64)
  TRUNC(I64TruncF32U, uint64_t, as_f32, AS_U64)
  TRUNC(I64TruncF64S, int64_t, as_f64, AS_U64)
  TRUNC(I64TruncF64U, uint64_t, as_f64, AS_U64)
  UNARY(I64ExtendI32S, static_cast<uint64_t>(static_cast<int64_t>(S32(a))))
  UNARY(I64ExtendI32U, U32(a))
  UNARY(F32ConvertI32S, f32_slot(static_cast<float>(S32(a))))
  UNARY(F32ConvertI32U, f32_slot(static_cast<float>(U32(a))))
  UNARY(F32ConvertI64S, f32_slot(static_cast<float>(S64(a))))
  UNARY(F32ConvertI64U, f32_slot(static_cast<float>(a)))
  UNARY(F32DemoteF64, f32_slot(static_cast<float>(as_f64(a))))
  UNARY(F64ConvertI32S, f64_slot(static_cast<double>(S32(a))))
  UNARY(F64ConvertI32U, f64_slot(static_cast<double>(U32(a))))
  UNARY(F64ConvertI64S, f64_slot(static_cast<double>(S64(a))))
  UNARY(F64ConvertI64U, f64_slot(static_cast<double>(a)))
  UNARY(F64PromoteF32, f64_slot(static_cast<double>(as_f32(a))))
  UNARY(I32ReinterpretF32, a)
  UNARY(I64ReinterpretF64, a)
  UNARY(F32ReinterpretI32, a)
  UNARY(F64ReinterpretI64, a)
  UNARY(I32Extend8S, U32(static_cast<int32_t>(static_cast<int8_t>(a))))
  UNARY(I32Extend16S, U32(static_cast<int32_t>(static_cast<int16_t>(a))))
  UNARY(I64Extend8S, static_cast<uint64_t>(static_cast<int64_t>(static_cast<int8_t>(a))))
  UNARY(I64Extend16S, static_cast<uint64_t>(static_cast<int64_t>(static_cast<int16_t>(a))))
  UNARY(I64Extend32S, static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(a))))
  UNARY(I32TruncSatF32S, U32(numeric::trunc_sat<int32_t>(as_f32(a))))
  UNARY(I32TruncSatF32U, U32(numeric::trunc_sat<uint32_t>(as_f32(a))))
  UNARY(I32TruncSatF64S, U32(numeric::trunc_sat<int32_t>(as_f64(a))))
  UNARY(I32TruncSatF64U, U32(numeric::trunc_sat<uint32_t>(as_f64(a))))
  UNARY(I64TruncSatF32S, static_cast<uint64_t>(numeric::trunc_sat<int64_t>(as_f32(a))))
  UNARY(I64TruncSatF32U, numeric::trunc_sat<uint64_t>(as_f32(a)))
  UNARY(I64TruncSatF64S, static_cast<uint64_t>(numeric::trunc_sat<int64_t>(as_f64(a))))
  UNARY(I64TruncSatF64U, numeric::trunc_sat<uint64_t>(as_f64(a)))

  // ---- SIMD -------------------------------------------------------------------------------------
#include "interp/simd_handlers.inc"

trap_uninitialized:
  // The testsuite expects the element index in this message.
  return located(trap(fmt::format("{} {}", trap_message(TrapCode::UninitializedElement), uninitialized_index)), current, pc);
do_trap:
  // invoke() restores sp_ and frame_top_ to their values at entry.
  if (trap_msg) return located(trap(trap_msg), current, pc);
  return std::unexpected(std::move(host_error));
}

}  // namespace petrel::interp
