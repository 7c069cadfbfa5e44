// The converter on the fixture project: every record of the seeds shows up where
// docs/seed-format.md says, checked against the JSON read independently here.
#include "convert/convert.hpp"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "convert_test_support.hpp"
#include "rdf/rdf.hpp"
#include "util/error.hpp"

namespace fs = std::filesystem;
using namespace kg;
using nlohmann::json;

namespace {

const std::string kKg = "https://kg.example.org/ontology#";
const std::string kId = "https://kg.example.org/id/";
const std::string kSource = "https://kg.example.org/source/";
const std::string kClaim = "https://kg.example.org/claim/";
const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kSkos = "http://www.w3.org/2004/02/skos/core#";
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

convert::BuiltGraph build(const fs::path& root) {
  return convert::build_graph({root / "ontology" / "kg.ttl", root / "seeds", root});
}

json seed(const std::string& name) {
  return json::parse(test::read_text(test::convert_fixture() / "seeds" / name));
}

std::string str(const json& value) {
  return value.get<std::string>();
}

// Expands the prefixed names the seeds use.
std::string expand(const std::string& name) {
  return rdf::PrefixMap::standard().expand(name).value();
}

struct Fixture {
  Fixture() : built(build(test::convert_fixture())), store(*built.store), world(store.world()) {}

  rdf::NodeRef iri(const std::string& value) { return world.iri(value); }
  bool has(rdf::NodeRef s, const std::string& p, rdf::NodeRef o, rdf::NodeRef g) {
    return store.contains(s, iri(p), o, g);
  }
  std::string source_language(const std::string& id) {
    for (const json& source : sources["sources"])
      if (source["id"] == id) return source["language"];
    BOOST_FAIL("no source " << id);
    return {};
  }
  rdf::NodeRef fact_object(const json& object) {
    if (object.is_string()) return iri(kId + object.get<std::string>());
    if (object.contains("lang"))
      return world.literal(str(object["value"]), {}, str(object["lang"]));
    return world.literal(str(object["value"]), expand(object.value("datatype", "xsd:string")));
  }

  convert::BuiltGraph built;
  rdf::Store& store;
  rdf::World& world;
  json sources = seed("sources.json"), entities = seed("entities.json"), facts = seed("facts.json");
  rdf::NodeRef entities_graph = iri(std::string(rdf::vocab::kEntitiesGraph));
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(convert_fixture, Fixture)

BOOST_AUTO_TEST_CASE(graphs_are_the_ontology_the_entities_and_one_per_source) {
  std::vector<std::string> expected = {std::string(rdf::vocab::kEntitiesGraph),
                                       std::string(rdf::vocab::kOntologyGraph)};
  for (const json& source : sources["sources"])
    expected.push_back(kSource + source["id"].get<std::string>());
  std::sort(expected.begin(), expected.end());
  std::vector<std::string> graphs;
  for (rdf::NodeRef graph : store.named_graphs())
    graphs.emplace_back(graph.value());
  BOOST_TEST(graphs == expected, boost::test_tools::per_element());
  BOOST_TEST(store.graph_size(store.default_graph()) == 0u);
}

BOOST_AUTO_TEST_CASE(every_fact_is_stated_in_its_sources_graphs_with_a_claim) {
  size_t statements = 0;
  for (const json& fact : facts["facts"]) {
    rdf::NodeRef subject = iri(kId + fact["subject"].get<std::string>());
    std::string predicate = expand(fact["predicate"]);
    rdf::NodeRef object = fact_object(fact["object"]);
    for (const json& statement : fact["sources"]) {
      std::string source = statement["source"];
      BOOST_TEST_CONTEXT(fact["id"] << " in " << source) {
        rdf::NodeRef graph = iri(kSource + source);
        rdf::NodeRef claim = iri(kClaim + fact["id"].get<std::string>() + "-" + source);
        BOOST_TEST(has(subject, predicate, object, graph));
        BOOST_TEST(has(claim, kRdf + "type", iri(kKg + "Claim"), graph));
        BOOST_TEST(has(claim, kRdf + "subject", subject, graph));
        BOOST_TEST(has(claim, kRdf + "predicate", iri(predicate), graph));
        BOOST_TEST(has(claim, kRdf + "object", object, graph));
        rdf::NodeRef evidence =
            world.literal(str(statement["evidence"]), {}, source_language(source));
        BOOST_TEST(has(claim, kKg + "evidence", evidence, graph));
        BOOST_TEST(has(claim, kKg + "statedIn", graph, graph));
        if (fact.contains("note"))
          BOOST_TEST(has(claim, kSkos + "note", world.literal(str(fact["note"]), {}, "en"), graph));
        // The fact is in no graph of a source that does not state it.
        for (const json& other : sources["sources"]) {
          bool states = false;
          for (const json& each : fact["sources"])
            states = states || each["source"] == other["id"];
          if (!states)
            BOOST_TEST(
                !has(subject, predicate, object, iri(kSource + other["id"].get<std::string>())));
        }
      }
      ++statements;
    }
  }
  BOOST_TEST(built.summary.claims == statements);
  BOOST_TEST(built.summary.facts == facts["facts"].size());
}

BOOST_AUTO_TEST_CASE(conflicting_facts_link_all_their_claims_both_ways) {
  size_t links = 0;
  for (const json& fact : facts["facts"]) {
    for (const json& other_id : fact.value("conflicts_with", json::array())) {
      const json* other = nullptr;
      for (const json& each : facts["facts"])
        if (each["id"] == other_id) other = &each;
      BOOST_REQUIRE(other);
      for (const json& mine : fact["sources"])
        for (const json& theirs : (*other)["sources"]) {
          std::string source = mine["source"];
          rdf::NodeRef from = iri(kClaim + fact["id"].get<std::string>() + "-" + source);
          rdf::NodeRef to =
              iri(kClaim + other_id.get<std::string>() + "-" + theirs["source"].get<std::string>());
          BOOST_TEST(has(from, kKg + "conflictsWith", to, iri(kSource + source)));
          ++links;
        }
    }
  }
  BOOST_TEST(links > 0u);
  BOOST_TEST(store.predicate_stats(iri(kKg + "conflictsWith")).triples == links);
}

BOOST_AUTO_TEST_CASE(labels_descriptions_and_aliases_land_in_their_graphs) {
  size_t sourced = 0, unsourced = 0;
  for (const json& entity : entities["entities"]) {
    rdf::NodeRef node = iri(kId + entity["id"].get<std::string>());
    for (const json& type : entity["types"])
      BOOST_TEST(has(node, kRdf + "type", iri(expand(type)), entities_graph));
    for (const auto& [language, label] : entity["labels"].items()) {
      rdf::NodeRef text = world.literal(label.get<std::string>(), {}, language);
      BOOST_TEST(has(node, kSkos + "prefLabel", text, entities_graph));
      BOOST_TEST(has(node, "http://www.w3.org/2000/01/rdf-schema#label", text, entities_graph));
    }
    json descriptions = entity.value("description", json::object());
    for (const auto& [language, text] : descriptions.items())
      BOOST_TEST(has(node, "http://schema.org/description",
                     world.literal(text.get<std::string>(), {}, language), entities_graph));
    for (const json& alias : entity.value("aliases", json::array())) {
      rdf::NodeRef text = world.literal(str(alias["text"]), {}, str(alias["lang"]));
      json alias_sources = alias.value("sources", json::array());
      BOOST_TEST(has(node, kSkos + "altLabel", text, entities_graph) == alias_sources.empty());
      for (const json& source : alias_sources)
        BOOST_TEST(has(node, kSkos + "altLabel", text, iri(kSource + source.get<std::string>())));
      (alias_sources.empty() ? unsourced : sourced) += 1;
    }
  }
  BOOST_TEST(sourced > 0u);
  BOOST_TEST(unsourced > 0u);
}

BOOST_AUTO_TEST_CASE(source_documents_are_described_with_the_ontologys_terms) {
  for (const json& source : sources["sources"]) {
    BOOST_TEST_CONTEXT(source["id"]) {
      rdf::NodeRef node = iri(kSource + source["id"].get<std::string>());
      std::string language = source["language"];
      BOOST_TEST(has(node, kRdf + "type", iri(kKg + "SourceDocument"), entities_graph));
      BOOST_TEST(has(node, "http://purl.org/dc/terms/title",
                     world.literal(source["title"].get<std::string>(), {}, language),
                     entities_graph));
      BOOST_TEST(has(node, "http://purl.org/dc/terms/language",
                     world.literal(language, kXsd + "language"), entities_graph));
      if (source.contains("url"))
        BOOST_TEST(has(node, "http://schema.org/url",
                       world.literal(source["url"].get<std::string>(), kXsd + "anyURI"),
                       entities_graph));
      if (source.contains("published"))
        BOOST_TEST(has(node, "http://purl.org/dc/terms/issued",
                       world.literal(source["published"].get<std::string>(), kXsd + "date"),
                       entities_graph));
      if (source.contains("publisher"))
        BOOST_TEST(has(node, "http://purl.org/dc/terms/publisher",
                       world.literal(source["publisher"].get<std::string>()), entities_graph));
    }
  }
}

BOOST_AUTO_TEST_CASE(summary_counts_match_the_store) {
  const convert::BuildSummary& summary = built.summary;
  BOOST_TEST(summary.sources == sources["sources"].size());
  BOOST_TEST(summary.entities == entities["entities"].size());
  BOOST_TEST(summary.total_quads == store.size());
  size_t per_graph = 0;
  for (const auto& [graph, count] : summary.quads_per_graph) {
    BOOST_TEST(count == store.graph_size(iri(graph)));
    per_graph += count;
  }
  BOOST_TEST(per_graph == store.size());
  size_t typed = 0;
  for (const auto& [name, count] : summary.entities_by_class)
    typed += count;
  size_t types = 0;
  for (const json& entity : entities["entities"])
    types += entity["types"].size();
  BOOST_TEST(typed == types);
  BOOST_TEST(summary.to_text().find("total quads: " + std::to_string(store.size())) !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(exports_reparse_to_the_graphs_they_were_written_from) {
  size_t merged_triples = 0;
  {
    rdf::Store distinct;
    for (const rdf::Quad& quad : convert::merged_graph(store))
      distinct.insert(quad.subject.to_term(), quad.predicate.to_term(), quad.object.to_term());
    merged_triples = distinct.size();
  }
  std::string turtle = convert::serialize_dataset(store, rdf::Syntax::Turtle);
  rdf::Store from_turtle;
  rdf::parse_string(from_turtle, turtle, "kg.ttl", {});
  BOOST_TEST(from_turtle.size() == merged_triples);
  BOOST_TEST(turtle.find("kgd:Lee_Sung-jin") != std::string::npos);  // names are prefixed

  rdf::ParseOptions quads;
  quads.syntax = rdf::Syntax::NQuads;
  rdf::Store from_nquads;
  rdf::parse_string(from_nquads, convert::serialize_dataset(store, rdf::Syntax::NQuads), "kg.nq",
                    quads);
  BOOST_TEST(from_nquads.size() == store.size());
  BOOST_TEST(from_nquads.named_graphs().size() == store.named_graphs().size());

  convert::BuiltGraph again = build(test::convert_fixture());
  BOOST_TEST(convert::serialize_dataset(*again.store, rdf::Syntax::Turtle) == turtle);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(convert_errors)

// Builds the fixture with one text replaced in one seed file; returns the error message.
std::string error_after(const std::string& file, const std::string& from, const std::string& to) {
  test::FixtureProject project;
  test::replace_once(project.root() / "seeds" / file, from, to);
  try {
    build(project.root());
  } catch (const Error& error) {
    return error.what();
  }
  BOOST_FAIL("the build succeeded");
  return {};
}

BOOST_AUTO_TEST_CASE(shape_errors_name_the_json_pointer) {
  BOOST_TEST(error_after("entities.json", "\"types\": [\"schema:MusicVideoObject\"]",
                         "\"types\": \"schema:MusicVideoObject\"") ==
             "seeds/entities.json: at /entities/2/types: expected an array, found string");
  BOOST_TEST(
      error_after("facts.json", "\"conflicts_with\": [\"F0002\"]", "\"conflict\": [\"F0002\"]")
          .find("seeds/facts.json: at /facts/2/conflict: unknown key 'conflict'") == 0u);
  BOOST_TEST(error_after("facts.json", "\"id\": \"F0005\"", "\"id\": \"F0001\"") ==
             "seeds/facts.json: at /facts/4/id: duplicate fact id 'F0001' (first at /facts/0/id)");
  BOOST_TEST(error_after("entities.json", "\"types\": [\"schema:MusicVideoObject\"]",
                         "\"types\": [\"schema:MusicVideo\"]") ==
             "seeds/entities.json: at /entities/2/types/0: unknown class 'schema:MusicVideo': "
             "not declared in ontology/kg.ttl");
  BOOST_TEST(error_after("sources.json", "\"language\": \"ru\"", "\"language\": \"r u\"") ==
             "seeds/sources.json: at /sources/1/language: 'r u' is not a language tag");
  BOOST_TEST(error_after("facts.json", "\"source\": \"002_a740443b57bb4333\"",
                         "\"source\": \"002 a740443b57bb4333\"")
                 .find("seeds/facts.json: at /facts/0/sources/1/source: '002 a740443b57bb4333' "
                       "cannot be used as an id") == 0u);
}

BOOST_AUTO_TEST_CASE(meaning_errors_name_the_json_pointer) {
  BOOST_TEST(error_after("entities.json", "\"sources\": [\"003_ed8cb531b6995786\"]",
                         "\"sources\": [\"009\"]") ==
             "seeds/entities.json: at /entities/0/aliases/0/sources/0: unknown source '009': not "
             "in seeds/sources.json");
  BOOST_TEST(error_after("facts.json", "\"conflicts_with\": [\"F0002\"]",
                         "\"conflicts_with\": [\"F0004\"]") ==
             "seeds/facts.json: at /facts/1/conflicts_with/0: fact F0003 does not name F0002 in "
             "its conflicts_with; conflicts go both ways");
  BOOST_TEST(error_after("facts.json", "\"object\": \"RM\"",
                         "\"object\": \"Come_Back_to_Me_music_video\"") ==
             "seeds/facts.json: at /facts/3/object: 'Come_Back_to_Me_music_video' is a "
             "schema:MusicVideoObject, but schema:byArtist takes schema:Person");
  BOOST_TEST(error_after("facts.json",
                         "\"subject\": \"Lee_Sung-jin\",\n      \"predicate\": \"schema:jobTitle\"",
                         "\"subject\": \"RM\",\n      \"predicate\": \"kg:releasedOn\"") ==
             "seeds/facts.json: at /facts/4/subject: 'RM' is a schema:Person, but kg:releasedOn "
             "applies to schema:CreativeWork");
  BOOST_TEST(error_after("facts.json", "\"datatype\": \"xsd:date\"", "\"datatype\": \"xsd:day\"") ==
             "seeds/facts.json: at /facts/1/object/datatype: unknown datatype 'xsd:day': not an "
             "XSD datatype nor declared in ontology/kg.ttl");
  BOOST_TEST(error_after("facts.json", "\"predicate\": \"kg:directed\"",
                         "\"predicate\": \"ex:directed\"") ==
             "seeds/facts.json: at /facts/0/predicate: unknown prefix 'ex:' in 'ex:directed'");
}

BOOST_AUTO_TEST_SUITE_END()
