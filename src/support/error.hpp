// Errors are values: every fallible operation across layers returns Result<T>.
#pragma once
#include <cstdint>
#include <expected>
#include <string>

namespace petrel {

// Where an error was found: a byte offset in a binary module, or a line:column in text.
struct SourcePos {
  enum class Kind : uint8_t { None, Offset, LineCol } kind = Kind::None;
  uint64_t offset = 0;
  uint32_t line = 0, column = 0;

  static SourcePos at_offset(uint64_t off) { return {Kind::Offset, off, 0, 0}; }
  static SourcePos at_line(uint32_t l, uint32_t c) { return {Kind::LineCol, 0, l, c}; }
  std::string to_string() const;
};

// What went wrong, in the spec's wording (the testsuite compares message prefixes).
struct Error {
  // Exit is not a failure: the guest called proc_exit, and `exit_code` holds its status.
  enum class Kind : uint8_t { Malformed, Invalid, Unlinkable, Trap, Io, Usage, Exit } kind;
  std::string message;
  SourcePos pos;
  int32_t exit_code = 0;
  // For traps: where the guest was, e.g. "function fib, offset 0x4f" (empty when unknown).
  std::string where{};

  // "offset 0x1f: unexpected end" / "3:14: unknown operator" / "unexpected end".
  std::string describe() const;
};

template <typename T>
using Result = std::expected<T, Error>;

// Early returns for Result-returning code, the one set every layer uses:
//   PETREL_TRY(x, expr);        declares x as expr's value, or returns expr's error;
//   PETREL_TRY_ASSIGN(x, expr); the same into an existing x;
//   PETREL_CHECK(expr);         returns expr's error, if any (for Result<void> and the like).
// Values and errors are moved, never copied.
#define PETREL_TRY(var, expr)                                             \
  auto var##_result_ = (expr);                                            \
  if (!var##_result_) return std::unexpected(std::move(var##_result_.error())); \
  auto var = std::move(*var##_result_)
#define PETREL_TRY_ASSIGN(var, expr)                                    \
  do {                                                                  \
    auto petrel_result_ = (expr);                                       \
    if (!petrel_result_) return std::unexpected(std::move(petrel_result_.error())); \
    var = std::move(*petrel_result_);                                   \
  } while (0)
#define PETREL_CHECK(expr)                                              \
  do {                                                                  \
    auto petrel_result_ = (expr);                                       \
    if (!petrel_result_) return std::unexpected(std::move(petrel_result_.error())); \
  } while (0)

inline std::unexpected<Error> malformed(std::string msg, SourcePos pos = {}) {
  return std::unexpected(Error{Error::Kind::Malformed, std::move(msg), pos});
}
inline std::unexpected<Error> invalid(std::string msg, SourcePos pos = {}) {
  return std::unexpected(Error{Error::Kind::Invalid, std::move(msg), pos});
}

}  // namespace petrel
