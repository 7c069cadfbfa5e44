// Errors that reach the user: one line, naming where the bad input is.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace kg {

// Where in the user's input a problem lies. Text formats give line and column (1-based);
// JSON inputs give a JSON pointer instead ("/facts/12/object").
struct SourceLocation {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  std::string json_path;

  bool empty() const { return file.empty() && line == 0 && json_path.empty(); }
  // "file:line:col", "file: at /json/path", "line:col", or "" when nothing is known.
  std::string to_string() const;

  // The line and column (in characters, both from 1) of a byte offset into UTF-8 text, for
  // libraries that report only offsets.
  static SourceLocation at_offset(std::string file, std::string_view text, size_t offset);
};

// The one exception type that the command line turns into "kg: <what()>" and a non-zero exit.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message);
  Error(SourceLocation where, const std::string& message);

  const SourceLocation& where() const { return where_; }
  // The message without the location prefix.
  const std::string& message() const { return message_; }

 private:
  SourceLocation where_;
  std::string message_;
};

}  // namespace kg
