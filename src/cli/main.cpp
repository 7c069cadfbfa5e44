// kg: a knowledge-graph store. This file only dispatches to the subcommands.
#include <cstring>
#include <exception>
#include <iostream>
#include <string_view>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "util/error.hpp"

namespace {

struct Command {
  std::string_view name;
  int (*run)(const kg::cli::Arguments&);
  std::string_view summary;
};

constexpr Command kCommands[] = {
    {"build", kg::cli::run_build, "seeds JSON -> validated RDF graph -> exports/"},
    {"validate", kg::cli::run_validate, "check a graph against the ontology"},
    {"export", kg::cli::run_export, "write the built graph as Turtle, N-Triples, N-Quads or TriG"},
    {"query", kg::cli::run_query, "run a SPARQL 1.1 query"},
    {"path", kg::cli::run_path, "shortest connections between two entities"},
    {"stats", kg::cli::run_stats, "counts, components and the most central entities"},
    {"run", kg::cli::run_saved, "list or run the saved queries in queries/"},
};

void print_usage(std::ostream& out) {
  out << "usage: kg COMMAND [options]   (kg COMMAND --help for its options)\n\ncommands:\n";
  for (const Command& command : kCommands)
    out << "  " << command.name << std::string(10 - command.name.size(), ' ') << command.summary
        << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(std::cerr);
    return 2;
  }
  std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(std::cout);
    return 0;
  }
  kg::cli::Arguments arguments(argv + 2, argv + argc);
  for (const Command& command : kCommands) {
    if (command.name != name) continue;
    try {
      return command.run(arguments);
    } catch (const kg::cli::UsageError& error) {
      std::cerr << "kg " << name << ": " << error.what() << "\n";
      return 2;
    } catch (const kg::Error& error) {
      std::cerr << "kg " << name << ": " << error.what() << "\n";
      return 1;
    } catch (const std::exception& error) {
      std::cerr << "kg " << name << ": internal error: " << error.what() << "\n";
      return 3;
    }
  }
  std::cerr << "kg: unknown command '" << name << "'\n";
  print_usage(std::cerr);
  return 2;
}
