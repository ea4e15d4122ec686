// Running the real binaries from tests: to completion, or in the background
// to be killed.
#pragma once
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

namespace vn::test {

struct CommandResult {
  int status = -1;  // exit status, or -1 when it did not exit normally
  std::string out;  // standard output
};

// Runs a shell command line; standard error is discarded.
inline CommandResult run(const std::string& cmd) {
  CommandResult r;
  FILE* p = ::popen((cmd + " 2>/dev/null").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

// A shell word for `s`.
inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs a shell command line with its standard error read after its output.
inline CommandResult run_with_stderr(const std::string& cmd) { return run("sh -c " + quote(cmd + " 2>&1")); }

#ifdef VNINDEX_PATH
// Runs `vnindex ARGS` with its standard error read after its output.
inline CommandResult vnindex(const std::string& args) { return run_with_stderr(std::string(VNINDEX_PATH) + " " + args); }
#endif

// Starts `argv` in the background with its output discarded; returns its
// pid. `own_group`: in a process group of its own, for servers that signal
// their whole group when they stop (xapian-tcpsrv does).
inline pid_t spawn(const std::vector<std::string>& argv, bool own_group = false) {
  std::fflush(nullptr);  // or the child flushes our buffered output again
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (own_group) ::setpgid(0, 0);
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  return pid;
}

// Waits for `pid`; returns its exit status, or -1 when a signal ended it.
inline int wait_for(pid_t pid) {
  int st = 0;
  ::waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

}  // namespace vn::test
