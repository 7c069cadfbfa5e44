// Resolving relative IRI references against a base IRI (RFC 3986 §5.2), as the SPARQL parser
// does for IRIs in queries and IRI() does at run time.
#pragma once

#include <string>
#include <string_view>

namespace kg::sparql {

// True if reference starts with a scheme ("http:", "urn:", ...).
bool has_iri_scheme(std::string_view reference);

// The target IRI of reference against base. An absolute reference is returned as given
// (apart from dot-segment removal); with an empty base, so is a relative one.
std::string resolve_iri(std::string_view base, std::string_view reference);

}  // namespace kg::sparql
