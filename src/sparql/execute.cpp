// execute() and explain(): plan the query's pattern, then drive the plan for the query form.
#include <unordered_set>

#include "sparql/engine/forms.hpp"
#include "sparql/engine/leaves.hpp"
#include "sparql/optimizer/planner.hpp"
#include "sparql/sparql.hpp"

namespace kg::sparql {

namespace {

engine::OperatorPtr plan_query(optimizer::Planner& planner, const Query& query) {
  if (!query.pattern) return std::make_shared<engine::ConstantRelation>(true);
  return planner.plan_pattern(*query.pattern);
}

}  // namespace

void execute(const Query& query, const Dataset& dataset, ResultHandler& handler,
             const ExecOptions& options) {
  engine::ExecContext context(query, dataset, options);
  optimizer::Planner planner(context, options.optimize);
  engine::OperatorPtr plan = plan_query(planner, query);
  switch (query.form) {
    case QueryForm::Select:
      engine::run_select(*plan, context, handler);
      return;
    case QueryForm::Ask:
      engine::run_ask(*plan, context, handler);
      return;
    case QueryForm::Construct:
      engine::run_construct(*plan, context, handler);
      return;
    case QueryForm::Describe:
      engine::run_describe(*plan, context, handler);
      return;
  }
}

std::string explain(const Query& query, const Dataset& dataset, const ExecOptions& options) {
  engine::ExecContext context(query, dataset, options);
  optimizer::Planner planner(context, options.optimize);
  return optimizer::format_plan(*plan_query(planner, query), query);
}

}  // namespace kg::sparql
