// Runs one test in a child process, so that an engine that crashes or loops forever fails
// that test instead of ending the whole run.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace kg::w3c {

struct IsolatedResult {
  bool passed = false;
  std::string reason;
};

// `test` returns "" on success, else why it failed. With `isolate` false it runs in this
// process (for debuggers).
IsolatedResult run_isolated(const std::function<std::string()>& test, std::chrono::seconds limit,
                            bool isolate);

}  // namespace kg::w3c
