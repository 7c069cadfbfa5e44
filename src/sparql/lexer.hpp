// The SPARQL tokenizer (SPARQL 1.1 §19.8 terminals). The query text is first freed of its
// \u and \U code point escapes (§19.2) by QueryText, which also maps positions in the
// unescaped text back to lines and columns of what the user wrote.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/error.hpp"

namespace kg::sparql {

// The query text after code point escape processing, with the means to report errors at
// positions of the original.
class QueryText {
 public:
  // Throws kg::Error on a malformed escape or one naming no Unicode scalar value.
  QueryText(std::string_view original, std::string source_name);

  std::string_view text() const { return text_; }
  SourceLocation locate(size_t offset) const;
  [[noreturn]] void fail(size_t offset, const std::string& message) const;

 private:
  size_t original_offset(size_t offset) const;

  std::string_view original_;
  std::string source_name_;
  std::string text_;
  // After each escape: (offset in text_, offset in original_), both just past it.
  std::vector<std::pair<size_t, size_t>> escape_ends_;
};

enum class TokenKind {
  End,
  IriRef,          // text: the IRI as written between < and >, not yet resolved
  PrefixedName,    // prefix: before ':', text: the local part with escapes removed
  BlankNodeLabel,  // text: the label after "_:"
  Variable,        // text: the name after '?' or '$'
  LangTag,         // text: the tag after '@'
  Integer,         // text: the lexical form as written, sign included
  Decimal,
  Double,
  String,  // text: the value, escapes processed
  Word,    // keywords, 'a', true/false, and anything else made of name characters
  Punct,   // text: the operator or delimiter, e.g. "{", "^^", "&&"
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::string text;
  std::string prefix;  // PrefixedName only
  size_t offset = 0;   // in QueryText::text()
  size_t length = 0;

  bool is_punct(std::string_view punct) const { return kind == TokenKind::Punct && text == punct; }
  // Case-insensitive, as SPARQL keywords are (all but 'a', which callers compare exactly).
  bool is_keyword(std::string_view keyword) const;
  bool is_number() const {
    return kind == TokenKind::Integer || kind == TokenKind::Decimal || kind == TokenKind::Double;
  }
  // A signed number such as "+1" or "-2.5", which the grammar also reads as an operator.
  bool is_signed_number() const {
    return is_number() && (text.front() == '+' || text.front() == '-');
  }
};

class Lexer {
 public:
  explicit Lexer(const QueryText& source);

  Token next();
  // How a token reads in "found ..." messages.
  std::string describe(const Token& token) const;

 private:
  void skip_space_and_comments();
  Token make(TokenKind kind, size_t start, std::string text);
  Token lex_iri_or_less_than(size_t start);
  Token lex_variable(size_t start);
  Token lex_string(size_t start);
  Token lex_lang_tag(size_t start);
  Token lex_blank_node_label(size_t start);
  Token lex_number(size_t start);
  Token lex_name(size_t start);
  Token lex_prefixed_name(size_t start, std::string prefix);
  Token lex_punct(size_t start);
  size_t scan_name_characters();
  size_t scan_local_name(std::string& local);
  void scan_escape(std::string& out);

  char32_t peek_code_point(size_t at, size_t* length) const;
  bool at(size_t pos, char c) const { return pos < text_.size() && text_[pos] == c; }
  [[noreturn]] void fail(size_t offset, const std::string& message) const {
    source_.fail(offset, message);
  }

  const QueryText& source_;
  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace kg::sparql
