#include <fstream>
#include <ostream>

#include "harness.hpp"
#include "util/error.hpp"

namespace kg::w3c {

namespace {

constexpr size_t kMaxReasonLength = 400;

struct FolderCount {
  size_t passed = 0, total = 0;
};

}  // namespace

std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (text.size() > kMaxReasonLength) text = text.substr(0, kMaxReasonLength) + "...";
  return text;
}

Exclusions read_exclusions(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw Error(path.string() + ": cannot read the exclusion list");
  Exclusions exclusions;
  std::string line;
  unsigned number = 0;
  while (std::getline(in, line)) {
    ++number;
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    size_t end = line.find_first_of(" \t", start);
    size_t reason = end == std::string::npos ? end : line.find_first_not_of(" \t", end);
    if (reason == std::string::npos)
      throw Error(SourceLocation{path.string(), number, 1, {}}, "an exclusion needs a reason");
    exclusions[line.substr(start, end - start)] = line.substr(reason);
  }
  return exclusions;
}

bool report(const SuiteRun& run, const Exclusions& exclusions, const RunOptions& options,
            std::ostream& out) {
  std::map<std::string, FolderCount> folders;
  size_t passed = 0, failed = 0, excluded = 0, unexpected_passes = 0;
  for (const Outcome& outcome : run.outcomes) {
    FolderCount& folder = folders[outcome.test.folder];
    ++folder.total;
    auto exclusion = exclusions.find(outcome.test.iri);
    bool known = exclusion != exclusions.end();
    if (outcome.passed) {
      ++folder.passed;
      if (!known) {
        ++passed;
        continue;
      }
      ++unexpected_passes;
      out << "UNEXPECTED PASS " << outcome.test.iri << ": listed in exclusions.txt (\""
          << exclusion->second << "\") but passes now; remove it from the list\n";
    } else if (known) {
      ++excluded;
      if (options.verbose)
        out << "excluded " << outcome.test.iri << ": " << one_line(outcome.reason) << '\n';
    } else {
      ++failed;
      out << "FAIL " << outcome.test.iri << ": " << one_line(outcome.reason) << '\n';
    }
  }
  for (const auto& [folder, count] : folders)
    out << run.name << (folder == "." ? "" : "/" + folder) << ": " << count.passed << "/"
        << count.total << " passed\n";
  if (!run.not_in_scope.empty()) {
    out << run.name
        << ": not in scope (update, protocol, federation and entailment tests belong "
           "to later issues):";
    for (const auto& [category, count] : run.not_in_scope)
      out << ' ' << category << ' ' << count;
    out << '\n';
  }
  out << run.name << ": " << passed << " passed, " << failed << " failed, " << excluded
      << " excluded (known failures, see tests/w3c/exclusions.txt)";
  if (unexpected_passes) out << ", " << unexpected_passes << " excluded but passing";
  out << '\n';
  return failed == 0 && unexpected_passes == 0;
}

}  // namespace kg::w3c
