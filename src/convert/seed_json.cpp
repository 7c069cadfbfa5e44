#include "convert/seed_json.hpp"

#include <algorithm>

#include "util/atomic_file.hpp"
#include "util/error.hpp"

namespace kg::convert {

namespace {

std::string json_type_name(const nlohmann::json& value) {
  return std::string(value.type_name());
}

// The line and column (in characters, both from 1) of a byte offset.
std::pair<unsigned, unsigned> line_and_column(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  unsigned line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // UTF-8 continuation bytes belong to the character before
    }
  }
  return {line, column};
}

// nlohmann's message starts "[json.exception.parse_error.101] parse error at line 3, column
// 5: "; the location is given again by the caller, so keep only the explanation.
std::string explanation(const std::string& what) {
  size_t column = what.find("column ");
  size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
  if (colon == std::string::npos) return what;
  return what.substr(colon + 2);
}

// nlohmann reports an unexpected token where it ends; a reader looks for where it starts.
size_t start_of_token(std::string_view text, size_t end, const std::string& explanation) {
  if (end >= text.size()) return end;
  if (explanation.find("unexpected string literal") != std::string::npos && text[end] == '"') {
    size_t open = text.rfind('"', end == 0 ? 0 : end - 1);
    while (open != std::string_view::npos && open > 0 && text[open - 1] == '\\')
      open = text.rfind('"', open - 1);
    return open == std::string_view::npos ? end : open;
  }
  if (explanation.find("unexpected number literal") != std::string::npos ||
      explanation.find("unexpected literal") != std::string::npos) {
    constexpr std::string_view kTokenChars = "0123456789+-.eEtruefalsn";
    while (end > 0 && kTokenChars.find(text[end - 1]) != std::string_view::npos)
      --end;
  }
  return end;
}

}  // namespace

void JsonNode::fail(const std::string& message) const {
  throw Error(SourceLocation{*file_, 0, 0, pointer_.empty() ? "/" : pointer_}, message);
}

void JsonNode::expect_object(std::initializer_list<std::string_view> allowed) const {
  if (!value_->is_object()) fail("expected an object, found " + json_type_name(*value_));
  for (const auto& [key, value] : value_->items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string known;
    for (std::string_view each : allowed)
      known += (known.empty() ? "" : ", ") + std::string(each);
    JsonNode(value, append_pointer(pointer_, key), *file_)
        .fail("unknown key '" + key + "' (expected one of: " + known + ")");
  }
}

JsonNode JsonNode::member(std::string_view key) const {
  auto found = optional_member(key);
  if (!found) fail("missing \"" + std::string(key) + "\"");
  return *found;
}

std::optional<JsonNode> JsonNode::optional_member(std::string_view key) const {
  if (!value_->is_object()) fail("expected an object, found " + json_type_name(*value_));
  auto found = value_->find(key);
  if (found == value_->end()) return std::nullopt;
  return JsonNode(*found, append_pointer(pointer_, key), *file_);
}

std::vector<std::pair<std::string, JsonNode>> JsonNode::members() const {
  if (!value_->is_object()) fail("expected an object, found " + json_type_name(*value_));
  std::vector<std::pair<std::string, JsonNode>> result;
  for (const auto& [key, value] : value_->items())
    result.emplace_back(key, JsonNode(value, append_pointer(pointer_, key), *file_));
  return result;
}

std::vector<JsonNode> JsonNode::elements() const {
  if (!value_->is_array()) fail("expected an array, found " + json_type_name(*value_));
  std::vector<JsonNode> result;
  for (size_t i = 0; i < value_->size(); ++i)
    result.emplace_back((*value_)[i], pointer_ + "/" + std::to_string(i), *file_);
  return result;
}

std::string JsonNode::text() const {
  if (!value_->is_string()) fail("expected a string, found " + json_type_name(*value_));
  std::string value = value_->get<std::string>();
  if (value.empty()) fail("must not be empty");
  return value;
}

JsonFile load_json_file(const std::filesystem::path& path, std::string name) {
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(path, ignored))
    throw Error(SourceLocation{name, 0, 0, {}}, "missing file");
  std::string text = read_file(path);
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    // byte counts the characters read, the offending one included.
    std::string message = explanation(error.what());
    size_t offset = start_of_token(text, error.byte == 0 ? 0 : error.byte - 1, message);
    auto [line, column] = line_and_column(text, offset);
    throw Error(SourceLocation{name, line, column, {}}, message);
  }
  return JsonFile{std::move(name), std::move(root)};
}

std::string append_pointer(const std::string& pointer, std::string_view token) {
  std::string out = pointer + "/";
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

}  // namespace kg::convert
