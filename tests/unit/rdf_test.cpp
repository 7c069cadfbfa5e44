#include "rdf/rdf.hpp"

#include <boost/test/unit_test.hpp>

#include "util/error.hpp"

using namespace kg::rdf;

BOOST_AUTO_TEST_SUITE(rdf)

BOOST_AUTO_TEST_CASE(interning_gives_equal_refs_for_equal_terms) {
  World world;
  BOOST_TEST((world.iri("http://example.org/a") == world.iri("http://example.org/a")));
  BOOST_TEST((world.literal("x") == world.literal("x", vocab::kXsdString)));
  BOOST_TEST((world.literal("x", {}, "EN") == world.literal("x", {}, "en")));
  BOOST_TEST(!(world.literal("1", vocab::kXsdInteger) == world.literal("1")));
  BOOST_TEST(world.literal("x", {}, "en").datatype_iri() == vocab::kRdfLangString);
  BOOST_TEST(world.literal("1", vocab::kXsdInteger).datatype_iri() == vocab::kXsdInteger);
}

BOOST_AUTO_TEST_CASE(turtle_parses_into_the_requested_graph) {
  Store store;
  NodeRef graph = store.world().iri("http://example.org/g");
  PrefixMap prefixes;
  ParseOptions options;
  options.graph = graph;
  options.prefixes = &prefixes;
  auto result = parse_string(store,
                             "@prefix ex: <http://example.org/> .\n"
                             "ex:a ex:p ex:b , \"two\"@EN ; ex:q [ ex:r 1 ] .\n",
                             "inline.ttl", options);
  BOOST_TEST(result.statements == 4u);
  BOOST_TEST(store.size() == 4u);
  BOOST_TEST(store.graph_size(graph) == 4u);
  BOOST_TEST(store.graph_size(store.default_graph()) == 0u);
  BOOST_TEST(prefixes.find("ex").value() == "http://example.org/");
  NodeRef p = store.world().iri("http://example.org/p");
  BOOST_TEST(store.predicate_stats(p).triples == 2u);
  BOOST_TEST(store.predicate_stats(p).distinct_subjects == 1u);
  BOOST_TEST(store.predicate_stats(p).distinct_objects == 2u);
}

BOOST_AUTO_TEST_CASE(union_match_yields_each_triple_once) {
  Store store;
  World& w = store.world();
  NodeRef s = w.iri("http://e/s"), p = w.iri("http://e/p"), o = w.iri("http://e/o");
  store.insert(s, p, o, w.iri("http://e/g1"));
  store.insert(s, p, o, w.iri("http://e/g2"));
  store.insert(s, p, o);
  size_t seen = 0;
  for (const Quad& quad : store.match({}, p, {}, {})) {
    (void)quad;
    ++seen;
  }
  BOOST_TEST(seen == 1u);
  BOOST_TEST(store.size() == 3u);
  BOOST_TEST(store.named_graphs().size() == 2u);
}

BOOST_AUTO_TEST_CASE(matches_agree_before_and_after_the_first_named_graph) {
  // The store starts without graph indices and builds them when a named graph arrives; every
  // kind of match must answer the same on either side of that.
  Store store;
  World& w = store.world();
  NodeRef s = w.iri("http://e/s"), p = w.iri("http://e/p"), q = w.iri("http://e/q");
  NodeRef o1 = w.iri("http://e/o1"), o2 = w.literal("2"), g = w.iri("http://e/g");
  store.insert(s, p, o1);
  store.insert(s, q, o2);
  auto count = [&](NodeRef subject, NodeRef predicate, NodeRef object, NodeRef graph) {
    size_t n = 0;
    for (const Quad& quad : store.match(subject, predicate, object, graph)) {
      BOOST_TEST((quad.graph == (graph ? graph : store.default_graph())));
      ++n;
    }
    return n;
  };
  for (int named = 0; named < 2; ++named) {
    BOOST_TEST_CONTEXT("named graph present: " << named) {
      BOOST_TEST(count({}, {}, {}, store.default_graph()) == 2u);
      BOOST_TEST(count(s, p, {}, store.default_graph()) == 1u);
      BOOST_TEST(count({}, {}, o2, store.default_graph()) == 1u);
      BOOST_TEST(count(s, {}, o1, store.default_graph()) == 1u);
      BOOST_TEST(count({}, q, {}, g) == 0u);
      BOOST_TEST(store.contains(s, p, o1, store.default_graph()));
      BOOST_TEST(store.contains(s, p, o1, g) == (named == 1));
    }
    store.insert(s, p, o1, g);
  }
  BOOST_TEST(count({}, p, {}, g) == 1u);
  BOOST_TEST(store.size() == 3u);
  BOOST_TEST(store.erase(s, p, o1, g));
  BOOST_TEST(count({}, {}, {}, g) == 0u);
  BOOST_TEST(count({}, {}, {}, store.default_graph()) == 2u);
}

BOOST_AUTO_TEST_CASE(syntax_error_names_line_and_column) {
  Store store;
  try {
    parse_string(store, "<http://a> <http://b> <http://c> .\n<http://a> <http://b> \"x .\n",
                 "broken.ttl", {});
    BOOST_FAIL("no error");
  } catch (const kg::Error& error) {
    BOOST_TEST(error.where().file == "broken.ttl");
    BOOST_TEST(error.where().line == 2u);
    BOOST_TEST(std::string(error.what()).find("broken.ttl:2:") == 0u);
  }
}

BOOST_AUTO_TEST_CASE(turtle_output_is_sorted_prefixed_and_reparses_to_the_same_graph) {
  Store store;
  parse_string(store,
               "@prefix kg: <https://kg.example.org/ontology#> .\n"
               "<https://kg.example.org/id/b> kg:p \"z\" , \"a\"@ru .\n"
               "<https://kg.example.org/id/a> a kg:C ; kg:q 5 .\n",
               "in.ttl", {});
  WriteOptions options;
  PrefixMap standard = PrefixMap::standard();
  options.prefixes = &standard;
  std::string first = serialize(store, quads_of(store), options);
  BOOST_TEST(first.find("@prefix kg: <https://kg.example.org/ontology#> .") != std::string::npos);
  BOOST_TEST(first.find("@prefix rdf:") == std::string::npos);  // only used prefixes
  BOOST_TEST(first.find("kgd:a") < first.find("kgd:b"));
  Store again;
  parse_string(again, first, "out.ttl", {});
  BOOST_TEST(again.size() == store.size());
  BOOST_TEST(serialize(again, quads_of(again), options) == first);
}

BOOST_AUTO_TEST_CASE(rdfxml_is_read) {
  Store store;
  ParseOptions options;
  options.syntax = Syntax::RdfXml;
  options.base_iri = "http://example.org/base";
  parse_string(store,
               "<?xml version=\"1.0\"?>\n<rdf:RDF "
               "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
               "xmlns:ex=\"http://example.org/\">\n<rdf:Description rdf:about=\"#x\">"
               "<ex:p xml:lang=\"en\">hi</ex:p></rdf:Description></rdf:RDF>\n",
               "in.rdf", options);
  BOOST_TEST(store.size() == 1u);
  for (const Quad& quad : store.match({}, {}, {}, {})) {
    BOOST_TEST(quad.subject.value() == "http://example.org/base#x");
    BOOST_TEST(quad.object.language() == "en");
  }
}

BOOST_AUTO_TEST_CASE(relative_iris_resolve_with_their_dot_segments_removed) {
  Store store;
  ParseOptions options;
  options.base_iri = "http://a/bb/ccc/d;p?q";
  PrefixMap prefixes;
  options.prefixes = &prefixes;
  parse_string(store,
               "<g/.> <./g/../h> <../g> .\n"
               "@prefix x: <../ns/./> .\n"
               "@base <../x/./y/> .\n"
               "<.> x:p <..> .\n",
               "dots.ttl", options);
  World& world = store.world();
  auto iri = [&world](const char* text) { return world.iri(text); };
  BOOST_TEST(store.contains(iri("http://a/bb/ccc/g/"), iri("http://a/bb/ccc/h"),
                            iri("http://a/bb/g"), {}));
  BOOST_TEST(prefixes.find("x").value() == "http://a/bb/ns/");
  BOOST_TEST(
      store.contains(iri("http://a/bb/x/y/"), iri("http://a/bb/ns/p"), iri("http://a/bb/x/"), {}));
  BOOST_TEST(store.size() == 2u);
}

namespace {
// Where the error is, for text that must not parse.
kg::SourceLocation parse_error_location(std::string_view text, std::string& message) {
  Store store;
  try {
    parse_string(store, text, "bad.ttl", {});
  } catch (const kg::Error& error) {
    message = error.message();
    return error.where();
  }
  BOOST_FAIL("no error for " << text);
  return {};
}
}  // namespace

BOOST_AUTO_TEST_CASE(escaped_surrogates_are_rejected_where_they_are) {
  std::string message;
  kg::SourceLocation where = parse_error_location(
      "<http://a> <http://b> \"ok\" .\n<http://a> <http://b> \"x\\uD800\" .\n", message);
  BOOST_TEST(where.file == "bad.ttl");
  BOOST_TEST(where.line == 2u);
  BOOST_TEST(where.column == 25u);
  BOOST_TEST(message.find("\\uD800") != std::string::npos, message);

  // An escape in a comment or after an escaped backslash is not decoded, so not the culprit.
  where = parse_error_location(
      "# \\ud800\n<http://a> <http://b> \"\\\\ud800\" .\n<http://a/\\U0000DFFF> <http://b> "
      "<http://c> .\n",
      message);
  BOOST_TEST(where.line == 3u);
  BOOST_TEST(where.column == 11u);
  BOOST_TEST(message.find("\\U0000DFFF") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(escapes_next_to_the_surrogates_are_characters) {
  Store store;
  parse_string(store, "<http://a> <http://b> \"\\uD7FF\\uE000\\u00E9\" .\n", "ok.ttl", {});
  BOOST_TEST(store.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
