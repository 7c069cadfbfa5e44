// The lexical spaces of the XML Schema datatypes RDF uses, and how they derive from each other.
// Used to reject ill-typed literals ("2024-02-30"^^xsd:date) before they reach a graph.
#pragma once

#include <string_view>

namespace kg::rdf {

// True if lexical is in the lexical space of the datatype. Datatypes whose lexical space is
// not known here (is_checked_datatype false) accept every string: they cannot be judged.
bool is_valid_lexical_form(std::string_view datatype_iri, std::string_view lexical);

// True for the datatypes is_valid_lexical_form actually checks, xsd:string and
// rdf:langString included.
bool is_checked_datatype(std::string_view datatype_iri);

// True if derived is base or derives from it by restriction among the built-in XSD types
// (xsd:int derives from xsd:integer, which derives from xsd:decimal).
bool is_derived_datatype(std::string_view derived, std::string_view base);

// True if a timezone-bearing type like xsd:dateTime has one in this lexical form
// ("...T13:00:00+09:00", "...Z").
bool has_timezone(std::string_view lexical);

// A BCP 47 language tag in the simple form RDF allows: letters, then "-" subtags.
bool is_language_tag(std::string_view tag);

}  // namespace kg::rdf
