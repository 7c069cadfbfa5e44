// Expressions (§17, grammar rules Expression to PrimaryExpression), built-in calls with their
// arities, function calls by IRI, EXISTS, and aggregates, which are replaced by the hidden
// variable their value will be bound to.
#include <span>

#include "sparql/parser.hpp"

namespace kg::sparql::detail {

namespace {

constexpr int kAnyCount = -1;

struct BuiltinForm {
  Builtin builtin;
  int min_args;
  int max_args;
  const char* alias = nullptr;  // a second keyword for the same builtin

  const char* keyword() const { return alias ? alias : builtin_name(builtin); }
};

constexpr BuiltinForm kBuiltinForms[] = {
    {Builtin::Str, 1, 1},        {Builtin::Lang, 1, 1},           {Builtin::LangMatches, 2, 2},
    {Builtin::Datatype, 1, 1},   {Builtin::Bound, 1, 1},          {Builtin::Iri, 1, 1},
    {Builtin::Iri, 1, 1, "URI"}, {Builtin::Bnode, 0, 1},          {Builtin::Rand, 0, 0},
    {Builtin::Abs, 1, 1},        {Builtin::Ceil, 1, 1},           {Builtin::Floor, 1, 1},
    {Builtin::Round, 1, 1},      {Builtin::Concat, 0, kAnyCount}, {Builtin::SubStr, 2, 3},
    {Builtin::StrLen, 1, 1},     {Builtin::Replace, 3, 4},        {Builtin::UCase, 1, 1},
    {Builtin::LCase, 1, 1},      {Builtin::EncodeForUri, 1, 1},   {Builtin::Contains, 2, 2},
    {Builtin::StrStarts, 2, 2},  {Builtin::StrEnds, 2, 2},        {Builtin::StrBefore, 2, 2},
    {Builtin::StrAfter, 2, 2},   {Builtin::Year, 1, 1},           {Builtin::Month, 1, 1},
    {Builtin::Day, 1, 1},        {Builtin::Hours, 1, 1},          {Builtin::Minutes, 1, 1},
    {Builtin::Seconds, 1, 1},    {Builtin::Timezone, 1, 1},       {Builtin::Tz, 1, 1},
    {Builtin::Now, 0, 0},        {Builtin::Uuid, 0, 0},           {Builtin::StrUuid, 0, 0},
    {Builtin::Md5, 1, 1},        {Builtin::Sha1, 1, 1},           {Builtin::Sha256, 1, 1},
    {Builtin::Sha384, 1, 1},     {Builtin::Sha512, 1, 1},         {Builtin::Coalesce, 0, kAnyCount},
    {Builtin::If, 3, 3},         {Builtin::StrLang, 2, 2},        {Builtin::StrDt, 2, 2},
    {Builtin::SameTerm, 2, 2},   {Builtin::IsIri, 1, 1},          {Builtin::IsIri, 1, 1, "isURI"},
    {Builtin::IsBlank, 1, 1},    {Builtin::IsLiteral, 1, 1},      {Builtin::IsNumeric, 1, 1},
    {Builtin::Regex, 2, 3},
};

const BuiltinForm* find_builtin_form(const Token& token) {
  for (const BuiltinForm& form : kBuiltinForms)
    if (token.is_keyword(form.keyword())) return &form;
  return nullptr;
}

struct AggregateKeyword {
  const char* keyword;
  Aggregate::Kind kind;
};

constexpr AggregateKeyword kAggregateKeywords[] = {
    {"COUNT", Aggregate::Kind::Count},
    {"SUM", Aggregate::Kind::Sum},
    {"MIN", Aggregate::Kind::Min},
    {"MAX", Aggregate::Kind::Max},
    {"AVG", Aggregate::Kind::Avg},
    {"SAMPLE", Aggregate::Kind::Sample},
    {"GROUP_CONCAT", Aggregate::Kind::GroupConcat},
};

const AggregateKeyword* find_aggregate(const Token& token) {
  for (const AggregateKeyword& aggregate : kAggregateKeywords)
    if (token.is_keyword(aggregate.keyword)) return &aggregate;
  return nullptr;
}

Expr binary(Builtin builtin, Expr left, Expr right) {
  std::vector<Expr> args;
  args.push_back(std::move(left));
  args.push_back(std::move(right));
  return make_builtin(builtin, std::move(args));
}

// Structural equality, so that an aggregate written twice is computed once.
bool same_expr(const Expr& a, const Expr& b) {
  if (a.kind != b.kind || a.constant != b.constant || a.variable != b.variable ||
      a.builtin != b.builtin || a.function != b.function || a.pattern != b.pattern ||
      a.args.size() != b.args.size())
    return false;
  for (size_t i = 0; i < a.args.size(); ++i)
    if (!same_expr(a.args[i], b.args[i])) return false;
  return true;
}

bool same_aggregate(const Aggregate& a, const Aggregate& b) {
  if (a.kind != b.kind || a.distinct != b.distinct || a.separator != b.separator ||
      a.arg.has_value() != b.arg.has_value())
    return false;
  return !a.arg || same_expr(*a.arg, *b.arg);
}

std::string arity_text(const BuiltinForm& form) {
  auto count = [](int n) { return std::to_string(n) + (n == 1 ? " argument" : " arguments"); };
  if (form.min_args == form.max_args) return count(form.min_args);
  if (form.max_args == kAnyCount) return "at least " + count(form.min_args);
  return std::to_string(form.min_args) + " to " + count(form.max_args);
}

}  // namespace

Expr Parser::parse_expression() {
  Nesting nesting(*this, Nesting::kRecursion);
  Expr expr = parse_and();
  while (accept_punct("||")) {
    nesting.deeper();
    expr = binary(Builtin::LogicalOr, std::move(expr), parse_and());
  }
  return expr;
}

Expr Parser::parse_and() {
  Expr expr = parse_relational();
  Nesting chain(*this, 0);
  while (accept_punct("&&")) {
    chain.deeper();
    expr = binary(Builtin::LogicalAnd, std::move(expr), parse_relational());
  }
  return expr;
}

Expr Parser::parse_relational() {
  static constexpr std::pair<std::string_view, Builtin> kComparisons[] = {
      {"=", Builtin::Equal},   {"!=", Builtin::NotEqual},    {"<", Builtin::Less},
      {">", Builtin::Greater}, {"<=", Builtin::LessOrEqual}, {">=", Builtin::GreaterOrEqual}};
  Expr expr = parse_additive();
  for (const auto& [punct, builtin] : kComparisons)
    if (accept_punct(punct)) return binary(builtin, std::move(expr), parse_additive());
  bool negated = at_keyword("NOT") && at_keyword("IN", 1);
  if (negated) take();
  if (accept_keyword("IN")) {
    std::vector<Expr> args{std::move(expr)};
    for (Expr& member : parse_expression_list())
      args.push_back(std::move(member));
    return make_builtin(negated ? Builtin::NotIn : Builtin::In, std::move(args));
  }
  return expr;
}

Expr Parser::parse_additive() {
  Expr expr = parse_multiplicative();
  Nesting chain(*this, 0);
  while (true) {
    chain.deeper();
    if (accept_punct("+")) {
      expr = binary(Builtin::Add, std::move(expr), parse_multiplicative());
    } else if (accept_punct("-")) {
      expr = binary(Builtin::Subtract, std::move(expr), parse_multiplicative());
    } else if (peek().is_signed_number()) {
      // "?a -1": the tokenizer read a signed number, which here is the operator and operand.
      bool minus = peek().text.front() == '-';
      Expr operand = make_constant(parse_number_literal(true));
      while (at_punct("*") || at_punct("/")) {
        chain.deeper();
        Builtin builtin = take().text == "*" ? Builtin::Multiply : Builtin::Divide;
        operand = binary(builtin, std::move(operand), parse_unary());
      }
      expr = binary(minus ? Builtin::Subtract : Builtin::Add, std::move(expr), std::move(operand));
    } else {
      return expr;
    }
  }
}

Expr Parser::parse_multiplicative() {
  Expr expr = parse_unary();
  Nesting chain(*this, 0);
  while (at_punct("*") || at_punct("/")) {
    chain.deeper();
    Builtin builtin = take().text == "*" ? Builtin::Multiply : Builtin::Divide;
    expr = binary(builtin, std::move(expr), parse_unary());
  }
  return expr;
}

Expr Parser::parse_unary() {
  static constexpr std::pair<std::string_view, Builtin> kUnary[] = {
      {"!", Builtin::LogicalNot}, {"+", Builtin::UnaryPlus}, {"-", Builtin::UnaryMinus}};
  for (const auto& [punct, builtin] : kUnary) {
    if (accept_punct(punct)) {
      std::vector<Expr> args;
      args.push_back(parse_primary());
      return make_builtin(builtin, std::move(args));
    }
  }
  return parse_primary();
}

Expr Parser::parse_primary() {
  if (at_punct("(")) return parse_bracketted();
  if (at_variable()) return make_variable(parse_variable());
  if (at_iri()) {
    std::string iri = parse_iri_string();
    if (at_punct("(")) return parse_function_call(std::move(iri));
    return make_constant(Term::iri(std::move(iri)));
  }
  if (at_literal()) return make_constant(parse_literal());
  if (at_builtin_call()) return parse_builtin_call();
  fail_expected("an expression");
}

Expr Parser::parse_bracketted() {
  expect_punct("(");
  Expr expr = parse_expression();
  expect_punct(")");
  return expr;
}

bool Parser::at_constraint() {
  return at_punct("(") || at_iri() || at_builtin_call();
}

Expr Parser::parse_constraint() {
  if (at_punct("(")) return parse_bracketted();
  if (at_builtin_call()) return parse_builtin_call();
  if (!at_iri()) fail_expected("'(', a function call or a built-in call");
  std::string iri = parse_iri_string();
  if (!at_punct("(")) fail_expected("'(' after the function IRI");
  return parse_function_call(std::move(iri));
}

bool Parser::at_builtin_call() {
  const Token& token = peek();
  if (token.kind != TokenKind::Word) return false;
  if (token.is_keyword("NOT")) return at_keyword("EXISTS", 1);
  return token.is_keyword("EXISTS") || find_aggregate(token) || find_builtin_form(token);
}

Expr Parser::parse_builtin_call() {
  if (find_aggregate(peek())) return parse_aggregate();
  if (accept_keyword("EXISTS")) return parse_exists(false);
  if (accept_keyword("NOT")) {
    expect_keyword("EXISTS");
    return parse_exists(true);
  }
  const BuiltinForm& form = *find_builtin_form(peek());
  Token name = take();
  if (form.builtin == Builtin::Bound) {
    expect_punct("(");
    Expr variable = make_variable(parse_variable());
    expect_punct(")");
    return make_builtin(Builtin::Bound, {variable});
  }
  std::vector<Expr> args = parse_arguments();
  int count = static_cast<int>(args.size());
  if (count < form.min_args || (form.max_args != kAnyCount && count > form.max_args))
    fail_at(name.offset,
            name.text + " takes " + arity_text(form) + ", not " + std::to_string(count));
  return make_builtin(form.builtin, std::move(args));
}

std::vector<Expr> Parser::parse_arguments() {
  expect_punct("(");
  std::vector<Expr> args;
  if (accept_punct(")")) return args;
  do {
    args.push_back(parse_expression());
  } while (accept_punct(","));
  expect_punct(")");
  return args;
}

std::vector<Expr> Parser::parse_expression_list() {
  return parse_arguments();
}

Expr Parser::parse_function_call(std::string iri) {
  if (at_punct("(") && at_keyword("DISTINCT", 1))
    fail_at(peek(1).offset, "DISTINCT is only allowed in aggregates");
  Expr call;
  call.kind = Expr::Kind::Call;
  call.function = std::move(iri);
  call.args = parse_arguments();
  return call;
}

Expr Parser::parse_exists(bool negated) {
  Expr exists;
  exists.kind = negated ? Expr::Kind::NotExists : Expr::Kind::Exists;
  exists.pattern = std::shared_ptr<const Op>(parse_group_graph_pattern());
  return exists;
}

Expr Parser::parse_aggregate() {
  Token name = take();
  QueryLevel* level = aggregate_level_;
  if (!level)
    fail_at(name.offset, in_aggregate_ ? "aggregates cannot be nested"
                                       : name.text +
                                             " is not allowed here; aggregates may "
                                             "only appear in SELECT, HAVING and ORDER BY");
  Aggregate aggregate;
  aggregate.kind = find_aggregate(name)->kind;
  expect_punct("(");
  aggregate.distinct = accept_keyword("DISTINCT");
  {
    ScopedAssign<QueryLevel*> no_aggregates(aggregate_level_, nullptr);
    ScopedAssign<bool> inside(in_aggregate_, true);
    if (!(aggregate.kind == Aggregate::Kind::Count && accept_punct("*")))
      aggregate.arg = parse_expression();
  }
  if (aggregate.kind == Aggregate::Kind::GroupConcat && accept_punct(";")) {
    expect_keyword("SEPARATOR");
    expect_punct("=");
    if (peek().kind != TokenKind::String) fail_expected("a string");
    aggregate.separator = take().text;
  }
  expect_punct(")");
  return make_variable(aggregate_variable(*level, std::move(aggregate)));
}

Variable Parser::aggregate_variable(QueryLevel& level, Aggregate aggregate) {
  for (const auto& [known, earlier] : level.aggregates)
    if (same_aggregate(earlier, aggregate)) return known;
  Variable result = fresh_variable('.');
  level.aggregates.emplace_back(result, std::move(aggregate));
  return result;
}

}  // namespace kg::sparql::detail
