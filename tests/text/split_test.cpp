#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "text/edits.hpp"
#include "text/split.hpp"

TEST(Split, KeepsEmptyPieces) {
  using vn::text::split;
  EXPECT_EQ(split("a\t\tb", '\t'), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(split("", '\n'), (std::vector<std::string_view>{""}));
  EXPECT_EQ(split("x\n", '\n'), (std::vector<std::string_view>{"x", ""}));
}

TEST(WithinOneEdit, OneByteApart) {
  using vn::text::within_one_edit;
  EXPECT_TRUE(within_one_edit("nghiquyet", "ngh]quyet"));
  EXPECT_TRUE(within_one_edit("bo", "boq"));
  EXPECT_TRUE(within_one_edit("noi", "noi"));
  EXPECT_FALSE(within_one_edit("nhan", "nbin"));
  EXPECT_FALSE(within_one_edit("ab", "abcd"));
}
