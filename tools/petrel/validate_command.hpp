#pragma once
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace petrel::tools {

void add_validate_options(CLI::App& validate, std::vector<std::string>& files);
// `petrel validate FILE…`: silent, exit 0, when every file is a valid module; otherwise one
// line per invalid file (the file, the byte offset or line:column, the spec's reason), exit 1.
int validate_command(const std::vector<std::string>& files);

}  // namespace petrel::tools
