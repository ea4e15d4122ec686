#include "restore/train/trainer.hpp"

#include <rapidjson/document.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <ostream>
#include <stdexcept>

#include "io/atomic_file.hpp"
#include "io/source_file.hpp"
#include "restore/sentences.hpp"
#include "restore/token_case.hpp"
#include "restore/train/alignment.hpp"
#include "restore/train/channel_builder.hpp"
#include "restore/train/code_parts_builder.hpp"
#include "restore/train/lexicon_builder.hpp"
#include "vi/terms.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace vn::restore {
namespace fs = std::filesystem;

bool is_held_out(std::string_view line) {
  const auto crc = ::crc32(0L, reinterpret_cast<const Bytef*>(line.data()), static_cast<uInt>(line.size()));
  return crc % 100 == 0;
}

namespace {

std::string read_whole(const fs::path& path) {
  io::SourceBytes r = io::read_file(path.string(), uint64_t{4} << 30);
  if (!r.ok) throw std::runtime_error(path.string() + ": " + r.error);
  return std::move(r.bytes);
}

std::vector<fs::path> corpus_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.ends_with(".txt.zst") || (name.ends_with(".txt") && name != "syllables.txt")) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) throw std::runtime_error("no corpus files (*.txt.zst) in " + dir.string());
  return files;
}

// Calls f(line) for every training (not held-out) line of the corpus.
template <typename F>
void for_each_training_line(const std::vector<fs::path>& files, F&& f) {
  for (const fs::path& file : files) {
    const std::string text = read_whole(file);
    for (size_t start = 0; start < text.size();) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::string_view line(text.data() + start, end - start);
      if (!line.empty() && !is_held_out(line)) f(line);
      start = end + 1;
    }
  }
}

std::vector<std::string_view> nonblank_lines(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t start = 0; start <= s.size();) {
    size_t end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view line = s.substr(start, end - start);
    if (line.find_first_not_of(" \t\r\f") != std::string_view::npos) out.push_back(line);
    start = end + 1;
  }
  return out;
}

// Aligns a page line by line when the line counts agree, else as a whole.
void add_page(ChannelModelBuilder& channel, const Lexicon& lexicon, std::string_view clean, std::string_view ocr) {
  const auto cl = nonblank_lines(clean), ol = nonblank_lines(ocr);
  std::vector<AlignedToken> aligned;
  if (cl.size() == ol.size()) {
    for (size_t i = 0; i < cl.size(); ++i) {
      auto part = align_tokens(cl[i], ol[i]);
      aligned.insert(aligned.end(), part.begin(), part.end());
    }
  } else {
    aligned = align_tokens(clean, ocr);
  }
  for (const AlignedToken& a : aligned) {
    if (a.clean.empty() || a.ocr.empty()) continue;
    const std::string syllable = vi::terms_for(a.clean, vi::TokenKind::kWord).exact;
    if (lexicon.id(syllable) == kUnk) continue;
    channel.add_pair(text::to_u32(syllable), text::to_u32(text::to_lower(a.ocr)));
  }
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Where train_models writes: the models directory (symbolic links
// resolved), and beside it the staging directory that the new models are
// written into and the name the old directory takes if
// io::replace_directory falls back to two renames.
struct ModelDirs {
  fs::path out, staging, aside;
};

ModelDirs model_dirs(const fs::path& out_dir) {
  fs::path out = fs::weakly_canonical(out_dir);
  if (!out.has_filename()) out = out.parent_path();  // "models/"
  return {out, out.string() + ".train-staging", out.string() + ".train-old"};
}

// An empty staging directory, and the models directory as an interrupted
// run may have left it, repaired.
void start_staging(const ModelDirs& d) {
  if (fs::exists(d.out) && !fs::is_directory(d.out)) throw std::runtime_error(d.out.string() + ": not a directory");
  io::recover_directory(d.out, d.aside);
  fs::remove_all(d.staging);
  fs::create_directories(d.staging);
}

// Puts the staged models in the place of the models directory, with
// everything else that directory holds (a README) copied over.
void install_models(const ModelDirs& d) {
  if (!fs::exists(d.out)) {
    fs::rename(d.staging, d.out);
    return;
  }
  for (const auto& e : fs::directory_iterator(d.out)) {
    const fs::path copy = d.staging / e.path().filename();
    if (!fs::exists(fs::symlink_status(copy)))
      fs::copy(e.path(), copy, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
  }
  fs::permissions(d.staging, fs::status(d.out).permissions());
  io::replace_directory(d.out, d.staging, d.aside);
}

// Trains the models and writes their files into `dir`.
void write_models(const TrainOptions& o, const fs::path& dir, std::ostream& log) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::vector<fs::path> files = corpus_files(o.corpus_dir);

  LexiconBuilder lexicon_builder;
  size_t lines = 0;
  for_each_training_line(files, [&](std::string_view line) {
    lexicon_builder.add_text(line);
    ++lines;
  });
  const Lexicon lexicon = lexicon_builder.build(o.lexicon_min_count);
  save_lexicon(lexicon, dir / "lexicon.tsv");
  const std::vector<KeyCount> kept = lexicon_builder.kept_words(o.kept_word_min_count);
  save_kept_words(kept, dir / "kept_words.tsv");
  log << "lexicon: " << lexicon.size() << " syllables and " << kept.size() << " kept words from " << lines
      << " lines (" << seconds_since(t0) << " s)\n";

  LanguageModelBuilder lm(lexicon.vocab_size(), o.lm);
  size_t words = 0;
  std::vector<vi::Token> tokens;
  std::vector<WordId> ids;
  CodeRepairBuilder codes;
  for_each_training_line(files, [&](std::string_view line) {
    tokens.clear();
    vi::tokenize(line, tokens);
    for (const vi::Token& t : tokens)  // codes, and abbreviations ("ĐBQH"), which the restorer repairs alike
      if (t.kind == vi::TokenKind::kCode || (t.kind == vi::TokenKind::kWord && looks_like_abbreviation(t.text(line))))
        codes.add_token(t.text(line));
    for (const auto& [begin, end] : split_sentences(line, tokens)) {
      ids.clear();
      for (size_t i = begin; i < end; ++i) ids.push_back(lexicon.classify(tokens[i].text(line), tokens[i].kind));
      lm.add_sentence(ids);
      words += ids.size();
    }
  });
  lm.write(dir / "lm.bin");
  log << "language model: " << words << " tokens (" << seconds_since(t0) << " s)\n";
  const CodeRepair code_parts = codes.build(o.code_min_count);
  save_code_parts(code_parts, dir / "code_parts.tsv");
  log << "code parts: " << code_parts.size() << " (" << seconds_since(t0) << " s)\n";

  ChannelModelBuilder channel;
  size_t pages = 0;
  for (const fs::path& file : o.pair_files) {
    const std::string text = read_whole(file);
    for (size_t start = 0; start < text.size();) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      rapidjson::Document page;
      page.Parse(text.data() + start, end - start);
      start = end + 1;
      if (page.HasParseError() || !page.IsObject()) continue;
      if (!page.HasMember("clean") || !page.HasMember("ocr") || !page["clean"].IsString() || !page["ocr"].IsString())
        throw std::runtime_error(file.string() + ": a page lacks \"clean\" or \"ocr\"");
      add_page(channel, lexicon, page["clean"].GetString(), page["ocr"].GetString());
      ++pages;
    }
  }
  channel.save(dir / "channel.tsv", o.channel_min_count);
  log << "channel: " << channel.token_pairs() << " token pairs from " << pages << " pages (" << seconds_since(t0)
      << " s)\n";
}

}  // namespace

void train_models(const TrainOptions& o, std::ostream& log) {
  const ModelDirs dirs = model_dirs(o.out_dir);
  start_staging(dirs);
  try {
    write_models(o, dirs.staging, log);
    install_models(dirs);
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(dirs.staging, ignored);
    throw;
  }
}

}  // namespace vn::restore
