// Binding a saved query's parameters. A value is parsed as exactly one RDF term and bound in
// the parsed algebra, so no value can change what the query says:
//
// - the query's WHERE clause gets a one-row VALUES table of the bound parameters joined in as
//   its first element, exactly as if "VALUES (?p ...) { (term ...) }" were written first in
//   it (SPARQL 1.1 §18.2.2.6: the table is joined with the pattern that follows);
// - inside SERVICE patterns, which a local service answers without seeing outer bindings
//   (kg:paths needs its kg:start and kg:end as constants), the parameter variables are
//   replaced by their terms.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rdf/term.hpp"
#include "saved/saved_query.hpp"
#include "sparql/sparql.hpp"

namespace kg::saved {

struct Binding {
  std::string name;  // the parameter
  rdf::Term value;
};

// Parses a parameter value: an <IRI>, a prefixed name (the standard prefixes and the query's
// own), or a literal in SPARQL/Turtle syntax. Literals of the checked XSD datatypes must be
// well-formed ("2024-13"^^xsd:gYearMonth is refused). Throws kg::Error "parameter 'NAME':
// ..." for anything that is not exactly one such term.
rdf::Term parse_parameter_value(const SavedQuery& saved, std::string_view name,
                                std::string_view text);

// The bindings for one run: each "NAME=VALUE" given, then the defaults of parameters not
// given. Throws kg::Error for an unknown parameter, one given twice, a malformed
// "NAME=VALUE", a bad value, or a required parameter left out.
std::vector<Binding> resolve_parameters(const SavedQuery& saved,
                                        const std::vector<std::string>& given);

// The bindings the committed expected answer is recorded with: each parameter's example,
// else its default.
std::vector<Binding> expectation_parameters(const SavedQuery& saved);

// The saved query's algebra with these bindings applied (see the top of this file).
sparql::Query bind_parameters(const SavedQuery& saved, const std::vector<Binding>& bindings);

// A term as a parameter value is written: IRIs abbreviated with `prefixes` where possible,
// otherwise N-Triples syntax.
std::string display_term(const rdf::Term& term, const rdf::PrefixMap& prefixes);

// The prefixes parameter values may use: the standard ones and the query's own.
rdf::PrefixMap value_prefixes(const sparql::Query& query);

// The variables a query assigns with BIND, a SELECT expression or GROUP BY (expr AS ?v):
// a parameter must not be one of them, since its value comes from the caller.
std::vector<sparql::Variable> assigned_variables(const sparql::Op& op);

}  // namespace kg::saved
