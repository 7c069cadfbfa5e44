// The kg subcommands. Each takes its arguments (after the command name) and returns the exit
// status; errors in the input are thrown as kg::Error, mistakes in the call as UsageError.
#pragma once

#include <string>
#include <vector>

namespace kg::cli {

using Arguments = std::vector<std::string>;

int run_build(const Arguments& arguments);
int run_validate(const Arguments& arguments);
int run_export(const Arguments& arguments);
int run_query(const Arguments& arguments);
int run_path(const Arguments& arguments);
int run_stats(const Arguments& arguments);
int run_saved(const Arguments& arguments);

}  // namespace kg::cli
