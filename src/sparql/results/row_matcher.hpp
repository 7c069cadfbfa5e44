// Matching two bags of rows whose cells may hold blank nodes, up to a one-to-one relabelling
// of the blank nodes: the core of comparing solution sequences and graphs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rdf/term.hpp"

namespace kg::sparql::results_detail {

using Cells = std::vector<std::optional<rdf::Term>>;

struct MatchRules {
  bool ordered = false;
  // With ordered: consecutive expected rows agreeing on these columns may come in any order.
  std::vector<size_t> tie_columns;
  bool lax_cardinality = false;
  // Compare literals by their canonical_literal forms.
  bool literals_by_value = false;
};

// Nothing when some relabelling of blank nodes makes `actual` equal `expected` under the
// rules, else a description of the first difference. Both sides have the same columns;
// messages show rows as "{ ?name=term ... }", or as N-Triples lines when `triples`.
std::optional<std::string> match_rows(const std::vector<Cells>& expected,
                                      const std::vector<Cells>& actual,
                                      const std::vector<std::string>& column_names, bool triples,
                                      const MatchRules& rules);

}  // namespace kg::sparql::results_detail
