// UTF-16 surrogates (U+D800 to U+DFFF) are not Unicode characters, so Turtle forbids \u and \U
// escapes of them, but Serd 0.30 decodes such escapes into the bytes ED A0..BF xx. The reader
// checks the nodes Serd hands over for those bytes (cheap: one memchr) and, only once it found
// one, scans the document to say where the offending escape is, since Serd 0.30 does not tell
// a callback where in the input it is.
#include <cstring>
#include <string>

#include "rdf/reader_detail.hpp"

namespace kg::rdf::detail {

namespace {

// UTF-8 puts the surrogates (which it must not encode) at lead byte ED, second byte A0..BF.
bool is_encoded_surrogate_at(std::string_view bytes, size_t i) {
  return i + 1 < bytes.size() && static_cast<unsigned char>(bytes[i]) == 0xED &&
         static_cast<unsigned char>(bytes[i + 1]) >= 0xA0 &&
         static_cast<unsigned char>(bytes[i + 1]) <= 0xBF;
}

// The length of the \uXXXX or \UXXXXXXXX escape at i if it escapes a surrogate, else 0.
size_t surrogate_escape_length_at(std::string_view text, size_t i) {
  if (i + 1 >= text.size() || text[i] != '\\') return 0;
  size_t digits = text[i + 1] == 'u' ? 4 : text[i + 1] == 'U' ? 8 : 0;
  if (digits == 0 || i + 2 + digits > text.size()) return 0;
  std::string hex(text.substr(i + 2, digits));
  if (hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) return 0;
  unsigned long code_point = std::stoul(hex, nullptr, 16);
  return code_point >= 0xD800 && code_point <= 0xDFFF ? 2 + digits : 0;
}

struct TokenScan {
  size_t end;                       // just past the token's closing delimiter
  std::optional<size_t> surrogate;  // where an encoded surrogate starts, if the token has one
};

// The body of an IRI or string literal, from start (just past its opening delimiter) up to and
// including closing. Escapes are only decoded here, so only here can one hide a surrogate.
TokenScan scan_token_body(std::string_view text, size_t start, std::string_view closing) {
  for (size_t i = start; i < text.size();) {
    if (text.compare(i, closing.size(), closing) == 0) return {i + closing.size(), {}};
    if (surrogate_escape_length_at(text, i) > 0 || is_encoded_surrogate_at(text, i)) return {i, i};
    i += text[i] == '\\' ? 2 : 1;  // an escaped delimiter does not close the token
  }
  return {text.size(), {}};
}

// The delimiter that closes the IRI or string literal opened at i, or "" if none opens there.
std::string_view closing_delimiter_at(std::string_view text, size_t i) {
  switch (text[i]) {
    case '<':
      return ">";
    case '"':
      return text.compare(i, 3, "\"\"\"") == 0 ? "\"\"\"" : "\"";
    case '\'':
      return text.compare(i, 3, "'''") == 0 ? "'''" : "'";
    default:
      return {};
  }
}

}  // namespace

bool has_encoded_surrogate(std::string_view utf8) {
  const char* data = utf8.data();
  const char* end = data + utf8.size();
  while (const void* found = std::memchr(data, 0xED, static_cast<size_t>(end - data))) {
    size_t offset = static_cast<size_t>(static_cast<const char*>(found) - utf8.data());
    if (is_encoded_surrogate_at(utf8, offset)) return true;
    data = static_cast<const char*>(found) + 1;
  }
  return false;
}

std::optional<size_t> find_encoded_surrogate(std::string_view document) {
  for (size_t i = 0; i < document.size();) {
    if (is_encoded_surrogate_at(document, i)) return i;
    if (document[i] == '#') {  // a comment, whose text Serd never decodes
      size_t line_end = document.find('\n', i);
      i = line_end == std::string_view::npos ? document.size() : line_end;
    } else if (std::string_view closing = closing_delimiter_at(document, i); !closing.empty()) {
      TokenScan token = scan_token_body(document, i + closing.size(), closing);
      if (token.surrogate) return token.surrogate;
      i = token.end;
    } else {
      i += document[i] == '\\' ? 2 : 1;  // keeps an escaped '#' of a local name out of comments
    }
  }
  return std::nullopt;
}

std::string encoded_surrogate_message(std::string_view document, size_t offset) {
  if (size_t length = surrogate_escape_length_at(document, offset))
    return "invalid escape " + std::string(document.substr(offset, length)) +
           ": UTF-16 surrogates (U+D800 to U+DFFF) are not Unicode characters";
  return "invalid UTF-8: an encoded UTF-16 surrogate (U+D800 to U+DFFF)";
}

}  // namespace kg::rdf::detail
