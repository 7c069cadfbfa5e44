// Result writers and readers: outputs checked against the examples of the SPARQL 1.1 result
// format specifications, and each writer read back by its reader.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "rdf/rdf.hpp"
#include "sparql/results/results.hpp"
#include "util/error.hpp"

using namespace kg;
using namespace kg::sparql;
using kg::rdf::NodeRef;
using kg::rdf::Term;

namespace {

constexpr std::string_view kEx = "http://example/";

// The solutions of the CSV/TSV specification's example, with the corner cases it covers:
// a quote inside a string, a blank node, an empty string, a language tag, an integer and an
// unbound cell.
struct SpecExample {
  rdf::World world;
  std::vector<std::string> variables{"x", "literal"};
  std::vector<std::vector<NodeRef>> rows;

  SpecExample() {
    NodeRef x = world.iri(std::string(kEx) + "x");
    rows = {
        {x, world.literal("String")},
        {x, world.literal("String-with-dquote\"")},
        {world.blank("b0"), world.literal("Blank node")},
        {x, world.literal("")},
        {x, world.literal("String-with-lang", {}, "en")},
        {x, world.literal("123", rdf::vocab::kXsdInteger)},
        {x, world.literal("a,b\nc")},
        {x, NodeRef()},
    };
  }

  std::string write(ResultFormat format) const {
    std::ostringstream out;
    auto writer = make_result_writer(format, out, rdf::PrefixMap::standard());
    writer->begin_solutions(variables);
    for (const auto& row : rows)
      writer->solution(row);
    writer->end_solutions();
    return out.str();
  }

  ResultTable table() const {
    ResultCollector collector;
    collector.begin_solutions(variables);
    for (const auto& row : rows)
      collector.solution(row);
    collector.end_solutions();
    return collector.take();
  }
};

std::string write_boolean(ResultFormat format, bool value) {
  std::ostringstream out;
  make_result_writer(format, out, {})->boolean(value);
  return out.str();
}

std::filesystem::path temp_file(const std::string& name, const std::string& content) {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("kg_results_test_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// Runs `body`, which must throw kg::Error; returns the error.
template <typename Body>
Error expect_error(Body body) {
  try {
    body();
  } catch (const Error& error) {
    return error;
  }
  BOOST_FAIL("expected a kg::Error");
  throw std::logic_error("unreachable");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sparql_results)

BOOST_AUTO_TEST_CASE(csv_writes_plain_values_quotes_where_needed_and_ends_lines_with_crlf) {
  SpecExample example;
  BOOST_TEST(example.write(ResultFormat::Csv) ==
             "x,literal\r\n"
             "http://example/x,String\r\n"
             "http://example/x,\"String-with-dquote\"\"\"\r\n"
             "_:b0,Blank node\r\n"
             "http://example/x,\r\n"
             "http://example/x,String-with-lang\r\n"
             "http://example/x,123\r\n"
             "http://example/x,\"a,b\nc\"\r\n"
             "http://example/x,\r\n");
}

BOOST_AUTO_TEST_CASE(tsv_writes_turtle_terms_with_a_question_mark_header) {
  SpecExample example;
  BOOST_TEST(example.write(ResultFormat::Tsv) ==
             "?x\t?literal\n"
             "<http://example/x>\t\"String\"\n"
             "<http://example/x>\t\"String-with-dquote\\\"\"\n"
             "_:b0\t\"Blank node\"\n"
             "<http://example/x>\t\"\"\n"
             "<http://example/x>\t\"String-with-lang\"@en\n"
             "<http://example/x>\t123\n"
             "<http://example/x>\t\"a,b\\nc\"\n"
             "<http://example/x>\t\n");
}

BOOST_AUTO_TEST_CASE(json_follows_the_spec_shape_and_reads_back) {
  SpecExample example;
  std::string json = example.write(ResultFormat::Json);
  BOOST_TEST(json.starts_with("{\"head\":{\"vars\":[\"x\",\"literal\"]},"));
  BOOST_TEST(json.find("{\"x\":{\"type\":\"bnode\",\"value\":\"b0\"},\"literal\":"
                       "{\"type\":\"literal\",\"value\":\"Blank node\"}}") != std::string::npos);
  BOOST_TEST(
      json.find("{\"type\":\"literal\",\"xml:lang\":\"en\",\"value\":\"String-with-lang\"}") !=
      std::string::npos);
  BOOST_TEST(json.find("\"datatype\":\"http://www.w3.org/2001/XMLSchema#integer\"") !=
             std::string::npos);
  // The unbound cell of the last row is left out, not written as null.
  BOOST_TEST(json.find("{\"x\":{\"type\":\"uri\",\"value\":\"http://example/x\"}}") !=
             std::string::npos);
  ResultTable back = read_srj(json, "out.srj");
  BOOST_TEST((back.rows == example.table().rows));
  BOOST_TEST(back.variables == example.variables);
  BOOST_TEST(write_boolean(ResultFormat::Json, true) == "{\"head\":{},\"boolean\":true}\n");
  BOOST_TEST((read_srj(write_boolean(ResultFormat::Json, false), "b.srj").boolean == false));
}

BOOST_AUTO_TEST_CASE(xml_escapes_markup_and_reads_back) {
  SpecExample example;
  example.rows.push_back({example.world.iri("http://example/a&b"), example.world.literal("<tag>")});
  std::string xml = example.write(ResultFormat::Xml);
  BOOST_TEST(xml.find("<variable name=\"literal\"/>") != std::string::npos);
  BOOST_TEST(xml.find("<binding name=\"x\"><uri>http://example/a&amp;b</uri></binding>") !=
             std::string::npos);
  BOOST_TEST(xml.find("<literal>&lt;tag&gt;</literal>") != std::string::npos);
  BOOST_TEST(xml.find("<literal xml:lang=\"en\">String-with-lang</literal>") != std::string::npos);
  ResultTable back = read_srx(xml, "out.srx");
  BOOST_TEST((back.rows == example.table().rows));
  BOOST_TEST((read_srx(write_boolean(ResultFormat::Xml, true), "b.srx").boolean == true));
}

BOOST_AUTO_TEST_CASE(tsv_and_csv_read_back) {
  SpecExample example;
  ResultTable tsv = read_tsv(example.write(ResultFormat::Tsv), "out.tsv");
  BOOST_TEST((tsv.rows == example.table().rows));
  ResultTable csv = read_csv(example.write(ResultFormat::Csv), "out.csv");
  BOOST_REQUIRE(csv.rows.size() == example.rows.size());
  BOOST_TEST((csv.rows[1][1] == Term::literal("String-with-dquote\"")));
  BOOST_TEST((csv.rows[2][0] == Term::blank("b0")));
  BOOST_TEST((csv.rows[6][1] == Term::literal("a,b\nc")));
  BOOST_TEST(!csv.rows[7][1].has_value());
  // CSV loses the kinds of terms: the IRI comes back as text.
  BOOST_TEST((csv.rows[0][0] == Term::literal("http://example/x")));
}

BOOST_AUTO_TEST_CASE(answers_without_variables_read_back_from_every_format) {
  // SELECT * { } has one solution that binds nothing.
  for (ResultFormat format :
       {ResultFormat::Json, ResultFormat::Xml, ResultFormat::Csv, ResultFormat::Tsv}) {
    std::ostringstream out;
    auto writer = make_result_writer(format, out, {});
    writer->begin_solutions({});
    writer->solution({});
    writer->end_solutions();
    ResultTable back = format == ResultFormat::Json  ? read_srj(out.str(), "empty")
                       : format == ResultFormat::Xml ? read_srx(out.str(), "empty")
                       : format == ResultFormat::Csv ? read_csv(out.str(), "empty")
                                                     : read_tsv(out.str(), "empty");
    BOOST_TEST(back.variables.empty());
    BOOST_TEST(back.rows.size() == 1u);
  }
}

BOOST_AUTO_TEST_CASE(tsv_reads_numeric_and_boolean_shorthands_and_escapes) {
  ResultTable table =
      read_tsv("?a\t?b\t?c\t?d\n1.5e3\ttrue\t-2.50\t\"\\u00e9\\t\"^^<http://d>\n", "in.tsv");
  BOOST_REQUIRE(table.rows.size() == 1u);
  BOOST_TEST(
      (table.rows[0][0] == Term::typed_literal("1.5e3", std::string(rdf::vocab::kXsdDouble))));
  BOOST_TEST(
      (table.rows[0][1] == Term::typed_literal("true", std::string(rdf::vocab::kXsdBoolean))));
  BOOST_TEST(
      (table.rows[0][2] == Term::typed_literal("-2.50", std::string(rdf::vocab::kXsdDecimal))));
  BOOST_TEST((table.rows[0][3] == Term::typed_literal("\xc3\xa9\t", "http://d")));
}

BOOST_AUTO_TEST_CASE(display_width_counts_terminal_columns) {
  BOOST_TEST(display_width("abc") == 3u);
  BOOST_TEST(display_width("Привет") == 6u);     // Cyrillic: one column each
  BOOST_TEST(display_width("日本語") == 6u);     // CJK: two columns each
  BOOST_TEST(display_width("e\xcc\x81") == 1u);  // e + combining acute accent
  BOOST_TEST(display_width("\xff") == 1u);       // malformed byte
}

BOOST_AUTO_TEST_CASE(table_aligns_wide_text_abbreviates_iris_and_counts_rows) {
  rdf::World world;
  std::ostringstream out;
  rdf::PrefixMap prefixes;
  prefixes.set("ex", std::string(kEx));
  auto writer = make_result_writer(ResultFormat::Table, out, prefixes);
  writer->begin_solutions({"item", "label"});
  NodeRef rows[][2] = {
      {world.iri("http://example/a"), world.literal("Москва", {}, "ru")},
      {world.iri("http://other/b"), world.literal("東京")},
      {world.iri("http://example/c"), world.literal("7", rdf::vocab::kXsdInteger)}};
  for (auto& row : rows)
    writer->solution(row);
  writer->end_solutions();
  std::string text = out.str();
  BOOST_TEST(text.find("│ ex:a ") != std::string::npos);
  BOOST_TEST(text.find("<http://other/b>") != std::string::npos);
  BOOST_TEST(text.find("\"Москва\"@ru") != std::string::npos);
  BOOST_TEST(text.ends_with("3 rows\n"));
  std::istringstream lines(text);
  std::string line;
  std::vector<size_t> widths;
  while (std::getline(lines, line))
    if (!line.ends_with("rows")) widths.push_back(display_width(line));
  BOOST_REQUIRE(widths.size() == 7u);  // 3 rules, header, 3 rows
  for (size_t width : widths)
    BOOST_TEST(width == widths.front());
}

BOOST_AUTO_TEST_CASE(table_streams_rows_past_its_buffer_with_the_widths_it_found) {
  rdf::World world;
  std::ostringstream out;
  auto writer = make_result_writer(ResultFormat::Table, out, {});
  writer->begin_solutions({"n"});
  const size_t total = kTableBufferRows + 5;
  for (size_t i = 0; i < total; ++i) {
    NodeRef row[] = {world.literal(std::to_string(i % 10), rdf::vocab::kXsdInteger)};
    writer->solution(row);
  }
  NodeRef wide[] = {world.literal("wider than the column")};
  writer->solution(wide);
  writer->end_solutions();
  std::string text = out.str();
  BOOST_TEST(text.ends_with(std::to_string(total + 1) + " rows\n"));
  BOOST_TEST(text.find("│ 9  │\n") != std::string::npos);  // sized by the buffered rows
  BOOST_TEST(text.find("│ \"wider than the column\" │") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(table_shows_graphs_as_subject_predicate_object) {
  rdf::World world;
  std::ostringstream out;
  auto writer = make_result_writer(ResultFormat::Table, out, rdf::PrefixMap::standard());
  writer->triple(world.iri("https://kg.example.org/id/a"), world.iri(rdf::vocab::kRdfType),
                 world.iri("https://kg.example.org/ontology#Person"));
  writer->end_graph();
  BOOST_TEST(out.str().find("subject") != std::string::npos);
  BOOST_TEST(out.str().find("kg:Person") != std::string::npos);
  BOOST_TEST(out.str().ends_with("1 triple\n"));
}

BOOST_AUTO_TEST_CASE(graph_writers_write_ntriples_and_prefixed_turtle) {
  rdf::World world;
  NodeRef s = world.iri("http://example/s"), p = world.iri("http://example/p");
  std::ostringstream nt;
  auto ntriples = make_result_writer(ResultFormat::NTriples, nt, {});
  ntriples->triple(s, p, world.literal("v", {}, "en"));
  ntriples->end_graph();
  BOOST_TEST(nt.str() == "<http://example/s> <http://example/p> \"v\"@en .\n");

  std::ostringstream ttl;
  rdf::PrefixMap prefixes;
  prefixes.set("ex", std::string(kEx));
  auto turtle = make_result_writer(ResultFormat::Turtle, ttl, prefixes);
  turtle->triple(s, p, world.blank("x"));
  turtle->end_graph();
  BOOST_TEST(ttl.str().find("@prefix ex: <http://example/> .") != std::string::npos);
  BOOST_TEST(ttl.str().find("ex:s") != std::string::npos);
  rdf::Store reparsed;
  rdf::parse_string(reparsed, ttl.str(), "out.ttl", {});
  BOOST_TEST(reparsed.size() == 1u);
}

BOOST_AUTO_TEST_CASE(formats_refuse_answers_they_cannot_carry) {
  rdf::World world;
  std::ostringstream out;
  BOOST_TEST(expect_error([&] { check_result_format(ResultFormat::Turtle, QueryForm::Select); })
                 .message()
                 .find("SELECT results cannot be written as turtle") == 0u);
  expect_error([&] { check_result_format(ResultFormat::Csv, QueryForm::Construct); });
  expect_error([&] { check_result_format(ResultFormat::NTriples, QueryForm::Ask); });
  check_result_format(ResultFormat::Table, QueryForm::Describe);
  check_result_format(ResultFormat::Tsv, QueryForm::Ask);
  auto csv = make_result_writer(ResultFormat::Csv, out, {});
  expect_error(
      [&] { csv->triple(world.iri("http://a"), world.iri("http://b"), world.iri("http://c")); });
  auto nt = make_result_writer(ResultFormat::NTriples, out, {});
  expect_error([&] { nt->begin_solutions({"x"}); });
  BOOST_TEST(out.str().empty());
  BOOST_TEST(write_boolean(ResultFormat::Csv, true) == "true\r\n");
}

BOOST_AUTO_TEST_CASE(format_names_and_media_types) {
  BOOST_TEST((result_format_from_name("JSON") == ResultFormat::Json));
  BOOST_TEST((result_format_from_name("text/tab-separated-values") == ResultFormat::Tsv));
  BOOST_TEST((result_format_from_name("nt") == ResultFormat::NTriples));
  BOOST_TEST(!result_format_from_name("yaml").has_value());
  BOOST_TEST(result_format_name(ResultFormat::Turtle) == "turtle");
}

BOOST_AUTO_TEST_CASE(srx_reads_every_term_kind) {
  ResultTable table = read_srx(
      "<?xml version=\"1.0\"?>\n"
      "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
      " <head><variable name=\"a\"/><variable name=\"b\"/><link href=\"x\"/></head>\n"
      " <results>\n"
      "  <result><binding name=\"b\"><literal xml:lang=\"EN\">hi</literal></binding>\n"
      "          <binding name=\"a\"><bnode>r1</bnode></binding></result>\n"
      "  <result><binding name=\"a\"><literal datatype=\"http://www.w3.org/2001/XMLSchema#string\""
      ">s</literal></binding></result>\n"
      " </results>\n</sparql>\n",
      "in.srx");
  BOOST_TEST(table.variables == (std::vector<std::string>{"a", "b"}));
  BOOST_REQUIRE(table.rows.size() == 2u);
  BOOST_TEST((table.rows[0][0] == Term::blank("r1")));
  BOOST_TEST((table.rows[0][1] == Term::lang_literal("hi", "en")));
  BOOST_TEST((table.rows[1][0] == Term::literal("s")));  // xsd:string is the simple literal
  BOOST_TEST(!table.rows[1][1].has_value());
}

BOOST_AUTO_TEST_CASE(bad_result_files_name_where_the_problem_is) {
  Error xml = expect_error([] { read_srx("<sparql>\n<head>\n</sparql>", "bad.srx"); });
  BOOST_TEST(xml.where().file == "bad.srx");
  BOOST_TEST(xml.where().line == 3u);
  Error xml_binding = expect_error([] {
    read_srx(
        "<sparql><head><variable name='a'/></head><results>\n<result>\n"
        "<binding name='zz'><uri>http://x</uri></binding></result></results></sparql>",
        "unknown.srx");
  });
  BOOST_TEST(xml_binding.where().line == 3u);
  Error json =
      expect_error([] { read_srj("{\"head\": {\"vars\": [\"a\"]},\n \"results\": }", "bad.srj"); });
  BOOST_TEST(json.where().line == 2u);
  BOOST_TEST(json.where().column > 1u);
  Error pointer = expect_error([] {
    read_srj(R"({"head":{"vars":["a"]},"results":{"bindings":[{"a":{"type":"wat","value":"x"}}]}})",
             "type.srj");
  });
  BOOST_TEST(pointer.where().json_path == "/results/bindings/0/a/type");
  Error csv = expect_error([] { read_csv("a,b\r\n1,\"open\r\n", "bad.csv"); });
  BOOST_TEST(csv.where().line == 2u);
  Error fields = expect_error([] { read_csv("a,b\r\n1,2,3\r\n", "wide.csv"); });
  BOOST_TEST(fields.message().find("expected 2 fields") == 0u);
  Error tsv = expect_error([] { read_tsv("?a\t?b\n<http://x>\tnonsense\n", "bad.tsv"); });
  BOOST_TEST(tsv.where().line == 2u);
  BOOST_TEST(tsv.where().column == 12u);
}

BOOST_AUTO_TEST_CASE(rdf_result_sets_are_read_in_index_order) {
  auto path =
      temp_file("ordered.ttl",
                "@prefix rs: <http://www.w3.org/2001/sw/DataAccess/tests/result-set#> .\n"
                "[] a rs:ResultSet ; rs:resultVariable \"x\", \"y\" ;\n"
                "  rs:solution [ rs:index 2 ; rs:binding [ rs:variable \"x\" ; rs:value 2 ] ] ;\n"
                "  rs:solution [ rs:index 1 ; rs:binding [ rs:variable \"x\" ; rs:value <r> ] ;\n"
                "                rs:binding [ rs:variable \"y\" ; rs:value _:b ] ] .\n");
  ResultTable table = read_result_file(path, "http://example/base/");
  std::filesystem::remove(path);
  BOOST_TEST(table.variables == (std::vector<std::string>{"x", "y"}));
  BOOST_TEST(table.ordered);
  BOOST_REQUIRE(table.rows.size() == 2u);
  BOOST_TEST((table.rows[0][0] == Term::iri("http://example/base/r")));
  BOOST_TEST(table.rows[0][1]->is_blank());
  BOOST_TEST((table.rows[1][0] == Term::typed_literal("2", std::string(rdf::vocab::kXsdInteger))));
  BOOST_TEST(!table.rows[1][1].has_value());
}

BOOST_AUTO_TEST_CASE(rdf_booleans_and_graphs_are_read) {
  auto ask = temp_file("ask.ttl",
                       "@prefix rs: <http://www.w3.org/2001/sw/DataAccess/tests/result-set#> .\n"
                       "[] a rs:ResultSet ; rs:boolean true .\n");
  BOOST_TEST((read_result_file(ask).boolean == true));
  BOOST_TEST(!read_result_file(ask).ordered);
  auto graph =
      temp_file("graph.nt", "<http://a> <http://b> _:c .\n<http://a> <http://b> \"d\" .\n");
  ResultTable triples = read_result_file(graph);
  BOOST_TEST(triples.is_graph);
  BOOST_TEST(triples.triples.size() == 2u);
  std::filesystem::remove(ask);
  std::filesystem::remove(graph);
  expect_error([] { read_result_file("results.yaml"); });
}

BOOST_AUTO_TEST_SUITE_END()
