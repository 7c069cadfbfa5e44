#include "sparql/results/reader_base.hpp"

#include <algorithm>

namespace kg::sparql::results_detail {

bool RowBuilder::bind(std::string_view variable, rdf::Term value) {
  auto found = std::find(variables_.begin(), variables_.end(), variable);
  if (found == variables_.end()) return false;
  auto& cell = row_[static_cast<size_t>(found - variables_.begin())];
  if (cell) return false;
  cell = std::move(value);
  return true;
}

bool append_utf8(std::string& out, unsigned long code_point) {
  if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return false;
  auto put = [&](unsigned long bits) { out += static_cast<char>(bits); };
  if (code_point < 0x80) {
    put(code_point);
  } else if (code_point < 0x800) {
    put(0xC0 | (code_point >> 6));
    put(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    put(0xE0 | (code_point >> 12));
    put(0x80 | ((code_point >> 6) & 0x3F));
    put(0x80 | (code_point & 0x3F));
  } else {
    put(0xF0 | (code_point >> 18));
    put(0x80 | ((code_point >> 12) & 0x3F));
    put(0x80 | ((code_point >> 6) & 0x3F));
    put(0x80 | (code_point & 0x3F));
  }
  return true;
}

rdf::Term make_literal(std::string lexical, std::string_view datatype, std::string_view language) {
  if (!language.empty()) return rdf::Term::lang_literal(std::move(lexical), std::string(language));
  return rdf::Term::typed_literal(std::move(lexical), std::string(datatype));
}

}  // namespace kg::sparql::results_detail
