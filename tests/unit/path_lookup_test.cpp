#include <boost/test/unit_test.hpp>

#include "path_fixtures.hpp"
#include "util/error.hpp"

using namespace kg;
using namespace path_test;

namespace {

struct News {
  rdf::Store store;
  path::Labeler labeler{store, rdf::PrefixMap::standard()};
  News() { load_news(store); }

  rdf::NodeRef find(std::string_view text) { return path::resolve_entity(store, text, labeler); }

  // The message of the error resolving text throws, or "" if it resolves.
  std::string failure(std::string_view text) {
    try {
      find(text);
    } catch (const Error& error) {
      return error.what();
    }
    return "";
  }
};

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(path_lookup)

BOOST_AUTO_TEST_CASE(iris_and_prefixed_names) {
  News news;
  rdf::NodeRef lee = kgd(news.store, "Lee_Sung-jin");
  BOOST_TEST((news.find("kgd:Lee_Sung-jin") == lee));
  BOOST_TEST((news.find("<https://kg.example.org/id/Lee_Sung-jin>") == lee));
  BOOST_TEST((news.find("https://kg.example.org/id/Lee_Sung-jin") == lee));
  BOOST_TEST(contains(news.failure("kgd:Nobody"), "unknown entity 'kgd:Nobody'"));
}

BOOST_AUTO_TEST_CASE(labels_and_aliases_in_any_language) {
  News news;
  rdf::NodeRef lee = kgd(news.store, "Lee_Sung-jin");
  BOOST_TEST((news.find("Lee Sung-jin") == lee));
  BOOST_TEST((news.find("Ли Сон Джин") == lee));
  BOOST_TEST((news.find("이성진") == lee));
  BOOST_TEST((news.find("Lee Sung-gin") == lee));  // a misspelling kept as an alias
  BOOST_TEST((news.find("Kim Nam-joon") == kgd(news.store, "RM")));
}

BOOST_AUTO_TEST_CASE(case_spacing_and_punctuation_are_forgiven) {
  News news;
  rdf::NodeRef lee = kgd(news.store, "Lee_Sung-jin");
  BOOST_TEST((news.find("lee sung-jin") == lee));
  BOOST_TEST((news.find("LEE SUNGJIN") == lee));
  BOOST_TEST((news.find("  Lee   Sung jin. ") == lee));
  BOOST_TEST((news.find("ли сон джин") == lee));
  BOOST_TEST((news.find("ЛИ СОН-ДЖИН") == lee));
  BOOST_TEST((news.find("kim min ha") == kgd(news.store, "Kim_Min-ha")));
}

BOOST_AUTO_TEST_CASE(normalized_names) {
  BOOST_TEST(path::normalize_name("Lee Sung-jin") == path::normalize_name("lee sungjin"));
  BOOST_TEST(path::normalize_name("Ли Сон Джин") == path::normalize_name("ЛИ  СОН ДЖИН"));
  BOOST_TEST(path::normalize_name("Beyoncé") == path::normalize_name("BEYONCE"));
  BOOST_TEST(path::normalize_name("ＢＴＳ") == path::normalize_name("bts"));  // full-width
  BOOST_TEST(path::normalize_name("Lee") != path::normalize_name("Lea"));
}

BOOST_AUTO_TEST_CASE(an_ambiguous_label_lists_the_candidates) {
  News news;
  std::string message = news.failure("Come Back to Me");
  BOOST_TEST(contains(message, "ambiguous entity 'Come Back to Me'"));
  BOOST_TEST(contains(message, "kgd:Come_Back_to_Me_song (Come Back to Me)"));
  BOOST_TEST(contains(message, "kgd:Come_Back_to_Me_music_video (Come Back to Me (music video))"));
  BOOST_TEST(!contains(message, "\n"));
  // The other label of the video is unique.
  BOOST_TEST((news.find("come back to me (music video)") ==
              kgd(news.store, "Come_Back_to_Me_music_video")));
}

BOOST_AUTO_TEST_CASE(an_unknown_label_suggests_near_spellings) {
  News news;
  std::string message = news.failure("Lee Sung jn");
  BOOST_TEST(contains(message, "unknown entity 'Lee Sung jn'"));
  BOOST_TEST(contains(message, "did you mean"));
  BOOST_TEST(contains(message, "kgd:Lee_Sung-jin"));
  std::string nothing_near = news.failure("Zzyzx Qwerty");
  BOOST_TEST(contains(nothing_near, "unknown entity 'Zzyzx Qwerty'"));
  BOOST_TEST(!contains(nothing_near, "did you mean"));
  BOOST_TEST(contains(news.failure("Emmy"), "kgd:Primetime_Emmy_Awards"));
}

BOOST_AUTO_TEST_CASE(predicates_for_via) {
  News news;
  rdf::PrefixMap prefixes = rdf::PrefixMap::standard();
  BOOST_TEST((path::resolve_predicate(news.store, "kg:directed", prefixes) ==
              kg_term(news.store, "directed")));
  BOOST_TEST((path::resolve_predicate(news.store, "<https://kg.example.org/ontology#directed>",
                                      prefixes) == kg_term(news.store, "directed")));
  BOOST_CHECK_THROW(path::resolve_predicate(news.store, "kg:noSuchLink", prefixes), Error);
  BOOST_CHECK_THROW(path::resolve_predicate(news.store, "directed by", prefixes), Error);
}

BOOST_AUTO_TEST_CASE(labels_for_display_prefer_english) {
  News news;
  BOOST_TEST(news.labeler.label(kgd(news.store, "Lee_Sung-jin")) == "Lee Sung-jin");
  BOOST_TEST(news.labeler.label(kgd(news.store, "Nowhere")) == "kgd:Nowhere");
  BOOST_TEST(news.labeler.predicate_label(kg_term(news.store, "directed")) == "directed");
  BOOST_TEST(news.labeler.predicate_label(kg_term(news.store, "starredIn")) == "starredIn");
}

BOOST_AUTO_TEST_SUITE_END()
