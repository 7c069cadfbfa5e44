// Internal: the per-execution state behind FunctionContext.
#pragma once

#include <string>
#include <unordered_map>

#include "sparql/func_regex.hpp"
#include "sparql/functions.hpp"

namespace kg::sparql {

struct FunctionContext::Caches {
  RegexCache regexes;
  // BNODE(str): the labels given out in the current solution, and which solution that is.
  std::unordered_map<std::string, std::string> solution_labels;
  uint64_t labels_serial = 0;
  // Makes this execution's blank node labels distinct from those of data and other runs.
  std::string label_prefix;
};

}  // namespace kg::sparql
