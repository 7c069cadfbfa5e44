// The function library: values, arithmetic and type promotion, comparisons, effective boolean
// value and the ORDER BY order.
#include <boost/test/unit_test.hpp>

#include "sparql_functions_fixture.hpp"

using namespace kg;
using namespace kg::sparql;
using kg::sparql::testing::FunctionFixture;
using kg::sparql::testing::show;

BOOST_FIXTURE_TEST_SUITE(sparql_functions, FunctionFixture)

BOOST_AUTO_TEST_CASE(values_from_nodes_keep_their_node_and_parse_known_datatypes) {
  rdf::NodeRef node = world.literal("01", std::string(rdf::vocab::kXsdInteger));
  Value value = Value::from_node(node);
  BOOST_TEST(int(value.kind()) == int(ValueKind::Integer));
  BOOST_TEST(value.integer_value() == 1);
  BOOST_TEST((value.to_node(world) == node));
  BOOST_TEST(value.lexical_form() == "01");
  Value decimal = typed("2.50", "decimal");
  size_t nodes = world.node_count();
  BOOST_TEST(
      (decimal.to_node(world) == world.literal("2.50", std::string(rdf::vocab::kXsdDecimal))));
  BOOST_TEST(world.node_count() == nodes);  // nothing re-interned

  BOOST_TEST(int(typed("x", "integer").kind()) == int(ValueKind::OtherLiteral));
  BOOST_TEST(int(typed("300", "byte").kind()) == int(ValueKind::OtherLiteral));
  BOOST_TEST(int(typed("-1", "nonNegativeInteger").kind()) == int(ValueKind::OtherLiteral));
  BOOST_TEST(int(typed("127", "byte").kind()) == int(ValueKind::Integer));
  BOOST_TEST(int(typed("2002-10-10T17:00:00Z", "dateTime").kind()) == int(ValueKind::DateTime));
  BOOST_TEST(int(typed("2002-02-30", "date").kind()) == int(ValueKind::OtherLiteral));
  BOOST_TEST(int(plain("x").kind()) == int(ValueKind::String));
  BOOST_TEST(int(tagged("x", "EN").kind()) == int(ValueKind::LangString));
  BOOST_TEST(tagged("x", "EN").language() == "en");
  BOOST_TEST(Value::from_node(rdf::NodeRef()).is_error());
}

BOOST_AUTO_TEST_CASE(values_from_terms_match_values_from_nodes) {
  auto term = rdf::Term::typed_literal("1.5", std::string(rdf::vocab::kXsdDecimal));
  Value from_term = Value::from_term(term);
  BOOST_TEST(from_term.same_term(typed("1.5", "decimal")));
  BOOST_TEST((from_term.to_node(world) == typed("1.5", "decimal").to_node(world)));
  BOOST_TEST((*from_term.to_term() == term));
  BOOST_TEST(show(Value::from_term(rdf::Term::lang_literal("chat", "FR"))) == "\"chat\"@fr");
  BOOST_TEST(show(Value::from_term(rdf::Term::iri("http://e/x"))) == "<http://e/x>");
  BOOST_TEST(show(Value::from_term(rdf::Term::blank("b1"))) == "_:b1");
  BOOST_TEST(show(Value::error()) == "error");
}

BOOST_AUTO_TEST_CASE(computed_numbers_print_in_canonical_form) {
  BOOST_TEST(show(Value::integer(-7)) == "\"-7\"^^xsd:integer");
  BOOST_TEST(show(Value::decimal(Decimal::from_integer(2))) == "\"2.0\"^^xsd:decimal");
  BOOST_TEST(show(Value::decimal(*Decimal::parse("-0.50"))) == "\"-0.5\"^^xsd:decimal");
  BOOST_TEST(show(Value::decimal(*Decimal::parse("-.5"))) == "\"-0.5\"^^xsd:decimal");
  BOOST_TEST(show(Value::double_number(1)) == "\"1.0E0\"^^xsd:double");
  BOOST_TEST(show(Value::double_number(1050)) == "\"1.05E3\"^^xsd:double");
  BOOST_TEST(show(Value::double_number(0.2)) == "\"2.0E-1\"^^xsd:double");
  BOOST_TEST(show(Value::double_number(0)) == "\"0.0E0\"^^xsd:double");
  BOOST_TEST(show(Value::double_number(-1.0 / 0.0)) == "\"-INF\"^^xsd:double");
  BOOST_TEST(show(Value::float_number(1.1f)) == "\"1.1E0\"^^xsd:float");
  BOOST_TEST(show(Value::boolean(true)) == "\"true\"^^xsd:boolean");
  BOOST_TEST(show(Value::integer(5, XsdType::Short)) == "\"5\"^^xsd:short");
}

BOOST_AUTO_TEST_CASE(canonical_values_drop_the_stored_lexical_form) {
  BOOST_TEST(show(typed("01", "integer").canonical()) == "\"1\"^^xsd:integer");
  BOOST_TEST(show(typed("+3", "short").canonical()) == "\"3\"^^xsd:short");
  BOOST_TEST(show(typed("1E0", "double").canonical()) == "\"1.0E0\"^^xsd:double");
  BOOST_TEST(show(typed("3", "decimal").canonical()) == "\"3.0\"^^xsd:decimal");
  BOOST_TEST(show(typed("1", "boolean").canonical()) == "\"true\"^^xsd:boolean");
  BOOST_TEST(show(typed("2002-10-10T17:00:00+00:00", "dateTime").canonical()) ==
             "\"2002-10-10T17:00:00Z\"^^xsd:dateTime");
  BOOST_TEST(show(typed("P0D", "duration").canonical()) == "\"PT0S\"^^xsd:duration");
  BOOST_TEST(show(typed("P0Y", "yearMonthDuration").canonical()) ==
             "\"P0M\"^^xsd:yearMonthDuration");
  BOOST_TEST(show(typed("x", "integer").canonical()) == "\"x\"^^xsd:integer");
  BOOST_TEST(show(tagged("a", "en").canonical()) == "\"a\"@en");
}

BOOST_AUTO_TEST_CASE(lexical_forms_beyond_the_supported_ranges) {
  // Decimals keep 18 fractional digits (rounded) and magnitudes below 10^20; integers are
  // 64-bit. Beyond that a literal is kept as a term but is not a number.
  BOOST_TEST(typed("0.1234567890123456789", "decimal").decimal_value().to_canonical() ==
             "0.123456789012345679");
  BOOST_TEST(int(typed("99999999999999999999.5", "decimal").kind()) == int(ValueKind::Decimal));
  BOOST_TEST(int(typed("100000000000000000000", "decimal").kind()) == int(ValueKind::OtherLiteral));
  BOOST_TEST(int(typed("-9223372036854775808", "long").kind()) == int(ValueKind::Integer));
  BOOST_TEST(int(typed("9223372036854775808", "integer").kind()) == int(ValueKind::OtherLiteral));
  BOOST_TEST(show(typed("1e400", "double").canonical()) == "\"INF\"^^xsd:double");
  BOOST_TEST(show(typed("-1e-400", "double").canonical()) == "\"-0.0E0\"^^xsd:double");
  BOOST_TEST(show(typed("1e39", "float").canonical()) == "\"INF\"^^xsd:float");
  BOOST_TEST(int(typed("1.", "decimal").kind()) == int(ValueKind::Decimal));
  BOOST_TEST(int(typed(".5e1", "double").kind()) == int(ValueKind::Double));
  BOOST_TEST(int(typed("1e5", "decimal").kind()) == int(ValueKind::OtherLiteral));
  BOOST_TEST(int(typed(".", "decimal").kind()) == int(ValueKind::OtherLiteral));
  BOOST_TEST(int(typed("inf", "double").kind()) == int(ValueKind::OtherLiteral));
  BOOST_TEST(int(typed("-NaN", "double").kind()) == int(ValueKind::OtherLiteral));
}

BOOST_AUTO_TEST_CASE(decimal_arithmetic_is_exact) {
  BOOST_TEST(show_call(Builtin::Add, {typed("0.1", "decimal"), typed("0.2", "decimal")}) ==
             "\"0.3\"^^xsd:decimal");
  BOOST_TEST(*equal(call(Builtin::Add, {typed("0.1", "decimal"), typed("0.2", "decimal")}),
                    typed("0.3", "decimal")));
  BOOST_TEST(show_call(Builtin::Multiply, {typed("1.5", "decimal"), typed("-0.25", "decimal")}) ==
             "\"-0.375\"^^xsd:decimal");
  BOOST_TEST(show_call(Builtin::Divide, {typed("1", "integer"), typed("3", "integer")}) ==
             "\"0.333333333333333333\"^^xsd:decimal");
  BOOST_TEST(show_call(Builtin::Divide, {typed("2", "integer"), typed("3", "integer")}) ==
             "\"0.666666666666666667\"^^xsd:decimal");
  BOOST_TEST(show_call(Builtin::Multiply,
                       {typed("12345678901.5", "decimal"), typed("1000000000", "decimal")}) ==
             "\"12345678901500000000.0\"^^xsd:decimal");
  // Beyond ±10^20 a decimal overflows: an error, not a wrong number.
  BOOST_TEST(show_call(Builtin::Multiply, {typed("123456789012.5", "decimal"),
                                           typed("1000000000", "decimal")}) == "error");
  BOOST_TEST(show_call(Builtin::Divide, {typed("1.0", "decimal"), typed("0.0", "decimal")}) ==
             "error");
  BOOST_TEST(show_call(Builtin::Divide, {typed("1", "integer"), typed("0", "integer")}) == "error");
}

BOOST_AUTO_TEST_CASE(numeric_type_promotion_follows_xpath) {
  auto datatype = [&](Value a, Value b) {
    return std::string(call(Builtin::Add, {a, b}).datatype_iri().substr(rdf::vocab::kXsd.size()));
  };
  BOOST_TEST(datatype(typed("1", "short"), typed("1", "short")) == "integer");
  BOOST_TEST(datatype(typed("1", "integer"), typed("1", "decimal")) == "decimal");
  BOOST_TEST(datatype(typed("1", "decimal"), typed("1", "float")) == "float");
  BOOST_TEST(datatype(typed("1", "float"), typed("1", "double")) == "double");
  BOOST_TEST(datatype(typed("1", "unsignedByte"), typed("1", "double")) == "double");
  BOOST_TEST(show_call(Builtin::Divide, {typed("4", "integer"), typed("2", "integer")}) ==
             "\"2.0\"^^xsd:decimal");
  BOOST_TEST(show_call(Builtin::Add, {typed("3", "float"), typed("3", "integer")}) ==
             "\"6.0E0\"^^xsd:float");
  BOOST_TEST(show_call(Builtin::Divide, {typed("1", "double"), typed("0", "integer")}) ==
             "\"INF\"^^xsd:double");
  BOOST_TEST(show_call(Builtin::Subtract, {typed("1.0", "decimal"), typed("2", "integer")}) ==
             "\"-1.0\"^^xsd:decimal");
  BOOST_TEST(show_call(Builtin::Add, {typed("9223372036854775807", "integer"),
                                      typed("1", "integer")}) == "error");
  BOOST_TEST(show_call(Builtin::Add, {plain("1"), typed("2", "integer")}) == "error");
  BOOST_TEST(show_call(Builtin::Add, {typed("x", "integer"), typed("2", "integer")}) == "error");
  BOOST_TEST(show_call(Builtin::UnaryMinus, {typed("3", "decimal")}) == "\"-3.0\"^^xsd:decimal");
  BOOST_TEST(show_call(Builtin::UnaryMinus, {typed("3", "short")}) == "\"-3\"^^xsd:integer");
  BOOST_TEST(show_call(Builtin::UnaryPlus, {typed("3", "double")}) == "\"3\"^^xsd:double");
  BOOST_TEST(show_call(Builtin::UnaryPlus, {plain("3")}) == "error");
}

BOOST_AUTO_TEST_CASE(rounding_functions_keep_the_numeric_type) {
  BOOST_TEST(show_call(Builtin::Round, {typed("2.5", "decimal")}) == "\"3.0\"^^xsd:decimal");
  BOOST_TEST(show_call(Builtin::Round, {typed("-2.5", "decimal")}) == "\"-2.0\"^^xsd:decimal");
  BOOST_TEST(show_call(Builtin::Round, {typed("-1.6", "decimal")}) == "\"-2.0\"^^xsd:decimal");
  BOOST_TEST(show_call(Builtin::Round, {typed("-2.5", "double")}) == "\"-2.0E0\"^^xsd:double");
  BOOST_TEST(show_call(Builtin::Round, {typed("0.49999999999999994", "double")}) ==
             "\"0.0E0\"^^xsd:double");
  BOOST_TEST(show_call(Builtin::Ceil, {typed("-1.6", "decimal")}) == "\"-1.0\"^^xsd:decimal");
  BOOST_TEST(show_call(Builtin::Ceil, {typed("1.1", "float")}) == "\"2.0E0\"^^xsd:float");
  BOOST_TEST(show_call(Builtin::Floor, {typed("-1.6", "decimal")}) == "\"-2.0\"^^xsd:decimal");
  BOOST_TEST(show_call(Builtin::Floor, {typed("7", "int")}) == "\"7\"^^xsd:integer");
  BOOST_TEST(show_call(Builtin::Abs, {typed("-2", "integer")}) == "\"2\"^^xsd:integer");
  BOOST_TEST(show_call(Builtin::Abs, {typed("-2.5", "decimal")}) == "\"2.5\"^^xsd:decimal");
  BOOST_TEST(show_call(Builtin::Abs, {plain("-2")}) == "error");
}

BOOST_AUTO_TEST_CASE(rand_is_a_double_in_the_unit_interval) {
  for (int i = 0; i < 100; ++i) {
    Value r = call(Builtin::Rand, {});
    BOOST_TEST(int(r.kind()) == int(ValueKind::Double));
    BOOST_TEST((r.double_value() >= 0.0 && r.double_value() < 1.0));
  }
  BOOST_TEST(show_call(Builtin::Rand, {plain("x")}) == "error");
}

BOOST_AUTO_TEST_CASE(equality_is_value_equality_with_promotion) {
  BOOST_TEST(*equal(typed("1", "integer"), typed("01", "integer")));
  BOOST_TEST(*equal(typed("1", "integer"), typed("1.0e0", "double")));
  BOOST_TEST(*equal(typed("1", "float"), typed("1.0", "decimal")));
  BOOST_TEST(!*equal(typed("1", "integer"), typed("2", "integer")));
  BOOST_TEST(*equal(typed("1", "boolean"), typed("true", "boolean")));
  BOOST_TEST(*equal(plain("abc"), Value::from_term(rdf::Term::typed_literal(
                                      "abc", std::string(rdf::vocab::kXsdString)))));
  BOOST_TEST(*equal(tagged("xyz", "en"), tagged("xyz", "EN")));
  BOOST_TEST(!*equal(tagged("xyz", "en"), tagged("xyz", "fr")));
  BOOST_TEST(!*equal(tagged("xyz", "en"), plain("xyz")));
  BOOST_TEST(*equal(iri("http://e/a"), iri("http://e/a")));
  BOOST_TEST(!*equal(iri("http://e/a"), plain("http://e/a")));
  BOOST_TEST(!*equal(blank("a"), blank("b")));
  double nan = 0.0 / 0.0;
  BOOST_TEST(!*equal(Value::double_number(nan), Value::double_number(nan)));
  BOOST_TEST(show_call(Builtin::NotEqual, {Value::double_number(nan), Value::double_number(nan)}) ==
             "\"true\"^^xsd:boolean");
}

BOOST_AUTO_TEST_CASE(equality_of_unknown_literals_is_an_error_unless_decidable) {
  Value unknown = custom("a", "http://e/type1");
  BOOST_TEST(*equal(unknown, custom("a", "http://e/type1")));
  BOOST_TEST(!equal(unknown, custom("b", "http://e/type1")).has_value());
  BOOST_TEST(!equal(unknown, custom("a", "http://e/type2")).has_value());
  BOOST_TEST(!equal(unknown, typed("1", "integer")).has_value());
  BOOST_TEST(!equal(plain("xyz"), typed("xyz", "integer")).has_value());
  BOOST_TEST(!*equal(tagged("xyz", "en"), typed("xyz", "integer")));
  BOOST_TEST(!*equal(tagged("xyz", "en"), unknown));
  BOOST_TEST(!*equal(unknown, iri("http://e/a")));
  // Known, different value spaces: not equal (SPARQL §17.3.1 allows this extension).
  BOOST_TEST(!*equal(plain("1"), typed("1", "integer")));
  BOOST_TEST(!*equal(typed("2006-08-23T09:00:00+01:00", "dateTime"), typed("2006-08-22", "date")));
  BOOST_TEST(!equal(Value::error(), plain("a")).has_value());
  BOOST_TEST(show_call(Builtin::Equal, {unknown, custom("b", "http://e/type1")}) == "error");
  BOOST_TEST(show_call(Builtin::NotEqual, {unknown, custom("b", "http://e/type1")}) == "error");
  BOOST_TEST(show_call(Builtin::SameTerm, {unknown, custom("b", "http://e/type1")}) ==
             "\"false\"^^xsd:boolean");
}

BOOST_AUTO_TEST_CASE(same_term_distinguishes_equal_values) {
  BOOST_TEST(show_call(Builtin::SameTerm, {typed("1", "integer"), typed("01", "integer")}) ==
             "\"false\"^^xsd:boolean");
  BOOST_TEST(show_call(Builtin::SameTerm, {typed("1", "integer"), Value::integer(1)}) ==
             "\"true\"^^xsd:boolean");
  BOOST_TEST(show_call(Builtin::SameTerm, {plain("a"), Value::simple_string("a")}) ==
             "\"true\"^^xsd:boolean");
  BOOST_TEST(show_call(Builtin::SameTerm, {plain("a"), tagged("a", "en")}) ==
             "\"false\"^^xsd:boolean");
  BOOST_TEST(show_call(Builtin::SameTerm, {Value::error(), plain("a")}) == "error");
}

BOOST_AUTO_TEST_CASE(ordering_operators) {
  auto less = [&](Value a, Value b) { return show_call(Builtin::Less, {a, b}); };
  BOOST_TEST(less(typed("1", "integer"), typed("1.5", "decimal")) == "\"true\"^^xsd:boolean");
  BOOST_TEST(less(plain("abc"), plain("abd")) == "\"true\"^^xsd:boolean");
  BOOST_TEST(less(plain("Z"), plain("a")) == "\"true\"^^xsd:boolean");
  BOOST_TEST(less(typed("false", "boolean"), typed("true", "boolean")) == "\"true\"^^xsd:boolean");
  BOOST_TEST(less(tagged("a", "en"), tagged("b", "en")) == "error");
  BOOST_TEST(less(typed("1", "integer"), plain("2")) == "error");
  BOOST_TEST(less(iri("http://a"), iri("http://b")) == "error");
  BOOST_TEST(less(Value::double_number(0.0 / 0.0), typed("1", "integer")) ==
             "\"false\"^^xsd:boolean");
  BOOST_TEST(show_call(Builtin::GreaterOrEqual, {typed("3", "integer"), typed("3.0", "double")}) ==
             "\"true\"^^xsd:boolean");
  BOOST_TEST(show_call(Builtin::LessOrEqual, {typed("4", "integer"), typed("3.0", "double")}) ==
             "\"false\"^^xsd:boolean");
  BOOST_TEST(show_call(Builtin::Greater,
                       {typed("P1Y", "yearMonthDuration"), typed("P11M", "yearMonthDuration")}) ==
             "\"true\"^^xsd:boolean");
  BOOST_TEST(show_call(Builtin::Greater,
                       {typed("P1D", "dayTimeDuration"), typed("PT23H", "dayTimeDuration")}) ==
             "\"true\"^^xsd:boolean");
}

BOOST_AUTO_TEST_CASE(date_time_comparisons_with_and_without_time_zones) {
  auto equals = [&](const char* a, const char* b) {
    auto result = equal(typed(a, "dateTime"), typed(b, "dateTime"));
    return result ? (*result ? "true" : "false") : "error";
  };
  BOOST_TEST(equals("2002-04-02T23:00:00-04:00", "2002-04-03T02:00:00-01:00") == "true");
  BOOST_TEST(equals("1999-12-31T24:00:00", "2000-01-01T00:00:00") == "true");
  BOOST_TEST(equals("2005-04-04T24:00:00", "2005-04-04T00:00:00") == "false");
  BOOST_TEST(equals("2008-04-01T00:00:00.00Z", "2008-04-01T00:00:00Z") == "true");
  // One side without a time zone: equal only if decidable whatever the zone.
  BOOST_TEST(equals("2002-04-02T23:00:00", "2002-04-02T23:00:00+06:00") == "error");
  BOOST_TEST(equals("2008-10-01T00:00:00Z", "2008-10-03T00:00:00") == "false");
  BOOST_TEST(show_call(Builtin::Less, {typed("2008-10-01T00:00:00Z", "dateTime"),
                                       typed("2008-10-03T00:00:00", "dateTime")}) ==
             "\"true\"^^xsd:boolean");
  BOOST_TEST(show_call(Builtin::Greater, {typed("2008-10-03T00:00:00", "dateTime"),
                                          typed("2008-10-01T00:00:00Z", "dateTime")}) ==
             "\"true\"^^xsd:boolean");
  BOOST_TEST(show_call(Builtin::Less, {typed("2008-10-01T10:00:00Z", "dateTime"),
                                       typed("2008-10-01T12:00:00", "dateTime")}) == "error");
  BOOST_TEST(!equal(typed("2006-08-23Z", "date"), typed("2006-08-23", "date")).has_value());
  BOOST_TEST(*equal(typed("2006-08-23", "date"), typed("2006-08-23", "date")));
  BOOST_TEST(show_call(Builtin::Greater, {typed("2006-08-23Z", "date"),
                                          typed("2006-08-22", "date")}) == "\"true\"^^xsd:boolean");
  BOOST_TEST(show_call(Builtin::Greater, {typed("2006-08-23T09:00:00+01:00", "dateTime"),
                                          typed("2006-08-22", "date")}) == "error");
  BOOST_TEST(*equal(typed("13:20:00-05:00", "time"), typed("18:20:00Z", "time")));
}

BOOST_AUTO_TEST_CASE(effective_boolean_value_follows_17_2_2) {
  auto ebv = [](const Value& value) {
    auto result = effective_boolean_value(value);
    return result ? (*result ? "true" : "false") : "error";
  };
  BOOST_TEST(ebv(typed("true", "boolean")) == "true");
  BOOST_TEST(ebv(typed("0", "boolean")) == "false");
  BOOST_TEST(ebv(typed("yes", "boolean")) == "false");  // invalid lexical form
  BOOST_TEST(ebv(typed("1", "integer")) == "true");
  BOOST_TEST(ebv(typed("0", "integer")) == "false");
  BOOST_TEST(ebv(typed("0.0", "double")) == "false");
  BOOST_TEST(ebv(typed("0.01", "double")) == "true");
  BOOST_TEST(ebv(typed("NaN", "double")) == "false");
  BOOST_TEST(ebv(typed("0.000", "decimal")) == "false");
  BOOST_TEST(ebv(typed("abc", "integer")) == "false");
  BOOST_TEST(ebv(plain("")) == "false");
  BOOST_TEST(ebv(plain("foo")) == "true");
  BOOST_TEST(ebv(tagged("foo", "en")) == "true");
  BOOST_TEST(ebv(custom("foo", "http://e/unknown")) == "error");
  BOOST_TEST(ebv(typed("2002-10-10T17:00:00Z", "dateTime")) == "error");
  BOOST_TEST(ebv(iri("http://e/a")) == "error");
  BOOST_TEST(ebv(blank("b")) == "error");
  BOOST_TEST(ebv(Value::error()) == "error");
  BOOST_TEST(show_call(Builtin::LogicalNot, {plain("")}) == "\"true\"^^xsd:boolean");
  BOOST_TEST(show_call(Builtin::LogicalNot, {iri("http://e/a")}) == "error");
}

BOOST_AUTO_TEST_CASE(order_by_puts_unbound_blank_iri_literal_and_values_in_order) {
  std::vector<Value> sorted = {
      Value::error(),
      blank("a"),
      iri("http://e/a"),
      iri("http://e/b"),
      Value::double_number(0.0 / 0.0),
      typed("-5", "integer"),
      typed("1", "integer"),
      typed("1.0", "decimal"),
      typed("1.5", "float"),
      typed("1E1", "double"),
      plain("Alice"),
      tagged("Alice", "en"),
      tagged("Bob", "fr"),
      plain("Carol"),
      typed("false", "boolean"),
      typed("true", "boolean"),
      typed("2008-10-01T00:00:00Z", "dateTime"),
      typed("2008-10-02T00:00:00", "dateTime"),
      typed("2008-10-02", "date"),
      custom("a", "http://e/t1"),
      custom("a", "http://e/t2"),
  };
  for (size_t i = 0; i < sorted.size(); ++i) {
    BOOST_TEST_CONTEXT("position " << i << ": " << show(sorted[i])) {
      BOOST_TEST(order_compare(sorted[i], sorted[i]) == 0);
      for (size_t j = i + 1; j < sorted.size(); ++j) {
        BOOST_TEST(order_compare(sorted[i], sorted[j]) < 0, "before " << show(sorted[j]));
        BOOST_TEST(order_compare(sorted[j], sorted[i]) > 0, "after " << show(sorted[j]));
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
