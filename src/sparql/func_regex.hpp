// XPath regular expressions (fn:matches, fn:replace) on PCRE2 in UTF mode, and the cache of
// compiled expressions a query execution keeps.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct pcre2_real_code_8;
struct pcre2_real_match_data_8;

namespace kg::sparql {

class Regex {
 public:
  // The XPath flags: s (dot matches newlines), m (multi-line), i (ignore case), x (ignore
  // whitespace), q (no metacharacters). nullptr when the pattern or the flags are invalid.
  // jit: also compile to machine code, which pays off for an expression matched many times.
  static std::unique_ptr<Regex> compile(std::string_view pattern, std::string_view flags,
                                        bool jit = false);
  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  // nullopt when matching fails (e.g. the text is not valid UTF-8).
  std::optional<bool> search(std::string_view text) const;
  // fn:replace: $N in the replacement is group N, \$ and \\ escape. nullopt for an invalid
  // replacement, a pattern that matches the empty string, or a matching failure.
  std::optional<std::string> replace(std::string_view text, std::string_view replacement) const;

 private:
  Regex(pcre2_real_code_8* code, pcre2_real_match_data_8* match_data, uint32_t groups)
      : code_(code), match_data_(match_data), groups_(groups) {}
  // Runs one match from offset; the group offsets are then in match_data_.
  int match(std::string_view text, size_t offset) const;

  pcre2_real_code_8* code_;
  pcre2_real_match_data_8* match_data_;  // reused by every match: one execution, one thread
  uint32_t groups_;
};

class RegexCache {
 public:
  // The compiled expression, compiling it on first use; nullptr when it is invalid.
  const Regex* get(std::string_view pattern, std::string_view flags);

 private:
  static constexpr size_t kMaxEntries = 1024;
  std::unordered_map<std::string, std::unique_ptr<Regex>> entries_;
};

}  // namespace kg::sparql
