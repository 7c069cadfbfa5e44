// Reading SPARQL 1.1 CSV and TSV results.
#include <cctype>
#include <cstdlib>

#include "rdf/vocabulary.hpp"
#include "sparql/results/reader_base.hpp"
#include "sparql/results/writer_base.hpp"

namespace kg::sparql {

namespace {

using results_detail::fail_at;

// RFC 4180 records: fields split on commas, optionally quoted with "" for a quote inside;
// records end with CRLF or LF.
class CsvScanner {
 public:
  CsvScanner(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  bool at_end() const { return pos_ >= text_.size(); }
  unsigned line() const { return line_; }

  std::vector<std::string> next_record() {
    std::vector<std::string> fields;
    while (true) {
      fields.push_back(next_field());
      if (at_end()) return fields;
      char c = text_[pos_++];
      if (c == ',') continue;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      return fields;
    }
  }

 private:
  std::string next_field() {
    std::string field;
    if (at_end() || text_[pos_] != '"') {
      while (!at_end() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r')
        field += text_[pos_++];
      return field;
    }
    unsigned start_line = line_;
    ++pos_;
    while (true) {
      if (at_end()) fail_at(source_, start_line, 0, "unterminated quoted field");
      char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          field += '"';
          ++pos_;
          continue;
        }
        if (!at_end() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r')
          fail_at(source_, line_, 0, "text after a closing quote");
        return field;
      }
      if (c == '\n') ++line_;
      field += c;
    }
  }

  std::string_view text_;
  std::string_view source_;
  size_t pos_ = 0;
  unsigned line_ = 1;
};

// One TSV field holds one term in Turtle syntax (full IRIs only, no prefixed names).
class TsvTermParser {
 public:
  TsvTermParser(std::string_view field, std::string_view source, unsigned line, unsigned column)
      : text_(field), source_(source), line_(line), column_(column) {}

  rdf::Term parse() {
    if (text_.empty()) fail("empty term");
    rdf::Term term = parse_term();
    if (pos_ != text_.size()) fail("unexpected text after the term");
    return term;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    fail_at(source_, line_, column_ + static_cast<unsigned>(pos_), message);
  }

  rdf::Term parse_term() {
    char first = text_[0];
    if (first == '<') return rdf::Term::iri(parse_iri());
    if (first == '"' || first == '\'') return parse_quoted_literal();
    if (text_.starts_with("_:")) {
      pos_ = text_.size();
      return rdf::Term::blank(std::string(text_.substr(2)));
    }
    pos_ = text_.size();
    if (text_ == "true" || text_ == "false")
      return rdf::Term::typed_literal(std::string(text_), std::string(rdf::vocab::kXsdBoolean));
    for (std::string_view datatype :
         {rdf::vocab::kXsdInteger, rdf::vocab::kXsdDecimal, rdf::vocab::kXsdDouble})
      if (results_detail::has_bare_turtle_form(text_, datatype))
        return rdf::Term::typed_literal(std::string(text_), std::string(datatype));
    pos_ = 0;
    fail("not an RDF term: " + std::string(text_));
  }

  std::string parse_iri() { return read_delimited('>', false, "unterminated IRI"); }

  // From the opening delimiter at pos_ to the closing one, with escapes decoded.
  std::string read_delimited(char closing, bool in_string, const char* unterminated) {
    ++pos_;
    std::string text;
    while (pos_ < text_.size() && text_[pos_] != closing) {
      if (text_[pos_] == '\\')
        read_escape(text, in_string);
      else
        text += text_[pos_++];
    }
    if (pos_ >= text_.size()) fail(unterminated);
    ++pos_;
    return text;
  }

  rdf::Term parse_quoted_literal() {
    std::string lexical = read_delimited(text_[pos_], true, "unterminated string");
    if (pos_ < text_.size() && text_[pos_] == '@') {
      std::string language(text_.substr(pos_ + 1));
      pos_ = text_.size();
      return rdf::Term::lang_literal(std::move(lexical), std::move(language));
    }
    if (text_.substr(pos_).starts_with("^^")) {
      pos_ += 2;
      if (pos_ >= text_.size() || text_[pos_] != '<') fail("expected a datatype IRI");
      return rdf::Term::typed_literal(std::move(lexical), parse_iri());
    }
    return rdf::Term::literal(std::move(lexical));
  }

  // \uXXXX and \UXXXXXXXX everywhere; \t \n \" and the like only in strings.
  void read_escape(std::string& out, bool in_string) {
    ++pos_;
    if (pos_ >= text_.size()) fail("unterminated escape");
    char c = text_[pos_++];
    if (c == 'u' || c == 'U') {
      size_t digits = c == 'u' ? 4 : 8;
      std::string hex(text_.substr(pos_, digits));
      char* end = nullptr;
      unsigned long code_point = std::strtoul(hex.c_str(), &end, 16);
      if (hex.size() != digits || *end != '\0' || !results_detail::append_utf8(out, code_point))
        fail("bad \\" + std::string(1, c) + " escape");
      pos_ += digits;
      return;
    }
    static constexpr std::string_view kEscaped = "tbnrf\"'\\", kMeaning = "\t\b\n\r\f\"'\\";
    size_t which = kEscaped.find(c);
    if (!in_string || which == std::string_view::npos) fail("bad escape \\" + std::string(1, c));
    out += kMeaning[which];
  }

  std::string_view text_;
  std::string_view source_;
  unsigned line_, column_;
  size_t pos_ = 0;
};

std::vector<std::string_view> split(std::string_view line, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t end = line.find(separator, start);
    parts.push_back(line.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// The lines of a text, without their LF or CRLF ends; a final line end adds no empty line.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines = split(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  for (std::string_view& line : lines)
    if (line.ends_with('\r')) line.remove_suffix(1);
  return lines;
}

}  // namespace

ResultTable read_csv(std::string_view text, std::string_view source_name) {
  CsvScanner scanner(text, source_name);
  ResultTable table;
  if (scanner.at_end()) fail_at(source_name, 1, 1, "empty CSV: expected a header line");
  table.variables = scanner.next_record();
  // A query without variables has an empty header line, and an empty line per row.
  const bool no_variables = table.variables == std::vector<std::string>{""};
  if (no_variables) table.variables.clear();
  while (!scanner.at_end()) {
    unsigned line = scanner.line();
    std::vector<std::string> fields = scanner.next_record();
    if (no_variables && fields == std::vector<std::string>{""}) fields.clear();
    if (fields.size() != table.variables.size())
      fail_at(source_name, line, 0,
              "expected " + std::to_string(table.variables.size()) + " fields, found " +
                  std::to_string(fields.size()));
    std::vector<std::optional<rdf::Term>> row;
    for (std::string& field : fields) {
      if (field.empty())
        row.emplace_back();
      else if (field.starts_with("_:"))
        row.emplace_back(rdf::Term::blank(field.substr(2)));
      else
        row.emplace_back(rdf::Term::literal(std::move(field)));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

ResultTable read_tsv(std::string_view text, std::string_view source_name) {
  std::vector<std::string_view> lines = lines_of(text);
  if (lines.empty()) fail_at(source_name, 1, 1, "empty TSV: expected a header line");
  ResultTable table;
  // A query without variables has an empty header line, and an empty line per row.
  for (std::string_view name :
       lines[0].empty() ? std::vector<std::string_view>{} : split(lines[0], '\t')) {
    if (name.empty() || (name[0] != '?' && name[0] != '$'))
      fail_at(source_name, 1, 0, "header names must start with ? or $");
    table.variables.emplace_back(name.substr(1));
  }
  for (size_t index = 1; index < lines.size(); ++index) {
    auto line = static_cast<unsigned>(index + 1);
    std::vector<std::string_view> fields = split(lines[index], '\t');
    if (table.variables.empty() && lines[index].empty()) fields.clear();
    if (fields.size() != table.variables.size())
      fail_at(source_name, line, 0,
              "expected " + std::to_string(table.variables.size()) + " fields, found " +
                  std::to_string(fields.size()));
    std::vector<std::optional<rdf::Term>> row;
    unsigned column = 1;
    for (std::string_view field : fields) {
      if (field.empty())
        row.emplace_back();
      else
        row.emplace_back(TsvTermParser(field, source_name, line, column).parse());
      column += static_cast<unsigned>(field.size()) + 1;
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace kg::sparql
