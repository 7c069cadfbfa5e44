// kg run: list, run and check the saved queries in queries/ (docs/saved-queries.md).
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/graph_input.hpp"
#include "cli/project.hpp"
#include "cli/result_output.hpp"
#include "saved/binding.hpp"
#include "saved/expected.hpp"
#include "saved/saved_query.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"

namespace kg::cli {

namespace {

namespace fs = std::filesystem;

std::string parameter_usage(const saved::Parameter& parameter, const rdf::PrefixMap& prefixes) {
  std::string usage = "--param " + parameter.name + "=VALUE";
  if (parameter.optional) {
    usage += "  (optional)";
  } else if (parameter.default_value) {
    usage += "  (default " + saved::display_term(*parameter.default_value, prefixes) + ")";
  } else {
    usage += "  (required)";
  }
  if (parameter.example) usage += "  e.g. " + saved::display_term(*parameter.example, prefixes);
  return usage;
}

void list_saved_queries(const fs::path& dir) {
  for (const fs::path& file : saved::saved_query_files(dir)) {
    saved::SavedQuery query = saved::read_saved_query(file);
    rdf::PrefixMap prefixes = saved::value_prefixes(query.query);
    std::cout << query.name << "  " << query.title << "\n";
    for (const saved::Parameter& parameter : query.parameters)
      std::cout << "    " << parameter_usage(parameter, prefixes) << "\n      "
                << parameter.description << "\n";
  }
}

// Compares each saved query (or the ones named) with its committed expected answer.
int check_expected(const Args& args, const fs::path& dir) {
  std::vector<fs::path> files;
  for (const std::string& name : args.positionals())
    files.push_back(saved::find_saved_query(dir, name).file);
  if (files.empty()) files = saved::saved_query_files(dir);
  rdf::Store store;
  rdf::PrefixMap prefixes;
  load_graph(args, store, prefixes);
  sparql::Dataset dataset = saved::union_dataset(store);
  size_t differing = 0;
  for (const fs::path& file : files) {
    saved::SavedQuery query = saved::read_saved_query(file);
    saved::DocumentedRun run = saved::run_documented(query, dataset);
    auto difference = saved::compare_with_expected(query, run.answer, run.bound);
    std::cout << (difference ? "DIFFERS " : "ok      ") << query.name
              << (difference ? ": " + *difference : "") << "\n";
    differing += difference ? 1 : 0;
  }
  std::cout << files.size() - differing << " passed, " << differing << " failed\n";
  return differing == 0 ? 0 : 1;
}

// Rewrites the expected answer of one saved query and says what changed.
int update_expected(const Args& args, const saved::SavedQuery& query) {
  rdf::Store store;
  rdf::PrefixMap prefixes;
  load_graph(args, store, prefixes);
  saved::DocumentedRun run = saved::run_documented(query, saved::union_dataset(store));
  fs::path file = query.expected_file();
  std::error_code error;
  if (fs::exists(file, error)) {
    if (!saved::compare_with_expected(query, run.answer, run.bound)) {
      std::cout << file.string() << ": unchanged\n";
      return 0;
    }
    std::string changes = saved::describe_changes(saved::read_expected(query), run.answer,
                                                  output_prefixes(prefixes, run.bound));
    std::cout << (changes.empty() ? "~ the same rows in a new order\n" : changes);
  }
  write_file_atomically(file, saved::expected_file_text(run.answer, run.bound));
  size_t count = run.answer.rows.size() + run.answer.triples.size();
  std::cout << "wrote " << file.string() << " (" << count
            << (run.answer.is_graph ? " triples" : " rows") << ")\n";
  return 0;
}

int run_one(const Args& args, const saved::SavedQuery& query) {
  sparql::Query bound =
      saved::bind_parameters(query, saved::resolve_parameters(query, args.values("param")));
  sparql::ResultFormat format = choose_result_format(args, bound.form);
  rdf::Store store;
  rdf::PrefixMap prefixes;
  load_graph(args, store, prefixes);
  auto writer = sparql::make_result_writer(format, std::cout, output_prefixes(prefixes, bound));
  sparql::execute(bound, saved::union_dataset(store), *writer, saved::saved_query_options());
  writer.reset();  // flushes what the writer buffers (tables, Turtle)
  std::cout.flush();
  return 0;
}

void reject_with_expectations(const Args& args, const char* mode) {
  for (const char* option : {"param", "format", "data"})
    if (args.has(option))
      throw UsageError(std::string(mode) + " uses the documented parameters and the built " +
                       "graph; --" + option + " does not apply");
}

}  // namespace

int run_saved(const Arguments& arguments) {
  Args args("kg run (--list | --check [NAME...] | NAME [--param NAME=VALUE]... [options])",
            "Runs a saved query from queries/ against the built graph (the union of all its\n"
            "graphs as the default graph), or against --data files. Parameter values are\n"
            "RDF terms: <IRI>, prefix:name, or a literal such as \"2024-05\"^^xsd:gYearMonth,\n"
            "\"Beef\"@en or 42. --list shows every query with its parameters.");
  args.positional("NAME", "the saved query queries/NAME.rq")
      .flag("list", "list the saved queries: name, title, parameters")
      .option("param", "NAME=VALUE", "bind parameter NAME to the RDF term VALUE", true);
  add_result_format_option(args);
  add_data_option(args);
  args.flag("update-expected",
            "rewrite queries/NAME.expected.* with NAME's answer for its documented "
            "parameters, and print what changed")
      .flag("check", "compare saved queries' answers with their expected answers");
  if (!args.parse(arguments)) return 0;
  fs::path dir = locate_project().queries_dir();
  const std::vector<std::string>& names = args.positionals();

  if (args.has("list")) {
    if (!names.empty() || args.has("check") || args.has("update-expected"))
      throw UsageError("--list takes no other arguments");
    list_saved_queries(dir);
    return 0;
  }
  if (args.has("check")) {
    if (args.has("update-expected")) throw UsageError("--check and --update-expected conflict");
    reject_with_expectations(args, "--check");
    return check_expected(args, dir);
  }
  if (names.size() != 1)
    throw UsageError(names.empty()
                         ? "expected a saved query NAME (kg run --list shows them)"
                         : "expected one saved query NAME, got " + std::to_string(names.size()));
  saved::SavedQuery query = saved::find_saved_query(dir, names.front());
  if (args.has("update-expected")) {
    reject_with_expectations(args, "--update-expected");
    return update_expected(args, query);
  }
  return run_one(args, query);
}

}  // namespace kg::cli
