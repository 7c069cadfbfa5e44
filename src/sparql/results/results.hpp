// Query results in and out of kg: writers for the SPARQL 1.1 result formats and the terminal,
// readers of the same formats (and of RDF-encoded result sets) into a store-free table, and a
// comparison of two tables that treats blank nodes as relabellable, as the W3C tests require.
#pragma once

#include <array>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/prefixes.hpp"
#include "rdf/term.hpp"
#include "sparql/sparql.hpp"

namespace kg::sparql {

// ---------------------------------------------------------------------------------------------
// Writers

enum class ResultFormat { Table, Json, Xml, Csv, Tsv, NTriples, Turtle };

// "table", "json", "xml", "csv", "tsv", "ntriples" (or "nt"), "turtle" (or "ttl"); also the
// media types (application/sparql-results+json, text/csv, ...). Case-insensitive.
std::optional<ResultFormat> result_format_from_name(std::string_view name);
std::string_view result_format_name(ResultFormat format);

// Throws kg::Error when the format cannot carry the answer of that query form: solutions and
// booleans in N-Triples/Turtle, graphs in JSON/XML/CSV/TSV. Table takes every form (a graph
// as subject/predicate/object columns); CSV and TSV write an ASK answer as the word alone.
void check_result_format(ResultFormat format, QueryForm form);

// The writer streams: every row is written when it arrives, except that Table holds up to
// kTableBufferRows rows to size its columns (later rows reuse those widths) and Turtle groups
// the whole graph (it is sorted and abbreviated). A callback for a query form the format
// cannot carry throws the error check_result_format describes. `prefixes` abbreviate IRIs in
// Table and Turtle output; the writer keeps a copy.
std::unique_ptr<ResultHandler> make_result_writer(ResultFormat format, std::ostream& out,
                                                  const rdf::PrefixMap& prefixes);

inline constexpr size_t kTableBufferRows = 1000;

// How many terminal columns UTF-8 text takes: East Asian wide and fullwidth characters take
// two, combining marks and format characters none, everything else one.
size_t display_width(std::string_view utf8);

// ---------------------------------------------------------------------------------------------
// Reading results

// An answer as plain values: solutions (variables and rows, unbound cells empty), a boolean
// (ASK), or a graph (CONSTRUCT, DESCRIBE).
struct ResultTable {
  std::vector<std::string> variables;
  std::vector<std::vector<std::optional<rdf::Term>>> rows;
  std::optional<bool> boolean;
  bool is_graph = false;
  std::vector<std::array<rdf::Term, 3>> triples;
  // The source fixes the order of the rows (an RDF result set with rs:index).
  bool ordered = false;
};

// Each throws kg::Error naming the source (and line:column, or a JSON pointer) on bad input.
// `source_name` only names the text in messages.
ResultTable read_srx(std::string_view text, std::string_view source_name);
ResultTable read_srj(std::string_view text, std::string_view source_name);
// CSV cannot tell IRIs from literals: every value is read as a simple literal, except that
// "_:label" is read as a blank node so that relabelling still applies.
ResultTable read_csv(std::string_view text, std::string_view source_name);
ResultTable read_tsv(std::string_view text, std::string_view source_name);

// By extension: .srx .srj .csv .tsv; .ttl .nt .rdf hold either an RDF-encoded result set
// (a node of type rs:ResultSet) or, failing that, a graph. Relative IRIs in RDF files resolve
// against `base_iri` (default: the file's own IRI).
ResultTable read_result_file(const std::filesystem::path& path, const std::string& base_iri = {});

// Collects an execution's answer, converting the store's nodes into terms.
class ResultCollector : public ResultHandler {
 public:
  void begin_solutions(const std::vector<std::string>& variables) override;
  void solution(std::span<const rdf::NodeRef> row) override;
  void end_solutions() override {}
  void boolean(bool value) override { table_.boolean = value; }
  void triple(rdf::NodeRef subject, rdf::NodeRef predicate, rdf::NodeRef object) override;
  void end_graph() override { table_.is_graph = true; }

  const ResultTable& table() const { return table_; }
  ResultTable take() { return std::move(table_); }

 private:
  ResultTable table_;
};

// ---------------------------------------------------------------------------------------------
// Comparing results

struct CompareOptions {
  // The rows must come in the expected sequence...
  bool ordered = false;
  // ...except that consecutive expected rows agreeing on all these variables (the ORDER BY
  // keys) tie, and tied rows may come in any order. Empty: the sequence is strict.
  std::vector<std::string> tie_variables;
  // REDUCED: the actual rows may hold fewer duplicates (at least one of each expected row).
  bool lax_cardinality = false;
  // Literals of the numeric and boolean XSD types compare by value ("2.0E-1" equals "2E-1",
  // decimal "3.0" equals "3"), as the W3C test rules allow: lexical forms of computed values
  // differ between engines. Off: terms compare exactly.
  bool literals_by_value = false;
};

// Nothing when the two answers are equal, else one paragraph describing the first difference.
// Rows are multisets unless ordered; blank nodes match up to one consistent one-to-one
// relabelling across the whole answer; terms compare exactly (RDF 1.1 terms, so a simple
// literal equals its xsd:string form). Variables compare as sets (head order is free).
std::optional<std::string> compare_results(const ResultTable& expected, const ResultTable& actual,
                                           const CompareOptions& options);
std::optional<std::string> compare_results(const ResultTable& expected, const ResultTable& actual,
                                           bool ordered = false);

// Graph isomorphism (blank nodes relabelled one-to-one); duplicate triples count once.
std::optional<std::string> compare_graphs(const std::vector<std::array<rdf::Term, 3>>& expected,
                                          const std::vector<std::array<rdf::Term, 3>>& actual,
                                          bool literals_by_value = false);

// The literal with its lexical form made canonical for its datatype, when the datatype is
// xsd:boolean, xsd:decimal, xsd:float, xsd:double or an integer type and the form is valid;
// any other term unchanged. Equal values of one datatype give equal terms.
rdf::Term canonical_literal(const rdf::Term& term);

}  // namespace kg::sparql
