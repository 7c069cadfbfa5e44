// Replace files so that readers see either the old or the new contents, never a mix.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace kg {

// Writes each file's contents to a temporary beside it, flushes them all to disk, then
// renames them into place. If any write fails, every temporary is removed and no target is
// touched. Throws kg::Error naming the file that failed.
void write_files_atomically(
    const std::vector<std::pair<std::filesystem::path, std::string>>& files);

inline void write_file_atomically(const std::filesystem::path& path, std::string contents) {
  write_files_atomically({{path, std::move(contents)}});
}

// Reads a whole file; throws kg::Error("FILE: cannot read: reason").
std::string read_file(const std::filesystem::path& path);

}  // namespace kg
