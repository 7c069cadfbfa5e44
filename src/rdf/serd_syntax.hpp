// Serd's name for a syntax, for the reader and the writer (internal to the rdf layer).
#pragma once

#include <serd/serd.h>

#include "rdf/syntax.hpp"
#include "util/error.hpp"

namespace kg::rdf::detail {

// RDF/XML is Raptor's business: Serd neither reads nor writes it.
inline SerdSyntax serd_syntax(Syntax syntax) {
  switch (syntax) {
    case Syntax::Turtle:
      return SERD_TURTLE;
    case Syntax::NTriples:
      return SERD_NTRIPLES;
    case Syntax::NQuads:
      return SERD_NQUADS;
    case Syntax::TriG:
      return SERD_TRIG;
    case Syntax::RdfXml:
      break;
  }
  throw Error("Serd does not read or write RDF/XML");
}

}  // namespace kg::rdf::detail
