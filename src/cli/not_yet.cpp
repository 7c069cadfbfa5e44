// Commands whose layers have not landed yet. Each says so and fails, rather than pretending.
#include "cli/commands.hpp"
#include "util/error.hpp"

namespace kg::cli {

namespace {
[[noreturn]] void unavailable(const char* command) {
  throw Error(std::string("'kg ") + command + "' is not available in this build yet");
}
}  // namespace

int run_query(const Arguments&) {
  unavailable("query");
}

}  // namespace kg::cli
