// Prologue, the four query forms, dataset clauses and solution modifiers, and their
// translation (§18.2.4, §18.2.5): Group, Filter for HAVING, the trailing VALUES join, Extend
// for SELECT expressions, OrderBy, Project, Distinct/Reduced and Slice, in that order.
#include <algorithm>
#include <charconv>

#include "sparql/parser.hpp"

namespace kg::sparql::detail {

namespace {

bool contains(const std::vector<Variable>& variables, Variable variable) {
  return std::find(variables.begin(), variables.end(), variable) != variables.end();
}

}  // namespace

void Parser::parse_prologue() {
  while (true) {
    if (accept_keyword("BASE")) {
      if (peek().kind != TokenKind::IriRef) fail_expected("an IRI in <...>");
      query_.base_iri = resolve(take().text);
    } else if (accept_keyword("PREFIX")) {
      if (peek().kind != TokenKind::PrefixedName || !peek().text.empty())
        fail_expected("a prefix name ending in ':'");
      std::string prefix = take().prefix;
      if (peek().kind != TokenKind::IriRef) fail_expected("an IRI in <...>");
      query_.prefixes.set(std::move(prefix), resolve(take().text));
    } else {
      return;
    }
  }
}

void Parser::parse_dataset_clauses() {
  while (accept_keyword("FROM")) {
    if (accept_keyword("NAMED"))
      query_.from_named.push_back(parse_iri_string());
    else
      query_.from.push_back(parse_iri_string());
  }
}

OpPtr Parser::parse_where_clause() {
  accept_keyword("WHERE");
  if (!at_punct("{")) fail_expected("'{'");
  return parse_group_graph_pattern();
}

void Parser::parse_select_query() {
  QueryLevel level;
  parse_select_clause(level);
  parse_dataset_clauses();
  OpPtr where = parse_where_clause();
  parse_solution_modifiers(level);
  parse_values_clause(level);
  query_.form = QueryForm::Select;
  query_.pattern = finish_level(level, std::move(where), &query_.projection);
}

OpPtr Parser::parse_sub_select() {
  QueryLevel level;
  parse_select_clause(level);
  OpPtr where = parse_where_clause();
  parse_solution_modifiers(level);
  parse_values_clause(level);
  return finish_level(level, std::move(where), nullptr);
}

void Parser::parse_select_clause(QueryLevel& level) {
  expect_keyword("SELECT");
  level.select = true;
  if (accept_keyword("DISTINCT"))
    level.distinct = true;
  else if (accept_keyword("REDUCED"))
    level.reduced = true;
  if (at_punct("*")) {
    level.select_all = true;
    level.select_all_offset = take().offset;
    return;
  }
  ScopedAssign<QueryLevel*> aggregates_allowed(aggregate_level_, &level);
  while (at_variable() || at_punct("(")) {
    QueryLevel::SelectItem item;
    item.offset = peek().offset;
    if (accept_punct("(")) {
      item.expr = parse_expression();
      expect_keyword("AS");
      item.offset = peek().offset;
      item.variable = parse_variable();
      expect_punct(")");
    } else {
      item.variable = parse_variable();
    }
    level.items.push_back(std::move(item));
  }
  if (level.items.empty()) fail_expected("a variable, '(' or '*'");
}

void Parser::parse_construct_query() {
  expect_keyword("CONSTRUCT");
  QueryLevel level;
  OpPtr where;
  if (at_punct("{")) {
    query_.construct_template = parse_construct_template();
    parse_dataset_clauses();
    where = parse_where_clause();
  } else {
    parse_dataset_clauses();
    where = parse_construct_where();
  }
  parse_solution_modifiers(level);
  parse_values_clause(level);
  query_.form = QueryForm::Construct;
  query_.pattern = finish_level(level, std::move(where), nullptr);
}

OpPtr Parser::parse_construct_where() {
  // CONSTRUCT WHERE { triples }: the template is the pattern, except that its blank nodes
  // are fresh in each result, so they get template variables of their own.
  expect_keyword("WHERE");
  expect_punct("{");
  start_blank_node_scope();
  std::vector<TriplePattern> triples = parse_template_triples("}");
  expect_punct("}");
  std::map<uint32_t, Variable> renamed;
  auto rename = [&](PatternTerm term) {
    if (term.is_variable() && is_hidden(term.variable())) {
      auto [found, inserted] = renamed.try_emplace(term.variable().id);
      if (inserted) found->second = fresh_variable('?');
      term.value = found->second;
    }
    return term;
  };
  for (const TriplePattern& triple : triples)
    query_.construct_template.push_back(
        {rename(triple.subject), rename(triple.predicate), rename(triple.object)});
  OpPtr bgp = make_op(Op::Kind::Bgp);
  bgp->triples = std::move(triples);
  return bgp;
}

void Parser::parse_describe_query() {
  expect_keyword("DESCRIBE");
  bool describe_all = accept_punct("*");
  while (!describe_all && (at_variable() || at_iri())) {
    PatternTerm target;
    if (at_variable())
      target.value = parse_variable();
    else
      target.value = parse_iri();
    query_.describe.push_back(std::move(target));
  }
  if (!describe_all && query_.describe.empty()) fail_expected("a variable, an IRI or '*'");
  parse_dataset_clauses();
  QueryLevel level;
  OpPtr where =
      at_keyword("WHERE") || at_punct("{") ? parse_where_clause() : make_op(Op::Kind::Bgp);
  parse_solution_modifiers(level);
  parse_values_clause(level);
  query_.form = QueryForm::Describe;
  query_.pattern = finish_level(level, std::move(where), nullptr);
  if (describe_all) query_.projection = visible(*query_.pattern);
}

void Parser::parse_ask_query() {
  expect_keyword("ASK");
  parse_dataset_clauses();
  QueryLevel level;
  OpPtr where = parse_where_clause();
  parse_solution_modifiers(level);
  parse_values_clause(level);
  query_.form = QueryForm::Ask;
  query_.pattern = finish_level(level, std::move(where), nullptr);
}

// ---------------------------------------------------------------------------------------------
// Solution modifiers

void Parser::parse_solution_modifiers(QueryLevel& level) {
  if (at_keyword("GROUP")) parse_group_clause(level);
  if (accept_keyword("HAVING")) {
    ScopedAssign<QueryLevel*> aggregates_allowed(aggregate_level_, &level);
    do {
      level.having.push_back(parse_constraint());
    } while (at_constraint());
  }
  if (at_keyword("ORDER")) parse_order_clause(level);
  parse_limit_offset(level);
}

void Parser::parse_group_clause(QueryLevel& level) {
  expect_keyword("GROUP");
  expect_keyword("BY");
  level.grouped = true;
  ScopedAssign<QueryLevel*> no_aggregates(aggregate_level_, nullptr);
  do {
    if (at_variable()) {
      Variable key = parse_variable();
      level.group_keys.emplace_back(key, make_variable(key));
    } else if (accept_punct("(")) {
      Expr key = parse_expression();
      if (accept_keyword("AS")) {
        level.group_aliases.emplace_back(Variable{}, peek().offset);
        Variable named = parse_variable();
        level.group_aliases.back().first = named;
        expect_punct(")");
        level.group_keys.emplace_back(named, std::move(key));
      } else {
        expect_punct(")");
        Variable bound = key.kind == Expr::Kind::Variable ? key.variable : fresh_variable('.');
        level.group_keys.emplace_back(bound, std::move(key));
      }
    } else if (at_constraint()) {
      level.group_keys.emplace_back(fresh_variable('.'), parse_constraint());
    } else {
      fail_expected("a variable, '(' or a function call after GROUP BY");
    }
  } while (at_variable() || at_constraint());
}

void Parser::parse_order_clause(QueryLevel& level) {
  expect_keyword("ORDER");
  expect_keyword("BY");
  ScopedAssign<QueryLevel*> aggregates_allowed(aggregate_level_, &level);
  do {
    OrderCondition condition;
    if (at_keyword("ASC") || at_keyword("DESC")) {
      condition.descending = take().is_keyword("DESC");
      condition.expr = parse_bracketted();
    } else if (at_variable()) {
      condition.expr = make_variable(parse_variable());
    } else if (at_constraint()) {
      condition.expr = parse_constraint();
    } else {
      fail_expected("an ORDER BY condition");
    }
    level.order.push_back(std::move(condition));
  } while (at_keyword("ASC") || at_keyword("DESC") || at_variable() || at_constraint());
}

void Parser::parse_limit_offset(QueryLevel& level) {
  auto parse_count = [&] {
    const Token& token = peek();
    if (token.kind != TokenKind::Integer || token.is_signed_number())
      fail_expected("a non-negative integer");
    uint64_t value = 0;
    auto [end, error] =
        std::from_chars(token.text.data(), token.text.data() + token.text.size(), value);
    if (error != std::errc()) fail_at(token.offset, "number too large: " + token.text);
    take();
    return value;
  };
  bool seen_limit = false, seen_offset = false;
  while (true) {
    if (!seen_limit && accept_keyword("LIMIT")) {
      level.limit = parse_count();
      seen_limit = true;
    } else if (!seen_offset && accept_keyword("OFFSET")) {
      level.offset = parse_count();
      seen_offset = true;
    } else {
      return;
    }
  }
}

void Parser::parse_values_clause(QueryLevel& level) {
  if (accept_keyword("VALUES")) level.values = parse_data_block();
}

OpPtr Parser::parse_data_block() {
  OpPtr table = make_op(Op::Kind::Table);
  if (at_variable()) {
    table->table_variables.push_back(parse_variable());
    expect_punct("{");
    while (!accept_punct("}"))
      table->table_rows.push_back({parse_data_block_value()});
    return table;
  }
  if (!accept_punct("(")) fail_expected("a variable or '(' after VALUES");
  while (!accept_punct(")"))
    table->table_variables.push_back(parse_variable());
  expect_punct("{");
  while (!accept_punct("}")) {
    if (!at_punct("(")) fail_expected("'(' or '}'");
    size_t row_offset = take().offset;
    std::vector<std::optional<Term>> row;
    while (!accept_punct(")"))
      row.push_back(parse_data_block_value());
    if (row.size() != table->table_variables.size())
      fail_at(row_offset, "this VALUES row has " + std::to_string(row.size()) +
                              (row.size() == 1 ? " value" : " values") + std::string(" for ") +
                              std::to_string(table->table_variables.size()) + " variables");
    table->table_rows.push_back(std::move(row));
  }
  return table;
}

std::optional<Term> Parser::parse_data_block_value() {
  if (accept_keyword("UNDEF")) return std::nullopt;
  if (at_iri()) return parse_iri();
  if (at_literal()) return parse_literal();
  fail_expected("an IRI, a literal or UNDEF");
}

// ---------------------------------------------------------------------------------------------
// Translation of one query level

std::vector<Variable> Parser::visible(const Op& op) const {
  // Variables are numbered as they first occur in the query text, which is the order
  // SELECT * shows them in.
  std::vector<Variable> variables = in_scope_variables(op);
  std::erase_if(variables, [&](Variable variable) { return is_hidden(variable); });
  std::sort(variables.begin(), variables.end());
  return variables;
}

Expr Parser::sample_ungrouped(Expr expr, const std::vector<Variable>& allowed, QueryLevel& level) {
  // §18.2.4.1: outside aggregates, a variable that is not a group key stands for SAMPLE of it.
  if (expr.kind == Expr::Kind::Variable && !is_hidden(expr.variable) &&
      !contains(allowed, expr.variable)) {
    Aggregate sample;
    sample.kind = Aggregate::Kind::Sample;
    sample.arg = expr;
    return make_variable(aggregate_variable(level, std::move(sample)));
  }
  for (Expr& arg : expr.args)
    arg = sample_ungrouped(std::move(arg), allowed, level);
  return expr;
}

void Parser::check_grouped(const Expr& expr, const std::vector<Variable>& allowed,
                           size_t offset) const {
  if (expr.kind == Expr::Kind::Variable && !is_hidden(expr.variable) &&
      !contains(allowed, expr.variable))
    fail_at(offset,
            display(expr.variable) + " is neither grouped (GROUP BY) nor inside an aggregate");
  for (const Expr& arg : expr.args)
    check_grouped(arg, allowed, offset);
}

OpPtr Parser::group(QueryLevel& level, OpPtr pattern) {
  if (level.select_all)
    fail_at(level.select_all_offset, "SELECT * is not allowed with GROUP BY or aggregates");
  std::vector<Variable> ungrouped_scope = in_scope_variables(*pattern);
  for (const auto& [alias, offset] : level.group_aliases)
    if (contains(ungrouped_scope, alias))
      fail_at(offset, display(alias) + " is already bound here; GROUP BY ... AS cannot bind it");
  std::vector<Variable> grouped;
  for (const auto& key : level.group_keys)
    grouped.push_back(key.first);
  for (Expr& condition : level.having)
    condition = sample_ungrouped(std::move(condition), grouped, level);
  std::vector<Variable> order_allowed = grouped;
  for (const auto& item : level.items)
    order_allowed.push_back(item.variable);
  for (OrderCondition& condition : level.order)
    condition.expr = sample_ungrouped(std::move(condition.expr), order_allowed, level);
  OpPtr group = make_op(Op::Kind::Group, std::move(pattern));
  group->group_keys = std::move(level.group_keys);
  group->aggregates = std::move(level.aggregates);
  return group;
}

OpPtr Parser::finish_level(QueryLevel& level, OpPtr pattern, std::vector<Variable>* projection) {
  bool aggregated = level.grouped || !level.aggregates.empty();
  if (aggregated) pattern = group(level, std::move(pattern));
  if (!level.having.empty()) {
    OpPtr filter = make_op(Op::Kind::Filter, std::move(pattern));
    filter->exprs = std::move(level.having);
    pattern = std::move(filter);
  }
  if (level.values) pattern = make_op(Op::Kind::Join, std::move(pattern), std::move(level.values));
  if (level.select) {
    pattern = project_select(level, std::move(pattern), aggregated, projection);
  } else if (!level.order.empty()) {
    pattern = make_op(Op::Kind::OrderBy, std::move(pattern));
    pattern->order = std::move(level.order);
  }
  if (level.distinct) pattern = make_op(Op::Kind::Distinct, std::move(pattern));
  if (level.reduced) pattern = make_op(Op::Kind::Reduced, std::move(pattern));
  if (level.offset > 0 || level.limit) {
    pattern = make_op(Op::Kind::Slice, std::move(pattern));
    pattern->offset = level.offset;
    pattern->limit = level.limit;
  }
  return pattern;
}

OpPtr Parser::project_select(QueryLevel& level, OpPtr pattern, bool aggregated,
                             std::vector<Variable>* projection) {
  // In an aggregate query the pattern is grouped by now, so its scope is the group keys (and
  // any trailing VALUES); SELECT expressions may also use the aliases before them.
  std::vector<Variable> scope = in_scope_variables(*pattern);
  std::vector<Variable> allowed = scope;
  std::vector<Variable> projected;
  for (QueryLevel::SelectItem& item : level.items) {
    if (item.expr) {
      if (contains(scope, item.variable) || contains(projected, item.variable))
        fail_at(item.offset, display(item.variable) +
                                 " is already bound here; SELECT ... AS cannot bind it again");
      if (aggregated) check_grouped(*item.expr, allowed, item.offset);
      OpPtr extend = make_op(Op::Kind::Extend, std::move(pattern));
      extend->variable = item.variable;
      extend->expr = std::move(*item.expr);
      pattern = std::move(extend);
      allowed.push_back(item.variable);
      scope.push_back(item.variable);
    } else if (aggregated && !contains(allowed, item.variable)) {
      fail_at(item.offset,
              display(item.variable) + " is neither grouped (GROUP BY) nor inside an aggregate");
    }
    if (!contains(projected, item.variable)) projected.push_back(item.variable);
  }
  if (level.select_all) projected = visible(*pattern);
  if (!level.order.empty()) {
    pattern = make_op(Op::Kind::OrderBy, std::move(pattern));
    pattern->order = std::move(level.order);
  }
  OpPtr project = make_op(Op::Kind::Project, std::move(pattern));
  project->projection = projected;
  if (projection) *projection = std::move(projected);
  return project;
}

}  // namespace kg::sparql::detail
