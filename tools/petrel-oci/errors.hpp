// petrel-oci's errors are the project's: Result<T> and Error (support/error.hpp), of two kinds.
//   Usage: what the command line, the bundle's config.json or the container's state asks for
//          is wrong or not supported (an unknown signal, a container that is not running, a
//          user namespace);
//   Io:    the system refused or failed (a file, a mount, a system call, the container process).
// The message is what the runtime prints after "petrel-oci: " and logs; it has no position.
#pragma once
#include <string>

#include "support/error.hpp"

namespace petrel::oci {

inline std::unexpected<Error> usage_error(std::string msg) {
  return std::unexpected(Error{Error::Kind::Usage, std::move(msg), {}});
}
inline std::unexpected<Error> io_error(std::string msg) {
  return std::unexpected(Error{Error::Kind::Io, std::move(msg), {}});
}

}  // namespace petrel::oci
