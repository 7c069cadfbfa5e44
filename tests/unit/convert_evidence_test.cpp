// Every evidence quote and every alias attributed to a source occurs verbatim in that source
// document, for the real seeds and for the converter's fixture.
#include <map>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "convert_test_support.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

class SourceTexts {
 public:
  SourceTexts(const fs::path& seeds_dir, const fs::path& documents) {
    json sources = json::parse(kg::test::read_text(seeds_dir / "sources.json"));
    for (const json& source : sources["sources"])
      texts_[source["id"].get<std::string>()] =
          kg::test::read_text(documents / source["file"].get<std::string>());
  }

  // Fails the test unless quote occurs in the source's text.
  void expect_quoted(const std::string& source, const std::string& quote,
                     const std::string& where) {
    auto text = texts_.find(source);
    BOOST_REQUIRE_MESSAGE(text != texts_.end(), where << ": unknown source " << source);
    BOOST_TEST(text->second.find(quote) != std::string::npos,
               where << ": not in " << source << ": \"" << quote << "\"");
    ++checked_;
  }

  size_t checked() const { return checked_; }

 private:
  std::map<std::string, std::string> texts_;
  size_t checked_ = 0;
};

// Returns how many quotes were checked.
size_t check_quotes(const fs::path& seeds_dir) {
  fs::path documents = kg::test::seed_documents();
  BOOST_REQUIRE_MESSAGE(fs::is_directory(documents),
                        "the seed documents are missing: " << documents << " (set KG_SEED_DOCS)");
  SourceTexts texts(seeds_dir, documents);
  json facts = json::parse(kg::test::read_text(seeds_dir / "facts.json"));
  for (const json& fact : facts["facts"])
    for (const json& statement : fact["sources"])
      texts.expect_quoted(statement["source"], statement["evidence"],
                          "fact " + fact["id"].get<std::string>());
  json entities = json::parse(kg::test::read_text(seeds_dir / "entities.json"));
  for (const json& entity : entities["entities"])
    for (const json& alias : entity.value("aliases", json::array()))
      for (const json& source : alias.value("sources", json::array()))
        texts.expect_quoted(source, alias["text"], "alias of " + entity["id"].get<std::string>());
  return texts.checked();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(convert_evidence)

BOOST_AUTO_TEST_CASE(real_seed_quotes_occur_verbatim_in_their_sources) {
  BOOST_TEST(check_quotes(kg::test::source_dir() / "seeds") > 0u);
}

BOOST_AUTO_TEST_CASE(fixture_quotes_occur_verbatim_in_their_sources) {
  BOOST_TEST(check_quotes(kg::test::convert_fixture() / "seeds") > 0u);
}

BOOST_AUTO_TEST_SUITE_END()
