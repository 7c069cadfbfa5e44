// A small command-line parser: each command declares its options, gets --help for free, and
// turns usage mistakes into one-line errors.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kg::cli {

class Args {
 public:
  // usage: "kg query [options] (QUERY | -f FILE)"; summary: one paragraph shown by --help.
  Args(std::string usage, std::string summary);

  // Declares an option taking a value ("--data FILE"); repeatable ones collect every value.
  Args& option(std::string name, std::string value_name, std::string help, bool repeatable = false,
               std::string short_name = {});
  Args& flag(std::string name, std::string help, std::string short_name = {});
  // Declares positional arguments for --help only; parse() accepts any number.
  Args& positional(std::string name, std::string help);

  // Returns false if --help was asked for (help is then printed to stdout).
  // Throws UsageError on unknown options or missing values.
  bool parse(const std::vector<std::string>& arguments);

  bool has(std::string_view name) const;
  std::optional<std::string> value(std::string_view name) const;
  std::vector<std::string> values(std::string_view name) const;
  // An integer option, checked for range; throws UsageError naming the option.
  std::optional<long> integer(std::string_view name, long minimum, long maximum) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

  std::string help() const;

 private:
  struct Spec {
    std::string name, short_name, value_name, help;
    bool takes_value = false, repeatable = false;
  };
  const Spec* find(std::string_view name) const;

  std::string usage_, summary_;
  std::vector<Spec> specs_;
  std::vector<std::pair<std::string, std::string>> positional_help_;
  std::map<std::string, std::vector<std::string>, std::less<>> given_;
  std::vector<std::string> positionals_;
};

// A mistake in how a command was called: exit status 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace kg::cli
