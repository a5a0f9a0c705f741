// The runtime's log: --log FILE (text, or JSON lines with --log-format json, as containerd's
// shim reads them), and stderr for errors so that a person at a terminal sees them too.
#pragma once
#include <string>

namespace petrel::oci {

enum class LogLevel { Debug, Info, Warning, Error };

void configure_log(const std::string& path, bool json, bool debug);
void log(LogLevel level, const std::string& message);
// Logs an error and prints "petrel-oci: MESSAGE" on stderr.
void report_error(const std::string& message);

}  // namespace petrel::oci
