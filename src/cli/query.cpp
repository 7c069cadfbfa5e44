// kg query: run a SPARQL 1.1 query over data files or kg's built graph.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/resource.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/graph_input.hpp"
#include "cli/project.hpp"
#include "cli/result_output.hpp"
#include "path/path.hpp"
#include "rdf/rdf.hpp"
#include "saved/expected.hpp"
#include "sparql/results/results.hpp"
#include "sparql/sparql.hpp"
#include "util/error.hpp"

namespace kg::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "FILE" or "FILE=IRI": the '=' that starts an IRI (a scheme follows it) splits the two.
std::pair<fs::path, std::string> split_named(const std::string& value) {
  for (size_t equals = value.find('='); equals != std::string::npos;
       equals = value.find('=', equals + 1)) {
    std::string iri = value.substr(equals + 1);
    size_t colon = iri.find(':');
    bool scheme = colon != std::string::npos && colon > 0 &&
                  std::isalpha(static_cast<unsigned char>(iri[0])) &&
                  iri.find_first_of("/?#") > colon;
    if (scheme) return {value.substr(0, equals), iri};
  }
  return {value, rdf::file_iri(value)};
}

struct LoadedData {
  rdf::Store store;
  sparql::Dataset dataset;
  rdf::PrefixMap prefixes;
};

void load_files(const Args& args, LoadedData& data) {
  data.prefixes = rdf::PrefixMap::standard();
  rdf::ParseOptions options;
  options.prefixes = &data.prefixes;
  for (const std::string& file : args.values("data"))
    rdf::parse_file(data.store, file, options);
  for (const std::string& value : args.values("named")) {
    auto [file, iri] = split_named(value);
    rdf::ParseOptions named = options;
    named.graph = data.store.world().iri(iri);
    rdf::parse_file(data.store, file, named);
  }
  data.dataset.store = &data.store;
  data.dataset.named_graphs = data.store.named_graphs();
}

// Counts what a run produced while passing it on.
class CountingHandler final : public sparql::ResultHandler {
 public:
  explicit CountingHandler(sparql::ResultHandler& inner) : inner_(inner) {}
  void begin_solutions(const std::vector<std::string>& variables) override {
    inner_.begin_solutions(variables);
  }
  void solution(std::span<const rdf::NodeRef> row) override {
    ++count;
    inner_.solution(row);
  }
  void end_solutions() override { inner_.end_solutions(); }
  void boolean(bool value) override {
    count = value ? 1 : 0;
    inner_.boolean(value);
  }
  void triple(rdf::NodeRef s, rdf::NodeRef p, rdf::NodeRef o) override {
    ++count;
    inner_.triple(s, p, o);
  }
  void end_graph() override { inner_.end_graph(); }

  size_t count = 0;

 private:
  sparql::ResultHandler& inner_;
};

// Output discarded: the runs before the last of --repeat do the same work but show nothing.
class NullBuffer final : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize count) override { return count; }
};

sparql::Query read_query(const Args& args) {
  sparql::ParseOptions options;
  std::string text;
  if (auto file = args.value("file")) {
    if (!args.positionals().empty())
      throw UsageError("give the query as text or with -f, not both");
    text = read_text(*file);
    options.base_iri = rdf::file_iri(*file);
    options.source_name = *file;
  } else {
    if (args.positionals().size() != 1)
      throw UsageError("expected one query (as text, or -f FILE); see --help");
    text = args.positionals()[0];
    options.source_name = "query";
  }
  return sparql::parse_query(text, options);
}

long peak_rss_kilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int run_query(const Arguments& arguments) {
  Args args("kg query [options] (QUERY | -f FILE)",
            "Runs a SPARQL 1.1 query. Without --data or --named it queries the project's built "
            "graph (exports/kg.nq), whose default graph is the union of all its graphs. Output "
            "defaults to a table on a terminal; otherwise JSON results for SELECT and ASK, and "
            "Turtle for CONSTRUCT and DESCRIBE.");
  args.positional("QUERY", "the query text")
      .option("file", "FILE", "read the query from FILE (its IRI is the query's base)", false, "f")
      .option("data", "FILE", "load FILE into the default graph (.ttl .nt .nq .trig .rdf)", true)
      .option("named", "FILE[=IRI]",
              "load FILE into a named graph: IRI, or the file's own file: IRI", true)
      .flag("check", "only check the query's syntax")
      .flag("explain", "print the algebra and the chosen plan instead of running")
      .option("repeat", "N",
              "run N times after one load; print timings as JSON on the last line of stderr");
  add_result_format_option(args);
  if (!args.parse(arguments)) return 0;
  std::optional<long> repeat = args.integer("repeat", 1, 1000000);

  sparql::Query query = read_query(args);
  if (args.has("check")) return 0;
  sparql::ResultFormat format =
      args.has("explain") ? sparql::ResultFormat::Table : choose_result_format(args, query.form);

  Clock::time_point load_start = Clock::now();
  LoadedData data;
  if (args.has("data") || args.has("named")) {
    load_files(args, data);
  } else {
    load_graph(args, data.store, data.prefixes);  // the built graph
    data.dataset = saved::union_dataset(data.store);
  }
  sparql::Dataset dataset = sparql::dataset_for_query(query, data.store, data.dataset);
  data.store.prepare_scans();
  double load_seconds = seconds_since(load_start);

  sparql::ExecOptions options;
  path::register_path_service(options);
  if (args.has("explain")) {
    std::cout << sparql::to_sse(query) << "\n" << sparql::explain(query, dataset, options);
    return 0;
  }

  rdf::PrefixMap prefixes = output_prefixes(data.prefixes, query);
  NullBuffer null_buffer;
  std::ostream null_stream(&null_buffer);
  std::vector<double> query_seconds;
  size_t rows = 0;
  long runs = repeat.value_or(1);
  for (long run = 1; run <= runs; ++run) {
    std::ostream& out = run == runs ? std::cout : null_stream;
    Clock::time_point start = Clock::now();
    auto writer = sparql::make_result_writer(format, out, prefixes);
    CountingHandler counter(*writer);
    sparql::execute(query, dataset, counter, options);
    writer.reset();  // flushes buffered output (tables, Turtle)
    out.flush();
    query_seconds.push_back(seconds_since(start));
    rows = counter.count;
  }
  if (repeat) {
    nlohmann::json stats = {{"triples", data.store.size()},
                            {"load_s", load_seconds},
                            {"query_s", query_seconds},
                            {"rows", rows},
                            {"peak_rss_mb", static_cast<double>(peak_rss_kilobytes()) / 1024.0}};
    std::cerr << stats.dump() << std::endl;
  }
  return 0;
}

}  // namespace kg::cli
