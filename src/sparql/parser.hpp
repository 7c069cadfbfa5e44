// The recursive-descent SPARQL 1.1 query parser (grammar of §19.8), translating to the algebra
// while it parses (§18.2). Internal to the sparql layer: the interface is parse_query() in
// sparql.hpp. The parser is split by grammar area:
//   parser.cpp          tokens, terms, variables, blank node scoping, the entry point
//   parser_query.cpp    prologue, query forms, solution modifiers, aggregation (§18.2.4)
//   parser_pattern.cpp  group graph patterns (§18.2.2)
//   parser_triples.cpp  triple patterns, Turtle abbreviations, property paths (§18.2.2.4)
//   parser_expr.cpp     expressions, built-in calls, aggregates
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "sparql/algebra.hpp"
#include "sparql/lexer.hpp"
#include "sparql/sparql.hpp"

namespace kg::sparql::detail {

class GroupBuilder;

// A group graph pattern before its filters are applied to it.
struct GroupParts {
  OpPtr pattern;
  std::vector<Expr> filters;
};

// A pattern a triples block yields before it becomes BGPs and path operators.
using TriplesElement = std::variant<TriplePattern, PathPattern>;

// What sits in predicate position: a variable or IRI, or (in patterns) a property path.
using Verb = std::variant<PatternTerm, PathExpr>;

// One SELECT (the query itself or a sub-select), or the body of ASK/CONSTRUCT/DESCRIBE.
struct QueryLevel {
  struct SelectItem {
    Variable variable;
    std::optional<Expr> expr;  // (expr AS ?variable)
    size_t offset = 0;         // of the variable, for error messages
  };
  bool select = false;  // a SELECT (else the body of ASK, CONSTRUCT or DESCRIBE)
  bool distinct = false, reduced = false;
  bool select_all = false;  // SELECT *
  size_t select_all_offset = 0;
  std::vector<SelectItem> items;

  std::vector<std::pair<Variable, Aggregate>> aggregates;  // found in SELECT/HAVING/ORDER BY
  bool grouped = false;                                    // GROUP BY present
  std::vector<std::pair<Variable, Expr>> group_keys;
  std::vector<std::pair<Variable, size_t>> group_aliases;  // GROUP BY (expr AS ?v): ?v, offset
  std::vector<Expr> having;
  std::vector<OrderCondition> order;
  uint64_t offset = 0;
  std::optional<uint64_t> limit;
  OpPtr values;  // trailing VALUES
};

class Parser {
 public:
  Parser(const QueryText& text, const ParseOptions& options);
  Query parse();
  // The whole text as one IRI or literal, prefixed names expanded with `prefixes`.
  Term parse_single_term(const rdf::PrefixMap& prefixes);

 private:
  // ---- tokens (parser.cpp)
  const Token& peek(size_t ahead = 0);
  Token take();
  bool at_punct(std::string_view punct, size_t ahead = 0) { return peek(ahead).is_punct(punct); }
  bool at_keyword(std::string_view keyword, size_t ahead = 0) {
    return peek(ahead).is_keyword(keyword);
  }
  bool accept_punct(std::string_view punct);
  bool accept_keyword(std::string_view keyword);
  Token expect_punct(std::string_view punct);
  Token expect_keyword(std::string_view keyword);
  [[noreturn]] void fail_expected(std::string_view expected);
  [[noreturn]] void fail_at(size_t offset, const std::string& message) const;

  // ---- terms and variables (parser.cpp)
  bool at_iri() {
    return peek().kind == TokenKind::IriRef || peek().kind == TokenKind::PrefixedName;
  }
  bool at_variable() { return peek().kind == TokenKind::Variable; }
  bool at_literal();
  std::string resolve(std::string_view reference) const;
  std::string parse_iri_string();
  Term parse_iri();
  Term parse_literal();
  Term parse_number_literal(bool strip_sign);
  Variable parse_variable();
  Variable variable(const std::string& name);
  Variable fresh_variable(char marker);
  bool is_hidden(Variable variable) const { return query_.variables[variable.id].hidden; }
  std::string display(Variable variable) const { return "?" + query_.name(variable); }
  Variable blank_node(const Token& label);
  void start_blank_node_scope() { blank_scope_ = next_blank_scope_++; }

  // ---- query forms and modifiers (parser_query.cpp)
  void parse_prologue();
  void parse_select_query();
  void parse_construct_query();
  OpPtr parse_construct_where();
  void parse_describe_query();
  void parse_ask_query();
  void parse_dataset_clauses();
  void parse_select_clause(QueryLevel& level);
  OpPtr parse_sub_select();
  OpPtr parse_where_clause();
  void parse_solution_modifiers(QueryLevel& level);
  void parse_group_clause(QueryLevel& level);
  void parse_order_clause(QueryLevel& level);
  void parse_limit_offset(QueryLevel& level);
  void parse_values_clause(QueryLevel& level);
  OpPtr parse_data_block();
  std::optional<Term> parse_data_block_value();
  OpPtr group(QueryLevel& level, OpPtr pattern);
  OpPtr finish_level(QueryLevel& level, OpPtr pattern, std::vector<Variable>* projection);
  OpPtr project_select(QueryLevel& level, OpPtr pattern, bool aggregated,
                       std::vector<Variable>* projection);
  Expr sample_ungrouped(Expr expr, const std::vector<Variable>& allowed, QueryLevel& level);
  void check_grouped(const Expr& expr, const std::vector<Variable>& allowed, size_t offset) const;
  std::vector<Variable> visible(const Op& op) const;

  // ---- group graph patterns (parser_pattern.cpp)
  OpPtr parse_group_graph_pattern();  // with the group's filters applied
  GroupParts parse_group_parts();
  GroupParts parse_group_body();
  OpPtr parse_union();
  bool at_triples_start();
  Expr parse_filter();
  bool parse_pattern_element(GroupBuilder& group);
  void parse_bind(GroupBuilder& group);

  // ---- triples and paths (parser_triples.cpp)
  // True if the block ended with a '.'.
  bool parse_triples_block(std::vector<TriplesElement>& out);
  void parse_triples_same_subject(std::vector<TriplesElement>& out, bool paths);
  void parse_property_list(const PatternTerm& subject, std::vector<TriplesElement>& out,
                           bool paths);
  bool at_verb(bool paths);
  Verb parse_verb(bool paths);
  void parse_object_list(const PatternTerm& subject, const Verb& verb,
                         std::vector<TriplesElement>& out, bool paths);
  PatternTerm parse_graph_node(std::vector<TriplesElement>& out, bool paths);
  PatternTerm parse_var_or_term();
  PatternTerm parse_blank_node_property_list(std::vector<TriplesElement>& out, bool paths);
  PatternTerm parse_collection(std::vector<TriplesElement>& out, bool paths);
  void add_pattern(const PatternTerm& subject, const Verb& verb, const PatternTerm& object,
                   std::vector<TriplesElement>& out);
  PathExpr parse_path();
  PathExpr parse_path_sequence();
  PathExpr parse_path_element();
  PathExpr parse_path_primary();
  PathExpr parse_negated_property_set();
  std::vector<TriplePattern> parse_construct_template();
  std::vector<TriplePattern> parse_template_triples(std::string_view closing);

  // ---- expressions (parser_expr.cpp)
  Expr parse_expression();
  Expr parse_and();
  Expr parse_relational();
  Expr parse_additive();
  Expr parse_multiplicative();
  Expr parse_unary();
  Expr parse_primary();
  Expr parse_bracketted();
  Expr parse_constraint();
  bool at_constraint();
  bool at_builtin_call();
  Expr parse_builtin_call();
  Expr parse_function_call(std::string iri);
  Expr parse_aggregate();
  // The hidden variable an aggregate of this level is bound to (one per distinct aggregate).
  Variable aggregate_variable(QueryLevel& level, Aggregate aggregate);
  Expr parse_exists(bool negated);
  std::vector<Expr> parse_expression_list();
  std::vector<Expr> parse_arguments();

  // Bounds how deeply expressions and patterns nest, counting each operator of a chain such
  // as "a || b || c" as a level, since each one nests the tree deeper. The code that walks
  // the trees recursively (here, in the printer and in the evaluator) then cannot run out of
  // stack on a hostile query.
  class Nesting {
   public:
    // A recursive grammar rule (brackets, groups, paths) costs several stack frames per
    // level while the parser runs, a chained operator none; both deepen the tree by one.
    static constexpr int kRecursion = 4;

    explicit Nesting(Parser& parser, int levels = 1) : parser_(parser) {
      for (int i = 0; i < levels; ++i)
        deeper();
    }
    ~Nesting() { parser_.depth_ -= levels_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
    void deeper();

   private:
    Parser& parser_;
    int levels_ = 0;
  };

  const QueryText& text_;
  Lexer lexer_;
  int depth_ = 0;
  std::deque<Token> lookahead_;

  Query query_;
  std::unordered_map<std::string, uint32_t> variable_ids_;
  uint32_t hidden_counter_ = 0;

  // Blank node labels: each label belongs to the basic graph pattern it was first used in
  // (§4.1.4); a label is a variable of the pattern, or, while parsing a CONSTRUCT template,
  // a template variable of its own.
  struct BlankLabel {
    Variable variable;
    int scope = 0;
  };
  std::map<std::string, BlankLabel> blank_labels_;
  std::map<std::string, Variable> template_labels_;
  bool in_template_ = false;
  int blank_scope_ = 0;
  int next_blank_scope_ = 1;

  // Where aggregates may appear they are collected into the current level; elsewhere (WHERE,
  // GROUP BY, inside another aggregate) this is null.
  QueryLevel* aggregate_level_ = nullptr;
  bool in_aggregate_ = false;
};

// Sets a variable for the lifetime of a scope, restoring it afterwards.
template <typename T>
class ScopedAssign {
 public:
  ScopedAssign(T& target, T value) : target_(target), saved_(std::move(target)) {
    target_ = std::move(value);
  }
  ~ScopedAssign() { target_ = std::move(saved_); }
  ScopedAssign(const ScopedAssign&) = delete;
  ScopedAssign& operator=(const ScopedAssign&) = delete;

 private:
  T& target_;
  T saved_;
};

}  // namespace kg::sparql::detail
