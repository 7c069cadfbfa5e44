#include "saved/expected.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "path/sparql_service.hpp"
#include "saved/binding.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"

namespace kg::saved {

namespace fs = std::filesystem;
using sparql::ResultTable;

namespace {

// The query's own ORDER BY, under its slice, distinct and projection; null without one.
const sparql::Op* top_order(const sparql::Query& query) {
  for (const sparql::Op* op = query.pattern.get(); op; op = op->children[0].get()) {
    switch (op->kind) {
      case sparql::Op::Kind::OrderBy:
        return op;
      case sparql::Op::Kind::Slice:
      case sparql::Op::Kind::Distinct:
      case sparql::Op::Kind::Reduced:
      case sparql::Op::Kind::Project:
        continue;
      default:
        return nullptr;
    }
  }
  return nullptr;
}

std::string row_key(const std::vector<std::optional<rdf::Term>>& row) {
  std::string key;
  for (const std::optional<rdf::Term>& cell : row)
    key += (cell ? cell->to_ntriples() : std::string()) + '\t';
  return key;
}

std::string triple_key(const std::array<rdf::Term, 3>& triple) {
  return triple[0].to_ntriples() + ' ' + triple[1].to_ntriples() + ' ' + triple[2].to_ntriples();
}

// Feeds a collected answer back through a result writer (which wants interned nodes).
void replay(const ResultTable& answer, sparql::ResultHandler& writer) {
  rdf::World world;
  auto node = [&](const rdf::Term& term) { return world.intern(term); };
  if (answer.boolean) return writer.boolean(*answer.boolean);
  if (answer.is_graph) {
    for (const auto& triple : answer.triples)
      writer.triple(node(triple[0]), node(triple[1]), node(triple[2]));
    return writer.end_graph();
  }
  writer.begin_solutions(answer.variables);
  std::vector<rdf::NodeRef> nodes;
  for (const auto& row : answer.rows) {
    nodes.clear();
    for (const std::optional<rdf::Term>& cell : row)
      nodes.push_back(cell ? node(*cell) : rdf::NodeRef());
    writer.solution(nodes);
  }
  writer.end_solutions();
}

// Each row (or triple) of an answer as one line of text.
std::vector<std::string> answer_lines(const ResultTable& answer, const rdf::PrefixMap& prefixes) {
  std::vector<std::string> lines;
  if (answer.boolean) lines.push_back(*answer.boolean ? "true" : "false");
  for (const auto& triple : answer.triples)
    lines.push_back(display_term(triple[0], prefixes) + " " + display_term(triple[1], prefixes) +
                    " " + display_term(triple[2], prefixes) + " .");
  for (const auto& row : answer.rows) {
    std::string line;
    for (size_t i = 0; i < row.size() && i < answer.variables.size(); ++i)
      if (row[i])
        line += (line.empty() ? "?" : "  ?") + answer.variables[i] + "=" +
                display_term(*row[i], prefixes);
    lines.push_back(line.empty() ? "(empty row)" : line);
  }
  return lines;
}

}  // namespace

sparql::Dataset union_dataset(rdf::Store& store) {
  sparql::Dataset dataset;
  dataset.store = &store;
  dataset.union_default_graph = true;
  dataset.named_graphs = store.named_graphs();
  return dataset;
}

sparql::ExecOptions saved_query_options() {
  sparql::ExecOptions options;
  path::register_path_service(options);
  return options;
}

ResultTable collect_answer(const sparql::Query& query, const sparql::Dataset& dataset) {
  sparql::ResultCollector collector;
  sparql::execute(query, dataset, collector, saved_query_options());
  return collector.take();
}

DocumentedRun run_documented(const SavedQuery& saved, const sparql::Dataset& dataset) {
  DocumentedRun run{bind_parameters(saved, expectation_parameters(saved)), {}};
  run.answer = collect_answer(run.bound, dataset);
  return run;
}

sparql::CompareOptions comparison_for(const sparql::Query& query) {
  sparql::CompareOptions options;
  const sparql::Op* order = top_order(query);
  if (!order) return options;
  options.ordered = true;
  for (const sparql::OrderCondition& condition : order->order) {
    // A key the answer does not show (an expression, or a variable left out of SELECT) can
    // order rows that agree on every key it shows: then only the exact sequence is checked.
    bool shown = condition.expr.kind == sparql::Expr::Kind::Variable &&
                 std::find(query.projection.begin(), query.projection.end(),
                           condition.expr.variable) != query.projection.end();
    if (!shown) {
      options.tie_variables.clear();
      break;
    }
    options.tie_variables.push_back(query.name(condition.expr.variable));
  }
  return options;
}

std::string expected_file_text(const ResultTable& answer, const sparql::Query& query) {
  ResultTable sorted = answer;
  if (!comparison_for(query).ordered)
    std::stable_sort(sorted.rows.begin(), sorted.rows.end(),
                     [](const auto& a, const auto& b) { return row_key(a) < row_key(b); });
  std::sort(sorted.triples.begin(), sorted.triples.end(),
            [](const auto& a, const auto& b) { return triple_key(a) < triple_key(b); });
  std::ostringstream text;
  auto format = sorted.is_graph ? sparql::ResultFormat::NTriples : sparql::ResultFormat::Json;
  {
    auto writer = sparql::make_result_writer(format, text, rdf::PrefixMap());
    replay(sorted, *writer);
  }
  return text.str();
}

ResultTable read_expected(const SavedQuery& saved) {
  fs::path file = saved.expected_file();
  std::error_code error;
  if (!fs::is_regular_file(file, error))
    throw Error(file.string() + ": no expected answer yet (write it with 'kg run " + saved.name +
                " --update-expected' after checking the answer)");
  return sparql::read_result_file(file);
}

std::optional<std::string> compare_with_expected(const SavedQuery& saved, const ResultTable& actual,
                                                 const sparql::Query& bound_query) {
  ResultTable expected = read_expected(saved);
  if (expected.is_graph) return sparql::compare_graphs(expected.triples, actual.triples);
  return sparql::compare_results(expected, actual, comparison_for(bound_query));
}

std::string describe_changes(const ResultTable& before, const ResultTable& after,
                             const rdf::PrefixMap& prefixes) {
  std::map<std::string, int> balance;  // > 0: added, < 0: removed
  for (const std::string& line : answer_lines(before, prefixes))
    --balance[line];
  for (const std::string& line : answer_lines(after, prefixes))
    ++balance[line];
  std::string removed, added;
  for (const auto& [line, count] : balance) {
    for (int i = 0; i < -count; ++i)
      removed += "- " + line + "\n";
    for (int i = 0; i < count; ++i)
      added += "+ " + line + "\n";
  }
  std::string changes = removed + added;
  if (before.variables != after.variables && !before.is_graph && !after.is_graph &&
      !before.boolean && !after.boolean) {
    auto joined = [](const std::vector<std::string>& names) {
      std::string text;
      for (const std::string& name : names)
        text += " ?" + name;
      return text;
    };
    changes =
        "~ variables" + joined(before.variables) + " ->" + joined(after.variables) + "\n" + changes;
  }
  return changes;
}

}  // namespace kg::saved
