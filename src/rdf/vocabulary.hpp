// IRIs of the well-known vocabularies the code itself refers to.
#pragma once

#include <string_view>

namespace kg::rdf::vocab {

inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kSchema = "http://schema.org/";
inline constexpr std::string_view kDcterms = "http://purl.org/dc/terms/";

inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
inline constexpr std::string_view kRdfFirst = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
inline constexpr std::string_view kRdfRest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
inline constexpr std::string_view kRdfNil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";

inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
inline constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
inline constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
inline constexpr std::string_view kXsdFloat = "http://www.w3.org/2001/XMLSchema#float";
inline constexpr std::string_view kXsdDate = "http://www.w3.org/2001/XMLSchema#date";
inline constexpr std::string_view kXsdDateTime = "http://www.w3.org/2001/XMLSchema#dateTime";
inline constexpr std::string_view kXsdDuration = "http://www.w3.org/2001/XMLSchema#duration";

// The project's own namespaces (see docs/seed-format.md).
inline constexpr std::string_view kKg = "https://kg.example.org/ontology#";
inline constexpr std::string_view kKgData = "https://kg.example.org/id/";
inline constexpr std::string_view kKgSource = "https://kg.example.org/source/";
inline constexpr std::string_view kKgClaim = "https://kg.example.org/claim/";

// The named graphs of a built dataset besides the one per source document.
inline constexpr std::string_view kOntologyGraph = "https://kg.example.org/graph/ontology";
inline constexpr std::string_view kEntitiesGraph = "https://kg.example.org/graph/entities";

}  // namespace kg::rdf::vocab
