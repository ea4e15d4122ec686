// Building the restoration models from the clean corpus and OCR pairs:
// lexicon.tsv, kept_words.tsv, lm.bin, channel.tsv and code_parts.tsv. Deterministic: the
// same inputs give the same files.
#pragma once
#include <filesystem>
#include <iosfwd>
#include <string_view>
#include <vector>

#include "restore/train/lm_builder.hpp"

namespace vn::restore {

struct TrainOptions {
  std::filesystem::path corpus_dir;                // *.txt.zst / *.txt, one paragraph per line
  std::vector<std::filesystem::path> pair_files;   // *.jsonl.zst pages {"clean", "ocr"}
  std::filesystem::path out_dir;
  uint64_t lexicon_min_count = 3;
  uint64_t kept_word_min_count = 50;               // kept_words.tsv (restore/kept_words.hpp)
  uint32_t channel_min_count = 1;
  uint64_t code_min_count = 20;                    // code_parts.tsv (restore/code_repair.hpp)
  LmBuildOptions lm;
};

// True for corpus lines kept out of training (1 %: CRC-32 of the line's
// bytes, modulo 100, is 0): the held-out split that scripts/make-ocr-pairs --held-out
// renders for evaluation.
bool is_held_out(std::string_view line);

// Trains and writes the model files; progress goes to `log`. The files are
// written into a staging directory beside out_dir ("<out_dir>.train-staging")
// that then takes out_dir's place in one atomic switch
// (io::replace_directory), keeping out_dir's other files (a README): a run
// that fails or is killed leaves out_dir as it was, never a mix of old and
// new models. Creates out_dir when missing. Not for concurrent runs into
// one out_dir.
// Throws std::runtime_error naming the input that cannot be read or the
// file or directory that cannot be written.
void train_models(const TrainOptions& options, std::ostream& log);

}  // namespace vn::restore
