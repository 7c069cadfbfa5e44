// The function library: functions on terms and strings, regular expressions and hashes.
#include <set>

#include <boost/test/unit_test.hpp>

#include "sparql_functions_fixture.hpp"

using namespace kg;
using namespace kg::sparql;
using kg::sparql::testing::FunctionFixture;
using kg::sparql::testing::show;

namespace {
const std::string kTrue = "\"true\"^^xsd:boolean";
const std::string kFalse = "\"false\"^^xsd:boolean";
}  // namespace

BOOST_FIXTURE_TEST_SUITE(sparql_functions_strings, FunctionFixture)

BOOST_AUTO_TEST_CASE(term_tests) {
  BOOST_TEST(show_call(Builtin::IsIri, {iri("http://e/a")}) == kTrue);
  BOOST_TEST(show_call(Builtin::IsIri, {plain("http://e/a")}) == kFalse);
  BOOST_TEST(show_call(Builtin::IsBlank, {blank("b")}) == kTrue);
  BOOST_TEST(show_call(Builtin::IsLiteral, {typed("x", "integer")}) == kTrue);
  BOOST_TEST(show_call(Builtin::IsLiteral, {Value::error()}) == "error");
  BOOST_TEST(show_call(Builtin::IsNumeric, {typed("1", "unsignedByte")}) == kTrue);
  BOOST_TEST(show_call(Builtin::IsNumeric, {typed("1.5", "decimal")}) == kTrue);
  BOOST_TEST(show_call(Builtin::IsNumeric, {typed("256", "unsignedByte")}) == kFalse);
  BOOST_TEST(show_call(Builtin::IsNumeric, {plain("1")}) == kFalse);
}

BOOST_AUTO_TEST_CASE(str_lang_datatype) {
  BOOST_TEST(show_call(Builtin::Str, {iri("http://e/a")}) == "\"http://e/a\"");
  BOOST_TEST(show_call(Builtin::Str, {typed("01", "integer")}) == "\"01\"");
  BOOST_TEST(show_call(Builtin::Str, {tagged("chat", "fr")}) == "\"chat\"");
  BOOST_TEST(show_call(Builtin::Str, {Value::decimal(Decimal::from_integer(2))}) == "\"2.0\"");
  BOOST_TEST(show_call(Builtin::Str, {blank("b")}) == "error");
  BOOST_TEST(show_call(Builtin::Lang, {tagged("chat", "FR")}) == "\"fr\"");
  BOOST_TEST(show_call(Builtin::Lang, {plain("chat")}) == "\"\"");
  BOOST_TEST(show_call(Builtin::Lang, {iri("http://e/a")}) == "error");
  BOOST_TEST(show_call(Builtin::Datatype, {plain("a")}) == "xsd:string");
  BOOST_TEST(show_call(Builtin::Datatype, {tagged("a", "en")}) ==
             "<" + std::string(rdf::vocab::kRdfLangString) + ">");
  BOOST_TEST(show_call(Builtin::Datatype, {custom("a", "http://e/t")}) == "<http://e/t>");
  BOOST_TEST(show_call(Builtin::Datatype, {Value::integer(3)}) == "xsd:integer");
  BOOST_TEST(show_call(Builtin::Datatype, {blank("b")}) == "error");
}

BOOST_AUTO_TEST_CASE(iri_resolves_against_the_base) {
  context.base_iri = "http://example.org/dir/";
  BOOST_TEST(show_call(Builtin::Iri, {plain("iri")}) == "<http://example.org/dir/iri>");
  BOOST_TEST(show_call(Builtin::Iri, {plain("http://other/x")}) == "<http://other/x>");
  BOOST_TEST(show_call(Builtin::Iri, {iri("http://e/a")}) == "<http://e/a>");
  BOOST_TEST(show_call(Builtin::Iri, {tagged("x", "en")}) == "error");
  BOOST_TEST(show_call(Builtin::Iri, {typed("1", "integer")}) == "error");
}

BOOST_AUTO_TEST_CASE(bnode_labels_per_solution) {
  Value first = call(Builtin::Bnode, {plain("a")});
  BOOST_TEST(int(first.kind()) == int(ValueKind::Blank));
  BOOST_TEST(first.same_term(call(Builtin::Bnode, {plain("a")})));
  BOOST_TEST(!first.same_term(call(Builtin::Bnode, {plain("b")})));
  BOOST_TEST(!call(Builtin::Bnode, {}).same_term(call(Builtin::Bnode, {})));
  context.start_solution();
  BOOST_TEST(!first.same_term(call(Builtin::Bnode, {plain("a")})));
  BOOST_TEST(show_call(Builtin::Bnode, {iri("http://e/a")}) == "error");
  // Labels are new to the world, so interning them makes fresh nodes.
  size_t nodes = world.node_count();
  call(Builtin::Bnode, {}).to_node(world);
  BOOST_TEST(world.node_count() == nodes + 1);
}

BOOST_AUTO_TEST_CASE(strdt_and_strlang) {
  BOOST_TEST(show_call(Builtin::StrDt, {plain("1"), iri(std::string(rdf::vocab::kXsdInteger))}) ==
             "\"1\"^^xsd:integer");
  BOOST_TEST(
      int(call(Builtin::StrDt, {plain("1"), iri(std::string(rdf::vocab::kXsdInteger))}).kind()) ==
      int(ValueKind::Integer));
  BOOST_TEST(show_call(Builtin::StrDt, {plain("a"), iri(std::string(rdf::vocab::kXsdString))}) ==
             "\"a\"");
  BOOST_TEST(show_call(Builtin::StrDt, {tagged("a", "en"), iri("http://e/t")}) == "error");
  BOOST_TEST(show_call(Builtin::StrDt, {typed("1", "integer"), iri("http://e/t")}) == "error");
  BOOST_TEST(show_call(Builtin::StrDt, {plain("a"), plain("http://e/t")}) == "error");
  BOOST_TEST(show_call(Builtin::StrDt,
                       {plain("a"), iri(std::string(rdf::vocab::kRdfLangString))}) == "error");
  BOOST_TEST(show_call(Builtin::StrLang, {plain("bar"), plain("en-US")}) == "\"bar\"@en-us");
  BOOST_TEST(show_call(Builtin::StrLang, {tagged("bar", "en"), plain("en-US")}) == "error");
  BOOST_TEST(show_call(Builtin::StrLang, {plain("bar"), plain("")}) == "error");
  BOOST_TEST(show_call(Builtin::StrLang, {plain("bar"), plain("not a tag")}) == "error");
}

BOOST_AUTO_TEST_CASE(uuids_are_random_version_4) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    Value uuid = call(Builtin::Uuid, {});
    BOOST_TEST(int(uuid.kind()) == int(ValueKind::Iri));
    std::string text(uuid.text());
    BOOST_TEST(text.size() == 45u);
    BOOST_TEST(text.starts_with("urn:uuid:"));
    BOOST_TEST(text[9 + 14] == '4');
    BOOST_TEST(std::string("89ab").find(text[9 + 19]) != std::string::npos);
    seen.insert(text);
  }
  BOOST_TEST(seen.size() == 50u);
  // Each execution is seeded afresh: another context does not repeat this one's UUIDs.
  FunctionContext other;
  std::vector<Value> none;
  BOOST_TEST(!seen.contains(std::string(call_builtin(Builtin::Uuid, none, other).text())));
  Value text = call(Builtin::StrUuid, {});
  BOOST_TEST(int(text.kind()) == int(ValueKind::String));
  BOOST_TEST(text.text().size() == 36u);
}

BOOST_AUTO_TEST_CASE(lengths_and_substrings_count_code_points) {
  Value korean = plain("Ли Сон Джин");
  BOOST_TEST(show_call(Builtin::StrLen, {korean}) == "\"11\"^^xsd:integer");
  BOOST_TEST(show_call(Builtin::StrLen, {plain("\U0001F46A")}) == "\"1\"^^xsd:integer");
  BOOST_TEST(show_call(Builtin::StrLen, {tagged("bar", "en")}) == "\"3\"^^xsd:integer");
  BOOST_TEST(show_call(Builtin::StrLen, {typed("12", "integer")}) == "error");
  auto substr = [&](Value text, std::initializer_list<Value> bounds) {
    std::vector<Value> args{text};
    args.insert(args.end(), bounds);
    return show(call_builtin(Builtin::SubStr, args, context));
  };
  BOOST_TEST(substr(korean, {Value::integer(4), Value::integer(3)}) == "\"Сон\"");
  BOOST_TEST(substr(tagged("bar", "en"), {Value::integer(2)}) == "\"ar\"@en");
  BOOST_TEST(substr(plain("\U0001F46A"), {Value::integer(2)}) == "\"\"");
  // XPath rounding: positions round(1.5)=2 <= p < 2 + round(2.6)=5.
  BOOST_TEST(substr(plain("12345"), {typed("1.5", "decimal"), typed("2.6", "decimal")}) ==
             "\"234\"");
  BOOST_TEST(substr(plain("12345"), {Value::integer(0), Value::integer(3)}) == "\"12\"");
  BOOST_TEST(substr(plain("12345"), {Value::integer(5), Value::integer(-3)}) == "\"\"");
  BOOST_TEST(substr(plain("12345"), {typed("NaN", "double"), Value::integer(3)}) == "\"\"");
  BOOST_TEST(substr(plain("12345"), {typed("-INF", "double"), typed("INF", "double")}) == "\"\"");
  BOOST_TEST(substr(plain("12345"), {typed("-3", "integer"), typed("INF", "double")}) ==
             "\"12345\"");
  BOOST_TEST(substr(plain("12345"), {plain("1")}) == "error");
}

BOOST_AUTO_TEST_CASE(case_mapping_is_full_unicode_and_keeps_the_tag) {
  BOOST_TEST(show_call(Builtin::UCase, {plain("Ли Сон Джин")}) == "\"ЛИ СОН ДЖИН\"");
  BOOST_TEST(show_call(Builtin::LCase, {tagged("ЛИ Сон", "ru")}) == "\"ли сон\"@ru");
  BOOST_TEST(show_call(Builtin::UCase, {plain("straße")}) == "\"STRASSE\"");
  BOOST_TEST(show_call(Builtin::UCase, {plain("食べ物")}) == "\"食べ物\"");
  BOOST_TEST(show_call(Builtin::UCase, {iri("http://e/a")}) == "error");
}

BOOST_AUTO_TEST_CASE(string_tests_need_compatible_arguments) {
  BOOST_TEST(show_call(Builtin::StrStarts, {plain("foobar"), plain("foo")}) == kTrue);
  BOOST_TEST(show_call(Builtin::StrEnds, {tagged("foobar", "en"), plain("bar")}) == kTrue);
  BOOST_TEST(show_call(Builtin::Contains, {tagged("foobar", "en"), tagged("oba", "en")}) == kTrue);
  BOOST_TEST(show_call(Builtin::Contains, {plain("foobar"), plain("x")}) == kFalse);
  BOOST_TEST(show_call(Builtin::Contains, {plain("foobar"), tagged("o", "en")}) == "error");
  BOOST_TEST(show_call(Builtin::Contains, {tagged("foobar", "fr"), tagged("o", "en")}) == "error");
  BOOST_TEST(show_call(Builtin::StrStarts, {typed("12", "integer"), plain("1")}) == "error");
}

BOOST_AUTO_TEST_CASE(strbefore_and_strafter) {
  Value en = tagged("abc", "en");
  BOOST_TEST(show_call(Builtin::StrBefore, {en, plain("b")}) == "\"a\"@en");
  BOOST_TEST(show_call(Builtin::StrBefore, {en, plain("")}) == "\"\"@en");
  BOOST_TEST(show_call(Builtin::StrBefore, {en, plain("xyz")}) == "\"\"");
  BOOST_TEST(show_call(Builtin::StrBefore, {plain("abc"), tagged("b", "cy")}) == "error");
  BOOST_TEST(show_call(Builtin::StrAfter, {en, plain("b")}) == "\"c\"@en");
  BOOST_TEST(show_call(Builtin::StrAfter, {en, tagged("", "en")}) == "\"abc\"@en");
  BOOST_TEST(show_call(Builtin::StrAfter, {plain("abc"), plain("c")}) == "\"\"");
  BOOST_TEST(show_call(Builtin::StrAfter, {tagged("français", "fr"), plain("e")}) == "\"\"");
}

BOOST_AUTO_TEST_CASE(encode_for_uri_and_concat) {
  BOOST_TEST(show_call(Builtin::EncodeForUri, {plain("Los Angeles")}) == "\"Los%20Angeles\"");
  BOOST_TEST(show_call(Builtin::EncodeForUri, {tagged("100% ~ok-_.", "en")}) ==
             "\"100%25%20~ok-_.\"");
  BOOST_TEST(show_call(Builtin::EncodeForUri, {plain("食")}) == "\"%E9%A3%9F\"");
  BOOST_TEST(show_call(Builtin::Concat, {}) == "\"\"");
  BOOST_TEST(show_call(Builtin::Concat, {tagged("a", "en"), tagged("b", "en")}) == "\"ab\"@en");
  BOOST_TEST(show_call(Builtin::Concat, {tagged("a", "en"), tagged("b", "fr")}) == "\"ab\"");
  BOOST_TEST(show_call(Builtin::Concat, {tagged("a", "en"), plain("b")}) == "\"ab\"");
  BOOST_TEST(show_call(Builtin::Concat, {plain("a"), typed("1", "integer")}) == "error");
}

BOOST_AUTO_TEST_CASE(langmatches_is_basic_filtering) {
  auto matches = [&](const char* tag, const char* range) {
    return show_call(Builtin::LangMatches, {plain(tag), plain(range)});
  };
  BOOST_TEST(matches("en", "en") == kTrue);
  BOOST_TEST(matches("en-GB", "en") == kTrue);
  BOOST_TEST(matches("en-gb", "EN-GB") == kTrue);
  BOOST_TEST(matches("eng", "en") == kFalse);
  BOOST_TEST(matches("en", "en-GB") == kFalse);
  BOOST_TEST(matches("de-Latn-DE", "de-de") == kFalse);
  BOOST_TEST(matches("fr", "*") == kTrue);
  BOOST_TEST(matches("", "*") == kFalse);
  BOOST_TEST(show_call(Builtin::LangMatches, {tagged("en", "en"), plain("en")}) == "error");
}

BOOST_AUTO_TEST_CASE(regex_flags) {
  auto regex = [&](Value text, const char* pattern, const char* flags = nullptr) {
    if (!flags) return show_call(Builtin::Regex, {text, plain(pattern)});
    return show_call(Builtin::Regex, {text, plain(pattern), plain(flags)});
  };
  BOOST_TEST(regex(plain("abcDEF"), "DEF") == kTrue);
  BOOST_TEST(regex(plain("abcDEF"), "def") == kFalse);
  BOOST_TEST(regex(plain("abcDEF"), "def", "i") == kTrue);
  BOOST_TEST(regex(plain("ДЖИН"), "джин", "i") == kTrue);
  BOOST_TEST(regex(plain("a\nc"), "a.c") == kFalse);
  BOOST_TEST(regex(plain("a\nc"), "a.c", "s") == kTrue);
  BOOST_TEST(regex(plain("a\nb\nc"), "^b$") == kFalse);
  BOOST_TEST(regex(plain("a\nb\nc"), "^b$", "m") == kTrue);
  BOOST_TEST(regex(plain("b\n"), "^b$") == kFalse);  // "$" is the very end only
  BOOST_TEST(regex(plain("ac"), " a\n\tc ", "x") == kTrue);
  BOOST_TEST(regex(plain("a c"), "a[ ]c", "x") == kTrue);
  BOOST_TEST(regex(plain("a?+*.{}()[]c"), "a?+*.{}()[]c", "q") == kTrue);
  BOOST_TEST(regex(plain("A?+*.{}()[]C"), "a?+*.{}()[]c", "iq") == kTrue);
  BOOST_TEST(regex(plain("abc"), "a.c", "q") == kFalse);
  BOOST_TEST(regex(tagged("chat", "fr"), "^ch") == kTrue);
  BOOST_TEST(regex(plain("食べ物"), "^.{3}$") == kTrue);
  BOOST_TEST(regex(plain("abc"), "(") == "error");
  BOOST_TEST(regex(plain("abc"), "a", "k") == "error");
  BOOST_TEST(regex(iri("http://e/abc"), "abc") == "error");
  BOOST_TEST(show_call(Builtin::Regex, {plain("abc"), tagged("a", "en")}) == "error");
  // Compiled once, then served from the cache.
  BOOST_TEST(regex(plain("xyz"), "y") == kTrue);
  BOOST_TEST(regex(plain("xz"), "y") == kFalse);
}

BOOST_AUTO_TEST_CASE(replace_follows_xpath) {
  auto replace = [&](Value text, const char* pattern, const char* replacement,
                     const char* flags = "") {
    return show_call(Builtin::Replace, {text, plain(pattern), plain(replacement), plain(flags)});
  };
  BOOST_TEST(replace(plain("banana"), "ana", "*") == "\"b*na\"");
  BOOST_TEST(replace(plain("abcd"), "(ab)|(a)", "[1=$1][2=$2]") == "\"[1=ab][2=]cd\"");
  BOOST_TEST(replace(plain("aAbBaC"), "a", "~/", "i") == "\"~/~/bB~/C\"");
  BOOST_TEST(replace(tagged("English", "en"), "[^a-z0-9]", "-") == "\"-nglish\"@en");
  BOOST_TEST(replace(plain("abc"), "(b)", "\\$1=$1\\\\") == "\"a$1=b\\\\c\"");
  BOOST_TEST(replace(plain("abcdefghijkl"), "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)", "$11$12") ==
             "\"ka2l\"");  // $12 is $1 then "2": there is no group 12
  BOOST_TEST(replace(plain("abc"), "b", "$") == "error");
  BOOST_TEST(replace(plain("abc"), "b", "\\x") == "error");
  BOOST_TEST(replace(plain("abc"), "x*", "-") == "error");
  BOOST_TEST(replace(plain("abc"), "\\b", "-") == "error");
  BOOST_TEST(show_call(Builtin::Replace, {plain("abc"), plain("b"), plain("x")}) == "\"axc\"");
}

BOOST_AUTO_TEST_CASE(hashes_of_utf8_strings) {
  BOOST_TEST(show_call(Builtin::Md5, {plain("abc")}) == "\"900150983cd24fb0d6963f7d28e17f72\"");
  BOOST_TEST(show_call(Builtin::Sha1, {plain("abc")}) ==
             "\"a9993e364706816aba3e25717850c26c9cd0d89d\"");
  BOOST_TEST(show_call(Builtin::Sha256, {plain("abc")}) ==
             "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
  BOOST_TEST(show_call(Builtin::Sha384, {plain("")}) ==
             "\"38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fb"
             "d51ad2f14898b95b\"");
  BOOST_TEST(show_call(Builtin::Sha512, {plain("Ли Сон Джин")}) ==
             "\"7597e80d4cff04b3b53a03d129eee9a7abb5a6e78215edbcb9c3bcde1d38c7dbdc68970b8f0ceb57"
             "ac74af9988141eab8b8a7a14d91aaf27dbaf1e9ad6654563\"");
  BOOST_TEST(show_call(Builtin::Md5, {plain("Ли Сон Джин")}) ==
             "\"d569ef8f0cf8385cb4638f377b0294b4\"");
  BOOST_TEST(show_call(Builtin::Md5, {tagged("abc", "en")}) == "error");
  BOOST_TEST(show_call(Builtin::Md5, {typed("1", "integer")}) == "error");
}

BOOST_AUTO_TEST_CASE(wrong_arity_and_special_forms_are_errors) {
  BOOST_TEST(show_call(Builtin::StrLen, {}) == "error");
  BOOST_TEST(show_call(Builtin::StrLen, {plain("a"), plain("b")}) == "error");
  BOOST_TEST(show_call(Builtin::Uuid, {plain("a")}) == "error");
  BOOST_TEST(show_call(Builtin::If, {plain("a"), plain("b"), plain("c")}) == "error");
  BOOST_TEST(show_call(Builtin::Coalesce, {plain("a")}) == "error");
}

BOOST_AUTO_TEST_SUITE_END()
