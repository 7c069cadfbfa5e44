#include "sparql/lexer.hpp"

#include <algorithm>

namespace kg::sparql {

namespace {

constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;
// Editors on some systems start UTF-8 files with one; it is not part of the query.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

char32_t decode_utf8(std::string_view text, size_t at, size_t* length) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[at + i]); };
  unsigned char first = byte(0);
  size_t size = first < 0x80           ? 1
                : (first >> 5) == 0x6  ? 2
                : (first >> 4) == 0xE  ? 3
                : (first >> 3) == 0x1E ? 4
                                       : 0;
  *length = size == 0 ? 1 : size;
  if (size == 0 || at + size > text.size()) return kInvalidCodePoint;
  if (size == 1) return first;
  char32_t c = first & (0x7F >> size);
  for (size_t i = 1; i < size; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return kInvalidCodePoint;
    c = (c << 6) | (byte(i) & 0x3F);
  }
  return c;
}

bool is_pn_chars_base(char32_t c) {
  if (c < 0x80) return c < 0x7F && is_ascii_letter(static_cast<char>(c));
  return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) ||
         (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) ||
         (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) ||
         (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
         (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0xEFFFF);
}

bool is_pn_chars_u(char32_t c) {
  return c == '_' || is_pn_chars_base(c);
}

// The characters VARNAME allows after its first, which PN_CHARS extends with '-'.
bool is_name_continuation(char32_t c) {
  return is_pn_chars_u(c) || (c >= '0' && c <= '9') || c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x203F && c <= 0x2040);
}

bool is_pn_chars(char32_t c) {
  return c == '-' || is_name_continuation(c);
}

bool is_local_escapable(char c) {
  return std::string_view("_~.-!$&'()*+,;=/?#@%").find(c) != std::string_view::npos;
}

bool is_iri_forbidden(char c) {
  return static_cast<unsigned char>(c) <= 0x20 ||
         std::string_view("<>\"{}|^`\\").find(c) != std::string_view::npos;
}

// Longest punctuation first, so that "^^" wins over "^" and "<=" over "<".
constexpr std::string_view kPunctuation[] = {"^^", "&&", "||", "!=", "<=", ">=", "{", "}", "(",
                                             ")",  "[",  "]",  ".",  ",",  ";",  "*", "/", "|",
                                             "^",  "!",  "=",  "<",  ">",  "+",  "-", "?"};

}  // namespace

// ---------------------------------------------------------------------------------------------
// QueryText

QueryText::QueryText(std::string_view original, std::string source_name)
    : original_(original), source_name_(std::move(source_name)) {
  text_.reserve(original.size());
  size_t pos = 0;
  while (pos < original.size()) {
    size_t digits = 0;
    if (original[pos] == '\\' && pos + 1 < original.size())
      digits = original[pos + 1] == 'u' ? 4 : original[pos + 1] == 'U' ? 8 : 0;
    char32_t code_point = 0;
    for (size_t i = 0; i < digits; ++i) {
      int value = pos + 2 + i < original.size() ? hex_value(original[pos + 2 + i]) : -1;
      if (value < 0) {
        digits = 0;  // not an escape: the lexer rejects the stray backslash where it matters
        break;
      }
      code_point = code_point * 16 + static_cast<char32_t>(value);
    }
    if (digits == 0) {
      text_ += original[pos++];
      continue;
    }
    escape_ends_.emplace_back(text_.size(), pos);  // provisional, for the error position
    if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
      fail(text_.size(), "the escape '" + std::string(original.substr(pos, digits + 2)) +
                             "' names no Unicode character");
    escape_ends_.pop_back();
    append_utf8(text_, code_point);
    pos += digits + 2;
    escape_ends_.emplace_back(text_.size(), pos);
  }
}

size_t QueryText::original_offset(size_t offset) const {
  auto after = std::upper_bound(escape_ends_.begin(), escape_ends_.end(), offset,
                                [](size_t value, const auto& end) { return value < end.first; });
  if (after == escape_ends_.begin()) return offset;
  const auto& [text_end, original_end] = *std::prev(after);
  return original_end + (offset - text_end);
}

SourceLocation QueryText::locate(size_t offset) const {
  size_t target = std::min(original_offset(offset), original_.size());
  SourceLocation where;
  where.file = source_name_;
  where.line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < target; ++i) {
    if (original_[i] == '\n') {
      ++where.line;
      line_start = i + 1;
    }
  }
  where.column = 1;
  if (line_start == 0 && original_.starts_with(kByteOrderMark)) line_start = kByteOrderMark.size();
  for (size_t i = line_start; i < target; ++i)
    if ((static_cast<unsigned char>(original_[i]) & 0xC0) != 0x80) ++where.column;
  return where;
}

void QueryText::fail(size_t offset, const std::string& message) const {
  throw Error(locate(offset), message);
}

// ---------------------------------------------------------------------------------------------
// Tokens

bool Token::is_keyword(std::string_view keyword) const {
  if (kind != TokenKind::Word || text.size() != keyword.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char a = text[i], b = keyword[i];
    if (a >= 'a' && a <= 'z') a = static_cast<char>(a - 'a' + 'A');
    if (b >= 'a' && b <= 'z') b = static_cast<char>(b - 'a' + 'A');
    if (a != b) return false;
  }
  return true;
}

std::string Lexer::describe(const Token& token) const {
  if (token.kind == TokenKind::End) return "end of query";
  std::string_view raw = text_.substr(token.offset, token.length);
  constexpr size_t kMaxShown = 40;
  if (raw.size() > kMaxShown) return "'" + std::string(raw.substr(0, kMaxShown)) + "...'";
  return "'" + std::string(raw) + "'";
}

// ---------------------------------------------------------------------------------------------
// Lexer

Lexer::Lexer(const QueryText& source) : source_(source), text_(source.text()) {
  if (text_.starts_with(kByteOrderMark)) pos_ = kByteOrderMark.size();
}

Token Lexer::next() {
  skip_space_and_comments();
  size_t start = pos_;
  if (pos_ >= text_.size()) return make(TokenKind::End, start, {});
  char c = text_[pos_];
  if (c == '<') return lex_iri_or_less_than(start);
  if (c == '?' || c == '$') return lex_variable(start);
  if (c == '"' || c == '\'') return lex_string(start);
  if (c == '@') return lex_lang_tag(start);
  if (c == '_' && at(pos_ + 1, ':')) return lex_blank_node_label(start);
  bool digit_next = pos_ + 1 < text_.size() && is_digit(text_[pos_ + 1]);
  bool dot_digit_next = at(pos_ + 1, '.') && pos_ + 2 < text_.size() && is_digit(text_[pos_ + 2]);
  if (is_digit(c) || (c == '.' && digit_next)) return lex_number(start);
  if ((c == '+' || c == '-') && (digit_next || dot_digit_next)) return lex_number(start);
  if (c == ':') return lex_prefixed_name(start, {});
  size_t length = 0;
  if (is_pn_chars_base(peek_code_point(pos_, &length))) return lex_name(start);
  return lex_punct(start);
}

void Lexer::skip_space_and_comments() {
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++pos_;
    } else if (c == '#') {
      while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r')
        ++pos_;
    } else {
      break;
    }
  }
}

Token Lexer::make(TokenKind kind, size_t start, std::string text) {
  Token token;
  token.kind = kind;
  token.text = std::move(text);
  token.offset = start;
  token.length = pos_ - start;
  return token;
}

char32_t Lexer::peek_code_point(size_t at_offset, size_t* length) const {
  if (at_offset >= text_.size()) {
    *length = 0;
    return kInvalidCodePoint;
  }
  return decode_utf8(text_, at_offset, length);
}

Token Lexer::lex_iri_or_less_than(size_t start) {
  // By the longest-match rule "<" starts an IRI whenever an IRI reference can be read.
  size_t end = start + 1;
  while (end < text_.size() && !is_iri_forbidden(text_[end]))
    ++end;
  if (at(end, '>')) {
    pos_ = end + 1;
    return make(TokenKind::IriRef, start, std::string(text_.substr(start + 1, end - start - 1)));
  }
  return lex_punct(start);
}

Token Lexer::lex_variable(size_t start) {
  size_t length = 0;
  char32_t first = peek_code_point(pos_ + 1, &length);
  if (!(is_pn_chars_u(first) || (first >= '0' && first <= '9'))) {
    if (text_[start] == '?') return lex_punct(start);
    fail(start, "expected a variable name after '$'");
  }
  pos_ += 1 + length;
  while (is_name_continuation(peek_code_point(pos_, &length)))
    pos_ += length;
  return make(TokenKind::Variable, start, std::string(text_.substr(start + 1, pos_ - start - 1)));
}

void Lexer::scan_escape(std::string& out) {
  size_t start = pos_;
  ++pos_;  // the backslash
  if (pos_ >= text_.size()) fail(start, "unterminated escape in a string");
  switch (text_[pos_++]) {
    case 't':
      out += '\t';
      break;
    case 'b':
      out += '\b';
      break;
    case 'n':
      out += '\n';
      break;
    case 'r':
      out += '\r';
      break;
    case 'f':
      out += '\f';
      break;
    case '\\':
      out += '\\';
      break;
    case '"':
      out += '"';
      break;
    case '\'':
      out += '\'';
      break;
    default:
      fail(start, "invalid escape '" + std::string(text_.substr(start, 2)) + "'");
  }
}

Token Lexer::lex_string(size_t start) {
  char quote = text_[start];
  bool long_form = at(start + 1, quote) && at(start + 2, quote);
  pos_ = start + (long_form ? 3 : 1);
  std::string value;
  while (true) {
    if (pos_ >= text_.size()) fail(start, "unterminated string");
    char c = text_[pos_];
    if (c == '\\') {
      scan_escape(value);
      continue;
    }
    if (long_form) {
      if (c == quote && at(pos_ + 1, quote) && at(pos_ + 2, quote)) {
        pos_ += 3;
        break;
      }
    } else if (c == quote) {
      ++pos_;
      break;
    } else if (c == '\n' || c == '\r') {
      fail(pos_, "line break in a string (use \"\"\" for long strings)");
    }
    value += c;
    ++pos_;
  }
  return make(TokenKind::String, start, std::move(value));
}

Token Lexer::lex_lang_tag(size_t start) {
  pos_ = start + 1;
  auto scan_run = [&](bool allow_digits) {
    size_t run_start = pos_;
    while (pos_ < text_.size() &&
           (is_ascii_letter(text_[pos_]) || (allow_digits && is_digit(text_[pos_]))))
      ++pos_;
    return pos_ > run_start;
  };
  if (!scan_run(false)) fail(start, "expected a language tag after '@'");
  while (at(pos_, '-')) {
    ++pos_;
    if (!scan_run(true)) fail(pos_, "expected letters or digits in the language tag");
  }
  return make(TokenKind::LangTag, start, std::string(text_.substr(start + 1, pos_ - start - 1)));
}

Token Lexer::lex_blank_node_label(size_t start) {
  pos_ = start + 2;
  size_t length = 0;
  char32_t first = peek_code_point(pos_, &length);
  if (!(is_pn_chars_u(first) || (first >= '0' && first <= '9')))
    fail(start, "expected a blank node label after '_:'");
  pos_ += length;
  size_t end = scan_name_characters();
  return make(TokenKind::BlankNodeLabel, start,
              std::string(text_.substr(start + 2, end - start - 2)));
}

size_t Lexer::scan_name_characters() {
  // Names may contain '.' but not end with one, so the scan ends after the last non-dot.
  size_t end = pos_;
  size_t length = 0;
  while (true) {
    char32_t c = peek_code_point(pos_, &length);
    if (c != '.' && !is_pn_chars(c)) break;
    pos_ += length;
    if (c != '.') end = pos_;
  }
  pos_ = end;
  return end;
}

Token Lexer::lex_number(size_t start) {
  pos_ = start;
  if (text_[pos_] == '+' || text_[pos_] == '-') ++pos_;
  auto scan_digits = [&] {
    size_t from = pos_;
    while (pos_ < text_.size() && is_digit(text_[pos_]))
      ++pos_;
    return pos_ - from;
  };
  auto exponent_at = [&](size_t at_offset) {
    if (at_offset >= text_.size() || (text_[at_offset] != 'e' && text_[at_offset] != 'E'))
      return false;
    size_t digits_at = at_offset + 1;
    if (at(digits_at, '+') || at(digits_at, '-')) ++digits_at;
    return digits_at < text_.size() && is_digit(text_[digits_at]);
  };
  size_t integer_digits = scan_digits();
  TokenKind kind = TokenKind::Integer;
  if (at(pos_, '.') && pos_ + 1 < text_.size() && is_digit(text_[pos_ + 1])) {
    ++pos_;
    scan_digits();
    kind = TokenKind::Decimal;
  } else if (at(pos_, '.') && integer_digits > 0 && exponent_at(pos_ + 1)) {
    ++pos_;  // "1.e5"
  }
  if (exponent_at(pos_)) {
    ++pos_;
    if (at(pos_, '+') || at(pos_, '-')) ++pos_;
    scan_digits();
    kind = TokenKind::Double;
  }
  return make(kind, start, std::string(text_.substr(start, pos_ - start)));
}

Token Lexer::lex_name(size_t start) {
  // A run of PN_PREFIX characters: a prefix if a ':' follows, else a keyword-like word.
  pos_ = start;
  size_t end = scan_name_characters();
  std::string name(text_.substr(start, end - start));
  if (at(pos_, ':')) return lex_prefixed_name(start, std::move(name));
  return make(TokenKind::Word, start, std::move(name));
}

Token Lexer::lex_prefixed_name(size_t start, std::string prefix) {
  ++pos_;  // ':'
  std::string local;
  scan_local_name(local);
  Token token = make(TokenKind::PrefixedName, start, std::move(local));
  token.prefix = std::move(prefix);
  return token;
}

size_t Lexer::scan_local_name(std::string& local) {
  // PN_LOCAL: may not end in '.', so dots are held back until something else follows.
  size_t pending_dots = 0;
  bool first = true;
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    size_t length = 1;
    if (c == '%') {
      if (pos_ + 2 >= text_.size() || hex_value(text_[pos_ + 1]) < 0 ||
          hex_value(text_[pos_ + 2]) < 0)
        fail(pos_, "expected two hex digits after '%' in a prefixed name");
      length = 3;
    } else if (c == '\\') {
      if (pos_ + 1 >= text_.size() || !is_local_escapable(text_[pos_ + 1]))
        fail(pos_, "invalid escape in a prefixed name");
      length = 2;
    } else if (c == '.') {
      if (first) break;
      ++pending_dots;
      ++pos_;
      continue;
    } else {
      char32_t code_point = peek_code_point(pos_, &length);
      bool allowed = first ? (is_pn_chars_u(code_point) || c == ':' || is_digit(c))
                           : (is_pn_chars(code_point) || c == ':');
      if (!allowed) break;
    }
    local.append(pending_dots, '.');
    pending_dots = 0;
    if (c == '\\')
      local += text_[pos_ + 1];
    else
      local.append(text_.substr(pos_, length));
    pos_ += length;
    first = false;
  }
  pos_ -= pending_dots;
  return local.size();
}

Token Lexer::lex_punct(size_t start) {
  pos_ = start;
  for (std::string_view punct : kPunctuation) {
    if (text_.substr(pos_, punct.size()) == punct) {
      pos_ += punct.size();
      return make(TokenKind::Punct, start, std::string(punct));
    }
  }
  size_t length = 0;
  peek_code_point(pos_, &length);
  fail(start, "unexpected character '" + std::string(text_.substr(start, length)) + "'");
}

}  // namespace kg::sparql
