// kg_w3c: runs the W3C conformance suites. Usage:
//   kg_w3c [--verbose] [--no-fork] [--filter TEXT] SUITE...   SUITE: turtle, sparql10, sparql11
// SPARQL tests run in child processes, so that a crash or a hang (30 s) fails one test only;
// --no-fork runs them in this process, for debugging.
// The suites are read from $KG_W3C_DIR (default: ../shared/w3c next to the source tree).
// Exits non-zero when a test fails that tests/w3c/exclusions.txt does not list, or a listed
// test passes.
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "harness.hpp"
#include "util/error.hpp"

namespace {

using namespace kg::w3c;

std::filesystem::path suites_directory() {
  const char* configured = std::getenv("KG_W3C_DIR");
  std::filesystem::path dir = configured && *configured ? configured : KG_W3C_DEFAULT_DIR;
  if (!std::filesystem::is_directory(dir))
    throw kg::Error("W3C test suites not found at " + dir.string() +
                    " (set KG_W3C_DIR to the folder holding turtle/, sparql10/, sparql11/)");
  return dir;
}

SuiteRun run_suite(const std::string& name, const RunOptions& options) {
  if (name == "turtle") return run_turtle_suite(options);
  if (name == "sparql10" || name == "sparql11") return run_sparql_suite(name, options);
  throw kg::Error("unknown suite '" + name + "' (expected turtle, sparql10 or sparql11)");
}

int usage() {
  std::cerr
      << "usage: kg_w3c [--verbose] [--no-fork] [--filter TEXT] turtle|sparql10|sparql11...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  RunOptions options;
  std::vector<std::string> suites;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--verbose") == 0)
      options.verbose = true;
    else if (std::strcmp(argv[i], "--no-fork") == 0)
      options.isolate = false;
    else if (std::strcmp(argv[i], "--filter") == 0 && i + 1 < argc)
      options.filter = argv[++i];
    else if (argv[i][0] == '-')
      return usage();
    else
      suites.emplace_back(argv[i]);
  }
  if (suites.empty()) return usage();
  try {
    options.w3c_dir = suites_directory();
    Exclusions exclusions = read_exclusions(KG_W3C_EXCLUSIONS);
    bool all_good = true;
    for (const std::string& suite : suites)
      all_good = report(run_suite(suite, options), exclusions, options, std::cout) && all_good;
    return all_good ? 0 : 1;
  } catch (const std::exception& error) {
    std::cerr << "kg_w3c: " << error.what() << '\n';
    return 2;
  }
}
