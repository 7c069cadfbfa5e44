#include "convert_test_support.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>

namespace kg::test {

namespace fs = std::filesystem;

fs::path source_dir() {
  return fs::path(KG_SOURCE_DIR);
}

fs::path kg_binary() {
  return fs::path(KG_BINARY);
}

fs::path seed_documents() {
  if (const char* configured = std::getenv("KG_SEED_DOCS"); configured && *configured)
    return configured;
  return source_dir().parent_path() / "shared" / "seeds";
}

fs::path convert_fixture() {
  return source_dir() / "tests" / "data" / "convert" / "project";
}

fs::path validate_fixtures() {
  return source_dir() / "tests" / "data" / "validate";
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "kg-test-XXXXXX").string();
  BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text)
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

RunResult run_shell(const std::string& command) {
  TempDir outputs;
  fs::path out = outputs.path() / "out", err = outputs.path() / "err";
  std::string line =
      "( " + command + " ) > " + shell_quote(out.string()) + " 2> " + shell_quote(err.string());
  int status = std::system(line.c_str());
  RunResult result;
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_text(out);
  result.err = read_text(err);
  return result;
}

RunResult run_kg(const std::vector<std::string>& arguments, const fs::path& project_root,
                 const fs::path& working_dir) {
  std::string command =
      "KG_ROOT=" + shell_quote(project_root.string()) + " " + shell_quote(kg_binary().string());
  if (!working_dir.empty()) command = "cd " + shell_quote(working_dir.string()) + " && " + command;
  for (const std::string& argument : arguments)
    command += " " + shell_quote(argument);
  return run_shell(command);
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  BOOST_REQUIRE_MESSAGE(out, "cannot write " << path);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  for (size_t start = 0, end; start < text.size(); start = end + 1) {
    end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
  }
  return lines;
}

void replace_once(const fs::path& path, const std::string& from, const std::string& to) {
  std::string text = read_text(path);
  size_t at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, path << " lacks: " << from);
  BOOST_REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos,
                        path << " has more than one: " << from);
  text.replace(at, from.size(), to);
  write_text(path, text);
}

std::map<std::string, FileState> snapshot(const fs::path& dir) {
  std::map<std::string, FileState> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file())
      files[entry.path().lexically_relative(dir).string()] =
          FileState{read_text(entry.path()), entry.last_write_time()};
  return files;
}

FixtureProject::FixtureProject() {
  fs::copy(convert_fixture(), root(), fs::copy_options::recursive);
}

}  // namespace kg::test
