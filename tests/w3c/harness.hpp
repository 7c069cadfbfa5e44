// The conformance harness: what each suite runner returns, and how results are judged against
// the list of known failures (exclusions.txt).
#pragma once

#include <filesystem>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "manifest.hpp"

namespace kg::w3c {

struct Outcome {
  TestEntry test;
  bool passed = false;
  std::string reason;  // why it failed
};

struct SuiteRun {
  std::string name;
  std::vector<Outcome> outcomes;
  // Tests the suite holds but kg does not take part in yet, by category, e.g. "update".
  std::map<std::string, size_t> not_in_scope;
};

struct RunOptions {
  std::filesystem::path w3c_dir;
  std::string filter;    // only tests whose IRI contains this
  bool verbose = false;  // also list the excluded (known) failures
  bool isolate = true;   // run each SPARQL test in a child process (--no-fork: in this one)
};

// Test IRI -> why it is known to fail. Lines: IRI, whitespace, reason; '#' starts a comment.
using Exclusions = std::map<std::string, std::string>;
Exclusions read_exclusions(const std::filesystem::path& path);

// Prints failures, unexpected passes, per-folder counts and the summary line; true when every
// failure is excluded and no excluded test passes.
bool report(const SuiteRun& run, const Exclusions& exclusions, const RunOptions& options,
            std::ostream& out);

SuiteRun run_turtle_suite(const RunOptions& options);
// `name` is "sparql10" or "sparql11": the folder, whose manifest.ttl is run.
SuiteRun run_sparql_suite(const std::string& name, const RunOptions& options);

// A failure reason on one line, and not too long to read.
std::string one_line(std::string text);

}  // namespace kg::w3c
