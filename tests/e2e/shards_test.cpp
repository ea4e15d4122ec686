// Past one machine (issue 16): two shards of the samples served by
// xapian-tcpsrv on 127.0.0.1 and searched through a stub file answer as
// the single index does: hits, order, snippets, facets and --doc.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sys/socket.h>

#include <chrono>
#include <thread>

#include "process_util.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using vn::test::quote;
using vn::test::run;

namespace {

const char* kTcpServer = "/usr/bin/xapian-tcpsrv";

// A TCP port free on 127.0.0.1 a moment ago (the kernel's choice).
unsigned free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

bool accepts(unsigned port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

// xapian-tcpsrv serving one database on 127.0.0.1, stopped when this goes.
class TcpServer {
 public:
  explicit TcpServer(const fs::path& xapian_dir) : port_(free_port()) {
    pid_ = vn::test::spawn({kTcpServer, "--interface", "127.0.0.1", "--port", std::to_string(port_), "--quiet",
                            xapian_dir.string()},
                           /*own_group=*/true);
    for (int i = 0; i < 100 && !accepts(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ~TcpServer() {
    ::kill(pid_, SIGTERM);
    vn::test::wait_for(pid_);
  }
  unsigned port() const { return port_; }

 private:
  unsigned port_;
  pid_t pid_;
};

std::string vnsearch(const std::string& args) { return run(std::string(VNSEARCH_PATH) + " " + args).out; }

// A search's JSON without the docids, which differ between layouts.
std::string comparable(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str());
  if (d.HasParseError() || !d.IsObject()) return "not JSON: " + json;
  if (d.HasMember("hits"))
    for (auto& h : d["hits"].GetArray()) h.RemoveMember("docid");
  rapidjson::StringBuffer out;
  rapidjson::Writer<rapidjson::StringBuffer> w(out);
  d.Accept(w);
  return out.GetString();
}

}  // namespace

TEST(ShardsE2E, TwoShardsBehindXapianTcpsrvAnswerThroughAStubFileAsTheSingleIndex) {
  if (!fs::exists(kTcpServer)) GTEST_SKIP() << "xapian-tcpsrv is not installed (Debian package xapian-tools)";
  vn::test::TempDir dir;
  const std::string samples = quote((vn::test::samples_dir() / "ocr").string());
  const std::string vnindex = std::string(VNINDEX_PATH) + " index -q --no-restore ";
  ASSERT_EQ(run(vnindex + "--db " + quote((dir / "whole").string()) + " " + samples).status, 0);
  for (const char* k : {"1", "2"})
    ASSERT_EQ(run(vnindex + "--remote-ready --shard " + k + "/2 --db " + quote((dir / ("shard-" + std::string(k))).string()) +
                  " " + samples).status, 0);
  TcpServer one(dir / "shard-1" / "xapian"), two(dir / "shard-2" / "xapian");
  vn::test::write_file(dir / "remote.stub", "# the samples in two shards\nremote 127.0.0.1:" + std::to_string(one.port()) +
                                                "\nremote 127.0.0.1:" + std::to_string(two.port()) + "\n");
  vn::test::write_file(dir / "local.stub", "auto shard-1/xapian\nauto shard-2\n");
  const std::string whole = "--db " + quote((dir / "whole").string());
  const std::string layouts[] = {"--db " + quote((dir / "remote.stub").string()),
                                 "--db " + quote((dir / "local.stub").string()),
                                 "--db " + quote((dir / "shard-1").string()) + " --db " + quote((dir / "shard-2").string())};
  for (const char* q : {"'nghị quyết'", "'\"ban thường vụ\"'", "ban NEAR tỉnh", "huyện", "type:baocao"}) {
    const std::string args = std::string(" --json --no-restore -n 100 --facet type,year,issuer -- ") + q;
    const std::string expected = comparable(vnsearch(whole + args));
    ASSERT_NE(expected.find("\"snippet\""), std::string::npos) << q << ": " << expected;
    for (const std::string& layout : layouts) EXPECT_EQ(comparable(vnsearch(layout + args)), expected) << layout << " " << q;
  }
  for (const char* order : {"date", "path"}) {
    const std::string args = std::string(" --paths --no-restore --sort ") + order + " ban";
    for (const std::string& layout : layouts) EXPECT_EQ(vnsearch(layout + args), vnsearch(whole + args)) << layout << order;
  }
  for (const auto& e : fs::directory_iterator(vn::test::samples_dir() / "ocr")) {
    const std::string doc = " --json --doc " + quote(e.path().string());
    const std::string expected = vnsearch(whole + doc);
    ASSERT_NE(expected.find("\"metadata\""), std::string::npos) << expected;
    EXPECT_EQ(vnsearch(layouts[0] + doc), expected) << e.path();
    EXPECT_EQ(vnsearch(layouts[0] + " --show both " + quote(e.path().string())),
              vnsearch(whole + " --show both " + quote(e.path().string())));
  }
}

TEST(ShardsE2E, ARemoteShardNotBuiltForRemoteServingStillRanksAndSaysWhyItHasNoSnippets) {
  if (!fs::exists(kTcpServer)) GTEST_SKIP() << "xapian-tcpsrv is not installed (Debian package xapian-tools)";
  vn::test::TempDir dir;
  ASSERT_EQ(run(std::string(VNINDEX_PATH) + " index -q --no-restore --db " + quote((dir / "plain").string()) + " " +
                quote((vn::test::samples_dir() / "ocr").string()))
                .status,
            0);
  TcpServer server(dir / "plain" / "xapian");
  vn::test::write_file(dir / "remote.stub", "remote 127.0.0.1:" + std::to_string(server.port()) + "\n");
  const auto r = run("sh -c " + quote(std::string(VNSEARCH_PATH) + " --db " + quote((dir / "remote.stub").string()) +
                                      " --no-restore huyện 2>&1"));
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("/ocr/"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--remote-ready"), std::string::npos) << r.out;
}
