#include "index/stop_request.hpp"

#include <signal.h>

namespace vn::index {
namespace {

StopRequest* g_stop = nullptr;

void on_stop_signal(int signal_number) {
  if (g_stop->requested()) {  // asked twice: stop now
    ::signal(signal_number, SIG_DFL);
    ::raise(signal_number);
    return;
  }
  g_stop->request(signal_number);
}

}  // namespace

void stop_on_signals(StopRequest& stop) {
  g_stop = &stop;
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // reads and writes in flight carry on; the run polls the request
  for (int s : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(s, &action, nullptr);
}

}  // namespace vn::index
