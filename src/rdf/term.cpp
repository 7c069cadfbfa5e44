#include "rdf/term.hpp"

#include <cstdio>

#include "rdf/vocabulary.hpp"

namespace kg::rdf {

Term Term::iri(std::string iri) {
  return Term{TermKind::Iri, std::move(iri), {}, {}};
}

Term Term::blank(std::string label) {
  return Term{TermKind::Blank, std::move(label), {}, {}};
}

Term Term::literal(std::string lexical) {
  return Term{TermKind::Literal, std::move(lexical), std::string(vocab::kXsdString), {}};
}

Term Term::typed_literal(std::string lexical, std::string datatype) {
  if (datatype.empty()) datatype = vocab::kXsdString;
  return Term{TermKind::Literal, std::move(lexical), std::move(datatype), {}};
}

Term Term::lang_literal(std::string lexical, std::string language) {
  return Term{TermKind::Literal, std::move(lexical), std::string(vocab::kRdfLangString),
              lowercase_ascii(language)};
}

std::string lowercase_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string escape_string_literal(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned char>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string escape_iri(std::string_view iri) {
  std::string out;
  out.reserve(iri.size());
  for (char c : iri) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\') {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04X", byte);
      out += buffer;
    } else {
      out += c;
    }
  }
  return out;
}

std::string Term::to_ntriples() const {
  switch (kind) {
    case TermKind::Iri:
      return '<' + escape_iri(value) + '>';
    case TermKind::Blank:
      return "_:" + value;
    case TermKind::Literal:
      break;
  }
  std::string out = '"' + escape_string_literal(value) + '"';
  if (!language.empty()) return out + '@' + language;
  if (datatype != vocab::kXsdString) out += "^^<" + escape_iri(datatype) + '>';
  return out;
}

}  // namespace kg::rdf

size_t std::hash<kg::rdf::Term>::operator()(const kg::rdf::Term& term) const noexcept {
  size_t h = std::hash<std::string>{}(term.value);
  h = h * 31 + static_cast<size_t>(term.kind);
  h ^= std::hash<std::string>{}(term.datatype) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= std::hash<std::string>{}(term.language) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}
