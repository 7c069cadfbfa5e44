// Resolving relative IRI references against a base IRI (RFC 3986 §5.2): for the relative IRIs
// of Turtle and TriG documents, of SPARQL queries, and of IRI() at run time.
#pragma once

#include <string>
#include <string_view>

namespace kg::rdf {

// True if reference starts with a scheme ("http:", "urn:", ...).
bool has_iri_scheme(std::string_view reference);

// The target IRI of reference against base, with the dot segments ("." and "..") of its path
// removed. An absolute reference is returned as given (IRIs in data are not normalised); with
// an empty base, so is a relative one.
std::string resolve_iri(std::string_view base, std::string_view reference);

}  // namespace kg::rdf
