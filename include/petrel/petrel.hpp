// Petrel's C++ API: RAII types over the stable C API (wasm.h + petrel.h), so that programs
// built with any C++20 compiler link against libpetrel's C ABI alone.
//
//   petrel::Engine engine;                       // shared by threads
//   petrel::Store store(engine);                 // one per thread
//   auto module = petrel::Module::from_wat(store, "(module (func (export \"add\") …))");
//   auto instance = petrel::Instance::create(store, *module, {});
//   auto add = instance->func<int32_t(int32_t, int32_t)>("add");  // checked against the wasm type
//   petrel::Result<int32_t> sum = (*add)(2, 3);
//
// Errors are values: every fallible call returns petrel::Result<T>, which holds a T or a
// petrel::Error (a std::expected-like type usable before C++23). Nothing throws. Host functions
// are plain lambdas; their wasm signature is deduced from the lambda's parameter and return
// types (int32_t, int64_t, float, double; several results as std::tuple; a Result<R> return
// value turns an error into a trap).
//
// Threads: an Engine may be shared by any number of threads; a Store and everything made in it
// (modules, instances, functions, memories) belongs to one thread at a time. Store::interrupt
// may be called from any thread.
#ifndef PETREL_PETREL_HPP
#define PETREL_PETREL_HPP

#include <petrel.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace petrel {
// The API's names live in an inline namespace: user code says petrel::Engine, while the
// mangled names stay apart from libpetrel's internal petrel:: types, which a static link
// (libpetrel.a) brings into the same program.
inline namespace api_v1 {

// ---- errors and results -------------------------------------------------------------------------

struct Error {
  enum class Kind {
    Load,           // the module could not be read, decoded or validated
    Link,           // instantiation failed: a missing or mismatched import
    Signature,      // a typed view does not match the wasm type
    NotFound,       // no export of that name and kind
    Bounds,         // a memory access outside the memory
    Trap,           // a wasm trap (or an error returned by a host function)
    FuelExhausted,
    Interrupted,
    Deadline,
    Exit,           // WASI proc_exit: see exit_status
  };
  Kind kind;
  std::string message;
  int exit_status = 0;
};

// A value or an Error, like C++23's std::expected<T, Error>.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}
  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }
  T value_or(T other) const { return has_value() ? value() : std::move(other); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : e_(std::move(error)) {}
  bool has_value() const { return !e_; }
  explicit operator bool() const { return has_value(); }
  const Error& error() const { return *e_; }

 private:
  std::optional<Error> e_;
};

namespace detail {

template <typename T, void (*Delete)(T*)>
struct Deleter {
  void operator()(T* p) const {
    if (p) Delete(p);
  }
};
template <typename T, void (*Delete)(T*)>
using Owned = std::unique_ptr<T, Deleter<T, Delete>>;

inline std::string to_string(const wasm_byte_vec_t& v) {
  std::string s(v.data, v.size);
  if (!s.empty() && s.back() == '\0') s.pop_back();
  return s;
}

// Takes ownership of a trap and turns it into an Error.
inline Error take_trap(wasm_trap_t* trap) {
  wasm_message_t msg;
  wasm_trap_message(trap, &msg);
  Error e{Error::Kind::Trap, to_string(msg), 0};
  wasm_byte_vec_delete(&msg);
  switch (petrel_trap_kind(trap)) {
    case PETREL_TRAP_FUEL_EXHAUSTED: e.kind = Error::Kind::FuelExhausted; break;
    case PETREL_TRAP_INTERRUPTED: e.kind = Error::Kind::Interrupted; break;
    case PETREL_TRAP_DEADLINE: e.kind = Error::Kind::Deadline; break;
    case PETREL_TRAP_EXIT:
      e.kind = Error::Kind::Exit;
      petrel_trap_exit_status(trap, &e.exit_status);
      break;
    default: break;
  }
  wasm_trap_delete(trap);
  return e;
}

// The wasm value types that C++ types stand for.
template <typename T>
struct ValKind;
template <> struct ValKind<int32_t> { static constexpr wasm_valkind_t kind = WASM_I32; };
template <> struct ValKind<uint32_t> { static constexpr wasm_valkind_t kind = WASM_I32; };
template <> struct ValKind<int64_t> { static constexpr wasm_valkind_t kind = WASM_I64; };
template <> struct ValKind<uint64_t> { static constexpr wasm_valkind_t kind = WASM_I64; };
template <> struct ValKind<float> { static constexpr wasm_valkind_t kind = WASM_F32; };
template <> struct ValKind<double> { static constexpr wasm_valkind_t kind = WASM_F64; };

template <typename T>
wasm_val_t to_val(T v) {
  wasm_val_t out{};
  out.kind = ValKind<T>::kind;
  if constexpr (ValKind<T>::kind == WASM_I32) out.of.i32 = static_cast<int32_t>(v);
  else if constexpr (ValKind<T>::kind == WASM_I64) out.of.i64 = static_cast<int64_t>(v);
  else if constexpr (ValKind<T>::kind == WASM_F32) out.of.f32 = v;
  else out.of.f64 = v;
  return out;
}

template <typename T>
T from_val(const wasm_val_t& v) {
  if constexpr (ValKind<T>::kind == WASM_I32) return static_cast<T>(v.of.i32);
  else if constexpr (ValKind<T>::kind == WASM_I64) return static_cast<T>(v.of.i64);
  else if constexpr (ValKind<T>::kind == WASM_F32) return v.of.f32;
  else return v.of.f64;
}

// Results: void, one value, or a std::tuple of values.
template <typename R>
struct Results {
  static constexpr size_t count = 1;
  static void kinds(wasm_valkind_t* out) { out[0] = ValKind<R>::kind; }
  static R unpack(const wasm_val_t* v) { return from_val<R>(v[0]); }
  static void pack(const R& r, wasm_val_t* out) { out[0] = to_val(r); }
};
template <>
struct Results<void> {
  static constexpr size_t count = 0;
  static void kinds(wasm_valkind_t*) {}
};
template <typename... Ts>
struct Results<std::tuple<Ts...>> {
  static constexpr size_t count = sizeof...(Ts);
  static void kinds(wasm_valkind_t* out) {
    size_t i = 0;
    ((out[i++] = ValKind<Ts>::kind), ...);
  }
  static std::tuple<Ts...> unpack(const wasm_val_t* v) {
    return unpack_at(v, std::index_sequence_for<Ts...>{});
  }
  template <size_t... I>
  static std::tuple<Ts...> unpack_at(const wasm_val_t* v, std::index_sequence<I...>) {
    return std::tuple<Ts...>(from_val<Ts>(v[I])...);
  }
  static void pack(const std::tuple<Ts...>& r, wasm_val_t* out) {
    std::apply([&](const Ts&... x) {
      size_t i = 0;
      ((out[i++] = to_val(x)), ...);
    }, r);
  }
};

template <typename R, typename... A>
wasm_functype_t* make_functype() {
  wasm_valtype_t* params[sizeof...(A) + 1] = {wasm_valtype_new(ValKind<A>::kind)..., nullptr};
  wasm_valkind_t result_kinds[Results<R>::count + 1];
  Results<R>::kinds(result_kinds);
  wasm_valtype_t* results[Results<R>::count + 1];
  for (size_t i = 0; i < Results<R>::count; ++i) results[i] = wasm_valtype_new(result_kinds[i]);
  wasm_valtype_vec_t pv, rv;
  wasm_valtype_vec_new(&pv, sizeof...(A), params);
  wasm_valtype_vec_new(&rv, Results<R>::count, results);
  return wasm_functype_new(&pv, &rv);
}

template <typename R, typename... A>
bool matches(const wasm_functype_t* type) {
  const wasm_valtype_vec_t* params = wasm_functype_params(type);
  const wasm_valtype_vec_t* results = wasm_functype_results(type);
  wasm_valkind_t want_params[sizeof...(A) + 1] = {ValKind<A>::kind..., 0};
  wasm_valkind_t want_results[Results<R>::count + 1];
  Results<R>::kinds(want_results);
  if (params->size != sizeof...(A) || results->size != Results<R>::count) return false;
  for (size_t i = 0; i < params->size; ++i)
    if (wasm_valtype_kind(params->data[i]) != want_params[i]) return false;
  for (size_t i = 0; i < results->size; ++i)
    if (wasm_valtype_kind(results->data[i]) != want_results[i]) return false;
  return true;
}

template <typename T>
struct IsResult : std::false_type {};
template <typename T>
struct IsResult<Result<T>> : std::true_type {
  using type = T;
};

// The signature of a lambda or function object, from its operator().
template <typename F>
struct Signature : Signature<decltype(&F::operator())> {};
template <typename C, typename R, typename... A>
struct Signature<R (C::*)(A...) const> {
  using result = R;
  using args = std::tuple<A...>;
};
template <typename C, typename R, typename... A>
struct Signature<R (C::*)(A...)> {
  using result = R;
  using args = std::tuple<A...>;
};
template <typename R, typename... A>
struct Signature<R (*)(A...)> {
  using result = R;
  using args = std::tuple<A...>;
};

}  // namespace detail

// ---- engine and store -----------------------------------------------------------------------------

class Config {
 public:
  Config() : c_(wasm_config_new()) {}
  // Counts fuel (one unit per wasm instruction) and honours interrupts and deadlines.
  Config& metering(bool on) & {
    petrel_config_set_metering(c_.get(), on);
    return *this;
  }
  Config&& metering(bool on) && { return std::move(metering(on)); }
  Config& max_memory_pages(uint32_t pages) & {
    petrel_config_set_max_memory_pages(c_.get(), pages);
    return *this;
  }
  Config&& max_memory_pages(uint32_t pages) && { return std::move(max_memory_pages(pages)); }

 private:
  friend class Engine;
  detail::Owned<wasm_config_t, wasm_config_delete> c_;
};

class Engine {
 public:
  Engine() : e_(wasm_engine_new()) {}
  explicit Engine(Config config) : e_(wasm_engine_new_with_config(config.c_.release())) {}
  wasm_engine_t* get() const { return e_.get(); }

 private:
  detail::Owned<wasm_engine_t, wasm_engine_delete> e_;
};

struct Stats {
  uint64_t fuel_consumed, host_calls, memory_bytes, wall_time_ns, calls;
};

class Store {
 public:
  explicit Store(Engine& engine) : s_(wasm_store_new(engine.get())) {}
  wasm_store_t* get() const { return s_.get(); }
  // Fuel (metered engines): false when the engine is not metered.
  bool set_fuel(uint64_t fuel) { return petrel_store_set_fuel(s_.get(), fuel); }
  std::optional<uint64_t> fuel() const {
    uint64_t f = 0;
    return petrel_store_get_fuel(s_.get(), &f) ? std::optional<uint64_t>(f) : std::nullopt;
  }
  // Guest code stops with Error::Kind::Deadline once `timeout` has passed (metered engines).
  bool set_deadline(std::chrono::nanoseconds timeout) {
    return petrel_store_set_deadline(s_.get(), static_cast<uint64_t>(timeout.count()));
  }
  // From any thread: running guest code stops with Error::Kind::Interrupted.
  void interrupt() { petrel_store_interrupt(s_.get()); }
  Stats stats() const {
    petrel_stats_t s;
    petrel_store_stats(s_.get(), &s);
    return {s.fuel_consumed, s.host_calls, s.memory_bytes, s.wall_time_ns, s.calls};
  }

 private:
  detail::Owned<wasm_store_t, wasm_store_delete> s_;
};

// ---- modules --------------------------------------------------------------------------------------

class Module {
 public:
  static Result<Module> from_file(Store& store, const std::string& path) {
    wasm_message_t error{};
    wasm_module_t* m = petrel_module_new_from_file(store.get(), path.c_str(), &error);
    return finish(m, error);
  }
  static Result<Module> from_wat(Store& store, std::string_view text) {
    wasm_message_t error{};
    wasm_module_t* m = petrel_module_new_from_wat(store.get(), text.data(), text.size(), &error);
    return finish(m, error);
  }
  static Result<Module> from_binary(Store& store, std::span<const std::byte> bytes) {
    wasm_byte_vec_t v{bytes.size(), reinterpret_cast<byte_t*>(const_cast<std::byte*>(bytes.data()))};
    wasm_module_t* m = wasm_module_new(store.get(), &v);
    if (!m) return Error{Error::Kind::Load, "the module could not be decoded or validated", 0};
    return Module(m);
  }
  const wasm_module_t* get() const { return m_.get(); }

 private:
  explicit Module(wasm_module_t* m) : m_(m) {}
  static Result<Module> finish(wasm_module_t* m, wasm_message_t& error) {
    if (m) return Module(m);
    Error e{Error::Kind::Load, error.size ? detail::to_string(error) : std::string("cannot load the module"), 0};
    if (error.size) wasm_byte_vec_delete(&error);
    return e;
  }
  detail::Owned<wasm_module_t, wasm_module_delete> m_;
};

// ---- functions ----------------------------------------------------------------------------------

template <typename Sig>
class TypedFunc;

// A function of an instance, called with the types of its wasm signature.
template <typename R, typename... A>
class TypedFunc<R(A...)> {
 public:
  Result<R> operator()(A... args) const {
    wasm_val_t in[sizeof...(A) + 1] = {detail::to_val(args)...};
    wasm_val_t out[detail::Results<R>::count + 1] = {};
    wasm_val_vec_t in_vec{sizeof...(A), in}, out_vec{detail::Results<R>::count, out};
    if (wasm_trap_t* trap = wasm_func_call(f_, &in_vec, &out_vec)) return detail::take_trap(trap);
    if constexpr (std::is_void_v<R>) return Result<void>();
    else return detail::Results<R>::unpack(out);
  }

 private:
  friend class Instance;
  explicit TypedFunc(const wasm_func_t* f) : f_(f) {}
  const wasm_func_t* f_;
};

// A host function made from a lambda (or any function object); its wasm type is deduced.
class HostFunc {
 public:
  template <typename F>
  HostFunc(Store& store, F fn) {
    using Sig = detail::Signature<F>;
    make(store, std::move(fn), static_cast<typename Sig::result*>(nullptr), static_cast<typename Sig::args*>(nullptr));
  }
  wasm_extern_t* as_extern() const { return wasm_func_as_extern(f_.get()); }

 private:
  template <typename F, typename Ret, typename... A>
  void make(Store& store, F fn, Ret*, std::tuple<A...>*) {
    using R = typename std::conditional_t<detail::IsResult<Ret>::value, detail::IsResult<Ret>, std::type_identity<Ret>>::type;
    struct Env {
      F fn;
      wasm_store_t* store;
    };
    auto callback = [](void* env, const wasm_val_vec_t* args, wasm_val_vec_t* results) -> wasm_trap_t* {
      Env& e = *static_cast<Env*>(env);
      auto call = [&]<size_t... I>(std::index_sequence<I...>) {
        return e.fn(detail::from_val<std::decay_t<A>>(args->data[I])...);
      };
      if constexpr (detail::IsResult<Ret>::value) {
        Ret r = call(std::index_sequence_for<A...>{});
        if (!r) {
          wasm_message_t msg;
          wasm_name_new_from_string_nt(&msg, r.error().message.c_str());
          wasm_trap_t* trap = wasm_trap_new(e.store, &msg);
          wasm_byte_vec_delete(&msg);
          return trap;
        }
        if constexpr (!std::is_void_v<R>) detail::Results<R>::pack(*r, results->data);
      } else if constexpr (std::is_void_v<R>) {
        call(std::index_sequence_for<A...>{});
      } else {
        detail::Results<R>::pack(call(std::index_sequence_for<A...>{}), results->data);
      }
      return nullptr;
    };
    detail::Owned<wasm_functype_t, wasm_functype_delete> type(detail::make_functype<R, std::decay_t<A>...>());
    f_.reset(wasm_func_new_with_env(store.get(), type.get(), callback, new Env{std::move(fn), store.get()},
                                    [](void* env) { delete static_cast<Env*>(env); }));
  }
  detail::Owned<wasm_func_t, wasm_func_delete> f_;
};

// ---- memories and globals -----------------------------------------------------------------------

// A linear memory of an instance. Spans and views are invalidated by grow().
class Memory {
 public:
  std::span<std::byte> bytes() const {
    return {reinterpret_cast<std::byte*>(wasm_memory_data(m_)), wasm_memory_data_size(m_)};
  }
  uint32_t pages() const { return wasm_memory_size(m_); }
  bool grow(uint32_t delta) { return wasm_memory_grow(m_, delta); }

  // Bounds-checked typed access (little-endian, as wasm stores values; any alignment).
  template <typename T>
  Result<T> read(uint64_t offset) const {
    static_assert(std::is_trivially_copyable_v<T>);
    if (!fits(offset, sizeof(T))) return out_of_bounds(offset, sizeof(T));
    T v;
    std::memcpy(&v, bytes().data() + offset, sizeof(T));
    return v;
  }
  template <typename T>
  Result<void> write(uint64_t offset, const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (!fits(offset, sizeof(T))) return out_of_bounds(offset, sizeof(T));
    std::memcpy(bytes().data() + offset, &v, sizeof(T));
    return {};
  }
  // COUNT elements of T at OFFSET, which must be aligned for T.
  template <typename T>
  Result<std::span<T>> view(uint64_t offset, size_t count) const {
    static_assert(std::is_trivially_copyable_v<T>);
    if (count > SIZE_MAX / sizeof(T) || !fits(offset, count * sizeof(T))) return out_of_bounds(offset, count * sizeof(T));
    std::byte* p = bytes().data() + offset;
    if (reinterpret_cast<uintptr_t>(p) % alignof(T) != 0)
      return Error{Error::Kind::Bounds, "offset " + std::to_string(offset) + " is not aligned for the view's type", 0};
    return std::span<T>(reinterpret_cast<T*>(p), count);
  }

 private:
  friend class Instance;
  explicit Memory(wasm_memory_t* m) : m_(m) {}
  bool fits(uint64_t offset, uint64_t size) const {
    uint64_t n = wasm_memory_data_size(m_);
    return offset <= n && size <= n - offset;
  }
  Error out_of_bounds(uint64_t offset, uint64_t size) const {
    return {Error::Kind::Bounds,
            "access of " + std::to_string(size) + " byte(s) at " + std::to_string(offset) + " is outside the memory (" +
                std::to_string(wasm_memory_data_size(m_)) + " bytes)",
            0};
  }
  wasm_memory_t* m_;
};

// A global of an instance, read and written as the C++ type of its wasm type.
class Global {
 public:
  template <typename T>
  Result<T> get() const {
    if (auto e = check<T>(false)) return *e;
    wasm_val_t v;
    wasm_global_get(g_, &v);
    return detail::from_val<T>(v);
  }
  template <typename T>
  Result<void> set(T value) {
    if (auto e = check<T>(true)) return *e;
    wasm_val_t v = detail::to_val(value);
    wasm_global_set(g_, &v);
    return {};
  }

 private:
  friend class Instance;
  explicit Global(wasm_global_t* g) : g_(g) {}
  template <typename T>
  std::optional<Error> check(bool writing) const {
    detail::Owned<wasm_globaltype_t, wasm_globaltype_delete> type(wasm_global_type(g_));
    if (wasm_valtype_kind(wasm_globaltype_content(type.get())) != detail::ValKind<T>::kind)
      return Error{Error::Kind::Signature, "the global's wasm type is not the C++ type asked for", 0};
    if (writing && wasm_globaltype_mutability(type.get()) != WASM_VAR)
      return Error{Error::Kind::Signature, "the global is immutable", 0};
    return std::nullopt;
  }
  wasm_global_t* g_;
};

// ---- instances ----------------------------------------------------------------------------------

// An import for Instance::create: what MODULE.NAME of the module's imports is bound to.
struct Import {
  std::string module, name;
  wasm_extern_t* value;
  Import(std::string m, std::string n, const HostFunc& f) : module(std::move(m)), name(std::move(n)), value(f.as_extern()) {}
  Import(std::string m, std::string n, wasm_extern_t* e) : module(std::move(m)), name(std::move(n)), value(e) {}
};

// WASI settings for Instance::with_wasi.
class Wasi {
 public:
  Wasi() : w_(petrel_wasi_new()) {}
  Wasi&& args(const std::vector<std::string>& argv) && { return std::move(args(argv)); }
  Wasi& args(const std::vector<std::string>& argv) & {
    std::vector<const char*> p;
    for (const auto& a : argv) p.push_back(a.c_str());
    petrel_wasi_set_args(w_.get(), static_cast<int>(p.size()), p.data());
    return *this;
  }
  Wasi&& env(const std::string& name, const std::string& value) && { return std::move(env(name, value)); }
  Wasi& env(const std::string& name, const std::string& value) & {
    petrel_wasi_set_env(w_.get(), name.c_str(), value.c_str());
    return *this;
  }
  Wasi&& preopen(const std::string& guest_path, const std::string& host_path, bool readonly) && { return std::move(preopen(guest_path, host_path, readonly)); }
  Wasi& preopen(const std::string& guest_path, const std::string& host_path, bool readonly = false) & {
    petrel_wasi_preopen_dir(w_.get(), guest_path.c_str(), host_path.c_str(), readonly);
    return *this;
  }
  Wasi&& stdio(int in, int out, int err) && { return std::move(stdio(in, out, err)); }
  Wasi& stdio(int in, int out, int err) & {
    petrel_wasi_set_stdio(w_.get(), in, out, err);
    return *this;
  }
  Wasi&& allow_net(bool allow) && { return std::move(allow_net(allow)); }
  Wasi& allow_net(bool allow = true) & {
    petrel_wasi_allow_net(w_.get(), allow);
    return *this;
  }

 private:
  friend class Instance;
  detail::Owned<petrel_wasi_t, petrel_wasi_delete> w_;
};

class Instance {
 public:
  // Binds the module's imports by MODULE.NAME from `imports` (extra entries are ignored).
  static Result<Instance> create(Store& store, const Module& module, const std::vector<Import>& imports) {
    wasm_importtype_vec_t wanted;
    wasm_module_imports(module.get(), &wanted);
    std::vector<wasm_extern_t*> bound;
    std::string missing;
    for (size_t i = 0; i < wanted.size; ++i) {
      std::string mod = detail::to_string(*wasm_importtype_module(wanted.data[i]));
      std::string name = detail::to_string(*wasm_importtype_name(wanted.data[i]));
      wasm_extern_t* found = nullptr;
      for (const Import& imp : imports)
        if (imp.module == mod && imp.name == name) found = imp.value;
      if (!found && missing.empty()) missing = mod + "." + name;
      bound.push_back(found);
    }
    wasm_importtype_vec_delete(&wanted);
    if (!missing.empty()) return Error{Error::Kind::Link, "unknown import: nothing given for " + missing, 0};
    wasm_extern_vec_t import_vec{bound.size(), bound.data()};
    wasm_trap_t* trap = nullptr;
    wasm_instance_t* inst = wasm_instance_new(store.get(), module.get(), &import_vec, &trap);
    return finish(inst, trap, module);
  }
  // A module that imports WASI (and nothing else).
  static Result<Instance> with_wasi(Store& store, const Module& module, Wasi wasi) {
    wasm_trap_t* trap = nullptr;
    wasm_instance_t* inst = petrel_instance_new_with_wasi(store.get(), module.get(), wasi.w_.release(), &trap);
    return finish(inst, trap, module);
  }

  // The exported function NAME, if its wasm type is Sig (e.g. int32_t(int32_t, int32_t)).
  template <typename Sig>
  Result<TypedFunc<Sig>> func(std::string_view name) const {
    return typed<Sig>(name, static_cast<Sig*>(nullptr));
  }
  Result<Memory> memory(std::string_view name = "memory") const {
    wasm_extern_t* e = find(name, WASM_EXTERN_MEMORY);
    if (!e) return not_found("memory", name);
    return Memory(wasm_extern_as_memory(e));
  }
  Result<Global> global(std::string_view name) const {
    wasm_extern_t* e = find(name, WASM_EXTERN_GLOBAL);
    if (!e) return not_found("global", name);
    return Global(wasm_extern_as_global(e));
  }
  // Runs a WASI command's _start: its exit status (0 when _start returns), or the trap.
  Result<int> run_wasi_start() {
    wasm_trap_t* trap = nullptr;
    int status = petrel_wasi_run_start(i_.get(), &trap);
    if (trap) return detail::take_trap(trap);
    return status;
  }
  wasm_instance_t* get() const { return i_.get(); }

 private:
  struct ExportsDeleter {
    void operator()(wasm_extern_vec_t* v) const {
      wasm_extern_vec_delete(v);
      delete v;
    }
  };
  Instance(wasm_instance_t* inst, const Module& module) : i_(inst), exports_(new wasm_extern_vec_t) {
    wasm_instance_exports(inst, exports_.get());
    wasm_exporttype_vec_t types;
    wasm_module_exports(module.get(), &types);
    for (size_t i = 0; i < types.size; ++i) names_.push_back(detail::to_string(*wasm_exporttype_name(types.data[i])));
    wasm_exporttype_vec_delete(&types);
  }
  static Result<Instance> finish(wasm_instance_t* inst, wasm_trap_t* trap, const Module& module) {
    if (trap) {
      Error e = detail::take_trap(trap);
      if (e.kind == Error::Kind::Trap && !inst) e.kind = Error::Kind::Link;
      if (inst) wasm_instance_delete(inst);
      return e;
    }
    if (!inst) return Error{Error::Kind::Link, "instantiation failed", 0};
    return Instance(inst, module);
  }
  wasm_extern_t* find(std::string_view name, wasm_externkind_t kind) const {
    for (size_t i = 0; i < names_.size() && i < exports_->size; ++i)
      if (names_[i] == name && wasm_extern_kind(exports_->data[i]) == kind) return exports_->data[i];
    return nullptr;
  }
  static Error not_found(const char* what, std::string_view name) {
    return {Error::Kind::NotFound, std::string("no exported ") + what + " \"" + std::string(name) + "\"", 0};
  }
  template <typename Sig, typename R, typename... A>
  Result<TypedFunc<Sig>> typed(std::string_view name, R (*)(A...)) const {
    wasm_extern_t* e = find(name, WASM_EXTERN_FUNC);
    if (!e) return not_found("function", name);
    const wasm_func_t* f = wasm_extern_as_func(e);
    detail::Owned<wasm_functype_t, wasm_functype_delete> type(wasm_func_type(f));
    if (!detail::matches<R, A...>(type.get()))
      return Error{Error::Kind::Signature, "function \"" + std::string(name) + "\" has another wasm type", 0};
    return TypedFunc<Sig>(f);
  }
  detail::Owned<wasm_instance_t, wasm_instance_delete> i_;
  std::unique_ptr<wasm_extern_vec_t, ExportsDeleter> exports_;
  std::vector<std::string> names_;
};

inline std::string_view version() { return petrel_version(); }

}  // namespace api_v1
}  // namespace petrel

#endif  // PETREL_PETREL_HPP
