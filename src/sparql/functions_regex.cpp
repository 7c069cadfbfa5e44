// REGEX and REPLACE (§17.4.3.14-15), with XPath flag and replacement-string semantics.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <vector>

#include "sparql/func_context.hpp"
#include "sparql/func_library.hpp"

namespace kg::sparql {

namespace {

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The x flag: whitespace outside character classes does not count.
std::string strip_whitespace(std::string_view pattern) {
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += c;
      out += pattern[++i];
      continue;
    }
    if (c == '[') in_class = true;
    if (c == ']') in_class = false;
    if (in_class || !is_xml_space(c)) out += c;
  }
  return out;
}

struct CompileOptions {
  uint32_t options = PCRE2_UTF;
  bool ignore_whitespace = false;
};

std::optional<CompileOptions> options_for(std::string_view flags) {
  CompileOptions result;
  uint32_t modes = 0;
  bool literal = false;
  for (char flag : flags) {
    switch (flag) {
      case 's':
        modes |= PCRE2_DOTALL;
        break;
      case 'm':
        modes |= PCRE2_MULTILINE;
        break;
      case 'i':
        result.options |= PCRE2_CASELESS;
        break;
      case 'x':
        result.ignore_whitespace = true;
        break;
      case 'q':
        literal = true;
        break;
      default:
        return std::nullopt;
    }
  }
  // With q the s, m and x flags have no effect (and PCRE2 refuses them with PCRE2_LITERAL).
  if (literal) {
    result.options |= PCRE2_LITERAL;
    result.ignore_whitespace = false;
    return result;
  }
  // XPath's "$" matches only at the very end, not before a final newline.
  if (!(modes & PCRE2_MULTILINE)) modes |= PCRE2_DOLLAR_ENDONLY;
  result.options |= modes | PCRE2_UCP;
  return result;
}

struct Piece {
  std::string literal;
  uint32_t group = 0;  // 0: none
};

// "$N" refers to group N, taking as many digits as still name an existing group; "\$" and
// "\\" stand for the characters; any other "$" or "\" is an error.
std::optional<std::vector<Piece>> parse_replacement(std::string_view text, uint32_t groups) {
  std::vector<Piece> pieces(1);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\') {
      if (i + 1 == text.size() || (text[i + 1] != '\\' && text[i + 1] != '$')) return std::nullopt;
      pieces.back().literal += text[++i];
    } else if (c == '$') {
      if (i + 1 == text.size() || text[i + 1] < '0' || text[i + 1] > '9') return std::nullopt;
      uint32_t group = uint32_t(text[++i] - '0');
      while (i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9' &&
             group * 10 + uint32_t(text[i + 1] - '0') <= groups)
        group = group * 10 + uint32_t(text[++i] - '0');
      // Group 0 is the whole match; a group beyond the last one matches nothing.
      pieces.push_back(Piece{"", group + 1});
      pieces.emplace_back();
    } else {
      pieces.back().literal += c;
    }
  }
  return pieces;
}

}  // namespace

std::unique_ptr<Regex> Regex::compile(std::string_view pattern, std::string_view flags, bool jit) {
  auto options = options_for(flags);
  if (!options) return nullptr;
  std::string source =
      options->ignore_whitespace ? strip_whitespace(pattern) : std::string(pattern);
  int error = 0;
  PCRE2_SIZE error_offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(),
                                   options->options, &error, &error_offset, nullptr);
  if (!code) return nullptr;
  // Where PCRE2 lacks JIT support this fails, and matching interprets the pattern as before.
  if (jit) pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  uint32_t groups = 0;
  pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
  pcre2_match_data* match_data = pcre2_match_data_create_from_pattern(code, nullptr);
  return std::unique_ptr<Regex>(new Regex(code, match_data, groups));
}

Regex::~Regex() {
  pcre2_match_data_free(match_data_);
  pcre2_code_free(code_);
}

int Regex::match(std::string_view text, size_t offset) const {
  return pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), offset, 0,
                     match_data_, nullptr);
}

std::optional<bool> Regex::search(std::string_view text) const {
  int result = match(text, 0);
  if (result == PCRE2_ERROR_NOMATCH) return false;
  if (result < 0) return std::nullopt;
  return true;
}

std::optional<std::string> Regex::replace(std::string_view text,
                                          std::string_view replacement) const {
  auto pieces = parse_replacement(replacement, groups_);
  if (!pieces || match("", 0) != PCRE2_ERROR_NOMATCH) return std::nullopt;
  std::string out;
  size_t offset = 0;
  for (;;) {
    int result = match(text, offset);
    if (result == PCRE2_ERROR_NOMATCH) break;
    if (result < 0) return std::nullopt;
    const PCRE2_SIZE* groups = pcre2_get_ovector_pointer(match_data_);
    // A pattern may match emptily somewhere even if not on the empty string ("\b").
    if (groups[0] == groups[1]) return std::nullopt;
    out.append(text.substr(offset, groups[0] - offset));
    for (const Piece& piece : *pieces) {
      out += piece.literal;
      uint32_t group = piece.group;
      if (group == 0 || group > uint32_t(result) || groups[2 * (group - 1)] == PCRE2_UNSET)
        continue;
      out.append(text.substr(groups[2 * (group - 1)],
                             groups[2 * (group - 1) + 1] - groups[2 * (group - 1)]));
    }
    offset = groups[1];
  }
  out.append(text.substr(offset));
  return out;
}

const Regex* RegexCache::get(std::string_view pattern, std::string_view flags) {
  std::string key = std::to_string(flags.size()) + ':' + std::string(flags) + std::string(pattern);
  auto found = entries_.find(key);
  if (found != entries_.end()) return found->second.get();
  if (entries_.size() >= kMaxEntries) entries_.clear();
  return entries_.emplace(std::move(key), Regex::compile(pattern, flags)).first->second.get();
}

// ---------------------------------------------------------------------------------------------

namespace {

// The pattern, replacement and flags arguments must be simple literals.
bool is_simple(const Value& value) {
  return value.kind() == ValueKind::String;
}

}  // namespace

Value call_regex_builtin(Builtin builtin, Args args, FunctionContext& context) {
  const Value& text = args[0];
  bool replacing = builtin == Builtin::Replace;
  size_t flags_index = replacing ? 3 : 2;
  if (!text.is_string_literal() || !is_simple(args[1])) return Value::error();
  if (replacing && !is_simple(args[2])) return Value::error();
  if (args.size() > flags_index && !is_simple(args[flags_index])) return Value::error();
  std::string_view flags = args.size() > flags_index ? args[flags_index].text() : "";
  const Regex* regex = context.caches().regexes.get(args[1].text(), flags);
  if (!regex) return Value::error();
  if (!replacing) {
    auto found = regex->search(text.text());
    return found ? Value::boolean(*found) : Value::error();
  }
  auto replaced = regex->replace(text.text(), args[2].text());
  return replaced ? string_like(text, std::move(*replaced)) : Value::error();
}

}  // namespace kg::sparql
