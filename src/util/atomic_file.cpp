#include "util/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <memory>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include "util/error.hpp"

namespace kg {
namespace {

std::string system_error_text() {
  return std::strerror(errno);
}

// A temporary file that deletes itself unless released.
class TempFile {
 public:
  explicit TempFile(const std::filesystem::path& target) : target_(target) {
    std::string pattern = target.string() + ".tmp.XXXXXX";
    fd_ = ::mkstemp(pattern.data());
    if (fd_ < 0)
      throw Error(target.string() + ": cannot create temporary file: " + system_error_text());
    path_ = pattern;
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }

  void write_and_sync(const std::string& contents) {
    const char* data = contents.data();
    size_t left = contents.size();
    while (left > 0) {
      ssize_t written = ::write(fd_, data, left);
      if (written < 0) {
        if (errno == EINTR) continue;
        throw Error(target_.string() + ": cannot write: " + system_error_text());
      }
      data += written;
      left -= static_cast<size_t>(written);
    }
    // Keep the permissions an ordinary new file would get, not mkstemp's 0600.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);
    if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
      fd_ = -1;
      throw Error(target_.string() + ": cannot write: " + system_error_text());
    }
    fd_ = -1;
  }

  void rename_into_place() {
    if (::rename(path_.c_str(), target_.c_str()) != 0)
      throw Error(target_.string() + ": cannot replace: " + system_error_text());
    path_.clear();
  }

 private:
  std::filesystem::path target_;
  std::string path_;
  int fd_ = -1;
};

}  // namespace

void write_files_atomically(
    const std::vector<std::pair<std::filesystem::path, std::string>>& files) {
  std::vector<std::unique_ptr<TempFile>> temps;
  temps.reserve(files.size());
  for (const auto& [path, contents] : files) {
    if (path.has_parent_path()) {
      std::error_code ignored;
      std::filesystem::create_directories(path.parent_path(), ignored);
    }
    temps.push_back(std::make_unique<TempFile>(path));
    temps.back()->write_and_sync(contents);
  }
  for (auto& temp : temps)
    temp->rename_into_place();
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string() + ": cannot read: " + system_error_text());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Error(path.string() + ": cannot read: " + system_error_text());
  return std::move(buffer).str();
}

}  // namespace kg
