// Reading the seed JSON files so that every complaint names where it applies: syntax errors by
// line and column, everything else by JSON pointer ("/facts/12/object").
#pragma once

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace kg::convert {

// A value inside a parsed JSON file, with its JSON pointer. Accessors check the shape they
// expect and throw kg::Error("FILE: at POINTER: ...") when it is wrong.
class JsonNode {
 public:
  JsonNode(const nlohmann::json& value, std::string pointer, const std::string& file)
      : value_(&value), pointer_(std::move(pointer)), file_(&file) {}

  const nlohmann::json& value() const { return *value_; }
  const std::string& pointer() const { return pointer_; }
  const std::string& file() const { return *file_; }

  [[noreturn]] void fail(const std::string& message) const;

  // An object whose keys are all among allowed; reports the first other key.
  void expect_object(std::initializer_list<std::string_view> allowed) const;
  JsonNode member(std::string_view key) const;  // required
  std::optional<JsonNode> optional_member(std::string_view key) const;
  std::vector<std::pair<std::string, JsonNode>> members() const;
  std::vector<JsonNode> elements() const;  // of an array
  std::string text() const;                // a non-empty string
  bool is_string() const { return value_->is_string(); }

 private:
  const nlohmann::json* value_;
  std::string pointer_;
  const std::string* file_;
};

// A parsed JSON file and the name messages give it.
struct JsonFile {
  std::string name;
  nlohmann::json root;

  JsonNode root_node() const { return JsonNode(root, "", name); }
};

// Reads and parses a JSON file. A syntax error throws kg::Error("NAME:LINE:COL: ...").
JsonFile load_json_file(const std::filesystem::path& path, std::string name);

// Appends one reference token to a JSON pointer, escaping '~' and '/'.
std::string append_pointer(const std::string& pointer, std::string_view token);

}  // namespace kg::convert
