#include <gtest/gtest.h>

#include "vi/terms.hpp"

using namespace vn::vi;

TEST(Terms, ExactIsLowercaseCanonicalAndFoldedHasNoMarks) {
  auto t = vn::vi::terms_for("HÓA", TokenKind::kWord);
  EXPECT_EQ(t.exact, "hoá");
  EXPECT_EQ(t.folded, "hoa");
  auto c = vn::vi::terms_for("29/2023/NĐ-CP", TokenKind::kCode);
  EXPECT_EQ(c.exact, "29/2023/nđ-cp");
  EXPECT_EQ(c.folded, "29/2023/nd-cp");
}
