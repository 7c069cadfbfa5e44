// Lexical forms of the XSD datatypes: what rdf::is_valid_lexical_form accepts and rejects.
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "rdf/datatypes.hpp"
#include "rdf/vocabulary.hpp"

using kg::rdf::is_valid_lexical_form;

namespace {

struct Case {
  std::string datatype;  // local name in the XSD namespace
  std::vector<std::string> valid, invalid;
};

std::string xsd(const std::string& local_name) {
  return std::string(kg::rdf::vocab::kXsd) + local_name;
}

const std::vector<Case> kCases = {
    {"date",
     {"2024-05-10", "2024-02-29", "2000-02-29", "-0044-03-15", "12024-01-01", "2024-05-10Z",
      "2024-05-10+09:00", "2024-05-10-14:00"},
     {"2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31",
      "24-05-10", "02024-05-10", "2024-5-10", "2024-05-10+15:00", "2024-05-10+14:30", " 2024-05-10",
      "2024-05-10T00:00:00", ""}},
    {"dateTime",
     {"2024-05-10T13:00:00+09:00", "2024-05-10T13:00:00", "2024-05-10T13:00:00.125Z",
      "2024-05-10T24:00:00", "2024-12-31T23:59:59-05:00"},
     {"2024-05-10T25:00:00", "2024-05-10T24:00:01", "2024-05-10T13:60:00", "2024-05-10T13:00:60",
      "2024-05-10 13:00:00", "2024-02-30T13:00:00Z", "2024-05-10T13:00:00.", "2024-05-10T13:00"}},
    {"dateTimeStamp",
     {"2024-05-10T13:00:00+09:00", "2024-05-10T04:00:00Z"},
     {"2024-05-10T13:00:00", "2024-05-10"}},
    {"time", {"13:00:00", "00:00:00.5", "24:00:00", "23:59:59Z"}, {"24:30:00", "1:00:00", "13:00"}},
    {"duration",
     {"PT5M42S", "P3D", "P1Y2M3DT4H5M6.5S", "-P1Y", "PT0S"},
     {"P", "PT", "P1H", "PT1D", "P1M1Y", "5M", "P1.5Y", "P-1D"}},
    {"dayTimeDuration", {"P3D", "PT1H", "P1DT2H"}, {"P1Y", "P1M", "P1Y2D"}},
    {"yearMonthDuration", {"P1Y", "P2M", "P1Y2M"}, {"P1D", "PT1H", "P1Y1D"}},
    {"integer",
     {"0", "-5", "+7", "007", "123456789012345678901234567890"},
     {"1.0", "", "1e3", "five", "- 1"}},
    {"nonNegativeInteger", {"0", "12", "-0"}, {"-1"}},
    {"positiveInteger", {"1"}, {"0", "-3"}},
    {"negativeInteger", {"-1"}, {"0", "1"}},
    {"byte", {"127", "-128"}, {"128", "-129"}},
    {"int", {"2147483647", "-2147483648"}, {"2147483648", "-2147483649"}},
    {"long", {"9223372036854775807"}, {"9223372036854775808"}},
    {"unsignedLong", {"18446744073709551615"}, {"18446744073709551616", "-1"}},
    {"unsignedByte", {"255", "0"}, {"256"}},
    {"decimal", {"1.5", "-0.5", ".5", "5.", "+3", "10"}, {"1.5e3", ".", "1,5", "NaN"}},
    {"double",
     {"1.5e3", "-1E-2", "INF", "-INF", "NaN", "42", ".5e1"},
     {"1.5e", "inf", "e3", "1e3.5"}},
    {"float", {"3.14", "+INF"}, {"3,14"}},
    {"boolean", {"true", "false", "1", "0"}, {"True", "yes", "2", ""}},
    {"gYear", {"2019", "-0044", "2019Z", "2019+09:00"}, {"19", "2019-05", "02019"}},
    {"gYearMonth", {"2023-12", "2023-12Z"}, {"2023-13", "2023", "2023-1"}},
    {"gMonthDay", {"--02-29", "--12-31"}, {"--02-30", "--04-31", "02-28"}},
    {"gMonth", {"--05"}, {"--13", "-05"}},
    {"gDay", {"---31"}, {"---32", "---00"}},
    {"anyURI", {"https://v.daum.net/v/pS4iF1MUTC", "relative/path", ""}, {"has space", "a<b"}},
    {"language",
     {"en", "ru", "en-US", "zh-Hant-TW", "de-CH-1996"},
     {"", "englishlanguage", "en_US", "1en", "en-"}},
    {"hexBinary", {"0FB7", ""}, {"0FB", "0G"}},
    {"base64Binary", {"aGVsbG8=", "aGk=", ""}, {"aGVsbG8", "a$==", "===="}},
    {"token", {"a b", ""}, {" a", "a  b", "a\n"}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(validate_datatypes)

BOOST_AUTO_TEST_CASE(lexical_forms_are_accepted_and_rejected_per_datatype) {
  for (const Case& each : kCases) {
    BOOST_TEST_CONTEXT("xsd:" << each.datatype) {
      BOOST_TEST(kg::rdf::is_checked_datatype(xsd(each.datatype)));
      for (const std::string& lexical : each.valid)
        BOOST_TEST(is_valid_lexical_form(xsd(each.datatype), lexical), "'" << lexical << "'");
      for (const std::string& lexical : each.invalid)
        BOOST_TEST(!is_valid_lexical_form(xsd(each.datatype), lexical), "'" << lexical << "'");
    }
  }
}

BOOST_AUTO_TEST_CASE(unknown_datatypes_are_not_judged) {
  BOOST_TEST(!kg::rdf::is_checked_datatype("http://example.org/myType"));
  BOOST_TEST(is_valid_lexical_form("http://example.org/myType", "anything at all"));
  BOOST_TEST(!kg::rdf::is_checked_datatype(xsd("notAType")));
  BOOST_TEST(kg::rdf::is_checked_datatype(kg::rdf::vocab::kRdfLangString));
}

BOOST_AUTO_TEST_CASE(derivation_follows_the_xsd_hierarchy) {
  using kg::rdf::is_derived_datatype;
  BOOST_TEST(is_derived_datatype(xsd("byte"), xsd("integer")));
  BOOST_TEST(is_derived_datatype(xsd("integer"), xsd("decimal")));
  BOOST_TEST(is_derived_datatype(xsd("date"), xsd("date")));
  BOOST_TEST(is_derived_datatype(xsd("dateTimeStamp"), xsd("dateTime")));
  BOOST_TEST(!is_derived_datatype(xsd("dateTime"), xsd("dateTimeStamp")));
  BOOST_TEST(!is_derived_datatype(xsd("decimal"), xsd("integer")));
  BOOST_TEST(!is_derived_datatype(xsd("unsignedInt"), xsd("int")));
}

BOOST_AUTO_TEST_CASE(time_zones_are_recognised) {
  BOOST_TEST(kg::rdf::has_timezone("2024-05-10T13:00:00+09:00"));
  BOOST_TEST(kg::rdf::has_timezone("2024-05-10T13:00:00Z"));
  BOOST_TEST(!kg::rdf::has_timezone("2024-05-10T13:00:00"));
  BOOST_TEST(!kg::rdf::has_timezone("2024-05-10"));
}

BOOST_AUTO_TEST_SUITE_END()
