// Shared by the converter and validator tests: where the project, the kg binary and the seed
// articles are, temporary directories, and running kg as a user would.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kg::test {

std::filesystem::path source_dir();  // the checkout the tests were built from
std::filesystem::path kg_binary();
// $KG_SEED_DOCS, else ../shared/seeds beside the checkout.
std::filesystem::path seed_documents();
std::filesystem::path convert_fixture();    // tests/data/convert/project
std::filesystem::path validate_fixtures();  // tests/data/validate

// A fresh directory, removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int status = -1;  // exit status
  std::string out, err;
};

// Runs the kg binary with KG_ROOT set to project_root, in working_dir if given.
RunResult run_kg(const std::vector<std::string>& arguments,
                 const std::filesystem::path& project_root,
                 const std::filesystem::path& working_dir = {});
// Runs a shell command line; status is its exit status.
RunResult run_shell(const std::string& command);
std::string shell_quote(const std::string& text);

std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, const std::string& text);
// The lines of a command's output, without their '\n'.
std::vector<std::string> lines_of(const std::string& text);
// Replaces the one occurrence of from in the file; fails the test if there is not exactly one.
void replace_once(const std::filesystem::path& path, const std::string& from,
                  const std::string& to);

// The bytes and modification time of every file under a directory, to show it unchanged.
struct FileState {
  std::string bytes;
  std::filesystem::file_time_type modified;
  friend bool operator==(const FileState&, const FileState&) = default;
};
std::map<std::string, FileState> snapshot(const std::filesystem::path& dir);

// A copy of the converter fixture project (ontology/, seeds/) in a temporary directory.
class FixtureProject {
 public:
  FixtureProject();
  const std::filesystem::path& root() const { return dir_.path(); }
  std::filesystem::path exports() const { return root() / "exports"; }

 private:
  TempDir dir_;
};

}  // namespace kg::test
