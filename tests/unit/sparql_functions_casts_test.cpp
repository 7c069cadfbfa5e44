// The function library: XPath casts, date and time functions, aggregates.
#include <boost/test/unit_test.hpp>

#include "sparql_functions_fixture.hpp"

using namespace kg;
using namespace kg::sparql;
using kg::sparql::testing::FunctionFixture;
using kg::sparql::testing::show;

BOOST_FIXTURE_TEST_SUITE(sparql_functions_casts, FunctionFixture)

BOOST_AUTO_TEST_CASE(known_functions_are_the_xsd_casts) {
  BOOST_TEST(is_known_function(std::string(rdf::vocab::kXsdInteger)));
  BOOST_TEST(is_known_function(std::string(rdf::vocab::kXsd) + "unsignedShort"));
  BOOST_TEST(is_known_function(std::string(rdf::vocab::kXsd) + "dayTimeDuration"));
  BOOST_TEST(!is_known_function(std::string(rdf::vocab::kXsd) + "gYear"));
  BOOST_TEST(!is_known_function("http://example.org/f"));
  std::vector<Value> none;
  BOOST_TEST(show(call_function("http://example.org/f", none, context)) == "error");
  std::vector<Value> two{plain("1"), plain("2")};
  BOOST_TEST(show(call_function(std::string(rdf::vocab::kXsdInteger), two, context)) == "error");
}

BOOST_AUTO_TEST_CASE(casts_from_strings_use_the_target_lexical_space) {
  BOOST_TEST(show_cast("integer", plain("13")) == "\"13\"^^xsd:integer");
  BOOST_TEST(show_cast("integer", plain(" 013 ")) == "\"13\"^^xsd:integer");
  BOOST_TEST(show_cast("integer", plain("1.5")) == "error");
  BOOST_TEST(show_cast("integer", plain("1E0")) == "error");
  BOOST_TEST(show_cast("decimal", plain("+33.3300")) == "\"33.33\"^^xsd:decimal");
  BOOST_TEST(show_cast("decimal", plain("-10.2E3")) == "error");
  BOOST_TEST(show_cast("double", plain("-10.2E3")) == "\"-1.02E4\"^^xsd:double");
  BOOST_TEST(show_cast("float", plain("+33.3300")) == "\"3.333E1\"^^xsd:float");
  BOOST_TEST(show_cast("double", plain("INF")) == "\"INF\"^^xsd:double");
  BOOST_TEST(show_cast("double", plain("string")) == "error");
  BOOST_TEST(show_cast("boolean", plain("0")) == "\"false\"^^xsd:boolean");
  BOOST_TEST(show_cast("boolean", plain("true")) == "\"true\"^^xsd:boolean");
  BOOST_TEST(show_cast("boolean", plain("1.5")) == "error");
  BOOST_TEST(show_cast("dateTime", plain("2002-10-10T17:00:00Z")) ==
             "\"2002-10-10T17:00:00Z\"^^xsd:dateTime");
  BOOST_TEST(show_cast("dateTime", plain("2002-10-10")) == "error");
  BOOST_TEST(show_cast("byte", plain("300")) == "error");
  BOOST_TEST(show_cast("byte", plain("-128")) == "\"-128\"^^xsd:byte");
  BOOST_TEST(show_cast("string", plain("+33.3300")) == "\"+33.3300\"");
  BOOST_TEST(show_cast("integer", tagged("1", "en")) == "error");
}

BOOST_AUTO_TEST_CASE(casts_between_numbers_and_booleans) {
  BOOST_TEST(show_cast("integer", typed("true", "boolean")) == "\"1\"^^xsd:integer");
  BOOST_TEST(show_cast("integer", typed("-7.875", "float")) == "\"-7\"^^xsd:integer");
  BOOST_TEST(show_cast("integer", typed("1.9", "decimal")) == "\"1\"^^xsd:integer");
  BOOST_TEST(show_cast("integer", typed("NaN", "double")) == "error");
  BOOST_TEST(show_cast("integer", typed("1e30", "double")) == "error");
  BOOST_TEST(show_cast("decimal", typed("1.25", "float")) == "\"1.25\"^^xsd:decimal");
  BOOST_TEST(show_cast("decimal", typed("1.1", "float")) == "\"1.1\"^^xsd:decimal");
  BOOST_TEST(show_cast("decimal", typed("1", "integer")) == "\"1.0\"^^xsd:decimal");
  BOOST_TEST(show_cast("decimal", typed("false", "boolean")) == "\"0.0\"^^xsd:decimal");
  BOOST_TEST(show_cast("decimal", typed("INF", "double")) == "error");
  BOOST_TEST(show_cast("double", typed("1", "integer")) == "\"1.0E0\"^^xsd:double");
  BOOST_TEST(show_cast("double", typed("0", "boolean")) == "\"0.0E0\"^^xsd:double");
  BOOST_TEST(show_cast("float", typed("0.1", "decimal")) == "\"1.0E-1\"^^xsd:float");
  BOOST_TEST(show_cast("boolean", typed("0E1", "double")) == "\"false\"^^xsd:boolean");
  BOOST_TEST(show_cast("boolean", typed("-1.0", "decimal")) == "\"true\"^^xsd:boolean");
  BOOST_TEST(show_cast("short", typed("40000", "integer")) == "error");
  BOOST_TEST(show_cast("unsignedInt", typed("-1", "integer")) == "error");
  BOOST_TEST(show_cast("positiveInteger", typed("2.5", "decimal")) == "\"2\"^^xsd:positiveInteger");
  BOOST_TEST(show_cast("boolean", typed("2002-10-10T17:00:00Z", "dateTime")) == "error");
}

BOOST_AUTO_TEST_CASE(casts_to_string_use_xpath_forms) {
  BOOST_TEST(show_cast("string", iri("http://example.org/z")) == "\"http://example.org/z\"");
  BOOST_TEST(show_cast("string", typed("0", "boolean")) == "\"false\"");
  BOOST_TEST(show_cast("string", typed("01", "integer")) == "\"1\"");
  BOOST_TEST(show_cast("string", typed("1.0", "decimal")) == "\"1\"");
  BOOST_TEST(show_cast("string", typed("-1.50", "decimal")) == "\"-1.5\"");
  BOOST_TEST(show_cast("string", typed("1E0", "double")) == "\"1\"");
  BOOST_TEST(show_cast("string", typed("-7.875", "float")) == "\"-7.875\"");
  BOOST_TEST(show_cast("string", typed("1E7", "double")) == "\"1.0E7\"");
  BOOST_TEST(show_cast("string", typed("0.0000001", "double")) == "\"1.0E-7\"");
  BOOST_TEST(show_cast("string", typed("2002-10-10T17:00:00+00:00", "dateTime")) ==
             "\"2002-10-10T17:00:00Z\"");
  BOOST_TEST(show_cast("string", blank("b")) == "error");
  BOOST_TEST(show_cast("string", tagged("a", "en")) == "error");
}

BOOST_AUTO_TEST_CASE(casts_between_dates_times_and_durations) {
  BOOST_TEST(show_cast("date", typed("2002-10-10T17:00:00-05:00", "dateTime")) ==
             "\"2002-10-10-05:00\"^^xsd:date");
  BOOST_TEST(show_cast("time", typed("2002-10-10T17:00:00.5Z", "dateTime")) ==
             "\"17:00:00.5Z\"^^xsd:time");
  BOOST_TEST(show_cast("dateTime", typed("2002-10-10", "date")) ==
             "\"2002-10-10T00:00:00\"^^xsd:dateTime");
  BOOST_TEST(show_cast("dateTime", typed("17:00:00", "time")) == "error");
  BOOST_TEST(show_cast("duration", plain("P1Y2M3DT4H5M6.5S")) ==
             "\"P1Y2M3DT4H5M6.5S\"^^xsd:duration");
  BOOST_TEST(show_cast("dayTimeDuration", typed("P1Y2M3DT4H", "duration")) ==
             "\"P3DT4H\"^^xsd:dayTimeDuration");
  BOOST_TEST(show_cast("yearMonthDuration", typed("P1Y14M3D", "duration")) ==
             "\"P2Y2M\"^^xsd:yearMonthDuration");
  BOOST_TEST(show_cast("yearMonthDuration", plain("P3D")) == "error");
  BOOST_TEST(show_cast("dayTimeDuration", plain("PT")) == "error");
}

BOOST_AUTO_TEST_CASE(date_time_lexical_forms) {
  BOOST_TEST(show_cast("dateTime", plain("-0044-03-15T12:00:00")) ==
             "\"-0044-03-15T12:00:00\"^^xsd:dateTime");
  BOOST_TEST(show_cast("dateTime", plain("2000-02-29T23:59:59.125+14:00")) ==
             "\"2000-02-29T23:59:59.125+14:00\"^^xsd:dateTime");
  BOOST_TEST(show_cast("dateTime", plain("1999-12-31T24:00:00Z")) ==
             "\"2000-01-01T00:00:00Z\"^^xsd:dateTime");
  BOOST_TEST(show_cast("dateTime", plain("1900-02-29T00:00:00")) == "error");
  BOOST_TEST(show_cast("dateTime", plain("2000-01-01T00:00:00+14:30")) == "error");
  BOOST_TEST(show_cast("dateTime", plain("2000-01-01T24:00:01")) == "error");
  BOOST_TEST(show_cast("dateTime", plain("02000-01-01T00:00:00")) == "error");
  BOOST_TEST(show_cast("date", plain("12345-01-01Z")) == "\"12345-01-01Z\"^^xsd:date");
  BOOST_TEST(show_cast("time", plain("24:00:00")) == "\"00:00:00\"^^xsd:time");
}

BOOST_AUTO_TEST_CASE(date_time_accessors) {
  Value zoned = typed("2010-12-21T15:38:02.25-08:00", "dateTime");
  Value local = typed("2011-02-01T01:02:03", "dateTime");
  BOOST_TEST(show_call(Builtin::Year, {zoned}) == "\"2010\"^^xsd:integer");
  BOOST_TEST(show_call(Builtin::Month, {zoned}) == "\"12\"^^xsd:integer");
  BOOST_TEST(show_call(Builtin::Day, {zoned}) == "\"21\"^^xsd:integer");
  BOOST_TEST(show_call(Builtin::Hours, {zoned}) == "\"15\"^^xsd:integer");
  BOOST_TEST(show_call(Builtin::Minutes, {zoned}) == "\"38\"^^xsd:integer");
  BOOST_TEST(show_call(Builtin::Seconds, {zoned}) == "\"2.25\"^^xsd:decimal");
  BOOST_TEST(show_call(Builtin::Seconds, {local}) == "\"3.0\"^^xsd:decimal");
  BOOST_TEST(show_call(Builtin::Timezone, {zoned}) == "\"-PT8H\"^^xsd:dayTimeDuration");
  BOOST_TEST(show_call(Builtin::Timezone, {typed("2010-06-21T11:28:01Z", "dateTime")}) ==
             "\"PT0S\"^^xsd:dayTimeDuration");
  BOOST_TEST(show_call(Builtin::Timezone, {typed("2010-06-21T11:28:01+05:30", "dateTime")}) ==
             "\"PT5H30M\"^^xsd:dayTimeDuration");
  BOOST_TEST(show_call(Builtin::Timezone, {local}) == "error");
  BOOST_TEST(show_call(Builtin::Tz, {zoned}) == "\"-08:00\"");
  BOOST_TEST(show_call(Builtin::Tz, {typed("2010-06-21T11:28:01Z", "dateTime")}) == "\"Z\"");
  BOOST_TEST(show_call(Builtin::Tz, {local}) == "\"\"");
  BOOST_TEST(show_call(Builtin::Year, {typed("-0044-03-15", "date")}) == "\"-44\"^^xsd:integer");
  BOOST_TEST(show_call(Builtin::Hours, {typed("-0044-03-15", "date")}) == "error");
  BOOST_TEST(show_call(Builtin::Year, {plain("2010-12-21T15:38:02Z")}) == "error");
}

BOOST_AUTO_TEST_CASE(date_and_duration_arithmetic) {
  auto add = [&](Value a, Value b) { return show_call(Builtin::Add, {a, b}); };
  auto subtract = [&](Value a, Value b) { return show_call(Builtin::Subtract, {a, b}); };
  BOOST_TEST(subtract(typed("2010-12-21T15:38:02-08:00", "dateTime"),
                      typed("2010-12-20T23:00:00Z", "dateTime")) ==
             "\"P1DT38M2S\"^^xsd:dayTimeDuration");
  BOOST_TEST(subtract(typed("2000-03-01", "date"), typed("2000-02-01", "date")) ==
             "\"P29D\"^^xsd:dayTimeDuration");
  BOOST_TEST(subtract(typed("08:00:00", "time"), typed("09:30:00", "time")) ==
             "\"-PT1H30M\"^^xsd:dayTimeDuration");
  BOOST_TEST(add(typed("2000-01-31T10:00:00Z", "dateTime"), typed("P1M", "yearMonthDuration")) ==
             "\"2000-02-29T10:00:00Z\"^^xsd:dateTime");
  BOOST_TEST(add(typed("P1Y2M3DT4H", "duration"), typed("2000-01-31", "date")) ==
             "\"2001-04-03\"^^xsd:date");
  BOOST_TEST(subtract(typed("2000-03-01", "date"), typed("PT1S", "dayTimeDuration")) ==
             "\"2000-02-29\"^^xsd:date");
  BOOST_TEST(add(typed("23:30:00Z", "time"), typed("PT45M", "dayTimeDuration")) ==
             "\"00:15:00Z\"^^xsd:time");
  BOOST_TEST(add(typed("23:30:00", "time"), typed("P1M", "yearMonthDuration")) == "error");
  BOOST_TEST(add(typed("PT1H", "dayTimeDuration"), typed("PT30M", "dayTimeDuration")) ==
             "\"PT1H30M\"^^xsd:dayTimeDuration");
  BOOST_TEST(subtract(typed("P1Y", "yearMonthDuration"), typed("P13M", "yearMonthDuration")) ==
             "\"-P1M\"^^xsd:yearMonthDuration");
  BOOST_TEST(add(typed("P1Y", "yearMonthDuration"), typed("PT1H", "dayTimeDuration")) == "error");
  BOOST_TEST(
      show_call(Builtin::Multiply, {typed("PT1H", "dayTimeDuration"), typed("1.5", "decimal")}) ==
      "\"PT1H30M\"^^xsd:dayTimeDuration");
  BOOST_TEST(
      show_call(Builtin::Multiply, {typed("2", "integer"), typed("P5M", "yearMonthDuration")}) ==
      "\"P10M\"^^xsd:yearMonthDuration");
  BOOST_TEST(
      show_call(Builtin::Divide, {typed("P1Y", "yearMonthDuration"), typed("5", "integer")}) ==
      "\"P2M\"^^xsd:yearMonthDuration");
  BOOST_TEST(show_call(Builtin::Divide,
                       {typed("P1D", "dayTimeDuration"), typed("PT6H", "dayTimeDuration")}) ==
             "\"4.0\"^^xsd:decimal");
  BOOST_TEST(show_call(Builtin::Divide, {typed("P1D", "dayTimeDuration"), typed("0", "integer")}) ==
             "error");
  BOOST_TEST(add(typed("2000-01-01", "date"), typed("1", "integer")) == "error");
}

BOOST_AUTO_TEST_CASE(now_is_fixed_for_the_execution) {
  context.now_lexical = "2024-05-01T10:00:00.5Z";
  BOOST_TEST(show_call(Builtin::Now, {}) == "\"2024-05-01T10:00:00.5Z\"^^xsd:dateTime");
  FunctionContext fresh;
  std::vector<Value> none;
  Value first = call_builtin(Builtin::Now, none, fresh);
  BOOST_TEST(int(first.kind()) == int(ValueKind::DateTime));
  BOOST_TEST(first.temporal_value().has_timezone);
  BOOST_TEST(first.same_term(call_builtin(Builtin::Now, none, fresh)));
}

// ---------------------------------------------------------------------------------------------
// Aggregates

namespace {

std::string aggregate(Aggregate::Kind kind, const std::vector<Value>& values, bool distinct = false,
                      std::string separator = " ") {
  Aggregate spec;
  spec.kind = kind;
  spec.distinct = distinct;
  spec.separator = std::move(separator);
  auto aggregator = make_aggregator(spec);
  for (const Value& value : values)
    aggregator->add(value);
  return show(aggregator->result());
}

}  // namespace

BOOST_AUTO_TEST_CASE(count_skips_errors_and_counts_distinct_terms) {
  using Kind = Aggregate::Kind;
  std::vector<Value> values{typed("1", "integer"), Value::error(), typed("1", "integer"),
                            typed("01", "integer"), iri("http://e/a")};
  BOOST_TEST(aggregate(Kind::Count, values) == "\"4\"^^xsd:integer");
  BOOST_TEST(aggregate(Kind::Count, values, true) == "\"3\"^^xsd:integer");
  BOOST_TEST(aggregate(Kind::Count, {}) == "\"0\"^^xsd:integer");
}

BOOST_AUTO_TEST_CASE(sum_and_avg_promote_and_fail_on_non_numbers) {
  using Kind = Aggregate::Kind;
  std::vector<Value> decimals{typed("1.0", "decimal"), typed("2.2", "decimal"),
                              typed("3.5", "decimal"), typed("2.2", "decimal"),
                              typed("2.2", "decimal")};
  BOOST_TEST(aggregate(Kind::Sum, decimals) == "\"11.1\"^^xsd:decimal");
  BOOST_TEST(aggregate(Kind::Avg, decimals) == "\"2.22\"^^xsd:decimal");
  BOOST_TEST(aggregate(Kind::Avg, decimals, true) == "\"2.233333333333333333\"^^xsd:decimal");
  std::vector<Value> ints{typed("1", "integer"), typed("2", "integer"), typed("3", "integer")};
  BOOST_TEST(aggregate(Kind::Sum, ints) == "\"6\"^^xsd:integer");
  BOOST_TEST(aggregate(Kind::Avg, ints) == "\"2.0\"^^xsd:decimal");
  BOOST_TEST(aggregate(Kind::Avg, {typed("2E-1", "double"), typed("0.2", "decimal")}) ==
             "\"2.0E-1\"^^xsd:double");
  BOOST_TEST(aggregate(Kind::Sum, {}) == "\"0\"^^xsd:integer");
  BOOST_TEST(aggregate(Kind::Avg, {}) == "\"0\"^^xsd:integer");
  BOOST_TEST(aggregate(Kind::Avg, {typed("1", "integer"), blank("b")}) == "error");
  BOOST_TEST(aggregate(Kind::Sum, {typed("1", "integer"), plain("2")}) == "error");
  BOOST_TEST(aggregate(Kind::Sum, {typed("1", "integer"), Value::error()}) == "\"1\"^^xsd:integer");
}

BOOST_AUTO_TEST_CASE(min_max_use_the_order_by_order) {
  using Kind = Aggregate::Kind;
  std::vector<Value> mixed{typed("2.2", "decimal"),
                           typed("1", "integer"),
                           Value::error(),
                           typed("3.0E4", "double"),
                           plain("a"),
                           iri("http://e/a")};
  BOOST_TEST(aggregate(Kind::Min, mixed) == "<http://e/a>");
  BOOST_TEST(aggregate(Kind::Max, mixed) == "\"a\"");
  std::vector<Value> numbers{typed("2E-1", "double"), typed("2.2", "decimal")};
  BOOST_TEST(aggregate(Kind::Min, numbers) == "\"2E-1\"^^xsd:double");
  BOOST_TEST(aggregate(Kind::Max, numbers, true) == "\"2.2\"^^xsd:decimal");
  BOOST_TEST(aggregate(Kind::Max, {}) == "error");
  BOOST_TEST(aggregate(Kind::Min, {Value::error()}) == "error");
}

BOOST_AUTO_TEST_CASE(sample_and_group_concat) {
  using Kind = Aggregate::Kind;
  BOOST_TEST(aggregate(Kind::Sample, {Value::error(), plain("x"), plain("y")}) == "\"x\"");
  BOOST_TEST(aggregate(Kind::Sample, {}) == "error");
  BOOST_TEST(aggregate(Kind::GroupConcat, {plain("1"), plain("22")}) == "\"1 22\"");
  BOOST_TEST(aggregate(Kind::GroupConcat, {plain("1"), plain("22")}, false, ":") == "\"1:22\"");
  BOOST_TEST(aggregate(Kind::GroupConcat, {tagged("1", "en"), tagged("2", "en")}) == "\"1 2\"");
  BOOST_TEST(aggregate(Kind::GroupConcat, {plain("1"), plain("2"), plain("1")}, true) == "\"1 2\"");
  BOOST_TEST(aggregate(Kind::GroupConcat, {typed("1", "integer"), plain("b")}) == "\"1 b\"");
  BOOST_TEST(aggregate(Kind::GroupConcat, {}) == "\"\"");
  BOOST_TEST(aggregate(Kind::GroupConcat, {plain("a"), iri("http://e/a")}) == "error");
}

BOOST_AUTO_TEST_SUITE_END()
