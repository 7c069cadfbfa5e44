// Triple patterns with the Turtle abbreviations (';' ',' '[...]' collections 'a'), property
// paths, and their translation (§18.2.2.4): a link is a triple, ^link a reversed triple, a
// sequence splits at a fresh hidden variable, anything else is a Path pattern.
#include "rdf/vocabulary.hpp"
#include "sparql/parser.hpp"

namespace kg::sparql::detail {

namespace {

Term rdf_term(std::string_view iri) {
  return Term::iri(std::string(iri));
}

PathExpr path_of(PathExpr::Kind kind, std::vector<PathExpr> operands) {
  PathExpr path;
  path.kind = kind;
  path.operands = std::move(operands);
  return path;
}

PathExpr link(Term iri) {
  PathExpr path;
  path.kind = PathExpr::Kind::Link;
  path.iri = std::move(iri);
  return path;
}

}  // namespace

bool Parser::parse_triples_block(std::vector<TriplesElement>& out) {
  do {
    parse_triples_same_subject(out, true);
    if (!accept_punct(".")) return false;
  } while (at_triples_start());
  return true;
}

void Parser::parse_triples_same_subject(std::vector<TriplesElement>& out, bool paths) {
  bool node_with_properties =
      (at_punct("[") && !at_punct("]", 1)) || (at_punct("(") && !at_punct(")", 1));
  if (node_with_properties) {
    // A blank node property list or a collection may stand alone as a subject.
    PatternTerm subject = parse_graph_node(out, paths);
    if (at_verb(paths)) parse_property_list(subject, out, paths);
    return;
  }
  PatternTerm subject = parse_var_or_term();
  if (!at_verb(paths)) fail_expected("a predicate");
  parse_property_list(subject, out, paths);
}

bool Parser::at_verb(bool paths) {
  const Token& token = peek();
  if (at_variable() || at_iri() || (token.kind == TokenKind::Word && token.text == "a"))
    return true;
  return paths && (token.is_punct("^") || token.is_punct("(") || token.is_punct("!"));
}

void Parser::parse_property_list(const PatternTerm& subject, std::vector<TriplesElement>& out,
                                 bool paths) {
  while (true) {
    Verb verb = parse_verb(paths);
    parse_object_list(subject, verb, out, paths);
    if (!accept_punct(";")) return;
    while (accept_punct(";")) {
    }
    if (!at_verb(paths)) return;
  }
}

Verb Parser::parse_verb(bool paths) {
  if (at_variable()) return PatternTerm{parse_variable()};
  if (paths) return parse_path();
  if (peek().kind == TokenKind::Word && peek().text == "a") {
    take();
    return PatternTerm{rdf_term(rdf::vocab::kRdfType)};
  }
  if (!at_iri()) fail_expected("a predicate");
  return PatternTerm{parse_iri()};
}

void Parser::parse_object_list(const PatternTerm& subject, const Verb& verb,
                               std::vector<TriplesElement>& out, bool paths) {
  do {
    PatternTerm object = parse_graph_node(out, paths);
    add_pattern(subject, verb, object, out);
  } while (accept_punct(","));
}

PatternTerm Parser::parse_graph_node(std::vector<TriplesElement>& out, bool paths) {
  Nesting nesting(*this, Nesting::kRecursion);
  if (at_punct("[") && !at_punct("]", 1)) return parse_blank_node_property_list(out, paths);
  if (at_punct("(") && !at_punct(")", 1)) return parse_collection(out, paths);
  return parse_var_or_term();
}

PatternTerm Parser::parse_var_or_term() {
  const Token& token = peek();
  if (at_variable()) return PatternTerm{parse_variable()};
  if (at_iri()) return PatternTerm{parse_iri()};
  if (at_literal()) return PatternTerm{parse_literal()};
  if (token.kind == TokenKind::BlankNodeLabel) return PatternTerm{blank_node(take())};
  if (at_punct("[") && at_punct("]", 1)) {
    take();
    take();
    return PatternTerm{fresh_variable('?')};
  }
  if (at_punct("(") && at_punct(")", 1)) {
    take();
    take();
    return PatternTerm{rdf_term(rdf::vocab::kRdfNil)};
  }
  fail_expected("a variable or an RDF term");
}

PatternTerm Parser::parse_blank_node_property_list(std::vector<TriplesElement>& out, bool paths) {
  expect_punct("[");
  PatternTerm node{fresh_variable('?')};
  if (!at_verb(paths)) fail_expected("a predicate or ']'");
  parse_property_list(node, out, paths);
  expect_punct("]");
  return node;
}

PatternTerm Parser::parse_collection(std::vector<TriplesElement>& out, bool paths) {
  expect_punct("(");
  std::vector<PatternTerm> items;
  while (!accept_punct(")"))
    items.push_back(parse_graph_node(out, paths));
  PatternTerm head{fresh_variable('?')};
  PatternTerm node = head;
  for (size_t i = 0; i < items.size(); ++i) {
    bool last = i + 1 == items.size();
    PatternTerm rest =
        last ? PatternTerm{rdf_term(rdf::vocab::kRdfNil)} : PatternTerm{fresh_variable('?')};
    out.emplace_back(TriplePattern{node, PatternTerm{rdf_term(rdf::vocab::kRdfFirst)}, items[i]});
    out.emplace_back(TriplePattern{node, PatternTerm{rdf_term(rdf::vocab::kRdfRest)}, rest});
    node = rest;
  }
  return head;
}

void Parser::add_pattern(const PatternTerm& subject, const Verb& verb, const PatternTerm& object,
                         std::vector<TriplesElement>& out) {
  if (const auto* predicate = std::get_if<PatternTerm>(&verb)) {
    out.emplace_back(TriplePattern{subject, *predicate, object});
    return;
  }
  const PathExpr& path = std::get<PathExpr>(verb);
  switch (path.kind) {
    case PathExpr::Kind::Link:
      out.emplace_back(TriplePattern{subject, PatternTerm{path.iri}, object});
      return;
    case PathExpr::Kind::Inverse:
      if (path.operands[0].kind == PathExpr::Kind::Link) {
        out.emplace_back(TriplePattern{object, PatternTerm{path.operands[0].iri}, subject});
        return;
      }
      break;
    case PathExpr::Kind::Sequence: {
      PatternTerm middle{fresh_variable('?')};
      add_pattern(subject, Verb{path.operands[0]}, middle, out);
      add_pattern(middle, Verb{path.operands[1]}, object, out);
      return;
    }
    default:
      break;
  }
  out.emplace_back(PathPattern{subject, path, object});
}

// ---------------------------------------------------------------------------------------------
// Property paths

PathExpr Parser::parse_path() {
  Nesting nesting(*this, Nesting::kRecursion);
  PathExpr path = parse_path_sequence();
  while (accept_punct("|") && (nesting.deeper(), true))
    path = path_of(PathExpr::Kind::Alternative, {std::move(path), parse_path_sequence()});
  return path;
}

PathExpr Parser::parse_path_sequence() {
  PathExpr path = parse_path_element();
  Nesting chain(*this, 0);
  while (accept_punct("/") && (chain.deeper(), true))
    path = path_of(PathExpr::Kind::Sequence, {std::move(path), parse_path_element()});
  return path;
}

PathExpr Parser::parse_path_element() {
  bool inverse = accept_punct("^");
  PathExpr path = parse_path_primary();
  if (accept_punct("?"))
    path = path_of(PathExpr::Kind::ZeroOrOne, {std::move(path)});
  else if (accept_punct("*"))
    path = path_of(PathExpr::Kind::ZeroOrMore, {std::move(path)});
  else if (accept_punct("+"))
    path = path_of(PathExpr::Kind::OneOrMore, {std::move(path)});
  if (inverse) path = path_of(PathExpr::Kind::Inverse, {std::move(path)});
  return path;
}

PathExpr Parser::parse_path_primary() {
  if (peek().kind == TokenKind::Word && peek().text == "a") {
    take();
    return link(rdf_term(rdf::vocab::kRdfType));
  }
  if (at_iri()) return link(parse_iri());
  if (accept_punct("!")) return parse_negated_property_set();
  if (accept_punct("(")) {
    PathExpr path = parse_path();
    expect_punct(")");
    return path;
  }
  fail_expected("a property path");
}

PathExpr Parser::parse_negated_property_set() {
  PathExpr set;
  set.kind = PathExpr::Kind::NegatedSet;
  auto parse_one = [&] {
    bool inverse = accept_punct("^");
    Term iri;
    if (peek().kind == TokenKind::Word && peek().text == "a") {
      take();
      iri = rdf_term(rdf::vocab::kRdfType);
    } else if (at_iri()) {
      iri = parse_iri();
    } else {
      fail_expected("an IRI or 'a' in a negated property set");
    }
    (inverse ? set.inverse : set.forward).push_back(std::move(iri));
  };
  if (!accept_punct("(")) {
    parse_one();
    return set;
  }
  if (accept_punct(")")) return set;
  do {
    parse_one();
  } while (accept_punct("|"));
  expect_punct(")");
  return set;
}

// ---------------------------------------------------------------------------------------------
// CONSTRUCT templates

std::vector<TriplePattern> Parser::parse_construct_template() {
  expect_punct("{");
  ScopedAssign<bool> template_labels(in_template_, true);
  std::vector<TriplePattern> triples = parse_template_triples("}");
  expect_punct("}");
  return triples;
}

std::vector<TriplePattern> Parser::parse_template_triples(std::string_view closing) {
  std::vector<TriplesElement> elements;
  while (!at_punct(closing)) {
    parse_triples_same_subject(elements, false);
    if (!accept_punct(".")) break;
  }
  std::vector<TriplePattern> triples;
  for (TriplesElement& element : elements)
    triples.push_back(std::get<TriplePattern>(element));
  return triples;
}

}  // namespace kg::sparql::detail
