// Finding the entity a user means: by IRI, by prefixed name, or by any label or alias in any
// language, forgiving case, spacing and punctuation.
#pragma once

#include <string>
#include <string_view>

#include "path/labels.hpp"
#include "rdf/node.hpp"
#include "rdf/prefixes.hpp"
#include "rdf/store.hpp"

namespace kg::path {

// The key two spellings of a name share when they differ only in case, spacing, punctuation
// or accents: Unicode NFKC case folding, then accents and every punctuation and space
// character dropped ("Lee Sung-jin" and "lee sungjin" give "leesungjin"). ICU does this
// rather than towlower because it needs no UTF-8 locale installed at run time and folds
// Cyrillic, Greek and full-width forms the same way everywhere.
std::string normalize_name(std::string_view text);

// text: "<iri>", a bare http(s): or urn: IRI, a prefixed name with a known prefix, or a label
// or alias (rdfs:label, skos:prefLabel, skos:altLabel, schema:name, in any graph and language).
// Labels match exactly first, then by normalize_name. Throws kg::Error when nothing matches
// (suggesting near spellings) or when several entities do (listing them). The store is only
// changed by interning the IRI asked for.
rdf::NodeRef resolve_entity(rdf::Store& store, std::string_view text, Labeler& labeler);

// An IRI, <IRI> or prefixed name that must name a predicate used in the store (for --via).
rdf::NodeRef resolve_predicate(const rdf::Store& store, std::string_view text,
                               const rdf::PrefixMap& prefixes);

}  // namespace kg::path
