// Specialised evaluators for the expression shapes that filters apply to every row of a scan:
// LANG(?x) = "tag" and REGEX with a constant pattern. They give exactly what the general path
// (the function library on Values) gives, without building Values for the constants and the
// intermediate strings, and without looking the regular expression up per row. The planner
// uses them only when optimising, so the unoptimised evaluation stays their reference.
#pragma once

#include <optional>
#include <unordered_map>

#include "sparql/engine/expression.hpp"

namespace kg::sparql::engine {

// nullptr when expr has none of the shapes; it is then compiled the general way.
CompiledExprPtr compile_specialised(const Expr& expr, PatternPlanner& planner);

// Remembers a filter's verdict per node of the one variable it reads, for filters that read a
// single variable and whose result depends on nothing else (no EXISTS, no RAND, BNODE, UUID).
// Scans repeat nodes often (dates, years, types), and a verdict looked up costs less than the
// node's literal parsed again. Where nodes rarely repeat it switches itself off.
class VerdictMemo {
 public:
  // The variable the conjuncts read, if they qualify.
  static std::optional<Variable> single_variable(const std::vector<Expr>& conjuncts);

  explicit VerdictMemo(Variable variable) : slot_(variable.id) {}

  // The remembered verdict for the row's node, or nullopt (then call remember()).
  std::optional<bool> recall(const NodeRef* row);
  void remember(const NodeRef* row, bool verdict);

 private:
  static constexpr size_t kTrialLookups = 4096;
  static constexpr size_t kMaxEntries = size_t{1} << 20;

  uint32_t slot_;
  std::unordered_map<NodeRef, bool> verdicts_;
  size_t lookups_ = 0, hits_ = 0;
  bool enabled_ = true;
};

}  // namespace kg::sparql::engine
