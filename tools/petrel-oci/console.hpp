// process.terminal: a pseudo-terminal whose master end goes to the engine over
// --console-socket (SCM_RIGHTS), and whose slave end becomes the container's stdio and
// controlling terminal.
#pragma once
#include <string>

#include "errors.hpp"

namespace petrel::oci {

Result<void> setup_console(const std::string& console_socket);

}  // namespace petrel::oci
