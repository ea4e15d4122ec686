#include "query/shard_set.hpp"

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "store/frame_codec.hpp"
#include "store/schema.hpp"

namespace vn::query {
namespace fs = std::filesystem;

namespace {

// Times opening a local index is tried when writers discard the revision
// being opened.
constexpr int kOpenAttempts = 10;

// Milliseconds xapian-tcpsrv may take to connect and to answer.
constexpr unsigned kRemoteTimeoutMs = 10000;

// Waits before attempt + 1: 1, 2, 4 ... 64 ms.
void back_off(int attempt) { std::this_thread::sleep_for(std::chrono::milliseconds(1 << std::min(attempt, 6))); }

Xapian::Database open_local(const fs::path& db) {
  const auto dir = store::schema::xapian_dir(db);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
      throw IndexError("cannot open the index at " + db.string() + ": " + ec.message());  // e.g. permission denied
    throw IndexError("no index at " + db.string() + " (create one with: vnindex index --db " + db.string() + " INPUT...)");
  }
  // Opening reads one revision's tables; a writer committing twice in the
  // meantime discards that revision (read as modified, or as damage where
  // its blocks were reused), and the next attempt finds a newer one.
  for (int attempt = 0;; ++attempt) {
    try {
      return Xapian::Database(dir.string());
    } catch (const Xapian::DatabaseOpeningError& e) {
      throw IndexError("cannot open the index at " + db.string() + ": " + e.get_description());
    } catch (const Xapian::DatabaseError& e) {
      if (attempt == kOpenAttempts) throw IndexError("cannot open the index at " + db.string() + ": " + e.get_description());
      back_off(attempt);
    } catch (const Xapian::Error& e) {
      throw IndexError("cannot open the index at " + db.string() + ": " + e.get_description());
    }
  }
}

Xapian::Database open_remote(const ShardAddress& a) {
  try {
    return Xapian::Remote::open(a.host, a.port, kRemoteTimeoutMs, kRemoteTimeoutMs);
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open the shard " + a.describe() + ": " + e.get_description());
  }
}

// The shard a stub file line names ("auto PATH", "glass PATH",
// "remote HOST:PORT"); `stub` for the messages and relative paths.
ShardAddress stub_line(const fs::path& stub, size_t number, const std::string& line) {
  std::istringstream words(line);
  std::string kind, where, rest;
  words >> kind >> where;
  auto bad = [&](const std::string& why) {
    return IndexError(stub.string() + ":" + std::to_string(number) + ": " + why + " (stub lines: auto PATH, glass PATH, " +
                      "remote HOST:PORT)");
  };
  if (where.empty() || (words >> rest)) throw bad("expected a type and one address");
  ShardAddress a;
  if (kind == "auto" || kind == "glass") {
    fs::path dir = fs::path(where).is_absolute() ? fs::path(where) : stub.parent_path() / where;
    dir = dir.lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
    a.dir = dir.filename() == store::schema::xapian_dir("").filename() ? dir.parent_path() : dir;  // the index, not its xapian/
    return a;
  }
  if (kind != "remote") throw bad("unknown type '" + kind + "'");
  const size_t colon = where.rfind(':');
  if (colon == std::string::npos || colon == 0) throw bad("a remote shard is HOST:PORT");
  a.host = where.substr(0, colon);
  try {
    const unsigned long port = std::stoul(where.substr(colon + 1));
    if (port == 0 || port > 65535) throw std::out_of_range("port");
    a.port = static_cast<unsigned>(port);
  } catch (const std::logic_error&) {
    throw bad("'" + where.substr(colon + 1) + "' is no port");
  }
  return a;
}

std::vector<ShardAddress> read_stub(const fs::path& stub) {
  std::ifstream in(stub);
  if (!in) throw IndexError("cannot read the stub file " + stub.string());
  std::vector<ShardAddress> shards;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    const size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos || line[start] == '#') continue;
    shards.push_back(stub_line(stub, number, line));
  }
  if (shards.empty()) throw IndexError("the stub file " + stub.string() + " names no shard");
  return shards;
}

}  // namespace

std::string ShardAddress::describe() const {
  return remote() ? "remote " + host + ":" + std::to_string(port) : dir.string();
}

std::vector<ShardAddress> shard_addresses(const std::vector<fs::path>& db_args) {
  std::vector<ShardAddress> shards;
  for (const fs::path& arg : db_args) {
    std::error_code ec;
    if (fs::is_regular_file(arg, ec)) {
      for (ShardAddress& a : read_stub(arg)) shards.push_back(std::move(a));
    } else {
      shards.push_back({arg, {}, 0});
    }
  }
  return shards;
}

// One open shard and the way to its records.
struct ShardSet::Shard {
  Xapian::Database db;
  std::shared_ptr<const store::SidecarReader> sidecar;               // a local shard's
  std::shared_ptr<const store::FrameDecompressor> remote_decompressor;  // a remote shard's
};

ShardSet::ShardSet(std::vector<ShardAddress> shards) : addresses_(std::move(shards)) {
  if (addresses_.empty()) throw IndexError("no index to search");
  open();
}

void ShardSet::open() {
  std::vector<std::shared_ptr<Shard>> shards;
  Xapian::Database all;
  for (const ShardAddress& a : addresses_) {
    auto s = std::make_shared<Shard>();
    if (a.remote()) {
      s->db = open_remote(a);
      s->remote_decompressor = std::make_shared<store::FrameDecompressor>([db = s->db, place = a.describe()](unsigned id) {
        std::string bytes = db.get_metadata(store::schema::dictionary_key(id));
        if (bytes.empty())
          throw std::runtime_error("the shard " + place + " lacks sidecar dictionary " + std::to_string(id) +
                                   " (build it with vnindex index --remote-ready)");
        return bytes;
      });
    } else {
      s->db = open_local(a.dir);
      s->sidecar = std::make_shared<store::SidecarReader>(store::schema::sidecar_dir(a.dir));
    }
    all.add_database(s->db);
    shards.push_back(std::move(s));
  }
  shards_ = std::move(shards);
  all_ = all;
}

void ShardSet::reopen() { open(); }

bool ShardSet::any_remote() const {
  for (const ShardAddress& a : addresses_)
    if (a.remote()) return true;
  return false;
}

std::string ShardSet::describe() const {
  if (addresses_.size() == 1) return addresses_.front().describe();
  std::string s = "the " + std::to_string(addresses_.size()) + " shards ";
  for (size_t i = 0; i < addresses_.size(); ++i) s += (i ? ", " : "") + addresses_[i].describe();
  return s;
}

std::shared_ptr<const store::SidecarReader> ShardSet::records(Xapian::docid docid, const Xapian::Document& doc,
                                                               const store::DocumentData& data) const {
  const size_t i = (docid - 1) % shards_.size();
  const Shard& shard = *shards_[i];
  if (shard.sidecar) return shard.sidecar;
  const std::string place = addresses_[i].describe();
  auto source = [blob = doc.get_value(store::schema::kSlotRecord), base = data.sidecar.offset, place](
                    const std::string&, uint64_t offset, uint64_t length) {
    if (blob.empty())
      throw std::runtime_error("the shard " + place + " keeps its records on its own machine: build it with vnindex "
                               "index --remote-ready to show them remotely");
    if (offset < base || offset - base > blob.size() || length > blob.size() - (offset - base))
      throw std::runtime_error("the record value is shorter than its place");
    return blob.substr(offset - base, length);
  };
  return std::make_shared<store::SidecarReader>(std::move(source), shard.remote_decompressor, place);
}

}  // namespace vn::query
