// Join ordering for one group and the choice of join algorithm per step.
#include <utility>

#include "sparql/engine/joins.hpp"
#include "sparql/engine/leaves.hpp"
#include "sparql/engine/path.hpp"
#include "sparql/engine/relational.hpp"
#include "sparql/optimizer/planner.hpp"
#include "sparql/optimizer/rewrite.hpp"
#include "util/error.hpp"

namespace kg::sparql::optimizer {

using namespace engine;

// One operand of a join group: a triple pattern or a path (whose estimate depends on which
// of its variables earlier steps bound), or an already planned sub-pattern.
struct Planner::Item {
  enum class Kind { Triple, Path, Plan };
  Kind kind = Kind::Plan;
  std::array<PatternSlot, 3> triple;
  PatternSlot subject, object;
  CompiledPath path;
  OperatorPtr plan;
  VariableSet variables;  // bound by every result
  VariableSet possible;   // bound by some result
  // Triple: the bounds the group's range filters put on its object, for the scan to use.
  std::optional<rdf::ObjectBounds> object_bounds;
  std::optional<double> range_rows;  // the exact size of that range, where the store knows it
  bool used = false;
};

struct Planner::PendingFilter {
  Expr expr;
  VariableSet variables;
  bool placeable;  // no EXISTS: may be evaluated as soon as its variables are bound
  bool applied = false;
};

namespace {

bool is_group_operand(const Op& op) {
  return op.kind == Op::Kind::Bgp || op.kind == Op::Kind::Join;
}

}  // namespace

void Planner::collect_group(const Op& op, std::vector<Item>& items,
                            std::vector<PendingFilter>& filters, const VariableSet& seeded) {
  switch (op.kind) {
    case Op::Kind::Bgp:
      for (const TriplePattern& triple : op.triples) {
        Item item;
        item.kind = Item::Kind::Triple;
        item.triple = slots(triple);
        for (const PatternSlot& position : item.triple)
          if (position.variable) item.variables.insert(*position.variable);
        item.possible = item.variables;
        items.push_back(std::move(item));
      }
      return;
    case Op::Kind::Join:
      for (const OpPtr& child : op.children)
        collect_group(*child, items, filters, seeded);
      return;
    case Op::Kind::Path: {
      Item item;
      item.kind = Item::Kind::Path;
      item.subject = slot(op.path->subject);
      item.object = slot(op.path->object);
      item.path = compile_path(op.path->path, context_.store.world());
      for (const PatternSlot* end : {&item.subject, &item.object})
        if (end->variable) item.variables.insert(*end->variable);
      item.possible = item.variables;
      items.push_back(std::move(item));
      return;
    }
    case Op::Kind::Filter: {
      // A nested group's filter may join the enclosing group only if it cannot see a
      // variable from outside its own group: every variable it reads is bound inside.
      const Op& input = *op.children[0];
      VariableSet certain = certain_variables(input);
      bool local = is_group_operand(input);
      for (const Expr& expr : op.exprs)
        local = local && !contains_exists(expr) && expression_variables(expr).is_subset_of(certain);
      if (!local) break;
      std::vector<Expr> conjuncts;
      for (const Expr& expr : op.exprs)
        split_conjunction(expr, conjuncts);
      for (Expr& conjunct : conjuncts)
        filters.push_back({conjunct, expression_variables(conjunct), true});
      collect_group(input, items, filters, seeded);
      return;
    }
    default:
      break;
  }
  Item item;
  item.plan = build(op, seeded);
  item.variables = item.plan->certain();
  item.possible = item.plan->possible();
  items.push_back(std::move(item));
}

OperatorPtr Planner::build_join_group(const Op& op, const VariableSet& seeded) {
  std::vector<Item> items;
  std::vector<PendingFilter> filters;
  if (op.kind == Op::Kind::Filter) {
    // The group's own filters apply to the whole group whatever they read.
    std::vector<Expr> conjuncts;
    for (const Expr& expr : op.exprs)
      split_conjunction(expr, conjuncts);
    for (Expr& conjunct : conjuncts)
      filters.push_back({conjunct, expression_variables(conjunct), !contains_exists(conjunct)});
    collect_group(*op.children[0], items, filters, seeded);
  } else {
    collect_group(op, items, filters, seeded);
  }
  attach_object_bounds(items, filters);

  OperatorPtr current;
  VariableSet bound = seeded;
  // A filter is ready once each variable it reads is settled: bound in every row so far, or
  // never to be bound by the operands still to come.
  auto apply_ready_filters = [&] {
    VariableSet available = current->certain() | seeded;
    VariableSet still_bindable;
    for (const Item& item : items)
      if (!item.used) still_bindable |= item.possible;
    std::vector<Expr> ready;
    for (PendingFilter& filter : filters) {
      if (filter.applied || !filter.placeable ||
          filter.variables.without(available).intersects(still_bindable))
        continue;
      filter.applied = true;
      ready.push_back(filter.expr);
    }
    current = add_filter(current, std::move(ready));
  };

  for (size_t step = 0; step < items.size(); ++step) {
    Item& next = pick_next(items, filters, current.get(), bound);
    next.used = true;
    current = current ? join_step(current, next, bound) : item_operator(next, bound);
    bound |= next.variables;
    apply_ready_filters();
  }
  if (!current) {
    current = std::make_shared<ConstantRelation>(true);
    apply_ready_filters();
  }
  std::vector<Expr> remaining;
  for (const PendingFilter& filter : filters)
    if (!filter.applied) remaining.push_back(filter.expr);
  return add_filter(current, std::move(remaining));
}

// A scan of (?s :p ?o) may skip the objects a range filter on ?o rejects, where the store can
// find the range directly (dates, for example).
void Planner::attach_object_bounds(std::vector<Item>& items,
                                   const std::vector<PendingFilter>& filters) {
  for (Item& item : items) {
    const std::optional<Variable>& object = item.triple[2].variable;
    if (item.kind != Item::Kind::Triple || item.triple[1].variable || !object) continue;
    std::vector<Expr> conjuncts;
    for (const PendingFilter& filter : filters)
      if (filter.placeable && filter.variables.to_vector() == std::vector<Variable>{*object})
        conjuncts.push_back(filter.expr);
    item.object_bounds = comparison_bounds(*object, conjuncts);
    if (!item.object_bounds) continue;
    if (auto range =
            context_.store.match_object_range(item.triple[1].constant, *item.object_bounds)) {
      double rows = 0;
      for (auto quad = range->begin(); quad != range->end(); ++quad)
        ++rows;
      item.range_rows = rows;
    }
  }
}

// Greedy: the operand giving the smallest intermediate result, among those sharing a variable
// with what is bound so far (cartesian products only when nothing else is left).
Planner::Item& Planner::pick_next(std::vector<Item>& items,
                                  const std::vector<PendingFilter>& filters,
                                  const Operator* current, const VariableSet& bound) {
  Item* best = nullptr;
  bool best_connected = false;
  double best_rows = 0;
  for (Item& item : items) {
    if (item.used) continue;
    bool connected =
        item.variables.empty() || item.variables.intersects(bound) || (!current && bound.empty());
    double rows = item_rows(item, bound) * filter_selectivity(filters, bound | item.variables);
    if (current && item.kind == Item::Kind::Plan && connected)
      rows = std::max(rows, current->estimate().rows);
    else if (current)
      rows *= current->estimate().rows;
    if (!best || (connected && !best_connected) ||
        (connected == best_connected && rows < best_rows)) {
      best = &item;
      best_connected = connected;
      best_rows = rows;
    }
  }
  if (!best) throw Error("join ordering ran out of operands");
  return *best;
}

// Filters an operand would make ready count too: each is guessed to keep a third of the rows,
// as in Filter's own estimate.
double Planner::filter_selectivity(const std::vector<PendingFilter>& filters,
                                   const VariableSet& bound) {
  double selectivity = 1;
  for (const PendingFilter& filter : filters)
    if (!filter.applied && filter.placeable && filter.variables.is_subset_of(bound))
      selectivity /= 3;
  return selectivity;
}

double Planner::item_rows(const Item& item, const VariableSet& bound) {
  switch (item.kind) {
    case Item::Kind::Triple:
      if (std::optional<double> rows = bounded_rows(item, bound)) return *rows;
      return cardinality_.triple_pattern(item.triple, bound);
    case Item::Kind::Path:
      return cardinality_.path(item.subject, item.path, item.object, bound);
    case Item::Kind::Plan:
      return item.plan->estimate().rows;
  }
  return 1;
}

// The exact size of a bounded object range, when the scan would read it alone.
std::optional<double> Planner::bounded_rows(const Item& item, const VariableSet& bound) {
  bool alone = item.triple[0].variable && !bound.contains(*item.triple[0].variable) &&
               !bound.contains(*item.triple[2].variable);
  return alone ? item.range_rows : std::nullopt;
}

OperatorPtr Planner::item_operator(Item& item, const VariableSet& bound) {
  double rows = item_rows(item, bound);
  Estimate estimate{rows, rows + kLookupCost};
  switch (item.kind) {
    case Item::Kind::Triple:
      return std::make_shared<IndexScan>(item.triple, estimate, item.object_bounds);
    case Item::Kind::Path:
      return std::make_shared<PathScan>(item.subject, item.path, item.object, estimate);
    case Item::Kind::Plan:
      return item.plan;
  }
  return item.plan;
}

// Bind join: one index lookup per left row, costing kLookupCost plus the rows it finds. Hash
// join: the operand read once on its own, both sides hashed or probed once.
OperatorPtr Planner::join_step(OperatorPtr current, Item& item, const VariableSet& bound) {
  const Estimate& left = current->estimate();
  bool connected = item.variables.empty() || item.variables.intersects(bound);
  if (item.kind == Item::Kind::Plan) {
    const Estimate& right = item.plan->estimate();
    double rows = connected ? std::max(left.rows, right.rows) : left.rows * right.rows;
    if (item.plan->accepts_bindings() && left.rows <= 1)
      return std::make_shared<BindJoin>(current, item.plan,
                                        Estimate{rows, left.cost + left.rows * right.cost});
    return std::make_shared<HashJoin>(
        current, item.plan, left.rows < right.rows,
        Estimate{rows, left.cost + right.cost + left.rows + right.rows});
  }
  double per_binding = item_rows(item, bound);
  double alone = item_rows(item, bound.without(item.variables));
  double bind_cost = left.rows * (kLookupCost + per_binding);
  double hash_cost = alone + kLookupCost + left.rows + alone;
  double rows = connected ? left.rows * per_binding : left.rows * alone;
  if (connected && bind_cost <= hash_cost)
    return std::make_shared<BindJoin>(current, item_operator(item, bound),
                                      Estimate{rows, left.cost + bind_cost});
  OperatorPtr operand = item_operator(item, bound.without(item.variables));
  return std::make_shared<HashJoin>(current, operand, left.rows < alone,
                                    Estimate{rows, left.cost + hash_cost});
}

// OPTIONAL: a bind left join when the optional part accepts bindings and looking it up per
// left row is cheaper than reading it whole; a hash left join otherwise.
OperatorPtr Planner::build_left_join(const Op& op, const VariableSet& seeded) {
  OperatorPtr left = build(*op.children[0], seeded);
  const Estimate& outer = left->estimate();
  auto filter_for = [&](const OperatorPtr& right) {
    VariableSet saved = std::exchange(expression_bound_, left->certain() | right->certain());
    auto filter = std::make_shared<const CompiledFilter>(op.exprs, *this);
    expression_bound_ = std::move(saved);
    return filter;
  };
  if (!optimize_) {
    OperatorPtr right = build(*op.children[1], seeded);
    Estimate estimate{std::max(outer.rows, outer.rows * right->estimate().rows),
                      outer.cost + right->estimate().cost + outer.rows * right->estimate().rows};
    return std::make_shared<LeftJoin>(left, right, op.exprs, filter_for(right),
                                      LeftJoin::Method::NestedLoop, estimate);
  }
  OperatorPtr by_row = build(*op.children[1], seeded | left->certain());
  OperatorPtr whole = build(*op.children[1], seeded);
  const Estimate& per_row = by_row->estimate();
  const Estimate& alone = whole->estimate();
  double bind_cost = outer.rows * (kLookupCost + per_row.cost);
  double hash_cost = alone.cost + alone.rows + outer.rows;
  if (by_row->accepts_bindings() && bind_cost <= hash_cost)
    return std::make_shared<LeftJoin>(
        left, by_row, op.exprs, filter_for(by_row), LeftJoin::Method::Bind,
        Estimate{outer.rows * std::max(1.0, per_row.rows), outer.cost + bind_cost});
  return std::make_shared<LeftJoin>(
      left, whole, op.exprs, filter_for(whole), LeftJoin::Method::Hash,
      Estimate{std::max(outer.rows, alone.rows), outer.cost + hash_cost});
}

}  // namespace kg::sparql::optimizer
