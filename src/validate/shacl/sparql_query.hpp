// The SPARQL queries of SHACL-SPARQL (§5 SPARQL-based constraints, §6 SPARQL-based constraint
// components): building the query text from the shapes graph (prefix declarations, $PATH),
// rejecting what pre-binding cannot support, pre-binding variables, running the query on the
// data graph and filling in message templates.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/node.hpp"
#include "sparql/sparql.hpp"
#include "validate/shacl/shacl.hpp"

namespace kg::validate::shacl {

class ShapesGraph;
class Validator;

// A variable the query is evaluated with (SHACL pre-binding), by name without '$' or '?'.
struct PreBinding {
  std::string name;
  rdf::NodeRef value;
};
using PreBindings = std::vector<PreBinding>;

// The pre-bound variables every SHACL-SPARQL query gets. A sub-select need not project
// $shapesGraph and $currentShape: their values never change during a validation.
inline constexpr std::string_view kThis = "this";
inline constexpr std::string_view kShapesGraph = "shapesGraph";
inline constexpr std::string_view kCurrentShape = "currentShape";
// Pre-bound for ASK-based validators only: the value node being checked.
inline constexpr std::string_view kValue = "value";

// ---------------------------------------------------------------------------------------------
// Query text

// The query text with every $PATH variable replaced by path in SPARQL syntax, the way
// property shapes and property validators share queries. Strings, IRIs and comments are left alone.
std::string substitute_path(std::string_view query_text, const PropertyPath& path);

// "PREFIX p: <namespace>" lines for the sh:declare values of the executable's sh:prefixes
// nodes, and of whatever those reach through owl:imports (SHACL prefix declarations).
// Throws ValidationFailure for a malformed declaration or one prefix bound to two namespaces.
std::string prefix_declarations(const ShapesGraph& shapes, rdf::NodeRef executable);

// A message template with each {$name} or {?name} replaced by the lexical form (IRI, label)
// of the variable's value; placeholders of variables without a value stay as they
// are. The literal keeps its language tag or datatype.
rdf::Term substitute_message(const rdf::Term& message,
                             const std::function<rdf::NodeRef(std::string_view)>& value_of);

// ---------------------------------------------------------------------------------------------
// Pre-binding, on the parsed algebra

// Throws ValidationFailure if the query uses what pre-binding does not support:
// MINUS, VALUES, SERVICE, assigning a pre-bound variable (BIND, SELECT or GROUP BY ... AS), or
// a sub-select that does not project every pre-bound variable the query mentions ($shapesGraph
// and $currentShape excepted).
void check_prebinding_support(const sparql::Query& query,
                              const std::vector<std::string>& prebound_names);

// The query evaluated "as if" the variables had their values (the SHACL appendix on pre-binding,
// values insertion): every basic graph pattern, path pattern and GRAPH pattern is joined with a
// one-row table of the bindings, inside EXISTS and sub-selects too. The variables are also replaced
// by their values in those patterns, which changes nothing in the answer and lets the engine look
// the focus node up instead of scanning. Bindings of variables the query does not mention are left
// out.
sparql::Query prebind(const sparql::Query& query, const PreBindings& bindings);

// ---------------------------------------------------------------------------------------------
// Running queries

struct Solutions {
  std::vector<std::string> variables;
  std::vector<std::vector<rdf::NodeRef>> rows;

  // The value of a variable in a row, null when unbound or not projected.
  rdf::NodeRef value(size_t row, std::string_view variable) const;
};

// One sh:select or sh:ask of the shapes graph, parsed and checked once, run per focus node.
class PreparedQuery {
 public:
  // Reads the text of `text_property` (sh:select or sh:ask) at `executable`, with its prefix
  // declarations and, for a property shape (`path` given), $PATH substituted. Throws
  // ValidationFailure when the text is missing, not one string, not valid SPARQL, of the
  // wrong query form or unsupported with these pre-bound variables.
  static std::shared_ptr<const PreparedQuery> read(const ShapesGraph& shapes,
                                                   rdf::NodeRef executable,
                                                   rdf::NodeRef text_property,
                                                   const PropertyPath* path,
                                                   const std::vector<std::string>& prebound);

  bool is_ask() const { return query_.form == sparql::QueryForm::Ask; }

  // Throw ValidationFailure when the engine reports an error.
  Solutions select(Validator& validator, const PreBindings& bindings) const;
  bool ask(Validator& validator, const PreBindings& bindings) const;

 private:
  PreparedQuery(sparql::Query query, rdf::NodeRef executable)
      : query_(std::move(query)), executable_(executable) {}
  void run(Validator& validator, const PreBindings& bindings, sparql::ResultHandler& handler) const;

  sparql::Query query_;
  rdf::NodeRef executable_;  // names the query in failures
};

}  // namespace kg::validate::shacl
