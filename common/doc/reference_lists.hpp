// What the metadata extractor reads damaged values against. Each list is
// optional: without it, the values it would mend stay as written.
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace vn::doc {

class Gazetteer;
class PersonNames;

// How likely the OCR engine turned a syllable into a token: log10
// P(ocr | syllable), both in small letters. The restorer's channel
// (restore::ChannelModel::log_prob), which this layer does not see.
using OcrLikelihood = std::function<float(std::u32string_view ocr, std::u32string_view syllable)>;

// The restorer's reading of a short OCR'd phrase, as it restores a text
// of its own (restore::Restorer::restore), which this layer does not see.
using PhraseRestorer = std::function<std::string(std::string_view ocr)>;

struct ReferenceLists {
  const Gazetteer* places = nullptr;   // place and issuer names (doc/gazetteer.hpp)
  const PersonNames* names = nullptr;  // the signer's name (doc/person_names.hpp)
  const OcrLikelihood* ocr_likelihood = nullptr;  // with names: read the name from its OCR
  const PhraseRestorer* restore_phrase = nullptr;  // with the OCR: read a recipient OCR split over lines as one
};

}  // namespace vn::doc
