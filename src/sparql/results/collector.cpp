#include "sparql/results/results.hpp"

namespace kg::sparql {

void ResultCollector::begin_solutions(const std::vector<std::string>& variables) {
  table_.variables = variables;
}

void ResultCollector::solution(std::span<const rdf::NodeRef> row) {
  std::vector<std::optional<rdf::Term>> cells;
  cells.reserve(row.size());
  for (rdf::NodeRef node : row)
    cells.push_back(node ? std::optional<rdf::Term>(node.to_term()) : std::nullopt);
  table_.rows.push_back(std::move(cells));
}

void ResultCollector::triple(rdf::NodeRef subject, rdf::NodeRef predicate, rdf::NodeRef object) {
  table_.triples.push_back({subject.to_term(), predicate.to_term(), object.to_term()});
}

}  // namespace kg::sparql
