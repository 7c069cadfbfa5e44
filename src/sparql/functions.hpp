// The SPARQL function library: operators, built-in functions, casts, effective boolean value,
// the ORDER BY order and aggregates, all on Values (§17, §18.5). No store, no algebra walking:
// the evaluator evaluates arguments and calls in here. Special forms that must not evaluate
// every argument (BOUND, IF, COALESCE, &&, ||, IN, NOT IN, EXISTS) are the evaluator's, but it
// uses effective_boolean_value() and equal() from here to implement them.
#pragma once

#include <cstdint>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <string_view>

#include "rdf/node.hpp"
#include "sparql/algebra.hpp"
#include "sparql/value.hpp"

namespace kg::sparql {

// State that functions need beyond their arguments, fixed for one query execution.
class FunctionContext {
 public:
  FunctionContext();
  ~FunctionContext();

  // NOW() is the same for the whole query (§17.4.5.1).
  std::string now_lexical;  // an xsd:dateTime lexical form with time zone
  std::string base_iri;     // for IRI() on relative references
  std::mt19937_64 random;   // RAND(), UUID(), STRUUID()

  // BNODE(): a fresh label per call; BNODE(str): the same label for the same str within one
  // solution. The evaluator calls start_solution() before evaluating each solution's
  // expressions.
  void start_solution() { ++solution_serial_; }
  std::string blank_label_for(std::string_view key);
  std::string fresh_blank_label();

  struct Caches;  // compiled regular expressions, ...
  Caches& caches() { return *caches_; }

 private:
  std::unique_ptr<Caches> caches_;
  uint64_t solution_serial_ = 0;
  uint64_t blank_counter_ = 0;
};

// A builtin other than the special forms, applied to already evaluated arguments. Wrong
// arity or types give the error value, never an exception.
Value call_builtin(Builtin builtin, std::span<const Value> args, FunctionContext& context);

// A function called by IRI: the XPath constructor casts (xsd:string, xsd:integer,
// xsd:decimal, xsd:float, xsd:double, xsd:boolean, xsd:dateTime, ...). Unknown IRIs give the
// error value.
Value call_function(std::string_view iri, std::span<const Value> args, FunctionContext& context);
bool is_known_function(std::string_view iri);

// §17.2.2; nullopt is the error.
std::optional<bool> effective_boolean_value(const Value& value);

// The "=" operator (§17.3 RDFterm-equal and value equality with type promotion); nullopt is
// the error (e.g. comparing literals of unknown datatypes with different lexical forms).
std::optional<bool> equal(const Value& a, const Value& b);

// ORDER BY's total order (§15.1): unbound < blank nodes < IRIs < literals, with literals of
// comparable types by value, then a stable fallback order. Returns <0, 0, >0. The error value
// stands for unbound.
int order_compare(const Value& a, const Value& b);

// Aggregates (§18.5.1). Add each group member's evaluated argument (the error value where
// the argument is an error or unbound); COUNT(*) adds one non-error value per solution.
class Aggregator {
 public:
  virtual ~Aggregator() = default;
  virtual void add(const Value& value) = 0;
  virtual Value result() const = 0;
};
std::unique_ptr<Aggregator> make_aggregator(const Aggregate& aggregate);

}  // namespace kg::sparql
