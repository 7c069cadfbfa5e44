// IRIs of the modelling terms an ontology is read with, and of the provenance terms the
// project's ontology declares for claims (docs/seed-format.md).
#pragma once

#include <string_view>

namespace kg::validate::terms {

inline constexpr std::string_view kRdfProperty =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property";
inline constexpr std::string_view kRdfSubject =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
inline constexpr std::string_view kRdfPredicate =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
inline constexpr std::string_view kRdfObject = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";
inline constexpr std::string_view kRdfPlainLiteral =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#PlainLiteral";

inline constexpr std::string_view kRdfsClass = "http://www.w3.org/2000/01/rdf-schema#Class";
inline constexpr std::string_view kRdfsDatatype = "http://www.w3.org/2000/01/rdf-schema#Datatype";
inline constexpr std::string_view kRdfsLiteral = "http://www.w3.org/2000/01/rdf-schema#Literal";
inline constexpr std::string_view kRdfsResource = "http://www.w3.org/2000/01/rdf-schema#Resource";
inline constexpr std::string_view kRdfsSubClassOf =
    "http://www.w3.org/2000/01/rdf-schema#subClassOf";
inline constexpr std::string_view kRdfsSubPropertyOf =
    "http://www.w3.org/2000/01/rdf-schema#subPropertyOf";
inline constexpr std::string_view kRdfsDomain = "http://www.w3.org/2000/01/rdf-schema#domain";
inline constexpr std::string_view kRdfsRange = "http://www.w3.org/2000/01/rdf-schema#range";
inline constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
inline constexpr std::string_view kRdfsComment = "http://www.w3.org/2000/01/rdf-schema#comment";

inline constexpr std::string_view kXsdDateTimeStamp =
    "http://www.w3.org/2001/XMLSchema#dateTimeStamp";

inline constexpr std::string_view kOwlClass = "http://www.w3.org/2002/07/owl#Class";
inline constexpr std::string_view kOwlThing = "http://www.w3.org/2002/07/owl#Thing";
inline constexpr std::string_view kOwlUnionOf = "http://www.w3.org/2002/07/owl#unionOf";

inline constexpr std::string_view kSkosPrefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel";
inline constexpr std::string_view kSkosAltLabel = "http://www.w3.org/2004/02/skos/core#altLabel";
inline constexpr std::string_view kSkosNote = "http://www.w3.org/2004/02/skos/core#note";
inline constexpr std::string_view kSchemaDescription = "http://schema.org/description";

inline constexpr std::string_view kKgClaim = "https://kg.example.org/ontology#Claim";
inline constexpr std::string_view kKgSourceDocument =
    "https://kg.example.org/ontology#SourceDocument";
inline constexpr std::string_view kKgEvidence = "https://kg.example.org/ontology#evidence";
inline constexpr std::string_view kKgStatedIn = "https://kg.example.org/ontology#statedIn";
inline constexpr std::string_view kKgConflictsWith =
    "https://kg.example.org/ontology#conflictsWith";

}  // namespace kg::validate::terms
