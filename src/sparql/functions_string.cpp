// §17.4.3 functions on strings. Lengths and positions count Unicode code points, not bytes.
#include <cmath>
#include <memory>

#include <unicode/ucasemap.h>

#include "rdf/term.hpp"
#include "sparql/func_library.hpp"

namespace kg::sparql {

namespace {

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

int64_t code_point_count(std::string_view text) {
  int64_t count = 0;
  for (char c : text)
    count += !is_continuation_byte(c);
  return count;
}

// The byte offset where code point `index` (0-based) starts; text.size() past the end.
size_t byte_offset(std::string_view text, int64_t index) {
  size_t offset = 0;
  for (; offset < text.size(); ++offset) {
    if (!is_continuation_byte(text[offset]) && index-- == 0) return offset;
  }
  return text.size();
}

double xpath_round(double value) {
  double below = std::floor(value);
  return value - below >= 0.5 ? below + 1 : below;
}

// XPath fn:substring: the code points at 1-based positions p with
// round(start) <= p < round(start) + round(length), computed in doubles so that NaN and
// infinities behave as XPath says.
Value substr(Args args) {
  const Value& source = args[0];
  if (!source.is_string_literal() || !args[1].is_numeric()) return Value::error();
  if (args.size() == 3 && !args[2].is_numeric()) return Value::error();
  double first = xpath_round(numeric_as_double(args[1]));
  double end = args.size() == 3 ? first + xpath_round(numeric_as_double(args[2])) : INFINITY;
  std::string_view text = source.text();
  int64_t length = code_point_count(text);
  double from = std::max(first, 1.0), to = std::min(end, double(length) + 1);
  if (!(from < to)) return string_like(source, "");
  size_t begin = byte_offset(text, int64_t(from) - 1);
  size_t stop = byte_offset(text, int64_t(to) - 1);
  return string_like(source, std::string(text.substr(begin, stop - begin)));
}

struct CaseMapCloser {
  void operator()(UCaseMap* map) const { ucasemap_close(map); }
};

// Full Unicode case mapping (ß -> SS) in the root locale, as XPath fn:upper-case asks.
Value change_case(const Value& source, bool upper) {
  if (!source.is_string_literal()) return Value::error();
  thread_local std::unique_ptr<UCaseMap, CaseMapCloser> case_map;
  UErrorCode status = U_ZERO_ERROR;
  if (!case_map) case_map.reset(ucasemap_open("", 0, &status));
  if (U_FAILURE(status) || !case_map) return Value::error();
  std::string_view text = source.text();
  std::string mapped(text.size() + 16, '\0');
  for (int attempt = 0; attempt < 2; ++attempt) {
    status = U_ZERO_ERROR;
    auto map = upper ? ucasemap_utf8ToUpper : ucasemap_utf8ToLower;
    int32_t length = map(case_map.get(), mapped.data(), int32_t(mapped.size()), text.data(),
                         int32_t(text.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      mapped.resize(size_t(length));
      continue;
    }
    if (U_FAILURE(status)) return Value::error();
    mapped.resize(size_t(length));
    return string_like(source, std::move(mapped));
  }
  return Value::error();
}

Value string_test(Builtin builtin, const Value& a, const Value& b) {
  if (!argument_compatible(a, b)) return Value::error();
  std::string_view text = a.text(), part = b.text();
  switch (builtin) {
    case Builtin::StrStarts:
      return Value::boolean(text.starts_with(part));
    case Builtin::StrEnds:
      return Value::boolean(text.ends_with(part));
    default:
      return Value::boolean(text.find(part) != std::string_view::npos);
  }
}

// STRBEFORE and STRAFTER: without a match the result is the empty simple literal.
Value split_at(Builtin builtin, const Value& a, const Value& b) {
  if (!argument_compatible(a, b)) return Value::error();
  std::string_view text = a.text(), part = b.text();
  size_t at = text.find(part);
  if (at == std::string_view::npos) return Value::simple_string("");
  if (builtin == Builtin::StrBefore) return string_like(a, std::string(text.substr(0, at)));
  return string_like(a, std::string(text.substr(at + part.size())));
}

Value encode_for_uri(const Value& source) {
  if (!source.is_string_literal()) return Value::error();
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (char c : source.text()) {
    auto byte = static_cast<unsigned char>(c);
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0xF];
    }
  }
  return Value::simple_string(std::move(encoded));
}

// The result keeps a language tag only when every argument has that same tag.
Value concat(Args args) {
  std::string text;
  std::optional<std::string_view> language;
  for (const Value& arg : args) {
    if (!arg.is_string_literal()) return Value::error();
    text += arg.text();
    if (!language)
      language = arg.language();
    else if (*language != arg.language())
      language = std::string_view();
  }
  if (!language || language->empty()) return Value::simple_string(std::move(text));
  return Value::lang_string(std::move(text), std::string(*language));
}

// RFC 4647 basic filtering: "*" matches any tag, otherwise the range must equal the tag or
// be a prefix of it ending at a "-", ignoring case.
Value lang_matches(const Value& tag, const Value& range) {
  if (tag.kind() != ValueKind::String || range.kind() != ValueKind::String) return Value::error();
  std::string language = rdf::lowercase_ascii(tag.text());
  std::string wanted = rdf::lowercase_ascii(range.text());
  if (wanted == "*") return Value::boolean(!language.empty());
  bool matches = language.starts_with(wanted) &&
                 (language.size() == wanted.size() || language[wanted.size()] == '-');
  return Value::boolean(matches);
}

}  // namespace

Value string_like(const Value& model, std::string text) {
  if (model.kind() == ValueKind::LangString)
    return Value::lang_string(std::move(text), std::string(model.language()));
  return Value::simple_string(std::move(text));
}

bool argument_compatible(const Value& a, const Value& b) {
  if (!a.is_string_literal() || !b.is_string_literal()) return false;
  return b.kind() == ValueKind::String || a.language() == b.language();
}

Value call_string_builtin(Builtin builtin, Args args, FunctionContext&) {
  switch (builtin) {
    case Builtin::StrLen:
      if (!args[0].is_string_literal()) return Value::error();
      return Value::integer(code_point_count(args[0].text()));
    case Builtin::SubStr:
      return substr(args);
    case Builtin::UCase:
      return change_case(args[0], true);
    case Builtin::LCase:
      return change_case(args[0], false);
    case Builtin::StrStarts:
    case Builtin::StrEnds:
    case Builtin::Contains:
      return string_test(builtin, args[0], args[1]);
    case Builtin::StrBefore:
    case Builtin::StrAfter:
      return split_at(builtin, args[0], args[1]);
    case Builtin::EncodeForUri:
      return encode_for_uri(args[0]);
    case Builtin::Concat:
      return concat(args);
    case Builtin::LangMatches:
      return lang_matches(args[0], args[1]);
    default:
      return hash_string(builtin, args[0]);
  }
}

}  // namespace kg::sparql
