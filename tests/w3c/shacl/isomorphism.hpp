// RDF graph isomorphism (RDF 1.1 Concepts §3.6): equal up to a one-to-one relabelling of blank
// nodes. For the small graphs the SHACL suite compares (validation reports).
#pragma once

#include <array>
#include <vector>

#include "rdf/term.hpp"

namespace kg::w3c {

using Triple = std::array<rdf::Term, 3>;

// Duplicate triples count once.
bool isomorphic(std::vector<Triple> a, std::vector<Triple> b);

}  // namespace kg::w3c
