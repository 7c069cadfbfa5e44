#define BOOST_TEST_MODULE kg unit tests
#include <boost/test/unit_test.hpp>
