// A field's text as OCR leaves it, mended where a title or a recipient
// can only mean one thing: quote marks made of specks, a title's
// misspaced hyphens and misread commas.
#pragma once
#include <string>
#include <string_view>

namespace vn::doc {

// A quote mark OCR made of a speck or of a letter's hook, at one edge of a
// word ("hỗ trợ’ tiếp", "Như 'trên"): dropped, unless the text holds quote
// marks that pair up ("‘Ngày hội’").
std::string without_stray_quotes(std::string s);

// A title's punctuation as OCR spaced or misread it: a hyphen between
// words with a space on one side only ("kinh tế- xã hội") spaced on both,
// but a code's hyphen that OCR doubled ("số 22- -NQ/TU") made one again;
// and a stop before a word in small letters ("tư tưởng. đạo đức"), which a
// title, one sentence, holds only as a comma misread.
std::string mend_title_punctuation(std::string s);

// Whether `line` is a rule drawn under a title or a body's name, as a text
// layer or OCR gives it: three or more of _ - – — = ~ * and nothing else
// but spaces ("_____________", "- - -"). It ends the title above it.
bool is_rule(std::string_view line);

}  // namespace vn::doc
