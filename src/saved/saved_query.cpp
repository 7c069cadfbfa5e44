#include "saved/saved_query.hpp"

#include <algorithm>
#include <cctype>

#include "saved/binding.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"

namespace kg::saved {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kQueryExtension = ".rq";

std::string_view trim(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\r");
  if (start == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t\r");
  return text.substr(start, end - start + 1);
}

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// Reads the comment block at the top of a saved query into a SavedQuery. Fields that
// depend on the parsed query (defaults, examples) are checked by the caller.
class HeaderReader {
 public:
  HeaderReader(SavedQuery& saved, const fs::path& file) : saved_(saved), file_(file.string()) {}

  void read(std::string_view text) {
    size_t start = 0;
    while (start < text.size() && text[start] == '#') {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      ++line_;
      read_line(text.substr(start + 1, end - start - 1));
      start = end + 1;
    }
    if (saved_.title.empty()) fail(1, "missing '# title:' line at the top of the file");
  }

  // "# default:" and "# example:" lines, for the caller to parse once the query's prefixes
  // are known: (line number, parameter name, term text, is default).
  struct TermLine {
    unsigned line;
    std::string name;
    std::string term;
    bool is_default;
  };
  const std::vector<TermLine>& term_lines() const { return term_lines_; }

  [[noreturn]] void fail(unsigned line, const std::string& message) const {
    throw Error(SourceLocation{file_, line, 1, {}}, message);
  }

 private:
  void read_line(std::string_view body) {
    if (trim(body).empty()) {
      continuation_ = nullptr;
      return;
    }
    if (body.starts_with("  ")) return continue_field(trim(body));
    body = trim(body);
    size_t colon = body.find(':');
    std::string_view key = colon == std::string_view::npos ? body : body.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? "" : trim(body.substr(colon + 1));
    if (key == "title") return set_text(saved_.title, value, "title");
    if (key == "description") return set_text(saved_.description, value, "description");
    if (key == "param") return add_parameter(value);
    if (key == "default" || key == "example") return add_term_line(value, key == "default");
    fail(line_,
         "expected '# title:', '# description:', '# param:', '# default:' or "
         "'# example:' (or an indented continuation line), found '#" +
             std::string(body) + "'");
  }

  void set_text(std::string& field, std::string_view value, std::string_view key) {
    if (!field.empty()) fail(line_, "a second '# " + std::string(key) + ":' line");
    if (value.empty()) fail(line_, "'# " + std::string(key) + ":' needs a text");
    field = value;
    continuation_ = &field;
  }

  void continue_field(std::string_view text) {
    if (!continuation_) fail(line_, "an indented line continues nothing");
    *continuation_ += " ";
    *continuation_ += text;
  }

  // "NAME: text" or "NAME (optional): text".
  void add_parameter(std::string_view value) {
    size_t name_end = 0;
    while (name_end < value.size() && is_name_char(value[name_end]))
      ++name_end;
    Parameter parameter;
    parameter.name = value.substr(0, name_end);
    std::string_view rest = trim(value.substr(name_end));
    if (rest.starts_with("(optional)")) {
      parameter.optional = true;
      rest = trim(rest.substr(std::string_view("(optional)").size()));
    }
    if (parameter.name.empty() || !rest.starts_with(':') || trim(rest.substr(1)).empty())
      fail(line_,
           "expected '# param: NAME: description' or '# param: NAME (optional): "
           "description'");
    if (saved_.parameter(parameter.name))
      fail(line_, "parameter '" + parameter.name + "' is declared twice");
    parameter.description = trim(rest.substr(1));
    saved_.parameters.push_back(std::move(parameter));
    continuation_ = &saved_.parameters.back().description;
  }

  // "NAME = TERM".
  void add_term_line(std::string_view value, bool is_default) {
    size_t equals = value.find('=');
    std::string_view name = trim(value.substr(0, equals));
    if (equals == std::string_view::npos || name.empty() ||
        !std::all_of(name.begin(), name.end(), is_name_char))
      fail(line_,
           std::string("expected '# ") + (is_default ? "default" : "example") + ": NAME = VALUE'");
    term_lines_.push_back(
        {line_, std::string(name), std::string(trim(value.substr(equals + 1))), is_default});
    continuation_ = nullptr;
  }

  SavedQuery& saved_;
  std::string file_;
  unsigned line_ = 0;
  std::string* continuation_ = nullptr;
  std::vector<TermLine> term_lines_;
};

bool is_visible_variable(const sparql::Query& query, std::string_view name) {
  return std::any_of(
      query.variables.begin(), query.variables.end(),
      [&](const sparql::VariableInfo& info) { return !info.hidden && info.name == name; });
}

void check_parameters(const SavedQuery& saved, const HeaderReader& header) {
  std::vector<sparql::Variable> assigned = assigned_variables(*saved.query.pattern);
  for (const Parameter& parameter : saved.parameters) {
    if (!is_visible_variable(saved.query, parameter.name))
      header.fail(1, "parameter '" + parameter.name + "' is not a variable of the query (?" +
                         parameter.name + ")");
    for (sparql::Variable variable : assigned)
      if (saved.query.name(variable) == parameter.name)
        header.fail(1, "parameter '" + parameter.name +
                           "' is assigned in the query (BIND, AS); its value must come from "
                           "the caller");
  }
}

void apply_term_lines(SavedQuery& saved, const HeaderReader& header) {
  for (const HeaderReader::TermLine& line : header.term_lines()) {
    auto found = std::find_if(saved.parameters.begin(), saved.parameters.end(),
                              [&](const Parameter& p) { return p.name == line.name; });
    if (found == saved.parameters.end())
      header.fail(line.line, "'" + line.name + "' is not a declared parameter");
    std::optional<rdf::Term>& slot = line.is_default ? found->default_value : found->example;
    if (slot) header.fail(line.line, "a second value for parameter '" + line.name + "'");
    if (line.is_default && found->optional)
      header.fail(line.line,
                  "an optional parameter is unbound when not given; it has no "
                  "default (drop '(optional)' to give one)");
    try {
      slot = parse_parameter_value(saved, line.name, line.term);
    } catch (const Error& error) {
      header.fail(line.line, error.message());
    }
  }
  for (const Parameter& parameter : saved.parameters)
    if (parameter.required() && !parameter.example)
      header.fail(1, "required parameter '" + parameter.name +
                         "' needs an '# example:' value to record the expected answer with");
}

}  // namespace

const Parameter* SavedQuery::parameter(std::string_view parameter_name) const {
  for (const Parameter& candidate : parameters)
    if (candidate.name == parameter_name) return &candidate;
  return nullptr;
}

fs::path SavedQuery::expected_file() const {
  bool graph =
      query.form == sparql::QueryForm::Construct || query.form == sparql::QueryForm::Describe;
  fs::path expected = file;
  expected.replace_filename(name + (graph ? ".expected.nt" : ".expected.srj"));
  return expected;
}

SavedQuery read_saved_query(const fs::path& file) {
  std::string text = read_file(file);
  SavedQuery saved;
  saved.name = file.stem().string();
  saved.file = file;
  HeaderReader header(saved, file);
  header.read(text);
  sparql::ParseOptions options;
  options.source_name = file.string();
  saved.query = sparql::parse_query(text, options);
  check_parameters(saved, header);
  apply_term_lines(saved, header);
  return saved;
}

std::vector<fs::path> saved_query_files(const fs::path& dir) {
  std::error_code error;
  std::vector<fs::path> files;
  for (fs::directory_iterator entry(dir, error), end; !error && entry != end;
       entry.increment(error))
    if (entry->path().extension() == kQueryExtension && entry->is_regular_file())
      files.push_back(entry->path());
  if (error) throw Error(dir.string() + ": cannot list saved queries: " + error.message());
  std::sort(files.begin(), files.end());
  return files;
}

SavedQuery find_saved_query(const fs::path& dir, std::string_view name) {
  for (const fs::path& file : saved_query_files(dir))
    if (file.stem() == name) return read_saved_query(file);
  throw Error("unknown saved query '" + std::string(name) + "' ('kg run --list' lists them)");
}

}  // namespace kg::saved
