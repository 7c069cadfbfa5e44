#include "isolate.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <exception>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace kg::w3c {

namespace {

std::string guarded(const std::function<std::string()>& test) {
  try {
    return test();
  } catch (const std::exception& error) {
    return std::string("threw: ") + error.what();
  }
}

void write_all(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t wrote = write(fd, text.data() + done, text.size() - done);
    if (wrote <= 0 && errno != EINTR) return;
    if (wrote > 0) done += static_cast<size_t>(wrote);
  }
}

// Reads until the child closes the pipe or the deadline passes; false on timeout.
bool read_until_closed(int fd, std::string& out, std::chrono::steady_clock::time_point deadline) {
  char buffer[4096];
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd poll_fd{fd, POLLIN, 0};
    int ready = poll(&poll_fd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;
    ssize_t got = read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return true;
    out.append(buffer, static_cast<size_t>(got));
  }
}

}  // namespace

IsolatedResult run_isolated(const std::function<std::string()>& test, std::chrono::seconds limit,
                            bool isolate) {
  if (!isolate) {
    std::string reason = guarded(test);
    return {reason.empty(), reason};
  }
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return {false, std::string("pipe failed: ") + std::strerror(errno)};
  pid_t child = fork();
  if (child < 0) return {false, std::string("fork failed: ") + std::strerror(errno)};
  if (child == 0) {
    close(pipe_fds[0]);
    // "P" for a pass, else "F" and the reason.
    std::string reason = guarded(test);
    write_all(pipe_fds[1], reason.empty() ? "P" : "F" + reason);
    close(pipe_fds[1]);
    _exit(0);
  }
  close(pipe_fds[1]);
  std::string message;
  bool finished = read_until_closed(pipe_fds[0], message, std::chrono::steady_clock::now() + limit);
  close(pipe_fds[0]);
  if (!finished) kill(child, SIGKILL);
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (!finished) return {false, "timed out after " + std::to_string(limit.count()) + " s"};
  if (WIFSIGNALED(status)) return {false, "crashed: " + std::string(strsignal(WTERMSIG(status)))};
  if (message.empty()) return {false, "the test process ended without a verdict"};
  if (message[0] == 'P') return {true, {}};
  return {false, message.substr(1)};
}

}  // namespace kg::w3c
