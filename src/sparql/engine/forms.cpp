#include "sparql/engine/forms.hpp"

#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace kg::sparql::engine {

namespace {

template <typename Consumer>
void for_each_row(const Operator& plan, ExecContext& context, Consumer&& consume) {
  CursorPtr cursor = plan.open(context, Frame{context.empty_row(), &context.default_graph()});
  RowBatch batch(context.width);
  while (cursor->next(batch)) {
    for (size_t i = 0; i < batch.size(); ++i)
      consume(batch.row(i));
    batch.clear();
  }
}

struct TripleHash {
  size_t operator()(const std::tuple<NodeRef, NodeRef, NodeRef>& triple) const {
    std::hash<NodeRef> hash;
    return hash(std::get<0>(triple)) * 31 * 31 + hash(std::get<1>(triple)) * 31 +
           hash(std::get<2>(triple));
  }
};

// Hands each distinct triple to the handler once.
class TripleEmitter {
 public:
  explicit TripleEmitter(ResultHandler& handler) : handler_(handler) {}
  void emit(NodeRef subject, NodeRef predicate, NodeRef object) {
    if (seen_.emplace(subject, predicate, object).second)
      handler_.triple(subject, predicate, object);
  }

 private:
  ResultHandler& handler_;
  std::unordered_set<std::tuple<NodeRef, NodeRef, NodeRef>, TripleHash> seen_;
};

}  // namespace

void run_select(const Operator& plan, ExecContext& context, ResultHandler& handler) {
  const Query& query = context.query;
  std::vector<std::string> names;
  for (Variable variable : query.projection)
    names.push_back(query.name(variable));
  handler.begin_solutions(names);
  std::vector<NodeRef> projected(query.projection.size());
  for_each_row(plan, context, [&](const NodeRef* row) {
    for (size_t i = 0; i < projected.size(); ++i)
      projected[i] = row[query.projection[i].id];
    handler.solution(projected);
  });
  handler.end_solutions();
}

void run_ask(const Operator& plan, ExecContext& context, ResultHandler& handler) {
  CursorPtr cursor = plan.open(context, Frame{context.empty_row(), &context.default_graph()});
  RowBatch first(context.width, 1);
  handler.boolean(cursor->next(first));
}

void run_construct(const Operator& plan, ExecContext& context, ResultHandler& handler) {
  const Query& query = context.query;
  rdf::World& world = context.store.world();
  // Template positions: a constant node, a variable, or a blank node (fresh per solution).
  struct Position {
    NodeRef constant;
    std::optional<Variable> variable;
    std::optional<std::string> blank;
  };
  std::vector<std::array<Position, 3>> positions;
  for (const TriplePattern& triple : query.construct_template) {
    std::array<Position, 3> instance;
    const PatternTerm* terms[3] = {&triple.subject, &triple.predicate, &triple.object};
    for (size_t i = 0; i < 3; ++i) {
      if (terms[i]->is_variable()) {
        Variable variable = terms[i]->variable();
        if (query.variables[variable.id].hidden)
          instance[i].blank = "v" + std::to_string(variable.id);
        else
          instance[i].variable = variable;
      } else if (terms[i]->term().is_blank()) {
        instance[i].blank = "b" + terms[i]->term().value;
      } else {
        instance[i].constant = world.intern(terms[i]->term());
      }
    }
    positions.push_back(instance);
  }

  TripleEmitter emitter(handler);
  std::unordered_map<std::string, NodeRef> blanks;
  for_each_row(plan, context, [&](const NodeRef* row) {
    blanks.clear();
    auto resolve = [&](const Position& position) -> NodeRef {
      if (position.variable) return row[position.variable->id];
      if (!position.blank) return position.constant;
      NodeRef& fresh = blanks[*position.blank];
      if (!fresh) fresh = world.fresh_blank();
      return fresh;
    };
    for (const auto& instance : positions) {
      NodeRef subject = resolve(instance[0]);
      NodeRef predicate = resolve(instance[1]);
      NodeRef object = resolve(instance[2]);
      if (!subject || !predicate || !object) continue;
      if (subject.is_literal() || !predicate.is_iri()) continue;
      emitter.emit(subject, predicate, object);
    }
  });
  handler.end_graph();
}

void run_describe(const Operator& plan, ExecContext& context, ResultHandler& handler) {
  const Query& query = context.query;
  std::vector<NodeRef> resources;
  std::unordered_set<NodeRef> seen;
  auto add = [&](NodeRef node) {
    if (node && !node.is_literal() && seen.insert(node).second) resources.push_back(node);
  };
  std::vector<Variable> variables;
  for (const PatternTerm& target : query.describe) {
    if (target.is_variable())
      variables.push_back(target.variable());
    else
      add(context.store.world().intern(target.term()));
  }
  if (query.describe.empty()) variables = query.projection;
  if (!variables.empty())
    for_each_row(plan, context, [&](const NodeRef* row) {
      for (Variable variable : variables)
        add(row[variable.id]);
    });

  TripleEmitter emitter(handler);
  std::unordered_set<NodeRef> described;
  while (!resources.empty()) {
    NodeRef resource = resources.back();
    resources.pop_back();
    if (!described.insert(resource).second) continue;
    TripleMatches matches(context.store, context.default_graph(), resource, {}, {});
    rdf::Quad quad;
    while (matches.next(quad)) {
      emitter.emit(quad.subject, quad.predicate, quad.object);
      if (quad.object.is_blank()) resources.push_back(quad.object);
    }
  }
  handler.end_graph();
}

}  // namespace kg::sparql::engine
