#include <gtest/gtest.h>

#include "vi/fold.hpp"
#include "vi/terms.hpp"
#include "vi/tokenizer.hpp"

using namespace vn::vi;

TEST(Terms, ExactIsLowercaseCanonicalAndFoldedHasNoMarks) {
  auto t = vn::vi::terms_for("HÓA", TokenKind::kWord);
  EXPECT_EQ(t.exact, "hoá");
  EXPECT_EQ(t.folded, "hoa");
  auto c = vn::vi::terms_for("29/2023/NĐ-CP", TokenKind::kCode);
  EXPECT_EQ(c.exact, "29/2023/nđ-cp");
  EXPECT_EQ(c.folded, "29/2023/nd-cp");
}

// lower_folds_to decides "is this token's folded term X" without building
// the term; it must agree with terms_for on every token of real text.
TEST(Terms, LowerFoldsToAgreesWithTheFoldedTerm) {
  const std::string text =
      "ĐẢNG BỘ TỈNH Cao Bằng, ngày 12 tháng 6 năm 2025. Số 215-BC/TU về THỦY lợi, hoà bình, Khoẻ; "
      "29/2023/NĐ-CP Ủy ban Nhân dân QUYẾT ĐỊNH: Điều 1. ữ ễ Ơ ư ă Â ỵ";
  std::vector<Token> tokens;
  tokenize(text, tokens);
  ASSERT_GT(tokens.size(), 30u);
  for (const Token& tok : tokens) {
    const std::string_view s = tok.text(text);
    const std::string folded = terms_for(s, tok.kind).folded;
    EXPECT_TRUE(lower_folds_to(s, folded)) << s;
    EXPECT_FALSE(lower_folds_to(s, folded + "x")) << s;
    EXPECT_FALSE(lower_folds_to(s, folded.substr(0, folded.size() - 1))) << s;
  }
  EXPECT_TRUE(lower_folds_to("Đảng", "dang"));
  EXPECT_FALSE(lower_folds_to("Đảng", "dan"));
  EXPECT_FALSE(lower_folds_to("Đảng", "Dang"));
}
