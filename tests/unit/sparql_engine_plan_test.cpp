// The optimiser's decisions, read from explain(): join order from real cardinalities, filter
// placement, bind versus hash joins, top-k sorting.
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "sparql_engine_support.hpp"

using kg::test::EngineFixture;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

size_t indent_of(const std::string& line) {
  return line.find_first_not_of(' ');
}

// The first line containing all the given words, or lines.size().
size_t find_line(const std::vector<std::string>& lines, std::initializer_list<const char*> words) {
  for (size_t i = 0; i < lines.size(); ++i) {
    bool all = true;
    for (const char* word : words)
      all = all && lines[i].find(word) != std::string::npos;
    if (all) return i;
  }
  return lines.size();
}

// 1000 people, 10 of them rare, each with a name, an age and a friend among ten popular ones.
struct SkewedGraph : EngineFixture {
  SkewedGraph() {
    std::string turtle;
    for (int i = 0; i < 1000; ++i) {
      std::string person = ":p" + std::to_string(i);
      turtle += person + " a " + (i % 100 == 0 ? ":Rare" : ":Common") + " ; :name \"n" +
                std::to_string(i) + "\" ; :age " + std::to_string(20 + i % 50) + " ; :knows :p" +
                std::to_string(i % 10) + " .\n";
    }
    load(turtle);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(sparql_engine_plan)

BOOST_AUTO_TEST_CASE(the_most_selective_pattern_is_scanned_first) {
  SkewedGraph f;
  auto lines = lines_of(f.explain("SELECT * WHERE { ?s :name ?n ; :age ?a ; a :Rare }"));
  size_t first_scan = find_line(lines, {"IndexScan"});
  BOOST_TEST_REQUIRE(first_scan < lines.size());
  BOOST_TEST(lines[first_scan].find(":Rare") != std::string::npos, lines[first_scan]);
  // The other two are looked up per rare person.
  BOOST_TEST(find_line(lines, {"BindJoin"}) < lines.size());
  BOOST_TEST(find_line(lines, {"HashJoin"}) == lines.size());
}

BOOST_AUTO_TEST_CASE(filters_sit_right_above_the_scan_binding_their_variables) {
  SkewedGraph f;
  auto lines =
      lines_of(f.explain("SELECT * WHERE { ?s :knows ?f . ?s :age ?a . FILTER(?a > 60) }"));
  size_t filter = find_line(lines, {"Filter", "?a"});
  BOOST_TEST_REQUIRE(filter + 1 < lines.size());
  BOOST_TEST(lines[filter + 1].find(":age") != std::string::npos, lines[filter + 1]);
  BOOST_TEST(indent_of(lines[filter + 1]) == indent_of(lines[filter]) + 2);
  BOOST_TEST(indent_of(lines[filter]) > 0u);  // not on top of the whole join
}

BOOST_AUTO_TEST_CASE(filters_do_not_move_into_optional) {
  SkewedGraph f;
  auto lines = lines_of(
      f.explain("SELECT * WHERE { ?s :name ?n OPTIONAL { ?s :age ?a } FILTER(!bound(?a)) }"));
  BOOST_TEST(indent_of(lines[find_line(lines, {"Filter"})]) == 2u);  // just below Project
}

BOOST_AUTO_TEST_CASE(large_unselective_joins_hash_and_selective_ones_bind) {
  SkewedGraph f;
  // Joining every person with everyone sharing a friend: reading :knows once and hashing
  // beats a lookup per row.
  auto wide = lines_of(f.explain("SELECT * WHERE { ?a :knows ?x . ?b :knows ?x }"));
  BOOST_TEST(find_line(wide, {"HashJoin on ?x"}) < wide.size(),
             f.explain("SELECT * WHERE { ?a :knows ?x . ?b :knows ?x }"));
  auto narrow = lines_of(f.explain("SELECT * WHERE { :p7 :knows ?x . ?x :name ?n }"));
  BOOST_TEST(find_line(narrow, {"BindJoin"}) < narrow.size());
  auto optional = lines_of(f.explain("SELECT * WHERE { ?s a :Rare OPTIONAL { ?s :age ?a } }"));
  BOOST_TEST(find_line(optional, {"BindLeftJoin"}) < optional.size());
}

BOOST_AUTO_TEST_CASE(order_by_under_limit_is_a_top_k_sort) {
  SkewedGraph f;
  auto lines = lines_of(f.explain("SELECT ?s WHERE { ?s :age ?a } ORDER BY ?a LIMIT 5 OFFSET 2"));
  BOOST_TEST(find_line(lines, {"OrderBy", "(top 7)"}) < lines.size());
}

BOOST_AUTO_TEST_CASE(unoptimised_plans_follow_the_algebra) {
  SkewedGraph f;
  sparql::Query query = f.parse("SELECT * WHERE { ?s :name ?n OPTIONAL { ?s :age ?a } }");
  sparql::ExecOptions options;
  options.optimize = false;
  auto lines = lines_of(sparql::explain(query, f.dataset, options));
  BOOST_TEST(find_line(lines, {"NestedLoopLeftJoin"}) < lines.size());
}

BOOST_AUTO_TEST_SUITE_END()
