#include <set>

#include <boost/test/unit_test.hpp>

#include "path_fixtures.hpp"
#include "util/error.hpp"

using namespace kg;
using namespace path_test;

namespace {

const std::string kKg = "https://kg.example.org/ontology#";

// A SERVICE kg:paths pattern written by hand: the subject is kg:paths, each parameter a
// constant, each output a variable of the query.
class ServiceCall {
 public:
  ServiceCall() { load_news(store_); }

  ServiceCall& constant(std::string_view parameter, rdf::Term value) {
    add(parameter, sparql::PatternTerm{std::move(value)});
    return *this;
  }
  ServiceCall& output(std::string_view parameter, std::string_view variable) {
    sparql::Variable var{static_cast<uint32_t>(query_.variables.size())};
    query_.variables.push_back({std::string(variable), false});
    add(parameter, sparql::PatternTerm{var});
    return *this;
  }
  ServiceCall& variable_input(std::string_view parameter) { return output(parameter, "in"); }

  std::vector<std::vector<rdf::NodeRef>> run() {
    sparql::Dataset dataset;
    dataset.store = &store_;
    dataset.union_default_graph = true;
    return path::answer_path_service(pattern_, query_, dataset, cache_);
  }

  std::string failure() {
    try {
      run();
    } catch (const Error& error) {
      return error.what();
    }
    return "";
  }

  // The value of a variable in a row, as text.
  std::string value(const std::vector<rdf::NodeRef>& row, std::string_view variable) const {
    for (size_t i = 0; i < query_.variables.size(); ++i)
      if (query_.variables[i].name == variable) return row[i] ? std::string(row[i].value()) : "";
    return "?";
  }

  rdf::Store& store() { return store_; }
  sparql::Query& query() { return query_; }
  sparql::Op& pattern() { return pattern_; }

 private:
  void add(std::string_view parameter, sparql::PatternTerm object) {
    pattern_.triples.push_back({sparql::PatternTerm{rdf::Term::iri(kKg + "paths")},
                                sparql::PatternTerm{rdf::Term::iri(kKg + std::string(parameter))},
                                std::move(object)});
  }

  rdf::Store store_;
  sparql::Query query_;
  sparql::Op pattern_;
  path::GraphCache cache_;
};

rdf::Term entity(std::string_view local) {
  return rdf::Term::iri("https://kg.example.org/id/" + std::string(local));
}

rdf::Term integer(int value) {
  return rdf::Term::typed_literal(std::to_string(value),
                                  "http://www.w3.org/2001/XMLSchema#integer");
}

// From Kim Min-ha to the Emmys (three hops in the fixture), binding every output.
void ask_kim_to_emmy(ServiceCall& call) {
  call.constant("start", entity("Kim_Min-ha"))
      .constant("end", rdf::Term::literal("Primetime Emmy Awards"))
      .output("pathId", "path")
      .output("step", "i")
      .output("subject", "s")
      .output("predicate", "p")
      .output("object", "o")
      .output("direction", "dir")
      .output("hops", "hops");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(path_service)

BOOST_AUTO_TEST_CASE(one_solution_per_step) {
  ServiceCall call;
  ask_kim_to_emmy(call);
  auto rows = call.run();
  BOOST_REQUIRE(rows.size() == 3u);
  for (size_t i = 0; i < rows.size(); ++i) {
    BOOST_TEST(rows[i].size() == call.query().variables.size());
    BOOST_TEST(call.value(rows[i], "path") == "1");
    BOOST_TEST(call.value(rows[i], "i") == std::to_string(i + 1));
    BOOST_TEST(call.value(rows[i], "hops") == "3");
    rdf::NodeRef subject = rows[i][2], predicate = rows[i][3], object = rows[i][4];
    BOOST_TEST(call.store().contains(subject, predicate, object, {}));
  }
  // The path starts at Kim and ends at the Emmys, whichever way its steps read.
  auto ends_at = [&](const std::vector<rdf::NodeRef>& row, bool first) {
    bool forward = call.value(row, "dir") == "forward";
    return std::string((forward == first ? row[2] : row[4]).value());
  };
  BOOST_TEST(ends_at(rows.front(), true) == entity("Kim_Min-ha").value);
  BOOST_TEST(ends_at(rows.back(), false) == entity("Primetime_Emmy_Awards").value);
}

BOOST_AUTO_TEST_CASE(labels_k_paths_and_filters) {
  ServiceCall call;
  call.constant("start", rdf::Term::lang_literal("Ли Сон Джин", "ru"))
      .constant("end", rdf::Term::literal("Kim Min-ha"))
      .constant("k", integer(2))
      .output("pathId", "path")
      .output("step", "i");
  auto rows = call.run();
  BOOST_REQUIRE(rows.size() == 4u);  // two paths of two steps
  BOOST_TEST(call.value(rows[0], "path") == "1");
  BOOST_TEST(call.value(rows[3], "path") == "2");

  call.constant("step", integer(1));
  BOOST_TEST(call.run().size() == 2u);  // the first step of each path
}

BOOST_AUTO_TEST_CASE(via_directed_and_hop_limits) {
  ServiceCall directed;
  ask_kim_to_emmy(directed);
  directed.constant("directed",
                    rdf::Term::typed_literal("true", "http://www.w3.org/2001/XMLSchema#boolean"));
  BOOST_TEST(directed.run().empty());

  ServiceCall short_hops;
  ask_kim_to_emmy(short_hops);
  short_hops.constant("maxHops", integer(2));
  BOOST_TEST(short_hops.run().empty());

  ServiceCall via;
  ask_kim_to_emmy(via);
  via.constant("via", rdf::Term::iri(kKg + "starredIn"))
      .constant("via", rdf::Term::iri(kKg + "directed"))
      .constant("via", rdf::Term::iri(kKg + "wonAward"));
  auto rows = via.run();
  BOOST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(via.value(rows[0], "p") == kKg + "starredIn");
  BOOST_TEST(via.value(rows[1], "p") == kKg + "directed");
  BOOST_TEST(via.value(rows[1], "dir") == "backward");
}

BOOST_AUTO_TEST_CASE(malformed_patterns_are_clear_errors) {
  ServiceCall variable_start;
  variable_start.variable_input("start").constant("end", entity("BTS"));
  BOOST_TEST(variable_start.failure().find("kg:start needs a constant") != std::string::npos);

  ServiceCall missing_end;
  missing_end.constant("start", entity("BTS"));
  BOOST_TEST(missing_end.failure().find("kg:end are required") != std::string::npos);

  ServiceCall unknown;
  ask_kim_to_emmy(unknown);
  unknown.constant("colour", rdf::Term::literal("blue"));
  BOOST_TEST(unknown.failure().find("unknown parameter kg:colour") != std::string::npos);

  ServiceCall bad_number;
  ask_kim_to_emmy(bad_number);
  bad_number.constant("maxHops", rdf::Term::literal("many"));
  BOOST_TEST(bad_number.failure().find("kg:maxHops needs an integer") != std::string::npos);

  ServiceCall ambiguous;
  ask_kim_to_emmy(ambiguous);
  ambiguous.constant("start", rdf::Term::literal("Come Back to Me"));
  BOOST_TEST(ambiguous.failure().find("ambiguous entity") != std::string::npos);

  ServiceCall not_a_bgp;
  ask_kim_to_emmy(not_a_bgp);
  not_a_bgp.pattern().kind = sparql::Op::Kind::Union;
  BOOST_TEST(not_a_bgp.failure().find("only triples") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(registration_answers_through_exec_options) {
  sparql::ExecOptions options;
  path::register_path_service(options);
  BOOST_REQUIRE(options.services.count(std::string(path::kPathServiceIri)) == 1u);
  ServiceCall call;
  ask_kim_to_emmy(call);
  sparql::Dataset dataset;
  dataset.store = &call.store();
  auto service = options.services.at(std::string(path::kPathServiceIri));
  BOOST_TEST(service(call.pattern(), call.query(), dataset).size() == 3u);
  // The copy shares the cached entity graph and still sees changes to the store.
  call.store().insert(kgd(call.store(), "Kim_Min-ha"), kg_term(call.store(), "wonAward"),
                      kgd(call.store(), "Primetime_Emmy_Awards"));
  BOOST_TEST(service(call.pattern(), call.query(), dataset).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(path_service_parsed)

namespace {

const sparql::Op* find_service(const sparql::Op& op) {
  if (op.kind == sparql::Op::Kind::Service) return &op;
  for (const auto& child : op.children)
    if (const sparql::Op* found = find_service(*child)) return found;
  return nullptr;
}

}  // namespace

// The SPARQL form documented in docs/paths.md, through the real parser: the service is handed
// the SERVICE's group pattern as the evaluator will hand it.
BOOST_AUTO_TEST_CASE(the_documented_query_parses_into_a_pattern_the_service_answers) {
  sparql::Query query = sparql::parse_query(R"(
    PREFIX kg: <https://kg.example.org/ontology#>
    PREFIX kgd: <https://kg.example.org/id/>
    SELECT ?path ?i ?s ?p ?o ?dir WHERE {
      SERVICE kg:paths {
        [] kg:start kgd:Kim_Min-ha ; kg:end "Primetime Emmy Awards" ; kg:maxHops 4 ; kg:k 2 ;
           kg:pathId ?path ; kg:step ?i ; kg:subject ?s ; kg:predicate ?p ; kg:object ?o ;
           kg:direction ?dir .
      }
    })");
  const sparql::Op* service = find_service(*query.pattern);
  BOOST_REQUIRE(service != nullptr);
  BOOST_TEST(service->graph.term().value == std::string(path::kPathServiceIri));
  BOOST_REQUIRE(service->children.size() == 1u);
  rdf::Store store;
  load_news(store);
  sparql::Dataset dataset;
  dataset.store = &store;
  path::GraphCache cache;
  auto rows = path::answer_path_service(*service->children[0], query, dataset, cache);
  BOOST_REQUIRE(!rows.empty());
  auto variable = [&](std::string_view name) {
    for (size_t i = 0; i < query.variables.size(); ++i)
      if (query.variables[i].name == name) return i;
    BOOST_FAIL("no variable " << name);
    return size_t{0};
  };
  std::set<std::string> path_ids;
  for (const auto& row : rows) {
    BOOST_TEST(row.size() == query.variables.size());
    path_ids.insert(std::string(row[variable("path")].value()));
    BOOST_TEST(store.contains(row[variable("s")], row[variable("p")], row[variable("o")], {}));
  }
  BOOST_TEST(path_ids.size() == 2u);
  BOOST_TEST(std::string(rows.front()[variable("i")].value()) == "1");
}

BOOST_AUTO_TEST_SUITE_END()
