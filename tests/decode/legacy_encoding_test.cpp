// Legacy Vietnamese encodings: the tables, conversion, detection and the
// decode_text integration. glibc's iconv (TCVN5712-1, CP1258, CP1252)
// serves as an independent reference where it has the encoding; the tests
// that need it skip without it. VNI, which iconv lacks, is checked against a
// transcription of the VNI keyboard's table written out below.
#include <gtest/gtest.h>
#include <iconv.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "decode/decode.hpp"
#include "decode/legacy_encoding.hpp"
#include "test_util.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

using namespace vn::text;
using namespace vn::decode;

namespace {

constexpr std::array<LegacyEncoding, 4> kAll = {LegacyEncoding::tcvn3, LegacyEncoding::tcvn5712_1,
                                                LegacyEncoding::vni_windows, LegacyEncoding::windows_1258};

// Rows of the Vietnamese vowels: level, grave, acute, hook, tilde, dot.
constexpr std::array<std::u32string_view, 12> kVowelRows = {
    U"aàáảãạ", U"ăằắẳẵặ", U"âầấẩẫậ", U"eèéẻẽẹ", U"êềếểễệ", U"iìíỉĩị",
    U"oòóỏõọ", U"ôồốổỗộ", U"ơờớởỡợ", U"uùúủũụ", U"ưừứửữự", U"yỳýỷỹỵ",
};

// Every Vietnamese letter with a diacritic, both cases (134).
std::vector<char32_t> vietnamese_letters() {
  std::vector<char32_t> v = {U'đ', U'Đ'};
  for (auto row : kVowelRows)
    for (char32_t c : row)
      if (c >= 0x80) {
        v.push_back(c);
        v.push_back(upper(c));
      }
  return v;
}

const std::string kParagraph =
    "NGHỊ QUYẾT\n"
    "Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2025 - 2030\n"
    "Căn cứ Điều lệ Đảng và Quy chế bầu cử trong Đảng; sau khi thảo luận, Đại hội thống nhất "
    "đánh giá: trong nhiệm kỳ qua, kinh tế - xã hội của tỉnh tiếp tục phát triển ổn định, quốc "
    "phòng, an ninh được giữ vững; đời sống vật chất và tinh thần của nhân dân từng bước được cải "
    "thiện. Tuy nhiên, tốc độ tăng trưởng chưa tương xứng với tiềm năng; công tác cải cách hành "
    "chính, chuyển đổi số còn chậm; một số dự án trọng điểm phải điều chỉnh tiến độ. Đại hội quyết "
    "định mục tiêu tổng quát: xây dựng Đảng bộ trong sạch, vững mạnh; phát huy sức mạnh khối đại "
    "đoàn kết các dân tộc; huy động mọi nguồn lực để phát triển nhanh và bền vững, phấn đấu đến năm "
    "2030 trở thành tỉnh khá của vùng trung du và miền núi phía Bắc. Giao Ban Chấp hành Đảng bộ "
    "tỉnh khóa XIX lãnh đạo, chỉ đạo tổ chức thực hiện thắng lợi Nghị quyết này.\n"
    "T/M ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\n"
    "CHỦ TỊCH\n";

// The paragraph without the lines whose capitals (Ị Ủ Ỉ Ạ) only VN1 has.
std::string paragraph_for_tcvn3() {
  const size_t from = kParagraph.find('\n') + 1;
  const size_t to = kParagraph.find("T/M");
  return kParagraph.substr(from, to - from);
}

// glibc iconv, or nullopt when it lacks the conversion or rejects the input.
std::optional<std::string> iconv_convert(const char* to, const char* from, std::string_view in) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(static_cast<intptr_t>(-1))) return std::nullopt;
  std::string out(in.size() * 4 + 16, '\0');
  char* inp = const_cast<char*>(in.data());
  size_t in_left = in.size();
  char* outp = out.data();
  size_t out_left = out.size();
  size_t rc = iconv(cd, &inp, &in_left, &outp, &out_left);
  if (rc != static_cast<size_t>(-1)) rc = iconv(cd, nullptr, nullptr, &outp, &out_left);  // flush
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1)) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

bool iconv_has(const char* encoding) { return iconv_convert("UTF-8", encoding, "a").has_value(); }

std::string byte(int b) { return std::string(1, static_cast<char>(b)); }

// Characters reachable with one or two bytes in `encoding`, each with the
// shortest byte string that writes it (the inverse of the decoder).
std::map<char32_t, std::string> encoder_for(LegacyEncoding encoding) {
  std::map<char32_t, std::string> enc;
  auto note = [&](const std::string& bytes) {
    const std::string utf8 = legacy_to_utf8(bytes, encoding);
    size_t i = 0;
    const char32_t cp = next_code_point(utf8, i);
    if (i == utf8.size()) enc.emplace(cp, bytes);  // keeps the first, shortest one
  };
  for (int a = 0; a < 256; ++a) note(byte(a));
  for (int a = 0; a < 256; ++a)
    for (int b = 0; b < 256; ++b) note(byte(a) + byte(b));
  return enc;
}

std::optional<std::string> encode(std::string_view utf8, const std::map<char32_t, std::string>& enc) {
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    const auto it = enc.find(next_code_point(utf8, i));
    if (it == enc.end()) return std::nullopt;
    out += it->second;
  }
  return out;
}

// Latin-1 text (every code point below U+0100) as its bytes: Windows-1252
// for the letters and symbols used here.
std::string latin1(std::string_view utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    const char32_t cp = next_code_point(utf8, i);
    EXPECT_LT(cp, 0x100u);
    out.push_back(static_cast<char>(cp));
  }
  return out;
}

std::string u8(std::u32string_view s) { return to_utf8(s); }

}  // namespace

// ------------------------------------------------------------------ tables

TEST(LegacyTables, EveryByteDecodesToNfcAndLettersAreDistinct) {
  for (LegacyEncoding e : kAll) {
    std::set<std::string> seen;
    for (int b = 0; b < 256; ++b) {
      const std::string s = legacy_to_utf8(byte(b), e);
      ASSERT_EQ(find_invalid_utf8(s), kValid) << encoding_name(e) << " byte " << b;
      ASSERT_EQ(to_nfc(s), s) << encoding_name(e) << " byte " << b;
      ASSERT_FALSE(s.empty());
      size_t i = 0;
      const char32_t first = next_code_point(s, i);
      const bool mark = first >= 0x300 && first < 0x370;
      if (mark) continue;  // a mark alone: VNI's upper- and lower-case marks agree
      EXPECT_EQ(i, s.size()) << encoding_name(e) << " byte " << b << " is one character";
      EXPECT_TRUE(seen.insert(s).second) << encoding_name(e) << " byte " << b << " repeats " << s;
    }
  }
}

TEST(LegacyTables, AnyTwoBytesDecodeToNfc) {
  for (LegacyEncoding e : kAll)
    for (int a = 1; a < 256; ++a)
      for (int b = 1; b < 256; ++b) {
        const std::string s = legacy_to_utf8(byte(a) + byte(b), e);
        ASSERT_EQ(to_nfc(s), s) << encoding_name(e) << " " << a << " " << b;
      }
}

TEST(LegacyTables, EveryVietnameseLetterIsWritable) {
  const std::vector<char32_t> letters = vietnamese_letters();
  ASSERT_EQ(letters.size(), 134u);
  for (LegacyEncoding e : kAll) {
    const auto enc = encoder_for(e);
    for (char32_t c : letters) EXPECT_TRUE(enc.count(c)) << encoding_name(e) << " lacks " << u8(std::u32string(1, c));
  }
  // One byte each in VN1. TCVN3 has every lower-case letter but, of the
  // toned capitals, only the 16 that VN2 places at 0xA0-0xFF; the other 44
  // (VN1's) take a base letter and a combining tone byte.
  const auto vn1 = encoder_for(LegacyEncoding::tcvn5712_1);
  const auto tcvn3 = encoder_for(LegacyEncoding::tcvn3);
  const std::u32string vn2_capitals = U"ĂÂÊÔƠƯĐẰẲẴẮẦẨẪẤỀỂỄẾỒỔỖỐ";
  size_t two_bytes = 0;
  for (char32_t c : letters) {
    EXPECT_EQ(vn1.at(c).size(), 1u) << u8(std::u32string(1, c));
    const bool one_byte = c == lower(c) || vn2_capitals.find(c) != std::u32string::npos;
    EXPECT_EQ(tcvn3.at(c).size(), one_byte ? 1u : 2u) << u8(std::u32string(1, c));
    two_bytes += tcvn3.at(c).size() == 2;
  }
  EXPECT_EQ(two_bytes, 44u);
}

TEST(LegacyTables, VniMatchesTheKeyboardTable) {
  // The VNI keyboard's letters, one row per vowel as in kVowelRows, written
  // as their bytes read in Latin-1. Capitals use the marks 0x20 lower.
  const std::array<std::u32string_view, 12> rows = {
      U"a aø aù aû aõ aï", U"aê aè aé aú aü aë", U"aâ aà aá aå aã aä", U"e eø eù eû eõ eï",
      U"eâ eà eá eå eã eä", U"i ì í æ ó ò",       U"o oø où oû oõ oï", U"oâ oà oá oå oã oä",
      U"ô ôø ôù ôû ôõ ôï", U"u uø uù uû uõ uï", U"ö öø öù öû öõ öï", U"y yø yù yû yõ î",
  };
  auto check = [](std::u32string_view latin1_spelling, char32_t letter) {
    std::string bytes;
    for (char32_t c : latin1_spelling) bytes.push_back(static_cast<char>(c));
    EXPECT_EQ(legacy_to_utf8(bytes, LegacyEncoding::vni_windows), u8(std::u32string(1, letter)))
        << u8(latin1_spelling);
  };
  for (size_t v = 0; v < rows.size(); ++v) {
    size_t tone = 0;
    for (size_t start = 0; start <= rows[v].size(); ++tone) {
      size_t end = rows[v].find(U' ', start);
      if (end == std::u32string_view::npos) end = rows[v].size();
      const std::u32string lower_spelling(rows[v].substr(start, end - start));
      std::u32string upper_spelling = lower_spelling;
      for (char32_t& c : upper_spelling) c -= 0x20;  // a -> A, ø -> Ø (both 0x20 lower)
      check(lower_spelling, kVowelRows[v][tone]);
      check(upper_spelling, upper(kVowelRows[v][tone]));
      start = end + 1;
    }
    EXPECT_EQ(tone, 6u);
  }
  check(U"ñ", U'đ');
  check(U"Ñ", U'Đ');
}

TEST(LegacyTables, AgreeWithGlibcIconvByteForByte) {
  if (!iconv_has("TCVN5712-1") || !iconv_has("CP1258") || !iconv_has("CP1252")) GTEST_SKIP() << "no glibc iconv";
  for (int b = 0; b < 256; ++b) {
    const std::string in = byte(b);
    const auto vn1 = iconv_convert("UTF-8", "TCVN5712-1", in);
    ASSERT_TRUE(vn1);
    EXPECT_EQ(legacy_to_utf8(in, LegacyEncoding::tcvn5712_1), *vn1) << "VN1 byte " << b;
    // TCVN3: VN1 outside 0x80-0x9F and the C0 capitals, Windows-1252 inside.
    const bool windows = b >= 0x80 && b < 0xA0;
    const auto reference = iconv_convert("UTF-8", windows ? "CP1252" : "TCVN5712-1", in);
    const std::string tcvn3 = legacy_to_utf8(in, LegacyEncoding::tcvn3);
    std::string same_value;  // what a byte an encoding leaves undefined reads as
    append_utf8(same_value, static_cast<char32_t>(b));
    if (b < 0x20) {
      EXPECT_EQ(tcvn3, in) << "TCVN3 keeps C0 byte " << b;
    } else {
      EXPECT_EQ(tcvn3, reference ? *reference : same_value) << "TCVN3 byte " << b;
    }
    const auto cp1258 = iconv_convert("UTF-8", "CP1258", in);
    EXPECT_EQ(legacy_to_utf8(in, LegacyEncoding::windows_1258), cp1258 ? *cp1258 : same_value) << "CP1258 byte " << b;
  }
}

TEST(LegacyTables, CompositionAgreesWithGlibcIconvForEveryPair) {
  if (!iconv_has("TCVN5712-1") || !iconv_has("CP1258")) GTEST_SKIP() << "no glibc iconv";
  const std::array<std::pair<LegacyEncoding, const char*>, 2> pairs = {
      {{LegacyEncoding::tcvn5712_1, "TCVN5712-1"}, {LegacyEncoding::windows_1258, "CP1258"}}};
  for (const auto& [encoding, name] : pairs)
    for (int a = 1; a < 256; ++a)
      for (int b = 1; b < 256; ++b) {
        const std::string in = byte(a) + byte(b);
        const auto reference = iconv_convert("UTF-8", name, in);
        if (!reference) continue;  // a byte CP1258 leaves undefined
        // glibc composes ó ú ö + tilde into ṍ ṹ ṏ, whose marks go in the
        // other order; Unicode (and legacy_to_utf8) keep ó + U+0303.
        if (to_u32(*reference).find_first_of(U"ṌṍṎṏṸṹ") != std::u32string::npos) continue;
        ASSERT_EQ(legacy_to_utf8(in, encoding), to_nfc(*reference)) << name << " " << a << " " << b;
      }
}

// -------------------------------------------------------------- round trips

TEST(LegacyRoundTrip, ThroughGlibcIconv) {
  if (!iconv_has("TCVN5712-1") || !iconv_has("CP1258")) GTEST_SKIP() << "no glibc iconv";
  const auto vn1 = iconv_convert("TCVN5712-1", "UTF-8", kParagraph);
  ASSERT_TRUE(vn1);
  EXPECT_EQ(legacy_to_utf8(*vn1, LegacyEncoding::tcvn5712_1), to_nfc(kParagraph));
  const auto vn3 = iconv_convert("TCVN5712-1", "UTF-8", paragraph_for_tcvn3());
  ASSERT_TRUE(vn3);
  EXPECT_EQ(legacy_to_utf8(*vn3, LegacyEncoding::tcvn3), paragraph_for_tcvn3());
  const auto cp1258 = iconv_convert("CP1258", "UTF-8", kParagraph);  // glibc writes base + combining tone
  ASSERT_TRUE(cp1258);
  EXPECT_NE(cp1258->find('\xF2'), std::string::npos) << "uses a combining dot below";
  EXPECT_EQ(legacy_to_utf8(*cp1258, LegacyEncoding::windows_1258), to_nfc(kParagraph));
}

TEST(LegacyRoundTrip, ThroughTheInverseTables) {
  for (LegacyEncoding e : kAll) {
    const auto bytes = encode(kParagraph, encoder_for(e));
    ASSERT_TRUE(bytes) << encoding_name(e);
    EXPECT_NE(find_invalid_utf8(*bytes), kValid) << encoding_name(e);
    EXPECT_EQ(legacy_to_utf8(*bytes, e), kParagraph) << encoding_name(e);
  }
}

TEST(LegacyConvert, MarksCombineOrStayCombining) {
  // VNI: capitals take the upper-case marks; a lower-case mark on a capital
  // still works. TCVN and CP1258: base letter + combining tone byte.
  EXPECT_EQ(legacy_to_utf8("Vie\xE4t Nam", LegacyEncoding::vni_windows), "Việt Nam");
  EXPECT_EQ(legacy_to_utf8("VIE\xC4T NAM", LegacyEncoding::vni_windows), "VIỆT NAM");
  EXPECT_EQ(legacy_to_utf8("A\xF9", LegacyEncoding::vni_windows), "Á");
  EXPECT_EQ(legacy_to_utf8("\xD6\xD4\xD9", LegacyEncoding::vni_windows), "ƯỚ");
  EXPECT_EQ(legacy_to_utf8("a\xB3", LegacyEncoding::tcvn3), "á");
  EXPECT_EQ(legacy_to_utf8("Vi\xEA\xF2t", LegacyEncoding::windows_1258), "Việt");
  // A mark after a consonant or a second tone stays a combining character.
  EXPECT_EQ(legacy_to_utf8("b\xEC", LegacyEncoding::windows_1258), "b\xCC\x81");
  EXPECT_EQ(legacy_to_utf8("\xE1\xEC", LegacyEncoding::windows_1258), "á\xCC\x81");
  // TCVN3 reads 0x80-0x9F as Windows punctuation, VN1 as capitals.
  EXPECT_EQ(legacy_to_utf8("\x93V\xAB\x94", LegacyEncoding::tcvn3), "“Vô”");
  EXPECT_EQ(legacy_to_utf8("\x9EY", LegacyEncoding::tcvn5712_1), "ỦY");
  EXPECT_EQ(legacy_to_utf8("\x01", LegacyEncoding::tcvn5712_1), "Ú");
  EXPECT_EQ(legacy_to_utf8(std::string("a\0b", 3), LegacyEncoding::tcvn3), std::string("a\0b", 3));
}

// --------------------------------------------------------------- detection

namespace {

// The clean sample documents shipped in the repository.
std::vector<std::string> sample_documents() {
  std::vector<std::string> docs;
  const auto dir = vn::test::samples_dir() / "clean";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::ifstream in(entry.path(), std::ios::binary);
    docs.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return docs;
}

// `text` as an ABC (.VnTime) user would have typed it: the toned capitals
// TCVN3 has no byte for written with the lower-case byte (the capitals font
// showed them), not as a base letter and a combining tone.
std::string fold_to_tcvn3(std::string_view text, const std::map<char32_t, std::string>& tcvn3) {
  std::u32string s = to_u32(text);
  for (char32_t& c : s)
    if (const auto it = tcvn3.find(c); it != tcvn3.end() && it->second.size() > 1) c = lower(c);
  return to_utf8(s);
}

}  // namespace

TEST(LegacyDetect, TheParagraphInEachEncoding) {
  for (LegacyEncoding e : kAll) {
    const std::string text = e == LegacyEncoding::tcvn3 ? paragraph_for_tcvn3() : kParagraph;
    const std::string bytes = *encode(text, encoder_for(e));
    EXPECT_EQ(detect_legacy_encoding(bytes), e) << encoding_name(e);
  }
}

TEST(LegacyDetect, SampleDocumentsInEachEncoding) {
  const auto docs = sample_documents();
  if (docs.empty()) GTEST_SKIP() << "samples/clean not found";
  std::map<LegacyEncoding, std::map<char32_t, std::string>> encoders;
  for (LegacyEncoding e : kAll) encoders[e] = encoder_for(e);
  for (const std::string& doc : docs) {
    for (LegacyEncoding e : kAll) {
      const std::string text = e == LegacyEncoding::tcvn3 ? fold_to_tcvn3(doc, encoders[e]) : to_nfc(doc);
      const auto bytes = encode(text, encoders[e]);
      ASSERT_TRUE(bytes) << encoding_name(e);
      const auto detected = detect_legacy_encoding(*bytes);
      ASSERT_TRUE(detected) << encoding_name(e) << "\n" << text.substr(0, 200);
      // VN1 text without VN1's capitals reads the same in TCVN3.
      if (*detected != e) {
        EXPECT_TRUE(e == LegacyEncoding::tcvn5712_1 && *detected == LegacyEncoding::tcvn3) << encoding_name(e);
      }
      EXPECT_EQ(legacy_to_utf8(*bytes, *detected), text) << encoding_name(e);
    }
  }
}

TEST(LegacyDetect, Vn1CapitalsAndWindowsQuotesPickTheirTcvnVariant) {
  const std::string vn1 = *encode(kParagraph, encoder_for(LegacyEncoding::tcvn5712_1));
  EXPECT_EQ(detect_legacy_encoding(vn1), LegacyEncoding::tcvn5712_1);
  // TCVN3 from Word: smart quotes and a dash at 0x93 0x94 0x96.
  const std::string quoted = "\x93" + *encode(paragraph_for_tcvn3(), encoder_for(LegacyEncoding::tcvn3)) +
                             "\x94 \x96 \x93Ngh\xDE quy\xD5t\x94";
  EXPECT_EQ(detect_legacy_encoding(quoted), LegacyEncoding::tcvn3);
  const DecodeResult r = decode_text(quoted);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_NE(r.text.find("“Nghị quyết”"), std::string::npos);
}

namespace {

// Paragraphs in other languages written in Latin letters.
std::vector<std::string_view> foreign_texts() {
  return {
      // French
      "Le conseil municipal s'est réuni à la mairie le mercredi 12 février. Après un débat animé, les élus "
      "ont approuvé le budget prévisionnel de l'année. Le maire a rappelé que les travaux de rénovation "
      "de l'école élémentaire débuteront dès le mois prochain, à condition que la météo le permette. "
      "Où en est le projet de la crèche ? Il sera présenté à la prochaine séance. Voilà déjà trois ans "
      "que les habitants du quartier attendent ce équipement : c'est une priorité, a-t-il déclaré.",
      // German
      "Die Gemeindeverwaltung hat am Dienstag beschlossen, die Straßenbeleuchtung in der Altstadt zu "
      "erneuern. Die Kosten für das Vorhaben belaufen sich auf rund 250.000 Euro. Der Bürgermeister "
      "erklärte, dass die Arbeiten im Frühjahr beginnen und bis zum Spätsommer abgeschlossen sein "
      "sollen. Außerdem wird über die Erweiterung des Kindergartens und die Öffnungszeiten der "
      "Bücherei gesprochen. Größere Änderungen sind für nächstes Jahr geplant.",
      // Spanish
      "El ayuntamiento aprobó ayer el presupuesto para el próximo año. Según el alcalde, la inversión "
      "en educación aumentará un diez por ciento y se construirá una nueva biblioteca en el barrio "
      "norte. También se discutió la reforma de la plaza mayor, que comenzará después del verano. "
      "¿Qué opinan los vecinos? Sí, la mayoría está de acuerdo, aunque piden más información sobre el "
      "día exacto de inicio de las obras y la duración prevista.",
      // Portuguese
      "A câmara municipal aprovou na sexta-feira o orçamento para o próximo ano. Segundo o presidente, "
      "as obras de reabilitação da escola começarão em março e não deverão ultrapassar seis meses. A "
      "população também será ouvida sobre a construção de uma nova praça. É uma decisão importante "
      "para a região, que há muito espera por estas melhorias; as informações estão disponíveis.",
      // Italian
      "Il consiglio comunale ha approvato ieri il bilancio per il prossimo anno. Secondo il sindaco, "
      "la città investirà di più nella scuola e nella sanità, perché è una priorità già da tempo. I "
      "lavori di ristrutturazione del municipio cominceranno a giugno; così la sede sarà più "
      "accessibile. Non è ancora chiaro quando verrà presentato il progetto della nuova piazza.",
      // Danish
      "Kommunalbestyrelsen vedtog i går budgettet for næste år. Ifølge borgmesteren skal der bruges "
      "flere penge på skolerne og ældreplejen. Arbejdet på den nye bro over åen begynder til foråret, "
      "og det forventes at være færdigt inden årets udgang. Borgerne får mulighed for at komme med "
      "forslag på et møde i rådhuset.",
  };
}

// `bytes` read as Windows-1252 (C1 controls where it has nothing), in UTF-8.
std::string windows_1252_as_utf8(std::string_view bytes) {
  const std::u32string_view at80 =
      U"€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
  std::string out;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    append_utf8(out, b >= 0x80 && b < 0xA0 ? at80[b - 0x80] : static_cast<char32_t>(b));
  }
  return out;
}

}  // namespace

// Issue 10: foreign 8-bit text was rejected whole. It is still not read as
// Vietnamese, but its ASCII is indexed, the rest reported as damage (less
// than decode::kMaxUnreadableShare of it).
TEST(LegacyDetect, ForeignTextIsNotVietnamese) {
  for (std::string_view t : foreign_texts()) {
    const std::string bytes = latin1(t);
    EXPECT_EQ(detect_legacy_encoding(bytes), std::nullopt) << t.substr(0, 40);
    const DecodeResult r = decode_text(bytes);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.source_encoding, "utf-8");
    ASSERT_FALSE(r.damage.empty());
    for (const vn::decode::DamagedSpan& s : r.damage.spans())
      EXPECT_EQ(s.kind, vn::decode::DamagedSpan::Kind::kInvalidUtf8) << r.damage.describe();
    // The ASCII as it was, each run of other bytes one U+FFFD.
    std::string ascii, replaced = r.text;
    for (char c : bytes)
      if (static_cast<unsigned char>(c) < 0x80) ascii += c;
    for (size_t at; (at = replaced.find("\xEF\xBF\xBD")) != std::string::npos;) replaced.erase(at, 3);
    EXPECT_EQ(replaced, ascii);
  }
}

TEST(LegacyDetect, RandomBytesAreNotVietnamese) {
  std::mt19937 rng(12345);
  for (int trial = 0; trial < 300; ++trial) {
    std::uniform_int_distribution<int> len(8, 8192), any(1, 255), high(0x80, 0xFF);
    std::string bytes(static_cast<size_t>(len(rng)), ' ');
    const bool mostly_high = trial % 3 == 0;
    for (char& c : bytes) c = static_cast<char>(mostly_high && trial % 2 ? high(rng) : any(rng));
    EXPECT_EQ(detect_legacy_encoding(bytes), std::nullopt) << "trial " << trial;
  }
}

TEST(LegacyDetect, TooLittleEvidenceIsNoDetection) {
  EXPECT_EQ(detect_legacy_encoding("xin ch\xB5o"), std::nullopt);  // TCVN3 "xin chào": one word
  EXPECT_EQ(detect_legacy_encoding(""), std::nullopt);
  EXPECT_EQ(detect_legacy_encoding("plain ASCII"), std::nullopt);
}

// ------------------------------------------------------------ decode_text

TEST(LegacyDecode, DecodeTextNamesTheSourceEncoding) {
  const std::array<std::pair<LegacyEncoding, std::string_view>, 4> names = {{
      {LegacyEncoding::tcvn3, "tcvn3"},
      {LegacyEncoding::tcvn5712_1, "tcvn5712-1"},
      {LegacyEncoding::vni_windows, "vni-windows"},
      {LegacyEncoding::windows_1258, "windows-1258"},
  }};
  for (const auto& [e, name] : names) {
    const std::string text = e == LegacyEncoding::tcvn3 ? paragraph_for_tcvn3() : kParagraph;
    const DecodeResult r = decode_text(*encode(text, encoder_for(e)));
    ASSERT_TRUE(r.ok) << name << ": " << r.error;
    EXPECT_EQ(r.text, text);
    EXPECT_EQ(r.source_encoding, name);
  }
}

TEST(LegacyDecode, CleanUtf8IsNeverReinterpreted) {
  // Vietnamese (one text with Latin-1 letters only, which passes the
  // Windows-1252 gate of the mojibake check), ASCII, and other languages.
  std::vector<std::string> texts = {kParagraph, paragraph_for_tcvn3(), "plain ASCII text\n",
                                    "Tôi là giáo viên. Các em chào cô giáo. Sáng mai tôi không đi làm, "
                                    "tôi ở nhà với bà. Anh ấy là bác sĩ."};
  for (std::string_view t : foreign_texts()) texts.emplace_back(t);
  for (const std::string& doc : sample_documents()) texts.push_back(doc);
  for (const std::string& text : texts) {
    EXPECT_EQ(detect_mojibake(text), std::nullopt) << text.substr(0, 60);
    const DecodeResult r = decode_text(text);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.text, to_nfc(text));
    EXPECT_EQ(r.source_encoding, "utf-8");
  }
}

TEST(LegacyDecode, MojibakeIsRepaired) {
  // The national motto in TCVN3, read as Windows-1252 and saved as UTF-8.
  const DecodeResult motto =
      decode_text("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n");
  ASSERT_TRUE(motto.ok) << motto.error;
  EXPECT_EQ(motto.text, "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n");
  EXPECT_EQ(motto.source_encoding, "tcvn3-mojibake");
  for (LegacyEncoding e : kAll) {
    const std::string text = e == LegacyEncoding::tcvn3 ? paragraph_for_tcvn3() : kParagraph;
    const std::string mojibake = windows_1252_as_utf8(*encode(text, encoder_for(e)));
    ASSERT_EQ(find_invalid_utf8(mojibake), kValid);
    EXPECT_EQ(detect_mojibake(mojibake), e) << encoding_name(e);
    const DecodeResult r = decode_text(mojibake);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.text, text) << encoding_name(e);
    EXPECT_EQ(r.source_encoding, std::string(encoding_name(e)) + "-mojibake");
  }
}

// Issue 10: a NUL byte, or a UTF-8 BOM before legacy text, rejected the
// whole file. The NUL is read as a space, and the legacy text after a BOM
// (which says UTF-8) as a passage, both reported as damage.
TEST(LegacyDecode, NulAndBomBeforeLegacyTextAreDamage) {
  const std::string vni = *encode(kParagraph, encoder_for(LegacyEncoding::vni_windows));
  const DecodeResult nul = decode_text(vni + std::string(1, '\0'));
  ASSERT_TRUE(nul.ok) << nul.error;
  EXPECT_EQ(nul.source_encoding, "vni-windows");
  EXPECT_EQ(nul.text, kParagraph + " ");
  EXPECT_EQ(nul.damage.describe(), "NUL at byte " + std::to_string(vni.size()));
  const DecodeResult bom = decode_text("\xEF\xBB\xBF" + vni);
  ASSERT_TRUE(bom.ok) << bom.error;
  EXPECT_EQ(bom.source_encoding, "utf-8-bom");
  EXPECT_EQ(bom.text, kParagraph);
  ASSERT_EQ(bom.damage.span_count(), 1u) << bom.damage.describe();
  EXPECT_EQ(bom.damage.spans()[0].kind, vn::decode::DamagedSpan::Kind::kLegacy);
  EXPECT_EQ(bom.damage.spans()[0].encoding, "vni-windows");
  EXPECT_EQ(bom.damage.unreadable_bytes(), 0u);
}
