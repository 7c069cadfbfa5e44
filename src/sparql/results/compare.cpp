#include <algorithm>

#include "sparql/results/results.hpp"
#include "sparql/results/row_matcher.hpp"

namespace kg::sparql {

namespace {

using results_detail::Cells;

std::string kind_of(const ResultTable& table) {
  if (table.boolean) return std::string("the boolean ") + (*table.boolean ? "true" : "false");
  if (table.is_graph) return "a graph";
  return "solutions";
}

std::string variable_list(std::vector<std::string> variables) {
  std::sort(variables.begin(), variables.end());
  std::string text;
  for (const std::string& variable : variables)
    text += (text.empty() ? "?" : " ?") + variable;
  return text.empty() ? "(none)" : text;
}

// The actual rows with their columns in the expected table's order.
std::vector<Cells> aligned_rows(const ResultTable& actual, const std::vector<std::string>& order) {
  std::vector<size_t> source;
  for (const std::string& variable : order)
    source.push_back(
        static_cast<size_t>(std::find(actual.variables.begin(), actual.variables.end(), variable) -
                            actual.variables.begin()));
  std::vector<Cells> rows;
  rows.reserve(actual.rows.size());
  for (const Cells& row : actual.rows) {
    Cells aligned;
    for (size_t column : source)
      aligned.push_back(column < row.size() ? row[column] : std::nullopt);
    rows.push_back(std::move(aligned));
  }
  return rows;
}

// Equal values count as equal triples when literals compare by value.
std::vector<Cells> distinct_triples(const std::vector<std::array<rdf::Term, 3>>& triples,
                                    bool literals_by_value) {
  std::vector<std::array<rdf::Term, 3>> sorted = triples;
  if (literals_by_value)
    for (auto& triple : sorted)
      triple[2] = canonical_literal(triple[2]);
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::vector<Cells> rows;
  for (auto& triple : sorted)
    rows.push_back(Cells(triple.begin(), triple.end()));
  return rows;
}

}  // namespace

std::optional<std::string> compare_results(const ResultTable& expected, const ResultTable& actual,
                                           const CompareOptions& options) {
  if (expected.boolean || actual.boolean) {
    if (expected.boolean == actual.boolean) return std::nullopt;
    return "expected " + kind_of(expected) + ", got " + kind_of(actual);
  }
  if (expected.is_graph != actual.is_graph)
    return "expected " + kind_of(expected) + ", got " + kind_of(actual);
  if (expected.is_graph)
    return compare_graphs(expected.triples, actual.triples, options.literals_by_value);

  std::vector<std::string> expected_set = expected.variables, actual_set = actual.variables;
  std::sort(expected_set.begin(), expected_set.end());
  std::sort(actual_set.begin(), actual_set.end());
  if (expected_set != actual_set)
    return "expected the variables " + variable_list(expected.variables) + ", got " +
           variable_list(actual.variables);

  results_detail::MatchRules rules;
  rules.ordered = options.ordered;
  rules.lax_cardinality = options.lax_cardinality;
  rules.literals_by_value = options.literals_by_value;
  for (const std::string& variable : options.tie_variables) {
    auto found = std::find(expected.variables.begin(), expected.variables.end(), variable);
    if (found != expected.variables.end())
      rules.tie_columns.push_back(static_cast<size_t>(found - expected.variables.begin()));
  }
  return results_detail::match_rows(expected.rows, aligned_rows(actual, expected.variables),
                                    expected.variables, false, rules);
}

std::optional<std::string> compare_results(const ResultTable& expected, const ResultTable& actual,
                                           bool ordered) {
  CompareOptions options;
  options.ordered = ordered;
  return compare_results(expected, actual, options);
}

std::optional<std::string> compare_graphs(const std::vector<std::array<rdf::Term, 3>>& expected,
                                          const std::vector<std::array<rdf::Term, 3>>& actual,
                                          bool literals_by_value) {
  static const std::vector<std::string> kColumns{"subject", "predicate", "object"};
  results_detail::MatchRules rules;
  rules.literals_by_value = literals_by_value;
  return results_detail::match_rows(distinct_triples(expected, literals_by_value),
                                    distinct_triples(actual, literals_by_value), kColumns, true,
                                    rules);
}

}  // namespace kg::sparql
