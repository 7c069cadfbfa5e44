// The SPARQL 1.1 algebra (SPARQL 1.1 §18), as the parser produces it and the optimizer and
// evaluator consume it. Terms here are plain rdf::Term values: the algebra knows no store.
// Variables are numbered per query; Query::variables holds their names.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "rdf/prefixes.hpp"
#include "rdf/term.hpp"

namespace kg::sparql {

using rdf::Term;

struct Variable {
  uint32_t id = 0;
  friend bool operator==(Variable, Variable) = default;
  friend auto operator<=>(Variable, Variable) = default;
};

struct VariableInfo {
  std::string name;  // without '?' or '$'
  // Blank nodes in patterns ("_:b", "[]") become variables that SELECT * does not show, and
  // so do the helper variables the parser introduces (aggregate results, unnamed group keys).
  bool hidden = false;
};

// A position in a triple pattern: a constant term or a variable.
struct PatternTerm {
  std::variant<Term, Variable> value;

  bool is_variable() const { return std::holds_alternative<Variable>(value); }
  Variable variable() const { return std::get<Variable>(value); }
  const Term& term() const { return std::get<Term>(value); }
};

struct TriplePattern {
  PatternTerm subject, predicate, object;
};

// Property path expressions (§9). Sequences and alternatives are binary, as in the grammar's
// left-to-right fold.
struct PathExpr {
  enum class Kind {
    Link,         // iri
    Inverse,      // ^operands[0]
    Sequence,     // operands[0] / operands[1]
    Alternative,  // operands[0] | operands[1]
    ZeroOrMore,   // operands[0]*
    OneOrMore,    // operands[0]+
    ZeroOrOne,    // operands[0]?
    NegatedSet,   // !(forward... | ^inverse...)
  };
  Kind kind = Kind::Link;
  Term iri;
  std::vector<PathExpr> operands;
  std::vector<Term> forward, inverse;
};

struct PathPattern {
  PatternTerm subject;
  PathExpr path;
  PatternTerm object;
};

// The built-in functions and operators of §17.4 that take evaluated arguments, plus the
// special forms (BOUND, IF, COALESCE, IN, logical connectives, EXISTS) whose arguments the
// evaluator must evaluate lazily.
enum class Builtin {
  // §17.4.1 functional forms
  Bound,
  If,
  Coalesce,
  LogicalOr,
  LogicalAnd,
  LogicalNot,
  In,
  NotIn,
  SameTerm,
  // comparison and arithmetic operators (§17.3)
  Equal,
  NotEqual,
  Less,
  Greater,
  LessOrEqual,
  GreaterOrEqual,
  Add,
  Subtract,
  Multiply,
  Divide,
  UnaryPlus,
  UnaryMinus,
  // §17.4.2 on RDF terms
  IsIri,
  IsBlank,
  IsLiteral,
  IsNumeric,
  Str,
  Lang,
  Datatype,
  Iri,
  Bnode,
  StrDt,
  StrLang,
  Uuid,
  StrUuid,
  // §17.4.3 strings
  StrLen,
  SubStr,
  UCase,
  LCase,
  StrStarts,
  StrEnds,
  Contains,
  StrBefore,
  StrAfter,
  EncodeForUri,
  Concat,
  LangMatches,
  Regex,
  Replace,
  // §17.4.4 numerics
  Abs,
  Round,
  Ceil,
  Floor,
  Rand,
  // §17.4.5 dates and times
  Now,
  Year,
  Month,
  Day,
  Hours,
  Minutes,
  Seconds,
  Timezone,
  Tz,
  // §17.4.6 hashes
  Md5,
  Sha1,
  Sha256,
  Sha384,
  Sha512,
};

// The SPARQL keyword of a builtin ("STRLEN", "&&", "=", ...), for printing.
const char* builtin_name(Builtin builtin);

struct Op;

struct Expr {
  enum class Kind {
    Constant,   // constant
    Variable,   // variable
    Builtin,    // builtin(args...)
    Call,       // function IRI (an xsd cast or an extension function) applied to args
    Exists,     // EXISTS { pattern }
    NotExists,  // NOT EXISTS { pattern }
  };
  Kind kind = Kind::Constant;
  Term constant;
  sparql::Variable variable;
  sparql::Builtin builtin = sparql::Builtin::Bound;
  std::string function;  // Call: the function's IRI
  std::vector<Expr> args;
  std::shared_ptr<const Op> pattern;  // Exists / NotExists
};

struct Aggregate {
  enum class Kind { Count, Sum, Min, Max, Avg, Sample, GroupConcat };
  Kind kind = Kind::Count;
  bool distinct = false;
  std::optional<Expr> arg;  // empty for COUNT(*)
  std::string separator = " ";
};

struct OrderCondition {
  Expr expr;
  bool descending = false;
};

struct Op;
using OpPtr = std::unique_ptr<Op>;

// One algebra operator. Only the fields its kind names are used.
struct Op {
  enum class Kind {
    Bgp,       // triples
    Path,      // path (a triple pattern with a non-trivial property path)
    Join,      // children[0] ⋈ children[1]
    LeftJoin,  // children[0] ⟕ children[1], filter: exprs (conjunction, may be empty)
    Filter,    // exprs (conjunction) over children[0]
    Union,     // children[0] ∪ children[1]
    Minus,     // children[0] − children[1]
    Graph,     // GRAPH graph { children[0] }
    Extend,    // children[0] extended with variable := expr (BIND, SELECT expressions)
    Table,     // VALUES: table_variables × table_rows (unbound cells are nullopt)
    Group,     // GROUP BY group_keys over children[0], computing aggregates
    OrderBy,   // order over children[0]
    Project,   // projection over children[0]
    Distinct,  // children[0]
    Reduced,   // children[0]
    Slice,     // offset / limit over children[0]
    Service,   // SERVICE [SILENT] graph { children[0] }
  };
  Kind kind = Kind::Bgp;
  std::vector<OpPtr> children;

  std::vector<TriplePattern> triples;             // Bgp
  std::optional<PathPattern> path;                // Path
  std::vector<Expr> exprs;                        // Filter, LeftJoin
  PatternTerm graph;                              // Graph, Service (an IRI or a variable)
  bool silent = false;                            // Service
  sparql::Variable variable;                      // Extend
  Expr expr;                                      // Extend
  std::vector<sparql::Variable> table_variables;  // Table
  std::vector<std::vector<std::optional<Term>>> table_rows;  // Table
  // Group: each key is an expression; its value is bound to the variable given (for
  // "GROUP BY ?x" that is ?x itself, for "GROUP BY (expr AS ?v)" ?v, for a bare expression a
  // hidden variable). Each aggregate's value is bound to its hidden variable; the parser
  // rewrites aggregate calls in SELECT, HAVING and ORDER BY into references to it.
  std::vector<std::pair<sparql::Variable, Expr>> group_keys;
  std::vector<std::pair<sparql::Variable, Aggregate>> aggregates;
  std::vector<OrderCondition> order;         // OrderBy
  std::vector<sparql::Variable> projection;  // Project
  uint64_t offset = 0;                       // Slice
  std::optional<uint64_t> limit;             // Slice
};

enum class QueryForm { Select, Construct, Ask, Describe };

struct Query {
  QueryForm form = QueryForm::Select;
  std::vector<VariableInfo> variables;  // indexed by Variable::id
  // SELECT: the projected variables in order (for SELECT *, the visible in-scope ones).
  std::vector<Variable> projection;
  OpPtr pattern;  // the whole algebra expression, solution modifiers included
  std::vector<TriplePattern> construct_template;  // CONSTRUCT (blank nodes as hidden variables)
  std::vector<PatternTerm> describe;              // DESCRIBE targets; empty for DESCRIBE *
  std::vector<std::string> from, from_named;      // dataset clause IRIs, resolved
  std::string base_iri;
  rdf::PrefixMap prefixes;

  const std::string& name(Variable variable) const { return variables[variable.id].name; }
};

// Helpers for building algebra, shared by the parser, the optimizer and tests.
OpPtr make_op(Op::Kind kind);
OpPtr make_op(Op::Kind kind, OpPtr child);
OpPtr make_op(Op::Kind kind, OpPtr left, OpPtr right);
Expr make_constant(Term term);
Expr make_variable(Variable variable);
Expr make_builtin(Builtin builtin, std::vector<Expr> args);

// Deep copies (Exists patterns are shared, immutable).
OpPtr clone(const Op& op);

// The variables an operator may bind (its in-scope variables, §18.2.1), in first-seen order.
std::vector<Variable> in_scope_variables(const Op& op);

// SSE (SPARQL S-Expressions), the notation Jena and Oxigraph print algebra in, e.g.
// (project (?s) (bgp (triple ?s <http://ex/p> ?o))). Prefixed names use the query's prefixes.
std::string to_sse(const Query& query);
std::string to_sse(const Op& op, const Query& query);
std::string to_sse(const Expr& expr, const Query& query);

}  // namespace kg::sparql
