// A tiny lexicon and OCR channel for the restore unit tests.
#pragma once
#include "restore/channel_model.hpp"
#include "restore/lexicon.hpp"
#include "restore/train/channel_builder.hpp"

namespace vn::test {

using restore::ChannelModel;
using restore::ChannelModelBuilder;
using restore::Lexicon;

inline Lexicon small_lexicon() {
  return Lexicon({{"được", 900}, {"của", 800}, {"tổ", 500}, {"chức", 480}, {"đảng", 400}, {"dược", 50}, {"to", 40},
                  {"tô", 30}, {"lần", 300}, {"thứ", 250}, {"dang", 5}, {"đang", 200}, {"bộ", 350}, {"bo", 3}});
}

inline ChannelModelBuilder small_channel_counts() {
  ChannelModelBuilder m;
  for (int i = 0; i < 20; ++i) {
    m.add_pair(U"được", U"dugc");
    m.add_pair(U"của", U"ciia");
    m.add_pair(U"tổ", U"t6");
    m.add_pair(U"chức", U"chirc");
    m.add_pair(U"đảng", U"pang");
    m.add_pair(U"lần", U"1an");
    m.add_pair(U"thứ", U"thir");
    m.add_pair(U"bộ", U"bo");
  }
  m.add_pair(U"đang", U"dang");
  return m;
}

inline ChannelModel small_channel() { return small_channel_counts().build(); }

}  // namespace vn::test
