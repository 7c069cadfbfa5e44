// Canonical lexical forms for the XSD types whose computed values engines write differently.
#include <array>
#include <cctype>
#include <charconv>

#include "rdf/datatypes.hpp"
#include "rdf/vocabulary.hpp"
#include "sparql/results/results.hpp"

namespace kg::sparql {

namespace {

bool all_digits(std::string_view text) {
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Splits off a leading sign; true for '-'.
bool take_sign(std::string_view& text) {
  if (text.empty() || (text[0] != '+' && text[0] != '-')) return false;
  bool negative = text[0] == '-';
  text.remove_prefix(1);
  return negative;
}

std::string_view strip_leading_zeros(std::string_view digits) {
  while (digits.size() > 1 && digits[0] == '0')
    digits.remove_prefix(1);
  return digits;
}

std::optional<std::string> canonical_integer(std::string_view text) {
  bool negative = take_sign(text);
  if (text.empty() || !all_digits(text)) return std::nullopt;
  std::string_view digits = strip_leading_zeros(text);
  return (negative && digits != "0" ? "-" : "") + std::string(digits);
}

// XSD 1.1's canonical decimal: no '+', no needless zeros, and no ".0" for whole numbers.
std::optional<std::string> canonical_decimal(std::string_view text) {
  bool negative = take_sign(text);
  size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  if ((whole.empty() && fraction.empty()) || !all_digits(whole) || !all_digits(fraction))
    return std::nullopt;
  whole = whole.empty() ? "0" : strip_leading_zeros(whole);
  while (!fraction.empty() && fraction.back() == '0')
    fraction.remove_suffix(1);
  bool zero = whole == "0" && fraction.empty();
  std::string out = (negative && !zero ? "-" : "") + std::string(whole);
  if (!fraction.empty()) out += "." + std::string(fraction);
  return out;
}

// The shortest text that reads back as the same value, so equal values print alike.
template <typename Floating>
std::optional<std::string> canonical_floating(std::string_view text) {
  if (text == "INF" || text == "+INF") return "INF";
  if (text == "-INF" || text == "NaN") return std::string(text);
  if (text[0] == '+') text.remove_prefix(1);
  Floating value{};
  auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
  if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size()) return std::nullopt;
  std::array<char, 64> buffer{};
  auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), written.ptr);
}

std::optional<std::string> canonical_lexical(std::string_view lexical, std::string_view datatype) {
  if (!rdf::is_checked_datatype(datatype) || !rdf::is_valid_lexical_form(datatype, lexical))
    return std::nullopt;
  if (rdf::is_derived_datatype(datatype, rdf::vocab::kXsdInteger))
    return canonical_integer(lexical);
  if (datatype == rdf::vocab::kXsdDecimal) return canonical_decimal(lexical);
  if (datatype == rdf::vocab::kXsdDouble) return canonical_floating<double>(lexical);
  if (datatype == rdf::vocab::kXsdFloat) return canonical_floating<float>(lexical);
  if (datatype == rdf::vocab::kXsdBoolean) {
    if (lexical == "true" || lexical == "1") return "true";
    if (lexical == "false" || lexical == "0") return "false";
  }
  return std::nullopt;
}

}  // namespace

rdf::Term canonical_literal(const rdf::Term& term) {
  if (!term.is_literal()) return term;
  std::optional<std::string> lexical = canonical_lexical(term.value, term.datatype);
  if (!lexical) return term;
  rdf::Term canonical = term;
  canonical.value = std::move(*lexical);
  return canonical;
}

}  // namespace kg::sparql
