#include "sparql/parser.hpp"

#include "rdf/iri.hpp"
#include "rdf/vocabulary.hpp"

namespace kg::sparql {

namespace detail {

Parser::Parser(const QueryText& text, const ParseOptions& options) : text_(text), lexer_(text) {
  query_.base_iri = options.base_iri;
}

Query Parser::parse() {
  parse_prologue();
  if (at_keyword("SELECT")) {
    parse_select_query();
  } else if (at_keyword("CONSTRUCT")) {
    parse_construct_query();
  } else if (at_keyword("DESCRIBE")) {
    parse_describe_query();
  } else if (at_keyword("ASK")) {
    parse_ask_query();
  } else {
    fail_expected("SELECT, CONSTRUCT, DESCRIBE or ASK");
  }
  if (peek().kind != TokenKind::End) fail_expected("end of query");
  return std::move(query_);
}

Term Parser::parse_single_term(const rdf::PrefixMap& prefixes) {
  query_.prefixes = prefixes;
  size_t start = peek().offset;
  Term term;
  if (at_iri()) {
    bool written_in_full = peek().kind == TokenKind::IriRef;
    term = parse_iri();
    if (written_in_full && !rdf::has_iri_scheme(term.value))
      fail_at(start, "expected an absolute IRI, found the relative <" + term.value + ">");
  } else if (at_literal()) {
    term = parse_literal();
  } else {
    fail_expected("an IRI, a prefixed name or a literal");
  }
  if (peek().kind != TokenKind::End) fail_expected("the end of the term");
  return term;
}

void Parser::Nesting::deeper() {
  constexpr int kMaxNesting = 1000;  // about 250 brackets or groups, or 1000 chained operators
  ++levels_;
  if (++parser_.depth_ > kMaxNesting)
    parser_.fail_at(parser_.peek().offset, "expressions or patterns are nested too deeply here");
}

// ---------------------------------------------------------------------------------------------
// Tokens

const Token& Parser::peek(size_t ahead) {
  while (lookahead_.size() <= ahead)
    lookahead_.push_back(lexer_.next());
  return lookahead_[ahead];
}

Token Parser::take() {
  peek();
  Token token = std::move(lookahead_.front());
  lookahead_.pop_front();
  return token;
}

bool Parser::accept_punct(std::string_view punct) {
  if (!at_punct(punct)) return false;
  take();
  return true;
}

bool Parser::accept_keyword(std::string_view keyword) {
  if (!at_keyword(keyword)) return false;
  take();
  return true;
}

Token Parser::expect_punct(std::string_view punct) {
  if (!at_punct(punct)) fail_expected("'" + std::string(punct) + "'");
  return take();
}

Token Parser::expect_keyword(std::string_view keyword) {
  if (!at_keyword(keyword)) fail_expected(std::string(keyword));
  return take();
}

void Parser::fail_expected(std::string_view expected) {
  const Token& found = peek();
  fail_at(found.offset, "expected " + std::string(expected) + ", found " + lexer_.describe(found));
}

void Parser::fail_at(size_t offset, const std::string& message) const {
  text_.fail(offset, message);
}

// ---------------------------------------------------------------------------------------------
// Terms

bool Parser::at_literal() {
  const Token& token = peek();
  return token.kind == TokenKind::String || token.is_number() || token.is_keyword("true") ||
         token.is_keyword("false");
}

std::string Parser::resolve(std::string_view reference) const {
  return rdf::resolve_iri(query_.base_iri, reference);
}

std::string Parser::parse_iri_string() {
  if (peek().kind == TokenKind::IriRef) return resolve(take().text);
  if (peek().kind != TokenKind::PrefixedName) fail_expected("an IRI");
  Token name = take();
  auto namespace_iri = query_.prefixes.find(name.prefix);
  if (!namespace_iri) fail_at(name.offset, "undefined prefix '" + name.prefix + ":'");
  return std::string(*namespace_iri) + name.text;
}

Term Parser::parse_iri() {
  return Term::iri(parse_iri_string());
}

Term Parser::parse_number_literal(bool strip_sign) {
  Token token = take();
  std::string lexical = token.text;
  if (strip_sign && (lexical.front() == '+' || lexical.front() == '-')) lexical.erase(0, 1);
  std::string_view datatype = token.kind == TokenKind::Integer   ? rdf::vocab::kXsdInteger
                              : token.kind == TokenKind::Decimal ? rdf::vocab::kXsdDecimal
                                                                 : rdf::vocab::kXsdDouble;
  return Term::typed_literal(std::move(lexical), std::string(datatype));
}

Term Parser::parse_literal() {
  const Token& token = peek();
  if (token.is_number()) return parse_number_literal(false);
  if (token.is_keyword("true") || token.is_keyword("false")) {
    std::string value = token.is_keyword("true") ? "true" : "false";
    take();
    return Term::typed_literal(std::move(value), std::string(rdf::vocab::kXsdBoolean));
  }
  if (token.kind != TokenKind::String) fail_expected("a literal");
  std::string lexical = take().text;
  if (peek().kind == TokenKind::LangTag) return Term::lang_literal(std::move(lexical), take().text);
  if (accept_punct("^^")) return Term::typed_literal(std::move(lexical), parse_iri_string());
  return Term::literal(std::move(lexical));
}

// ---------------------------------------------------------------------------------------------
// Variables and blank nodes

Variable Parser::variable(const std::string& name) {
  auto [found, inserted] =
      variable_ids_.try_emplace(name, static_cast<uint32_t>(query_.variables.size()));
  if (inserted) query_.variables.push_back(VariableInfo{name, false});
  return Variable{found->second};
}

Variable Parser::parse_variable() {
  if (!at_variable()) fail_expected("a variable");
  return variable(take().text);
}

Variable Parser::fresh_variable(char marker) {
  // The marker keeps hidden names apart from user names, which cannot contain it.
  std::string name = marker + std::to_string(hidden_counter_++);
  Variable fresh{static_cast<uint32_t>(query_.variables.size())};
  query_.variables.push_back(VariableInfo{name, true});
  variable_ids_.emplace(std::move(name), fresh.id);
  return fresh;
}

Variable Parser::blank_node(const Token& label) {
  if (in_template_) {
    auto found = template_labels_.find(label.text);
    if (found != template_labels_.end()) return found->second;
    return template_labels_.emplace(label.text, fresh_variable('?')).first->second;
  }
  auto found = blank_labels_.find(label.text);
  if (found == blank_labels_.end())
    return blank_labels_.emplace(label.text, BlankLabel{fresh_variable('?'), blank_scope_})
        .first->second.variable;
  if (found->second.scope != blank_scope_)
    fail_at(label.offset,
            "blank node label '_:" + label.text + "' is used in more than one basic graph pattern");
  return found->second.variable;
}

}  // namespace detail

Query parse_query(std::string_view text, const ParseOptions& options) {
  QueryText query_text(text, options.source_name);
  detail::Parser parser(query_text, options);
  return parser.parse();
}

rdf::Term parse_term(std::string_view text, const rdf::PrefixMap& prefixes,
                     const ParseOptions& options) {
  QueryText term_text(text, options.source_name);
  detail::Parser parser(term_text, options);
  return parser.parse_single_term(prefixes);
}

}  // namespace kg::sparql
