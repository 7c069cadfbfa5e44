#include "util/error.hpp"

namespace kg {

std::string SourceLocation::to_string() const {
  std::string out = file;
  if (line != 0) {
    if (!out.empty()) out += ':';
    out += std::to_string(line) + ':' + std::to_string(column);
  }
  if (!json_path.empty()) out += (out.empty() ? "at " : ": at ") + json_path;
  return out;
}

SourceLocation SourceLocation::at_offset(std::string file, std::string_view text, size_t offset) {
  SourceLocation where{std::move(file), 1, 1, {}};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++where.line;
      where.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++where.column;  // UTF-8 continuation bytes belong to the character before
    }
  }
  return where;
}

namespace {
std::string one_line(const SourceLocation& where, const std::string& message) {
  std::string text = where.empty() ? message : where.to_string() + ": " + message;
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return text;
}
}  // namespace

Error::Error(const std::string& message) : Error(SourceLocation{}, message) {}

Error::Error(SourceLocation where, const std::string& message)
    : std::runtime_error(one_line(where, message)), where_(std::move(where)), message_(message) {}

}  // namespace kg
