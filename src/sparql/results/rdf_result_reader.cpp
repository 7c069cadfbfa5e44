// Result files by extension, and result sets written in RDF with the DAWG result-set
// vocabulary (rs:ResultSet, rs:solution, rs:binding, rs:index, rs:boolean); an RDF file
// without an rs:ResultSet is a graph (a CONSTRUCT answer).
#include <algorithm>
#include <map>

#include "rdf/reader.hpp"
#include "rdf/store.hpp"
#include "rdf/vocabulary.hpp"
#include "rdf/writer.hpp"
#include "sparql/results/reader_base.hpp"
#include "util/atomic_file.hpp"

namespace kg::sparql {

namespace {

constexpr std::string_view kRs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";

class ResultSetReader {
 public:
  ResultSetReader(rdf::Store& store, std::string source)
      : store_(store), world_(store.world()), source_(std::move(source)) {}

  // Nothing if the store holds no rs:ResultSet.
  std::optional<ResultTable> read() {
    rdf::NodeRef result_set = find_result_set();
    if (!result_set) return std::nullopt;
    ResultTable table;
    for (rdf::NodeRef variable : objects(result_set, "resultVariable"))
      table.variables.emplace_back(variable.value());
    std::sort(table.variables.begin(), table.variables.end());
    if (rdf::NodeRef boolean = object(result_set, "boolean")) {
      table.boolean = boolean.value() == "true" || boolean.value() == "1";
      return table;
    }
    read_solutions(result_set, table);
    return table;
  }

 private:
  rdf::NodeRef rs(std::string_view local) {
    return world_.iri(std::string(kRs) + std::string(local));
  }

  std::vector<rdf::NodeRef> objects(rdf::NodeRef subject, std::string_view property) {
    std::vector<rdf::NodeRef> found;
    for (const rdf::Quad& quad : store_.match(subject, rs(property), {}, {}))
      found.push_back(quad.object);
    return found;
  }

  rdf::NodeRef object(rdf::NodeRef subject, std::string_view property) {
    std::vector<rdf::NodeRef> found = objects(subject, property);
    return found.empty() ? rdf::NodeRef() : found.front();
  }

  rdf::NodeRef find_result_set() {
    rdf::NodeRef type = world_.iri(rdf::vocab::kRdfType);
    for (const rdf::Quad& quad : store_.match({}, type, rs("ResultSet"), {}))
      return quad.subject;
    return {};
  }

  void read_solutions(rdf::NodeRef result_set, ResultTable& table) {
    // A variable only some binding names is still a column, so the comparison can report it.
    std::vector<std::pair<long, std::vector<std::pair<std::string, rdf::Term>>>> solutions;
    for (rdf::NodeRef solution : objects(result_set, "solution")) {
      rdf::NodeRef index = object(solution, "index");
      if (index) table.ordered = true;
      std::vector<std::pair<std::string, rdf::Term>> bindings;
      for (rdf::NodeRef binding : objects(solution, "binding")) {
        rdf::NodeRef variable = object(binding, "variable"), value = object(binding, "value");
        if (!variable || !value)
          throw Error(source_ + ": an rs:binding lacks rs:variable or rs:value");
        bindings.emplace_back(std::string(variable.value()), value.to_term());
        if (std::find(table.variables.begin(), table.variables.end(), variable.value()) ==
            table.variables.end())
          table.variables.emplace_back(variable.value());
      }
      solutions.emplace_back(index ? std::atol(std::string(index.value()).c_str()) : 0,
                             std::move(bindings));
    }
    std::stable_sort(solutions.begin(), solutions.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [index, bindings] : solutions) {
      results_detail::RowBuilder row(table.variables);
      for (auto& [variable, value] : bindings)
        if (!row.bind(variable, std::move(value)))
          throw Error(source_ + ": variable '" + variable + "' bound twice in one rs:solution");
      table.rows.push_back(row.take());
    }
  }

  rdf::Store& store_;
  rdf::World& world_;
  std::string source_;
};

ResultTable read_rdf_results(const std::filesystem::path& path, const std::string& base_iri) {
  rdf::Store store;
  rdf::ParseOptions options;
  options.base_iri = base_iri;
  rdf::parse_file(store, path, options);
  if (auto table = ResultSetReader(store, path.string()).read()) return std::move(*table);
  ResultTable graph;
  graph.is_graph = true;
  for (const rdf::Quad& quad : rdf::quads_of(store))
    graph.triples.push_back(
        {quad.subject.to_term(), quad.predicate.to_term(), quad.object.to_term()});
  return graph;
}

}  // namespace

ResultTable read_result_file(const std::filesystem::path& path, const std::string& base_iri) {
  std::string extension = rdf::lowercase_ascii(path.extension().string());
  std::string name = path.string();
  if (extension == ".srx" || extension == ".xml") return read_srx(read_file(path), name);
  if (extension == ".srj" || extension == ".json") return read_srj(read_file(path), name);
  if (extension == ".csv") return read_csv(read_file(path), name);
  if (extension == ".tsv") return read_tsv(read_file(path), name);
  if (extension == ".ttl" || extension == ".nt" || extension == ".rdf")
    return read_rdf_results(path, base_iri);
  throw Error(name + ": unknown result format (expected .srx, .srj, .csv, .tsv, .ttl, .nt, .rdf)");
}

}  // namespace kg::sparql
