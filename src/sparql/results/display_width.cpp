#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "sparql/results/results.hpp"

namespace kg::sparql {

namespace {

size_t code_point_width(UChar32 c) {
  if (c == 0) return 0;
  int category = u_charType(c);
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR)
    return 0;
  int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

}  // namespace

size_t display_width(std::string_view utf8) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  auto length = static_cast<int32_t>(utf8.size());
  size_t width = 0;
  for (int32_t offset = 0; offset < length;) {
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    // A malformed sequence shows as one replacement character.
    width += c < 0 ? 1 : code_point_width(c);
  }
  return width;
}

}  // namespace kg::sparql
