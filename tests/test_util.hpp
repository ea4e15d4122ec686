// Helpers shared by the tests: scratch directories and small files.
#pragma once
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace vn::test {

// The bundled sample archive (samples/) and ../shared beside the checkout
// (absent on a user's machine: tests that need it skip).
inline std::filesystem::path samples_dir() { return SAMPLES_DIR; }
inline std::filesystem::path shared_dir() { return SHARED_DIR; }

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("vnarchive-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// `s` as one zstd frame.
inline std::string zstd_compress(const std::string& s, int level = 3) {
  std::string out(ZSTD_compressBound(s.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), s.data(), s.size(), level));
  return out;
}

}  // namespace vn::test
